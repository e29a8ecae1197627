import { createCipheriv, createHash, randomBytes } from 'node:crypto'
import { startFakePlatform } from '../bot/fake-platform.js'

export const CORP_ID = 'wwtestcorp0001'
export const AGENT_ID = '1000002'
export const SECRET = 'test-wecom-app-secret'
export const TOKEN = 'QDG6eK'
/** 43 characters of Base64, as the admin console generates it. */
export const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C'

/** A fake WeCom API: gettoken, media/upload (temporary media id) and message/send, answering as the docs show. */
export async function startFakeWecom() {
  let media = 0
  return startFakePlatform('WeCom', (call) => {
    if (call.path === '/cgi-bin/gettoken') {
      if (call.query.get('corpid') !== CORP_ID || call.query.get('corpsecret') !== SECRET) return { body: { errcode: 40001, errmsg: 'invalid credential' } }
      return { body: { errcode: 0, errmsg: 'ok', access_token: 'wc-test-token', expires_in: 7200 } }
    }
    if (call.query.get('access_token') !== 'wc-test-token') return { body: { errcode: 40014, errmsg: 'invalid access_token' } }
    if (call.path === '/cgi-bin/media/upload') return { body: { errcode: 0, errmsg: '', type: 'image', media_id: `1G6nrLmr5EC3MMb_-zK1dDdzmd0p7cNliYu9V5w7o8K0${++media}`, created_at: '1380000000' } }
    if (call.path === '/cgi-bin/message/send') return { body: { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `msg${Date.now()}` } }
    return undefined
  })
}

/** Encrypts as WeCom does, written from its docs independently of the adapter: random16 ‖ len4 ‖ msg ‖ corpid, PKCS#7 to 32. */
export function encryptLikeWecom(msg: string, receiveId = CORP_ID, key = AES_KEY): string {
  const k = Buffer.from(`${key}=`, 'base64')
  const body = Buffer.from(msg)
  const len = Buffer.alloc(4)
  len.writeUInt32BE(body.length)
  const plain = Buffer.concat([randomBytes(16), len, body, Buffer.from(receiveId)])
  const pad = 32 - (plain.length % 32)
  const cipher = createCipheriv('aes-256-cbc', k, k.subarray(0, 16))
  cipher.setAutoPadding(false)
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64')
}

/** msg_signature as documented: SHA-1 over the sorted token, timestamp, nonce and ciphertext. */
export function signLikeWecom(encrypted: string, timestamp: string, nonce: string, token = TOKEN): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex')
}

/** The query string WeCom puts on a callback (optionally signed with another token). */
export function signedQuery(encrypted: string, o: { token?: string; extra?: Record<string, string> } = {}): string {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomBytes(5).toString('hex')
  return new URLSearchParams({ msg_signature: signLikeWecom(encrypted, timestamp, nonce, o.token), timestamp, nonce, ...o.extra }).toString()
}

let seq = 0

/** A text message as the application callback decrypts to (the documented XML), and its encrypted envelope. */
export function textMessage(text: string, o: { msgId?: string; user?: string; receiveId?: string } = {}) {
  const msgId = o.msgId ?? `123456789012345${++seq}`
  const inner = `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[${o.user ?? 'zhangsan'}]]></FromUserName><CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content><MsgId>${msgId}</MsgId><AgentID>${AGENT_ID}</AgentID></xml>`
  const encrypted = encryptLikeWecom(inner, o.receiveId)
  return { msgId, encrypted, body: `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><AgentID><![CDATA[${AGENT_ID}]]></AgentID><Encrypt><![CDATA[${encrypted}]]></Encrypt></xml>` }
}
