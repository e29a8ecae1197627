/** How churn is defined: a cancelled subscription, or no activity for N days. Typed data; wording comes from it. */
export type ChurnDefinition =
  | { kind: 'subscription' }
  | { kind: 'inactivity'; days: number }

/** Kept for the existing call sites: the configured churn definition. */
export type ChurnDefinitionConfig = ChurnDefinition

/** Human wording of a churn definition in the answer's language, stated with every result. */
export function describeChurnDefinition(churn: ChurnDefinition, lang: 'en' | 'zh' = 'en'): string {
  if (churn.kind === 'subscription') {
    return lang === 'zh' ? '流失 = 订阅取消或到期未续（取消日计为流失日）' : 'churn = subscription cancelled or not renewed (counted on the cancellation date)'
  }
  return lang === 'zh'
    ? `流失 = 连续 ${churn.days} 天无任何活动（第 ${churn.days} 天计为流失日）`
    : `churn = no activity for ${churn.days} days (counted on day ${churn.days} after the last activity)`
}
