import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Rollups of the customer-flow and revenue families, rebuilt at the end of seed and import
 * (src/db/rollups/rebuild-rollups.ts) and read by the catalog when a query fits them.
 * - rollup_customer_segments: every distinct combination of a customer's dimension values is one
 *   full segment; a customer is in exactly one, so sums over segments are exact.
 * - rollup_segments / rollup_segment_values: the levels stored, summed from the full segments:
 *   everyone (level '', no value rows), each value of one dimension (level = its id) and each pair of
 *   values of two dimensions (level = 'a,b'), so a question reads a handful of rows.
 * - rollup_flow / rollup_revenue: the family's measures per (level, span in months, window start
 *   month, segment), for every whole-month window of the stored spans. Distinct-customer counts cannot be
 *   summed across months, so each span is computed as such rather than added up from months.
 * - rollup_monthly: activity, tickets and NPS answers per (level, calendar month, segment) as sums
 *   and counts, span 1; they add up over any whole months, so a bucket of any length reads them.
 * - rollup_compare / rollup_profile_measures: compare_segments' per-customer measures summed over
 *   the members of each status (churned, retained, any) per (level, span, window, segment), and the
 *   numeric attributes' moments for its profile; kept for the coarser levels only (up to two
 *   dimensions fixed), which is what a comparison's filters and a profile's breakdown need.
 * - rollup_state: what the rollups were built from (row counts, as-of, dimensions); the catalog
 *   uses them only while that still describes the data.
 */
const flowColumns = ['active_start', 'new', 'reactivated', 'churned', 'churned_from_start', 'churned_voluntary', 'churned_involuntary', 'active_end']
const compareColumns = [
  'cr_all', 'cr_churned', 'cr_active', 'cr_all_churned', 'ten_n', 'ten_sum', 'ten_ss', 'mrr_n', 'mrr_sum', 'mrr_ss', 'tix_n', 'tix_sum', 'tix_ss',
  'res_n', 'res_sum', 'res_ss', 'lg_n', 'lg_sum', 'lg_ss', 'lt_r', 'lt_p', 'lt_d_n', 'lt_d_sum', 'lt_d_ss', 'np_n', 'np_pro', 'np_det',
]
const monthlyColumns = ['customer_months', 'logins', 'active_seats', 'key_feature_uses', 'tickets', 'tickets_resolved', 'resolution_hours', 'nps_responses', 'promoters', 'detractors']
const revenueColumns = ['start_mrr', 'end_mrr', 'churned_mrr', 'contraction_mrr', 'expansion_mrr', 'new_mrr', 'paying_start', 'paying_end', 'lost_mrr', 'present_mrr']

export const rollupTables: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createTable('rollup_state').addColumn('key', 'text', (c) => c.primaryKey()).addColumn('value', 'text', (c) => c.notNull()).execute()
    await db.schema
      .createTable('rollup_segments')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('first_start', 'text')
      .execute()
    await db.schema
      .createTable('rollup_segment_values')
      .addColumn('segment_id', 'integer', (c) => c.notNull())
      .addColumn('dimension', 'text', (c) => c.notNull())
      .addColumn('value', 'text')
      .addPrimaryKeyConstraint('rollup_segment_values_pk', ['segment_id', 'dimension'])
      .execute()
    await db.schema
      .createTable('rollup_customer_segments')
      .addColumn('customer_id', 'text', (c) => c.primaryKey())
      .addColumn('segment_id', 'integer', (c) => c.notNull())
      .execute()
    // The compare rollups read each segment's customers together.
    await db.schema.createIndex('rollup_customer_segments_segment').on('rollup_customer_segments').columns(['segment_id', 'customer_id']).execute()
    for (const [table, columns] of [['rollup_flow', flowColumns], ['rollup_revenue', revenueColumns], ['rollup_monthly', monthlyColumns]] as const) {
      let t = db.schema
        .createTable(table)
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('span', 'integer', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('segment_id', 'integer', (c) => c.notNull())
      for (const col of columns) t = t.addColumn(col, 'real', (c) => c.notNull().defaultTo(0))
      await t.addPrimaryKeyConstraint(`${table}_pk`, ['level', 'span', 'month', 'segment_id']).execute()
    }
    let compare = db.schema
      .createTable('rollup_compare')
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('span', 'integer', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('segment_id', 'integer', (c) => c.notNull())
    for (const col of compareColumns) compare = compare.addColumn(col, 'real', (c) => c.notNull().defaultTo(0))
    await compare.addPrimaryKeyConstraint('rollup_compare_pk', ['level', 'span', 'month', 'status', 'segment_id']).execute()
    await db.schema
      .createTable('rollup_profile_measures')
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('span', 'integer', (c) => c.notNull())
      .addColumn('month', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('measure', 'text', (c) => c.notNull())
      .addColumn('segment_id', 'integer', (c) => c.notNull())
      .addColumn('n', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('sum', 'real', (c) => c.notNull().defaultTo(0))
      .addColumn('ss', 'real', (c) => c.notNull().defaultTo(0))
      .addPrimaryKeyConstraint('rollup_profile_measures_pk', ['level', 'span', 'month', 'status', 'measure', 'segment_id'])
      .execute()
  },
  async down(db: Kysely<any>) {
    for (const t of ['rollup_monthly', 'rollup_profile_measures', 'rollup_compare', 'rollup_revenue', 'rollup_flow', 'rollup_customer_segments', 'rollup_segment_values', 'rollup_segments', 'rollup_state']) {
      await db.schema.dropTable(t).ifExists().execute()
    }
  },
}

/** The measure columns of rollup_flow, rollup_revenue, rollup_compare and rollup_monthly, in table order. */
export const rollupColumns = { flow: flowColumns, revenue: revenueColumns, compare: compareColumns, monthly: monthlyColumns } as const
