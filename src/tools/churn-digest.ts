import { tool } from 'ai'
import { z } from 'zod'
import { buildDigest } from '../alerts/build-digest.js'
import { formatDigest } from '../alerts/format-digest.js'
import { resolveSegments } from '../query/resolve-segments.js'
import { filtersSchema, languageSchema, toWhere } from './schemas.js'
import { asToolResult, type ToolDeps } from './tool-deps.js'

/** Input of churn_digest. */
export function churnDigestInput(catalog: ToolDeps['catalog']) {
  return z.object({
    window: z.enum(['week', 'month']).optional().describe('the last 7 days (default) or the last full month, against the period before'),
    filters: filtersSchema(catalog),
    language: languageSchema,
  })
}

/** churn_digest: the scheduled churn summary, on demand. */
export function churnDigestTool(deps: ToolDeps) {
  return tool({
    description:
      'The churn digest managers get on schedule, on demand ("give me this week\'s churn summary", "本周流失简报"): churn rate vs the previous period with significance, the segment that moved most, top reasons with a quote, and MRR at risk from the risk model.',
    inputSchema: churnDigestInput(deps.catalog),
    execute: (input) => asToolResult(async () => {
      const lang = input.language ?? 'en'
      const scope = Object.fromEntries(resolveSegments(deps.catalog, [], toWhere(input.filters)).where.map((w) => [w.dim.id, w.values]))
      const digest = await buildDigest(deps, { window: input.window ?? 'week', scope, language: lang })
      const message = formatDigest(digest, deps.catalog, lang, 'chat')
      const { sql, ...data } = digest
      return { kind: 'digest' as const, title: message.title, text: message.text, ...data, period: digest.period, definition: lang === 'zh' ? '流失率 = 期初活跃客户中期内流失的比例；显著性为两比例 z 检验。' : 'Churn rate = share of customers active at the start who churned in the period; significance by a two-proportion z-test.', sql, rowCount: digest.churn.activeStart }
    }),
  })
}
