import type { Generated, Kysely } from 'kysely'
import type { Db } from './open-database.js'

/** A stored risk model (migration 005): JSON columns hold its features, parameters, metrics and training set. */
export type RiskModelsTable = {
  id: string
  algorithm: string
  trained_at: string
  data_as_of: string
  mode: string
  horizon_months: number
  features: string
  parameters: string
  metrics: string
  training: string
}

/** A save action taken for a customer (a call, an offer…), on a date, by a team. */
export type InterventionsTable = {
  id: Generated<number>
  customer_id: string
  date: string
  action: string
  team: string | null
  note: string | null
  created_at: string
}

/** The risk tables, kept apart from schema.ts so the risk work adds no edits to the shared interface. */
export type RiskTables = {
  risk_models: RiskModelsTable
  interventions: InterventionsTable
}

/** The database handle with the risk tables typed. */
export function riskDb(db: Db): Kysely<RiskTables> {
  return db.withTables<RiskTables>() as unknown as Kysely<RiskTables>
}
