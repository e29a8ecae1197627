import type { Family } from '../../catalog/metric-types.js'
import { acquisition } from './acquisition.js'
import { customerFlow } from './customer-flow.js'
import { engagement } from './engagement.js'
import type { FamilyQuery } from './family.js'
import { npsStats } from './nps.js'
import { revenueFlow } from './revenue-flow.js'
import { tenure } from './tenure.js'
import { ticketStats } from './tickets.js'

/** The SQL behind each measure family. */
export const familyQueries: Record<Family, FamilyQuery> = {
  flow: customerFlow,
  revenue: revenueFlow,
  engagement,
  tickets: ticketStats,
  nps: npsStats,
  tenure,
  acquisition,
}
