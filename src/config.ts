import type { ChurnDefinitionConfig } from './catalog/churn-definition.js'
import { z } from 'zod'
import { parseOriginList } from './auth/origins.js'
import { scopeSchema, type Scope } from './auth/principal.js'

/** Environment schema: the only place in src/ that reads process.env. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).default('data/churn.db'),
  DB_READERS: z.coerce.number().int().min(0).max(16).default(2),
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  TURN_PROCESSES: z.coerce.number().int().min(0).max(32).default(2),
  MODEL: z
    .string()
    .regex(/^(offline|openai:.+)$/, 'MODEL must be "offline" or "openai:<model-id>"')
    .default('offline'),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_API: z.enum(['responses', 'chat']).optional(),
  CHURN_DEFINITION: z.enum(['subscription', 'inactivity']).default('subscription'),
  INACTIVITY_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  GROSS_MARGIN: z.coerce.number().gt(0).max(1).default(0.8),
  PUBLIC_URL: z.string().url().optional(),
  WIDGET_SECRET: z.string().min(16).optional(),
  WIDGET_AUDIENCE: z.string().default('churn-insight'),
  WIDGET_ORIGINS: z.string().default('').superRefine((v, ctx) => {
    try {
      parseOriginList(v)
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message })
    }
  }),
  WEB_PAGE: z.enum(['open', 'off']).optional(),
  SLACK_SIGNING_SECRET: z.string().optional(),
  SLACK_BOT_TOKEN: z.string().optional(),
  SLACK_API_URL: z.string().url().optional(),
  CHART_RENDERER: z.enum(['svg', 'chromium']).default('svg'),
  FEISHU_APP_ID: z.string().optional(),
  FEISHU_APP_SECRET: z.string().optional(),
  FEISHU_ENCRYPT_KEY: z.string().optional(),
  FEISHU_VERIFICATION_TOKEN: z.string().optional(),
  FEISHU_MODE: z.enum(['ws', 'http']).default('ws'),
  FEISHU_API_URL: z.string().url().default('https://open.feishu.cn'),
  DINGTALK_CLIENT_ID: z.string().optional(),
  DINGTALK_CLIENT_SECRET: z.string().optional(),
  DINGTALK_MODE: z.enum(['stream', 'http']).default('stream'),
  DINGTALK_API_URL: z.string().url().default('https://oapi.dingtalk.com'),
  DINGTALK_WEBHOOK_HOSTS: z.string().default('oapi.dingtalk.com,api.dingtalk.com'),
  WECOM_CORP_ID: z.string().optional(),
  WECOM_AGENT_ID: z.string().optional(),
  WECOM_SECRET: z.string().optional(),
  WECOM_TOKEN: z.string().optional(),
  WECOM_ENCODING_AES_KEY: z.string().length(43).optional(),
  WECOM_API_URL: z.string().url().default('https://qyapi.weixin.qq.com'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  ALERTS_FILE: z.string().min(1).default('alerts.json'),
  MODEL_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  PII: z.enum(['mask', 'show']).default('mask'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(20),
  AUDIT_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  ANSWER_LINK_HOURS: z.coerce.number().min(0.01).max(24 * 30).default(24),
  BOT_SCOPES: z.string().default('{}').transform((v, ctx) => {
    try {
      return z.record(z.string().regex(/^(?:slack|feishu|dingtalk|wecom):[^:\s]+:[^:\s]+$/, 'keys are platform:tenant:user or platform:tenant:*'), scopeSchema).parse(JSON.parse(v))
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `must be JSON like {"slack:T0123:U0456": {"region": ["APAC"]}} (${e instanceof SyntaxError ? 'not JSON' : 'bad shape'})` })
      return z.NEVER
    }
  }),
})

/** Validated runtime configuration. */
export type Config = {
  port: number
  host: string
  databaseUrl: string
  /** Reader processes for a file database (0: queries run on the main thread) and the per-query time limit. */
  db: { readers: number; queryTimeoutMs: number }
  /** Processes the server answers non-streaming questions in (0: on the event loop). */
  turnProcesses: number
  model: string
  /** `api` picks the wire protocol; unset means chat completions with a baseURL, else the Responses API. */
  openai: { apiKey?: string; baseURL?: string; api?: 'responses' | 'chat' }
  churn: ChurnDefinitionConfig
  grossMargin: number
  publicUrl: string
  widget: { secret?: string; audience: string; origins: string[] }
  /** `open`: the chat page at / mints short-lived tokens for whoever can load it; `off`: only widget tokens work. */
  web: { page: 'open' | 'off' }
  slack: { signingSecret?: string; botToken?: string; apiUrl?: string }
  /** PNG charts for the chat bots: `svg` (no browser) or `chromium`. */
  chartRenderer: 'svg' | 'chromium'
  /** Feishu/Lark app; `ws` = long connection (no public URL), `http` = event subscription at /feishu/events. */
  feishu: { appId?: string; appSecret?: string; encryptKey?: string; verificationToken?: string; mode: 'ws' | 'http'; apiUrl: string }
  /** DingTalk robot (app key/secret); `stream` = Stream mode, `http` = callback at /dingtalk/events. sessionWebhook hosts allowed. */
  dingtalk: { clientId?: string; clientSecret?: string; mode: 'stream' | 'http'; apiUrl: string; webhookHosts: string[] }
  /** WeCom self-built application callback at /wecom/callback. */
  wecom: { corpId?: string; agentId?: string; secret?: string; token?: string; encodingAesKey?: string; apiUrl: string }
  logLevel: 'silent' | 'error' | 'info' | 'debug'
  /** Digests and alerts (schedules, channels, language); the server runs them when the file exists. */
  alertsFile: string
  /** Longest a model call may take before the offline analyst answers instead. */
  modelTimeoutMs: number
  /** `mask` (default): personal data is masked in answers, model input and pages; `show` turns that off. */
  pii: 'mask' | 'show'
  /** Questions per principal per minute (0 = unlimited). */
  rateLimitPerMinute: number
  /** Audit rows older than this many days are pruned. */
  auditDays: number
  /** Lifetime of the signed /answers links posted into Slack. */
  answerLinkHours: number
  /** Data scopes of chat-platform users: `platform:tenant:user` or `platform:tenant:*` → scope. */
  botScopes: Record<string, Scope>
}

export type { ChurnDefinitionConfig }

/** Parses env into a Config; throws a readable error listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    db: { readers: e.DB_READERS, queryTimeoutMs: e.QUERY_TIMEOUT_MS },
    turnProcesses: e.TURN_PROCESSES,
    model: e.MODEL,
    openai: { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, ...(e.OPENAI_API ? { api: e.OPENAI_API } : {}) },
    churn: e.CHURN_DEFINITION === 'inactivity' ? { kind: 'inactivity', days: e.INACTIVITY_DAYS } : { kind: 'subscription' },
    grossMargin: e.GROSS_MARGIN,
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? 'localhost' : e.HOST}:${e.PORT}`,
    widget: {
      secret: e.WIDGET_SECRET,
      audience: e.WIDGET_AUDIENCE,
      origins: parseOriginList(e.WIDGET_ORIGINS),
    },
    // Default: open only on a loopback address, where "whoever can load the page" is this machine's user.
    web: { page: e.WEB_PAGE ?? (['127.0.0.1', 'localhost', '::1'].includes(e.HOST) ? 'open' : 'off') },
    slack: { signingSecret: e.SLACK_SIGNING_SECRET, botToken: e.SLACK_BOT_TOKEN, apiUrl: e.SLACK_API_URL },
    chartRenderer: e.CHART_RENDERER,
    feishu: { appId: e.FEISHU_APP_ID, appSecret: e.FEISHU_APP_SECRET, encryptKey: e.FEISHU_ENCRYPT_KEY, verificationToken: e.FEISHU_VERIFICATION_TOKEN, mode: e.FEISHU_MODE, apiUrl: e.FEISHU_API_URL },
    dingtalk: {
      clientId: e.DINGTALK_CLIENT_ID,
      clientSecret: e.DINGTALK_CLIENT_SECRET,
      mode: e.DINGTALK_MODE,
      apiUrl: e.DINGTALK_API_URL,
      webhookHosts: e.DINGTALK_WEBHOOK_HOSTS.split(',').map((h) => h.trim()).filter(Boolean),
    },
    wecom: { corpId: e.WECOM_CORP_ID, agentId: e.WECOM_AGENT_ID, secret: e.WECOM_SECRET, token: e.WECOM_TOKEN, encodingAesKey: e.WECOM_ENCODING_AES_KEY, apiUrl: e.WECOM_API_URL },
    logLevel: e.LOG_LEVEL,
    alertsFile: e.ALERTS_FILE,
    modelTimeoutMs: e.MODEL_TIMEOUT_MS,
    pii: e.PII,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    auditDays: e.AUDIT_DAYS,
    answerLinkHours: e.ANSWER_LINK_HOURS,
    botScopes: e.BOT_SCOPES,
  }
}
