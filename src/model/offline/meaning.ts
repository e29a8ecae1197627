import type { Grain } from '../../catalog/types.js'
import type { PeriodInput } from '../../time/period.js'
import type { DateRange } from '../../time/calendar-ranges.js'
import type { Role } from './function-words.js'
import type { BandEdge } from '../../catalog/measure.js'

/** Segment filters: dimension id → stored values. */
export type Filters = Record<string, string[]>

/** One side of a comparison. */
export type Side = { status?: 'churned' | 'retained'; filters: Filters }

/** What a question (or one clause of it) asks for. */
export type Intent = 'describe' | 'reasons' | 'feedback' | 'compare' | 'metric' | 'measure' | 'none'

/** The understanding of one clause: catalog terms, time, shape, and what was not understood. */
export type Meaning = {
  intent: Intent
  metrics: string[]
  /** The clause names a metric in words ("attrition rate"), rather than one being inferred from its shape. */
  metricsNamed: boolean
  /** A rate is asked in words ("rate", "share", "率", "比例"), not only a metric phrase that may be a count ("流失"). */
  rateWords: boolean
  /** Refers back to a group named before ("their average spend", "他们的平均消费"). */
  refersBack: boolean
  by: string[]
  filters: Filters
  period?: PeriodInput
  grain?: Grain
  trend: boolean
  sides?: Side[]
  keywords: string[]
  /** Numeric attributes named (age, balance, tenure…). */
  measures: string[]
  /** A numeric attribute cut into bands ("churn by age: under 30, 30–50, over 50"); empty edges = default bands. */
  band?: { measure: string; edges: BandEdge[] }
  /** Values of a customer-status dimension named (Stayed / Churned / Joined), also where the word reads as churned or retained. */
  statusValues: Array<{ dim: string; value: string }>
  /** Reason words named in the clause ("price", "竞争对手"). */
  topics: string[]
  churnedOnly: boolean
  /** "What do customers complain about?": a feedback question without a topic. */
  anyComplaint: boolean
  /** A value-like word next to a dimension ("Platinum plan") or a proper name the data does not know. */
  unknownValues: Array<{ dim?: string; raw: string; breakdown?: boolean }>
  /** A cut with no numeric attribute to apply it to ("customers under 30" in data without age). */
  unmatchedCut?: string
  /** Content words nothing recognised ("marketing spend"). */
  unknownWords: string[]
  roles: Set<Role>
  /** Opens or ends like a follow-up ("and by region?", "what about…", "那…呢"). */
  followup: boolean
  /** Says almost nothing of its own ("Why?", "为什么？"): context comes from the previous question. */
  elliptical: boolean
  future: boolean
  outOfRange?: DateRange
}

/** A meaning with nothing in it yet. */
export function emptyMeaning(): Meaning {
  return {
    intent: 'none', metrics: [], metricsNamed: false, rateWords: false, refersBack: false, by: [], filters: {}, trend: false, keywords: [], topics: [], measures: [], statusValues: [], churnedOnly: false, anyComplaint: false,
    unknownValues: [], unknownWords: [], roles: new Set(), followup: false, elliptical: false, future: false,
  }
}

/** True when a clause only qualifies another (by, values, time) without asking anything itself. */
export function isModifierOnly(m: Meaning): boolean {
  return m.intent === 'none' || (m.intent === 'metric' && m.metrics.length === 0)
}

/** True when a clause says anything at all the analyst recognised. */
export function hasSubstance(m: Meaning): boolean {
  return m.intent !== 'none' || m.metrics.length > 0 || m.by.length > 0 || m.measures.length > 0 || Object.keys(m.filters).length > 0 || !!m.period || !!m.grain ||
    m.unknownValues.length > 0 || m.unknownWords.length > 0 || m.future || !!m.outOfRange ||
    // "And of those who stayed?": a follow-up naming only the churned or retained group.
    (m.followup && (m.roles.has('churned') || m.roles.has('retained')))
}
