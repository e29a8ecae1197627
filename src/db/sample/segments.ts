/**
 * Northwind Cloud's segments: the values of each built-in dimension with how common they are
 * and how they shift churn. The value names must match data/dimensions.json.
 */

/** Plan tiers with their list price per seat and month, seat range and churn multiplier. */
export const plans = {
  Starter: { weight: 45, seatPrice: 19, seatRange: [1, 5], churn: 1.3, ticketsPerMonth: 0.18 },
  Growth: { weight: 30, seatPrice: 29, seatRange: [3, 20], churn: 1.0, ticketsPerMonth: 0.3 },
  Pro: { weight: 18, seatPrice: 49, seatRange: [10, 60], churn: 0.7, ticketsPerMonth: 0.5 },
  Enterprise: { weight: 7, seatPrice: 69, seatRange: [25, 200], churn: 0.45, ticketsPerMonth: 1.0 },
} as const
/** A plan name. */
export type Plan = keyof typeof plans

/** Starter's per-seat price from the 2025-04-01 price increase (was 19). */
export const STARTER_PRICE_AFTER_INCREASE = 25
/** Annual contracts are billed at this share of the monthly list price. */
export const ANNUAL_DISCOUNT = 0.85

/** Regions with their share of signups and the chance a customer writes in Chinese. */
export const regions = {
  'North America': { weight: 40, chinese: 0.15 },
  Europe: { weight: 28, chinese: 0.12 },
  APAC: { weight: 22, chinese: 0.9 },
  LATAM: { weight: 10, chinese: 0.08 },
} as const
/** A region name. */
export type Region = keyof typeof regions

/** Acquisition channels: acquisition cost (for a Growth customer) and churn multiplier. */
export const channels = {
  'Organic search': { cac: 320, churn: 1.0 },
  'Paid ads': { cac: 950, churn: 1.45 },
  Referral: { cac: 180, churn: 0.65 },
  Partner: { cac: 620, churn: 0.9 },
  'Outbound sales': { cac: 2400, churn: 0.85 },
} as const
/** A channel name. */
export type Channel = keyof typeof channels

/** Channel mix differs by plan: sales teams bring the big accounts, ads bring the small ones. */
export const channelWeights: Record<Plan, Record<Channel, number>> = {
  Starter: { 'Organic search': 36, 'Paid ads': 34, Referral: 16, Partner: 10, 'Outbound sales': 4 },
  Growth: { 'Organic search': 30, 'Paid ads': 24, Referral: 17, Partner: 17, 'Outbound sales': 12 },
  Pro: { 'Organic search': 20, 'Paid ads': 14, Referral: 16, Partner: 22, 'Outbound sales': 28 },
  Enterprise: { 'Organic search': 8, 'Paid ads': 4, Referral: 12, Partner: 26, 'Outbound sales': 50 },
}

/** Acquisition cost scales with the deal size. */
export const cacPlanFactor: Record<Plan, number> = { Starter: 0.45, Growth: 1, Pro: 1.8, Enterprise: 3.5 }

/** Industries and their share of signups. */
export const industries = {
  Technology: 24,
  'Professional services': 14,
  Retail: 16,
  Education: 12,
  Healthcare: 12,
  Manufacturing: 12,
  Finance: 10,
} as const
/** An industry name. */
export type Industry = keyof typeof industries

/** Company sizes (employees): seat multiplier and churn multiplier. */
export const companySizes = {
  '1-10': { seats: 0.6, churn: 1.2 },
  '11-50': { seats: 0.9, churn: 1.0 },
  '51-200': { seats: 1.2, churn: 0.85 },
  '201+': { seats: 1.6, churn: 0.7 },
} as const
/** A company size band. */
export type CompanySize = keyof typeof companySizes

/** Size mix per plan: bigger companies buy bigger plans. */
export const sizeWeights: Record<Plan, Record<CompanySize, number>> = {
  Starter: { '1-10': 60, '11-50': 30, '51-200': 8, '201+': 2 },
  Growth: { '1-10': 25, '11-50': 45, '51-200': 22, '201+': 8 },
  Pro: { '1-10': 8, '11-50': 32, '51-200': 40, '201+': 20 },
  Enterprise: { '1-10': 2, '11-50': 10, '51-200': 33, '201+': 55 },
}

/** Contract terms (the company-specific `contract` attribute) and their churn multiplier. */
export const contracts = {
  Monthly: { churn: 1.0 },
  Annual: { churn: 0.3 },
} as const
/** A contract term. */
export type Contract = keyof typeof contracts

/** Share of each plan's customers on an annual contract. */
export const annualShare: Record<Plan, number> = { Starter: 0.15, Growth: 0.35, Pro: 0.55, Enterprise: 0.8 }
