import { createHmac } from 'node:crypto'
import { startFakePlatform } from '../bot/fake-platform.js'

export const APP_KEY = 'dingtestappkey'
export const APP_SECRET = 'test-dingtalk-app-secret-0123456789'

/**
 * A fake DingTalk: gettoken, media/upload (a media id usable in Markdown) and the session webhooks
 * (/robot/sendBySession) that answers are posted to, answering as the docs show.
 */
export async function startFakeDingTalk() {
  let media = 0
  return startFakePlatform('DingTalk', (call) => {
    if (call.path === '/gettoken') {
      if (call.query.get('appkey') !== APP_KEY || call.query.get('appsecret') !== APP_SECRET) return { body: { errcode: 40089, errmsg: 'invalid appkey or appsecret' } }
      return { body: { errcode: 0, errmsg: 'ok', access_token: 'dt-test-token', expires_in: 7200 } }
    }
    if (call.path === '/media/upload') {
      if (call.query.get('access_token') !== 'dt-test-token') return { body: { errcode: 40014, errmsg: 'invalid access_token' } }
      return { body: { errcode: 0, errmsg: 'ok', media_id: `@lADPtest${++media}`, type: call.query.get('type'), created_at: Date.now() } }
    }
    if (call.path === '/robot/sendBySession') return { body: { errcode: 0, errmsg: 'ok' } }
    return undefined
  })
}

/** The sign header DingTalk sends, written from the docs independently of the adapter. */
export function signLikeDingTalk(timestamp: string, secret = APP_SECRET): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64')
}

/** Request init for a signed callback (optionally another timestamp or secret). */
export function dingtalkRequest(body: unknown, o: { ts?: number; secret?: string } = {}): RequestInit {
  const timestamp = String(o.ts ?? Date.now())
  return { method: 'POST', headers: { 'content-type': 'application/json', timestamp, sign: signLikeDingTalk(timestamp, o.secret) }, body: JSON.stringify(body) }
}

let seq = 0

/** A robot text message as documented (group @-mention by default), with a session webhook on the fake. */
export function robotMessage(fakeUrl: string, text: string, o: { msgId?: string; group?: boolean; user?: string; conversationId?: string } = {}) {
  const n = ++seq
  const session = `session${n}`
  return {
    conversationId: o.conversationId ?? 'cidp7Yl9ZuhEMBvLn0ZKmKpbg==',
    atUsers: [{ dingtalkId: '$:LWCP_v1:$bot' }],
    chatbotCorpId: 'dinge8a565xxxx',
    chatbotUserId: '$:LWCP_v1:$bot',
    msgId: o.msgId ?? `msgxiBWE0AE5jBSHWHs4Yu${n}==`,
    senderNick: 'Zhang San',
    isAdmin: false,
    senderStaffId: o.user ?? 'manager0001',
    sessionWebhookExpiredTime: Date.now() + 90 * 60_000,
    createAt: Date.now(),
    senderCorpId: 'dinge8a565xxxx',
    conversationType: o.group === false ? '1' : '2',
    senderId: '$:LWCP_v1:$sender',
    conversationTitle: '管理层',
    isInAtList: true,
    sessionWebhook: `${fakeUrl}/robot/sendBySession?session=${session}`,
    text: { content: ` ${text}` },
    robotCode: APP_KEY,
    msgtype: 'text',
  }
}
