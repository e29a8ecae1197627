import type { Config } from '../../config.js'
import { cachedToken, fetchJson } from '../bot/platform-api.js'

/** The messages this bot sends through a session webhook. */
export type DingTalkMessageBody =
  | { msgtype: 'markdown'; markdown: { title: string; text: string } }
  | { msgtype: 'actionCard'; actionCard: { title: string; text: string; singleTitle: string; singleURL: string } }

/** What the bot calls: post to the session webhook, and upload an image to get a media id for Markdown. */
export type DingTalkClient = { send(webhook: string, body: DingTalkMessageBody): Promise<void>; uploadImage(png: Buffer): Promise<string> }

/** A client for the robot's app key/secret; DINGTALK_API_URL points it at a fake server in tests. */
export function createDingTalkClient(config: Config['dingtalk']): DingTalkClient {
  const base = config.apiUrl.replace(/\/+$/, '')
  const token = cachedToken(async () => {
    const q = new URLSearchParams({ appkey: config.clientId ?? '', appsecret: config.clientSecret ?? '' })
    const r = await fetchJson<{ errcode: number; errmsg?: string; access_token?: string; expires_in?: number }>(`${base}/gettoken?${q}`)
    if (r.errcode !== 0 || !r.access_token) throw new Error(`dingtalk: gettoken failed (${r.errcode}: ${r.errmsg ?? ''})`)
    return { token: r.access_token, expiresInSeconds: r.expires_in ?? 7200 }
  })
  return {
    async send(webhook, body) {
      if (!trustedWebhook(webhook, config)) throw new Error(`dingtalk: untrusted sessionWebhook host ${safeHost(webhook)}`)
      const r = await fetchJson<{ errcode?: number; errmsg?: string }>(webhook, { body, headers: { 'x-acs-dingtalk-access-token': await token() } })
      if (r.errcode) throw new Error(`dingtalk: sessionWebhook refused the message (${r.errcode}: ${r.errmsg ?? ''})`)
    },
    async uploadImage(png) {
      const form = new FormData()
      form.set('media', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'chart.png')
      const r = await fetchJson<{ errcode: number; errmsg?: string; media_id?: string }>(`${base}/media/upload?${new URLSearchParams({ access_token: await token(), type: 'image' })}`, { form })
      if (r.errcode !== 0 || !r.media_id) throw new Error(`dingtalk: media/upload failed (${r.errcode}: ${r.errmsg ?? ''})`)
      return r.media_id
    },
  }
}

/** The session webhook comes from a verified message, but only DingTalk's hosts (or the configured API origin) are ever called. */
export function trustedWebhook(url: string, config: Pick<Config['dingtalk'], 'webhookHosts' | 'apiUrl'>): boolean {
  try {
    const u = new URL(url)
    if (u.protocol === 'https:' && config.webhookHosts.includes(u.hostname)) return true
    return u.origin === new URL(config.apiUrl).origin
  } catch {
    return false
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return '(invalid)'
  }
}
