import type { Kysely } from 'kysely'
import type { Migration } from 'kysely/migration'

/**
 * Dimensions that record the churn outcome itself (a customer status such as Stayed / Churned /
 * Joined, the data's own churn category): kept to count and filter by, left out of profiles and
 * risk models. Null on every other dimension.
 */
export const dimensionOutcome: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('dimensions').addColumn('outcome', 'text').execute()
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('dimensions').dropColumn('outcome').execute()
  },
}
