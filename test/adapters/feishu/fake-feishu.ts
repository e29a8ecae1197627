import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import { startFakePlatform } from '../bot/fake-platform.js'

export const APP_ID = 'cli_test_app'
export const APP_SECRET = 'test-app-secret'
export const ENCRYPT_KEY = 'test-encrypt-key-1234'
export const VERIFICATION_TOKEN = 'test-verification-token'

/**
 * A fake Feishu Open API answering as the docs show: tenant_access_token/internal, im/v1/images
 * (image_key) and im/v1/messages/:id/reply (a new message id in the thread).
 */
export async function startFakeFeishu() {
  let msg = 0
  let img = 0
  return startFakePlatform('Feishu', (call) => {
    if (call.path === '/open-apis/auth/v3/tenant_access_token/internal') {
      if (call.json?.app_id !== APP_ID || call.json?.app_secret !== APP_SECRET) return { body: { code: 10014, msg: 'app secret invalid' } }
      return { body: { code: 0, msg: 'ok', tenant_access_token: 't-test-tenant-token', expire: 7200 } }
    }
    if (call.headers.authorization !== 'Bearer t-test-tenant-token') return { status: 401, body: { code: 99991663, msg: 'Invalid access token' } }
    if (call.path === '/open-apis/im/v1/images') return { body: { code: 0, msg: 'success', data: { image_key: `img_v3_test_${++img}` } } }
    const reply = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(call.path)
    if (reply) return { body: { code: 0, msg: 'success', data: { message_id: `om_reply_${++msg}`, root_id: reply[1], parent_id: reply[1], thread_id: `omt_${reply[1]}`, msg_type: call.json?.msg_type } } }
    return undefined
  })
}

/** Encrypts a body the way Feishu does with an Encrypt Key (written from the docs, independently of the adapter). */
export function encryptLikeFeishu(plain: string, key = ENCRYPT_KEY): string {
  const iv = randomBytes(16)
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update(key).digest(), iv)
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64')
}

/** Request init for an encrypted, signed event body, as Feishu posts it. */
export function feishuRequest(payload: unknown, o: { key?: string; forge?: boolean } = {}): RequestInit {
  const body = JSON.stringify({ encrypt: encryptLikeFeishu(JSON.stringify(payload), o.key) })
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(8).toString('hex')
  const sig = createHash('sha256').update(timestamp + nonce + (o.forge ? 'not-the-key' : (o.key ?? ENCRYPT_KEY)) + body).digest('hex')
  return { method: 'POST', headers: { 'content-type': 'application/json', 'x-lark-request-timestamp': timestamp, 'x-lark-request-nonce': nonce, 'x-lark-signature': sig }, body }
}

let seq = 0

/** An im.message.receive_v1 event (schema 2.0) as documented: a text message, in a group with an @-mention by default. */
export function messageEvent(text: string, o: { eventId?: string; messageId?: string; rootId?: string; chatType?: 'group' | 'p2p'; chatId?: string; user?: string } = {}) {
  const n = ++seq
  const group = (o.chatType ?? 'group') === 'group'
  return {
    schema: '2.0',
    header: { event_id: o.eventId ?? `5e3702a84e847582be8db7fb73283c${String(n).padStart(2, '0')}`, event_type: 'im.message.receive_v1', create_time: '1608725989000', token: VERIFICATION_TOKEN, app_id: APP_ID, tenant_key: '2ca1d211f64f6438' },
    event: {
      sender: { sender_id: { union_id: 'on_8ed6aa67826108097d9ee143816345', user_id: 'e33ggbyz', open_id: o.user ?? 'ou_84aad35d084aa403a838cf73ee18467' }, sender_type: 'user', tenant_key: '2ca1d211f64f6438' },
      message: {
        message_id: o.messageId ?? `om_dc13264520392913993dd051dba21d${String(n).padStart(2, '0')}`,
        ...(o.rootId ? { root_id: o.rootId, parent_id: o.rootId, thread_id: `omt_${o.rootId}` } : {}),
        create_time: '1609073151345',
        chat_id: o.chatId ?? 'oc_5ce6d572455d361153b7cb51da133945',
        chat_type: o.chatType ?? 'group',
        message_type: 'text',
        content: JSON.stringify({ text: group ? `@_user_1 ${text}` : text }),
        mentions: group ? [{ key: '@_user_1', id: { union_id: 'on_bot', user_id: '', open_id: 'ou_bot' }, name: 'churn-insight', tenant_key: '2ca1d211f64f6438' }] : [],
      },
    },
  }
}
