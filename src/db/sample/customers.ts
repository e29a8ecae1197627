import { daysInMonth, MONTH_COUNT } from './calendar.js'
import { companyName } from './company-names.js'
import { Random, streamSeed } from './random.js'
import {
  annualShare, cacPlanFactor, channelWeights, channels, industries, plans, regions, sizeWeights,
  type Channel, type CompanySize, type Contract, type Industry, type Plan, type Region,
} from './segments.js'

/** Signups grow about 3% a month, so the last month brings ~2.9× the first month's signups. */
const SIGNUP_GROWTH = 0.03

const planWeights = Object.fromEntries(Object.entries(plans).map(([k, v]) => [k, v.weight])) as Record<Plan, number>
const regionWeights = Object.fromEntries(Object.entries(regions).map(([k, v]) => [k, v.weight])) as Record<Region, number>

/** One generated customer before it becomes rows: segments plus the hidden traits that drive its story. */
export type SampleCustomer = {
  index: number
  id: string
  name: string
  signupMonth: number
  signupDay: number
  plan: Plan
  region: Region
  channel: Channel
  industry: Industry
  size: CompanySize
  contract: Contract
  language: 'en' | 'zh'
  /** Latent account health (standard normal): healthier accounts engage more and churn less. */
  health: number
  acquisitionCost: number
  /** This customer's own random stream, used for everything generated after it. */
  rng: Random
}

/**
 * Builds customer number `index` of `total`. Signup times are stratified over the growth
 * curve, so ids ascend with signup date and every customer depends only on (seed, index, total).
 */
export function makeCustomer(index: number, total: number, seed: number): SampleCustomer {
  const rng = new Random(streamSeed(seed, index))
  const q = (index + rng.next()) / total
  const t = Math.log1p(q * Math.expm1(SIGNUP_GROWTH * MONTH_COUNT)) / SIGNUP_GROWTH
  const signupMonth = Math.min(MONTH_COUNT - 1, Math.floor(t))
  const signupDay = 1 + Math.min(daysInMonth(signupMonth) - 1, Math.floor((t - signupMonth) * daysInMonth(signupMonth)))

  const plan = rng.weighted(planWeights)
  const region = rng.weighted(regionWeights)
  const channel = rng.weighted(channelWeights[plan])
  const industry = rng.weighted(industries as Record<Industry, number>)
  const size = rng.weighted(sizeWeights[plan])
  const contract: Contract = rng.chance(annualShare[plan]) ? 'Annual' : 'Monthly'
  const language = rng.chance(regions[region].chinese) ? 'zh' : 'en'
  const health = rng.normal()
  const acquisitionCost = Math.round(rng.logNormal(channels[channel].cac * cacPlanFactor[plan], 0.35) * 100) / 100
  const name = companyName(rng, industry, region, language === 'zh')
  const id = `C${String(index + 1).padStart(Math.max(6, String(total).length), '0')}`
  return { index, id, name, signupMonth, signupDay, plan, region, channel, industry, size, contract, language, health, acquisitionCost, rng }
}
