import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto'

/**
 * Decrypts an event body `{"encrypt": …}` sent with an Encrypt Key: base64(iv16 ‖ AES-256-CBC(json)),
 * key = SHA-256(encrypt key), PKCS#7 padding. Throws on anything that does not decrypt.
 */
export function decryptFeishu(encryptKey: string, encrypt: string): string {
  const key = createHash('sha256').update(encryptKey).digest()
  const buf = Buffer.from(encrypt, 'base64')
  if (buf.length < 32 || buf.length % 16 !== 0) throw new Error('encrypted body has the wrong length')
  const decipher = createDecipheriv('aes-256-cbc', key, buf.subarray(0, 16))
  return Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]).toString('utf8')
}

/** X-Lark-Signature: plain SHA-256 (not HMAC) of timestamp + nonce + encrypt key + raw body, hex. */
export function feishuSignature(timestamp: string, nonce: string, encryptKey: string, rawBody: string): string {
  return createHash('sha256').update(timestamp + nonce + encryptKey + rawBody).digest('hex')
}

/** Checks the signature headers in constant time; false when any is missing or wrong. */
export function verifyFeishuSignature(encryptKey: string, h: { timestamp?: string; nonce?: string; signature?: string }, rawBody: string): boolean {
  if (!h.timestamp || !h.nonce || !h.signature) return false
  const expected = Buffer.from(feishuSignature(h.timestamp, h.nonce, encryptKey, rawBody))
  const given = Buffer.from(h.signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
