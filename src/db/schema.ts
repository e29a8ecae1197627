import type { Generated } from 'kysely'

/**
 * The one `Database` interface: every table's row type. Dates are UTC calendar
 * dates stored as ISO text (`YYYY-MM-DD`), months as the month's first day,
 * so comparisons are plain string comparisons on every dialect.
 */
export interface Database {
  meta: MetaTable
  customers: CustomersTable
  customer_attributes: CustomerAttributesTable
  dimensions: DimensionsTable
  measures: MeasuresTable
  customer_measures: CustomerMeasuresTable
  subscriptions: SubscriptionsTable
  mrr_history: MrrHistoryTable
  feedback: FeedbackTable
  feedback_reasons: FeedbackReasonsTable
  tickets: TicketsTable
  churn_events: ChurnEventsTable
  detail_sources: DetailSourcesTable
  detail_fields: DetailFieldsTable
  detail_rows: DetailRowsTable
  detail_values: DetailValuesTable
  activity: ActivityTable
  conversations: ConversationsTable
  messages: MessagesTable
  answers: AnswersTable
  api_tokens: ApiTokensTable
  audit_log: AuditLogTable
  rollup_state: RollupStateTable
  rollup_segments: RollupSegmentsTable
  rollup_segment_values: RollupSegmentValuesTable
  rollup_customer_segments: RollupCustomerSegmentsTable
  rollup_flow: RollupFlowTable
  rollup_revenue: RollupRevenueTable
  rollup_compare: RollupCompareTable
  rollup_monthly: RollupMonthlyTable
  rollup_profile_measures: RollupProfileMeasuresTable
}

/** Key/value facts about the data set: currency, as-of date, source, company name. */
export interface MetaTable {
  key: string
  value: string
}

/** One row per customer (account). Built-in dimensions are columns; company-specific ones live in customer_attributes. */
export interface CustomersTable {
  id: string
  name: string
  /** First subscription start (YYYY-MM-DD). */
  signup_date: string
  plan: string | null
  region: string | null
  channel: string | null
  industry: string | null
  company_size: string | null
  /** What it cost to acquire this customer, in the data set's currency; null when unknown. */
  acquisition_cost: number | null
  /** Last day with any product activity; drives the inactivity churn definition. */
  last_active_date: string | null
}

/** Company-specific dimension values (contract, payment method, city, …): one row per customer and dimension. */
export interface CustomerAttributesTable {
  customer_id: string
  dimension: string
  value: string
}

/** Dimensions declared by the data set (sample catalog or an import mapping), with bilingual names. */
export interface DimensionsTable {
  id: string
  /** `column:<customers column>` or `attribute` (stored in customer_attributes). */
  source: string
  name_en: string
  name_zh: string
  /** JSON: { en: string[], zh: string[] } */
  synonyms: string
  /** JSON: Record<value, { en?: string[]; zh?: string[]; label?: { en?: string; zh?: string } }> — names a value goes by, display names. */
  value_synonyms: string
  description: string
  position: number
  /** 1 when the dimension's values are Yes/No. */
  yes_no: Generated<number>
  /** OutcomeKind when the dimension records the churn outcome (customer status, the data's churn category); null otherwise. */
  outcome: string | null
}

/** Numeric attributes declared by the data set (age, balance, …), with bilingual names and a unit. */
export interface MeasuresTable {
  id: string
  name_en: string
  name_zh: string
  /** MeasureUnit: number, years, months, days, currency, count, percent, ratio, score. */
  unit: string
  /** JSON: { en: string[], zh: string[] } */
  synonyms: string
  description: string
  position: number
}

/** One numeric attribute value per customer and measure; no row = unknown (never 0). */
export interface CustomerMeasuresTable {
  customer_id: string
  measure: string
  value: number
}

/**
 * A subscription spell: from start_date until end_date (exclusive), null while active.
 * A customer's first spell starts at signup; a later spell is a reactivation.
 * end_date is the churn date; churn_type and reason describe that churn.
 */
export interface SubscriptionsTable {
  id: Generated<number>
  customer_id: string
  start_date: string
  end_date: string | null
  /** 1 when this spell starts a reactivation (a returning customer). */
  is_reactivation: number
  churn_type: 'voluntary' | 'involuntary' | null
  /** Stored reason category id (see catalog reasons), null when unknown. */
  reason_code: string | null
  /** The reason as the source stated it (e.g. Telco "Competitor made better offer"). */
  reason_text: string | null
}

/** Monthly recurring revenue per customer and month (month = first day). Absent or 0 = no revenue that month. */
export interface MrrHistoryTable {
  customer_id: string
  month: string
  mrr: number
}

/** Customer feedback: survey answers, exit interviews, ticket comments, reviews. Free text is data, never instructions. */
export interface FeedbackTable {
  id: Generated<number>
  customer_id: string
  date: string
  source: 'nps' | 'exit_interview' | 'support_ticket' | 'review'
  /** NPS 0–10 for surveys, 1–5 stars for reviews, null otherwise. */
  rating: number | null
  text: string
  language: 'en' | 'zh'
}

/** The keyword classifier's reason category of a feedback text, stored at seed/import time (src/db/store-reason-categories.ts). */
export interface FeedbackReasonsTable {
  feedback_id: number
  reason_id: string
}

/** Support tickets: opened date, category, hours to resolve (null while open). */
export interface TicketsTable {
  id: Generated<number>
  customer_id: string
  opened_date: string
  category: string
  hours_to_resolve: number | null
}

/**
 * One churn event as the source file recorded it (several on a day stay several); the spells in
 * `subscriptions` carry the churn that rates count. `refund`: amount refunded with it, null when unknown.
 */
/** A kind of child row an import kept (usage rows, subscriptions), with bilingual names. */
export interface DetailSourcesTable {
  id: string
  name_en: string
  name_zh: string
  /** JSON: { en: string[], zh: string[] } */
  synonyms: string
  /** The source column that says a row ended (its own churn), null when none. */
  ended_column: string | null
  position: number
}

/** A typed column of a detail source: `number`, `category` or `yes_no`. */
export interface DetailFieldsTable {
  source: string
  id: string
  kind: string
  name_en: string
  name_zh: string
  /** JSON: { en: string[], zh: string[] } */
  synonyms: string
  unit: string
  position: number
}

/** One child row: its customer and whether it ended (1/0, null when the source records no end). */
export interface DetailRowsTable {
  id: number
  source: string
  customer_id: string
  ended: number | null
}

/** One cell of a detail row: a number (num) or a category / yes-no value (text). */
export interface DetailValuesTable {
  row_id: number
  field: string
  num: number | null
  text: string | null
}

export interface ChurnEventsTable {
  id: Generated<number>
  customer_id: string
  date: string
  /** 1 when the file marks the event as one the customer came back from. */
  reactivation: number
  refund: number | null
}

/** Product activity per customer and month: the engagement signals that precede churn. */
export interface ActivityTable {
  customer_id: string
  month: string
  logins: number
  active_seats: number
  key_feature_uses: number
}

/** A chat conversation (web, widget, Slack thread, CLI). */
export interface ConversationsTable {
  id: string
  created_at: string
  channel: string
  /** External key such as a Slack thread (`slack:<channel>:<thread_ts>`), for lookups. */
  external_key: string | null
  /** Principal id that owns it (`widget:<sub>`, `token:<name>`, `slack:<team>:<user>`, `local`); null before ownership existed. */
  owner: string | null
}

/** One stored message: role plus the AI SDK model-message JSON. */
export interface MessagesTable {
  id: Generated<number>
  conversation_id: string
  position: number
  role: 'user' | 'assistant' | 'tool'
  content: string
  created_at: string
}

/** One answered question with its provenance, so "How was this computed?" shows exactly what ran. */
export interface AnswersTable {
  id: Generated<number>
  conversation_id: string
  question: string
  answer: string
  /** JSON: stored tool calls (name, input, SQL, period, definition, row count, result rows). */
  tool_calls: string
  /** JSON: charts ({mermaid, spec}) attached to the answer. */
  charts: string
  model: string
  created_at: string
}

/** A named API token for services and scripts; only its sha-256 hash is stored. */
export interface ApiTokensTable {
  name: string
  hash: string
  /** JSON scope (`{"region": ["APAC"]}`) or null for all data. */
  scope: string | null
  created_at: string
  last_used_at: string | null
  revoked_at: string | null
}

/** One row per question: who asked, where, which tools and SQL ran, the model and the outcome. */
export interface AuditLogTable {
  id: Generated<number>
  at: string
  /** Reference id shown to the user with errors, and found in the server log. */
  ref: string
  principal: string
  surface: string
  conversation_id: string | null
  question: string
  scope: string | null
  /** JSON: [{name, sql, rowCount, ms, error?}] */
  tools: string
  model: string
  outcome: 'answered' | 'fallback' | 'failed' | 'aborted' | 'rate_limited' | 'not_found'
  ms: number
}

/** What the rollups were built from (see src/db/rollups/rollup-state.ts): key `built_from`, a JSON fingerprint. */
export interface RollupStateTable {
  key: string
  value: string
}

/** A stored rollup segment (see migration 007); `first_start` is its customers' earliest spell start. */
export interface RollupSegmentsTable {
  id: number
  /** '': everyone; a dimension id: one value of it; 'a,b': a pair of values of two dimensions. */
  level: string
  first_start: string | null
}

/** A segment's value of each rolled-up dimension (null: the customers have none). */
export interface RollupSegmentValuesTable {
  segment_id: number
  dimension: string
  value: string | null
}

/** The full segment (every dimension's value) each customer belongs to. */
export interface RollupCustomerSegmentsTable {
  customer_id: string
  segment_id: number
}

/** The customer-flow family per (span in months, window start month, segment). */
export interface RollupFlowTable {
  level: string
  span: number
  month: string
  segment_id: number
  active_start: number
  new: number
  reactivated: number
  churned: number
  churned_from_start: number
  churned_voluntary: number
  churned_involuntary: number
  active_end: number
}

/** The revenue family per (span in months, window start month, segment). */
export interface RollupRevenueTable {
  level: string
  span: number
  month: string
  segment_id: number
  start_mrr: number
  end_mrr: number
  churned_mrr: number
  contraction_mrr: number
  expansion_mrr: number
  new_mrr: number
  paying_start: number
  paying_end: number
  lost_mrr: number
  present_mrr: number
}

/**
 * compare_segments' aggregates (src/query/compare-measures.ts, same names) over the members of one
 * status (churned, retained, any) per (level, span, window start month, segment).
 */
export interface RollupCompareTable {
  level: string
  span: number
  month: string
  status: 'churned' | 'retained' | 'any'
  segment_id: number
  cr_all: number
  cr_churned: number
  cr_active: number
  cr_all_churned: number
  ten_n: number
  ten_sum: number
  ten_ss: number
  mrr_n: number
  mrr_sum: number
  mrr_ss: number
  tix_n: number
  tix_sum: number
  tix_ss: number
  res_n: number
  res_sum: number
  res_ss: number
  lg_n: number
  lg_sum: number
  lg_ss: number
  lt_r: number
  lt_p: number
  lt_d_n: number
  lt_d_sum: number
  lt_d_ss: number
  np_n: number
  np_pro: number
  np_det: number
}

/** Count, sum and sum of squares of a numeric attribute over one status's members, as rollup_compare is keyed. */
export interface RollupProfileMeasuresTable {
  level: string
  span: number
  month: string
  status: 'churned' | 'retained' | 'any'
  measure: string
  segment_id: number
  n: number
  sum: number
  ss: number
}

/** Activity, tickets and NPS answers per (level, calendar month, segment): sums and counts (span is always 1). */
export interface RollupMonthlyTable {
  level: string
  span: number
  month: string
  segment_id: number
  customer_months: number
  logins: number
  active_seats: number
  key_feature_uses: number
  tickets: number
  tickets_resolved: number
  resolution_hours: number
  nps_responses: number
  promoters: number
  detractors: number
}
