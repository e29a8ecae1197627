import type { ReasonId } from '../../catalog/reasons.js'
import type { Random } from './random.js'

/** What the CRM's cancellation form recorded (subscriptions.reason_text): short, English, like a real pick-list plus notes. */
const phrases: Record<ReasonId, string[]> = {
  price: ['Too expensive', 'Price too high for our usage', 'Cannot justify the cost', 'Cheaper option elsewhere', 'Over budget after renewal quote'],
  support: ['Poor support experience', 'Slow ticket response', 'Support unhelpful', 'Waited too long for help', 'Unhappy with customer service'],
  product_quality: ['Too many bugs', 'Reliability issues', 'Outages affected our work', 'App too slow', 'Data sync errors'],
  missing_features: ['Missing key features', 'No integration with our CRM', 'Needs a mobile app', 'Reporting too limited', 'Feature gaps'],
  competitor: ['Switched to a competitor', 'Competitor made a better offer', 'Moved to an alternative', 'Consolidated on another vendor'],
  onboarding: ['Onboarding too hard', 'Team never adopted it', 'Setup too complicated', 'Lacked training'],
  relationship: ['Felt neglected', 'No account manager contact', 'Nobody checked in with us'],
  business_change: ['Budget cuts', 'Company closed', 'Acquired by another company', 'Downsizing', 'Project ended'],
  policy_change: ['Policy change', 'New regulation', 'Compliance requirements changed', 'Government policy affected business'],
  payment_failed: ['Payment failed', 'Card declined', 'Expired card', 'Billing failed after retries'],
  other: ['No reason given', 'No longer needed', 'Other', 'Internal decision'],
}

/** The text a price-increase cancellation carries once Starter's price went up. */
const priceIncreasePhrases = ['Price increase', 'Starter price increase', 'New pricing too high', 'Price went up']

/** A short reason_text for a churn with this reason code. */
export function reasonPhrase(rng: Random, reason: ReasonId, afterStarterIncrease = false): string {
  if (reason === 'price' && afterStarterIncrease && rng.chance(0.7)) return rng.pick(priceIncreasePhrases)
  return rng.pick(phrases[reason])
}
