import type { Config } from '../../config.js'
import { cachedToken, fetchJson } from '../bot/platform-api.js'

/** The application messages this bot sends. */
export type WecomMessage = { msgtype: 'markdown'; markdown: { content: string } } | { msgtype: 'image'; image: { media_id: string } }

/** What the bot calls: send an application message to a user, upload an image as temporary media. */
export type WecomClient = { send(user: string, m: WecomMessage): Promise<void>; uploadImage(png: Buffer): Promise<string> }

/** A client for the application's secret; WECOM_API_URL points it at a fake server in tests. */
export function createWecomClient(config: Config['wecom']): WecomClient {
  const base = config.apiUrl.replace(/\/+$/, '')
  const token = cachedToken(async () => {
    const r = await fetchJson<{ errcode: number; errmsg?: string; access_token?: string; expires_in?: number }>(`${base}/cgi-bin/gettoken?${new URLSearchParams({ corpid: config.corpId ?? '', corpsecret: config.secret ?? '' })}`)
    if (r.errcode !== 0 || !r.access_token) throw new Error(`wecom: gettoken failed (${r.errcode}: ${r.errmsg ?? ''})`)
    return { token: r.access_token, expiresInSeconds: r.expires_in ?? 7200 }
  })
  return {
    async send(user, m) {
      const r = await fetchJson<{ errcode: number; errmsg?: string }>(`${base}/cgi-bin/message/send?${new URLSearchParams({ access_token: await token() })}`, { body: { touser: user, agentid: Number(config.agentId), ...m } })
      if (r.errcode !== 0) throw new Error(`wecom: message/send failed (${r.errcode}: ${r.errmsg ?? ''})`)
    },
    async uploadImage(png) {
      const form = new FormData()
      form.set('media', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'chart.png')
      const r = await fetchJson<{ errcode: number; errmsg?: string; media_id?: string }>(`${base}/cgi-bin/media/upload?${new URLSearchParams({ access_token: await token(), type: 'image' })}`, { form })
      if (r.errcode !== 0 || !r.media_id) throw new Error(`wecom: media/upload failed (${r.errcode}: ${r.errmsg ?? ''})`)
      return r.media_id
    },
  }
}
