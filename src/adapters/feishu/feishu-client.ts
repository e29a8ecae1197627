import type { Config } from '../../config.js'
import { cachedToken, fetchJson } from '../bot/platform-api.js'
import type { FeishuCard } from './feishu-card.js'

/** Feishu's response envelope: code 0 means success. */
type Envelope<T> = { code: number; msg?: string; data?: T }

/** The Feishu Open API calls the bot makes: reply in a thread and upload an image. */
export type FeishuClient = {
  replyCard(messageId: string, card: FeishuCard, o: { uuid: string; inThread: boolean }): Promise<string>
  uploadImage(png: Buffer): Promise<string>
}

/** A client for the app's tenant token; FEISHU_API_URL points it at Lark (open.larksuite.com) or a fake server. */
export function createFeishuClient(config: Config['feishu']): FeishuClient {
  const base = config.apiUrl.replace(/\/+$/, '')
  const token = cachedToken(async () => {
    const r = await fetchJson<{ code: number; msg?: string; tenant_access_token?: string; expire?: number }>(`${base}/open-apis/auth/v3/tenant_access_token/internal`, { body: { app_id: config.appId, app_secret: config.appSecret } })
    if (r.code !== 0 || !r.tenant_access_token) throw new Error(`feishu: tenant_access_token failed (code ${r.code}: ${r.msg ?? ''})`)
    return { token: r.tenant_access_token, expiresInSeconds: r.expire ?? 7200 }
  })
  const call = async <T>(path: string, init: { body?: unknown; form?: FormData }): Promise<T> => {
    const r = await fetchJson<Envelope<T>>(`${base}${path}`, { ...init, headers: { authorization: `Bearer ${await token()}` } })
    if (r.code !== 0) throw new Error(`feishu: ${path} failed (code ${r.code}: ${r.msg ?? ''})`)
    return r.data as T
  }
  return {
    async replyCard(messageId, c, o) {
      // reply_in_thread opens (or continues) the message's thread in a group; uuid makes a retried reply a no-op.
      const d = await call<{ message_id: string }>(`/open-apis/im/v1/messages/${encodeURIComponent(messageId)}/reply`, { body: { msg_type: 'interactive', content: JSON.stringify(c), reply_in_thread: o.inThread, uuid: o.uuid } })
      return d.message_id
    },
    async uploadImage(png) {
      const form = new FormData()
      form.set('image_type', 'message')
      form.set('image', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'chart.png')
      const d = await call<{ image_key: string }>('/open-apis/im/v1/images', { form })
      return d.image_key
    },
  }
}
