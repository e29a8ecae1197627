import type { Family } from '../../catalog/metric-types.js'
import { acquisition } from './acquisition.js'
import { churnEventStats } from './churn-events.js'
import { churnFlagStats } from './churn-flag.js'
import { customerFlow } from './customer-flow.js'
import { engagement } from './engagement.js'
import { runFamily, type FamilyInput, type FamilyRow } from './family.js'
import { npsStats } from './nps.js'
import { refundStats } from './refunds.js'
import { revenueFlow } from './revenue-flow.js'
import { tenure } from './tenure.js'
import { ticketStats } from './tickets.js'

/** Runs a measure family: its SQL (kept for provenance) and the rows it returns. */
export type FamilyRunner = (input: FamilyInput) => Promise<{ rows: FamilyRow[]; sql: string }>

/** The SQL behind each measure family. */
export const familyRunners: Record<Family, FamilyRunner> = {
  flow: customerFlow,
  revenue: (i) => runFamily(revenueFlow(i)),
  engagement: (i) => runFamily(engagement(i)),
  tickets: (i) => runFamily(ticketStats(i)),
  nps: (i) => runFamily(npsStats(i)),
  tenure: (i) => runFamily(tenure(i)),
  acquisition: (i) => runFamily(acquisition(i)),
  events: (i) => runFamily(churnEventStats(i)),
  refunds: (i) => runFamily(refundStats(i)),
  flag: (i) => runFamily(churnFlagStats(i)),
}
