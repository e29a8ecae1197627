import type { ChannelConfig } from './alerts-config.js'
import type { OutgoingMessage } from './message.js'

/** Sends a message to one configured channel; throws on failure. One implementation per channel type. */
export type Deliverer = { deliver(channel: ChannelConfig, message: OutgoingMessage): Promise<void> }

/** What deliverers need: the Slack bot token and Web API base URL (from config), and fetch (injectable in tests). */
export type DeliveryDeps = { slack?: { botToken?: string; apiUrl?: string }; fetch?: typeof fetch }

const TIMEOUT_MS = 15_000

/** The Deliverer that dispatches on channel.type (Slack chat.postMessage, generic webhook POST). */
export function createDeliverer(deps: DeliveryDeps): Deliverer {
  const f = deps.fetch ?? fetch
  return {
    async deliver(channel, message) {
      if (channel.type === 'slack') return postSlack(f, deps.slack ?? {}, channel.channel, message)
      if (channel.type === 'webhook') return postWebhook(f, channel.url, channel.headers ?? {}, message)
      return postRobot(f, channel.type, channel.url, message)
    },
  }
}

async function postSlack(f: typeof fetch, slack: { botToken?: string; apiUrl?: string }, channel: string, m: OutgoingMessage): Promise<void> {
  if (!slack.botToken) throw new Error('Slack delivery needs SLACK_BOT_TOKEN')
  const base = (slack.apiUrl ?? 'https://slack.com/api/').replace(/\/?$/, '/')
  const res = await f(`${base}chat.postMessage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', authorization: `Bearer ${slack.botToken}` },
    body: JSON.stringify({ channel, text: `*${slackEscape(m.title)}*\n${slackEscape(m.text)}`, unfurl_links: false }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  const body = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string }
  if (!res.ok || body.ok !== true) throw new Error(`Slack chat.postMessage failed: ${body.error ?? res.status}`)
}

async function postWebhook(f: typeof fetch, url: string, headers: Record<string, string>, m: OutgoingMessage): Promise<void> {
  const res = await f(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify({ type: m.kind, source: m.source, language: m.language, title: m.title, text: m.text, data: m.data }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  if (!res.ok) throw new Error(`Webhook ${new URL(url).host} answered ${res.status}`)
}

// Slack reads <…> as links and mentions: customer quotes must not become either.
function slackEscape(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

// Group-robot payloads as each platform documents them; each answers HTTP 200 with an error code in the body.
const robotBody: Record<'feishu_robot' | 'dingtalk_robot' | 'wecom_robot', (m: OutgoingMessage) => unknown> = {
  feishu_robot: (m) => ({ msg_type: 'text', content: { text: `${m.title}\n${m.text}` } }),
  dingtalk_robot: (m) => ({ msgtype: 'markdown', markdown: { title: m.title, text: `### ${m.title}\n${m.text}` } }),
  wecom_robot: (m) => ({ msgtype: 'markdown', markdown: { content: `**${m.title}**\n${m.text}` } }),
}

async function postRobot(f: typeof fetch, kind: keyof typeof robotBody, url: string, m: OutgoingMessage): Promise<void> {
  const res = await f(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(robotBody[kind](m)),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  })
  const body = (await res.json().catch(() => ({}))) as { code?: number; errcode?: number; StatusCode?: number; msg?: string; errmsg?: string }
  const code = body.code ?? body.errcode ?? body.StatusCode
  if (!res.ok || (code !== undefined && code !== 0)) throw new Error(`${kind} answered ${res.status}${code !== undefined ? ` code ${code}: ${body.msg ?? body.errmsg ?? ''}` : ''}`)
}
