import type { Db } from '../open-database.js'

// Everything that describes the data set; conversations and messages are the users' and stay.
const dataTables = ['customers', 'customer_attributes', 'customer_measures', 'measures', 'subscriptions', 'mrr_history', 'feedback', 'tickets', 'churn_events', 'detail_values', 'detail_rows', 'detail_fields', 'detail_sources', 'activity', 'dimensions', 'meta'] as const

/** Deletes the data set (not conversations) so an import can replace it; call inside the import's transaction. */
export async function clearDataTables(trx: Db): Promise<void> {
  for (const table of dataTables) await trx.deleteFrom(table).execute()
}
