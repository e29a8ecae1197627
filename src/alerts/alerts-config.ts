import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { AppError } from '../errors.js'

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time is HH:MM (UTC)')

/** When a job runs (UTC): every hour at :MM, every day at HH:MM, or every week on a day at HH:MM. */
export const scheduleSchema = z.discriminatedUnion('every', [
  z.object({ every: z.literal('hour'), minute: z.number().int().min(0).max(59).default(0) }),
  z.object({ every: z.literal('day'), time: time.default('08:00') }),
  z.object({ every: z.literal('week'), day: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']).default('mon'), time: time.default('08:00') }),
])
export type Schedule = z.infer<typeof scheduleSchema>

/** Where messages go. New kinds (Feishu, DingTalk, WeCom) add a variant here and a Deliverer. */
export const channelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('slack'), channel: z.string().min(1).describe('Slack channel id or #name') }),
  z.object({ type: z.literal('webhook'), url: z.string().url(), headers: z.record(z.string(), z.string()).optional() }),
  /** A group chat's incoming-webhook robot (Feishu/Lark custom bot, DingTalk custom robot, WeCom group robot). */
  z.object({ type: z.enum(['feishu_robot', 'dingtalk_robot', 'wecom_robot']), url: z.string().url() }),
])
export type ChannelConfig = z.infer<typeof channelSchema>

/** The audience's slice of the data: dimension → values (e.g. { "region": ["APAC"] } for the APAC team). */
const scopeSchema = z.record(z.string(), z.array(z.string().min(1)).min(1)).default({})

const common = {
  id: z.string().min(1),
  schedule: scheduleSchema,
  channels: z.array(z.string().min(1)).min(1),
  language: z.enum(['en', 'zh']).default('en'),
  scope: scopeSchema,
}

/** A scheduled digest: the churn summary for the audience's scope. */
export const digestSchema = z.object({ ...common, window: z.enum(['week', 'month']).default('week') })
export type DigestConfig = z.infer<typeof digestSchema>

/** An alert: a segment's churn rises significantly, or expected MRR at risk passes a threshold. */
export const alertSchema = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('segment_churn_rise'), dimensions: z.array(z.string()).optional(), window: z.enum(['week', 'month']).default('month'), maxPValue: z.number().gt(0).lt(1).default(0.05), minCustomers: z.number().int().min(1).default(30) }),
  z.object({ ...common, kind: z.literal('mrr_at_risk'), threshold: z.number().positive(), horizonMonths: z.number().int().min(1).max(12).default(1) }),
])
export type AlertConfig = z.infer<typeof alertSchema>

/** alerts.json: named channels, digests and alerts. */
export const alertsFileSchema = z.object({
  channels: z.record(z.string(), channelSchema),
  digests: z.array(digestSchema).default([]),
  alerts: z.array(alertSchema).default([]),
}).superRefine((f, ctx) => {
  for (const job of [...f.digests, ...f.alerts]) {
    for (const c of job.channels) if (!f.channels[c]) ctx.addIssue({ code: 'custom', message: `${job.id}: unknown channel "${c}" (defined: ${Object.keys(f.channels).join(', ') || 'none'})` })
  }
})
export type AlertsFile = z.infer<typeof alertsFileSchema>

/** Reads and validates alerts.json; errors name the field. */
export async function loadAlertsFile(path: string): Promise<AlertsFile> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch (e) {
    throw new AppError('bad_request', `${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'not valid JSON'}`)
  }
  return parseAlertsFile(json, path)
}

/** Validates an alerts.json value. */
export function parseAlertsFile(json: unknown, label = 'alerts.json'): AlertsFile {
  const r = alertsFileSchema.safeParse(json)
  if (!r.success) {
    const i = r.error.issues[0]
    throw new AppError('bad_request', `${label}: ${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`)
  }
  return r.data
}
