import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto'

/** msg_signature: SHA-1 of the token, timestamp, nonce and encrypted text, sorted and concatenated. */
export function wecomSignature(token: string, timestamp: string, nonce: string, encrypted: string): string {
  return createHash('sha1').update([token, timestamp, nonce, encrypted].sort().join('')).digest('hex')
}

/** Checks msg_signature in constant time. */
export function verifyWecomSignature(token: string, q: { msg_signature?: string; timestamp?: string; nonce?: string }, encrypted: string): boolean {
  if (!q.msg_signature || !q.timestamp || !q.nonce) return false
  const expected = Buffer.from(wecomSignature(token, q.timestamp, q.nonce, encrypted))
  const given = Buffer.from(q.msg_signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The AES key: Base64(EncodingAESKey + "="), 32 bytes; the IV is its first 16. */
function aesKey(encodingAesKey: string): Buffer {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64')
  if (key.length !== 32) throw new Error('EncodingAESKey must be 43 characters of Base64')
  return key
}

/**
 * Decrypts a WeCom message or echostr: AES-256-CBC, PKCS#7 padding to 32-byte blocks, plaintext
 * random(16) ‖ length(4, big-endian) ‖ message ‖ receive id. Throws unless the receive id is ours.
 */
export function decryptWecom(encodingAesKey: string, encrypted: string, receiveId: string): string {
  const key = aesKey(encodingAesKey)
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16))
  decipher.setAutoPadding(false)
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()])
  const pad = padded[padded.length - 1]
  const plain = padded.subarray(0, padded.length - (pad >= 1 && pad <= 32 ? pad : 0))
  if (plain.length < 20) throw new Error('decrypted message is too short')
  const len = plain.readUInt32BE(16)
  if (20 + len > plain.length) throw new Error('decrypted message length is out of range')
  const msg = plain.subarray(20, 20 + len).toString('utf8')
  const from = plain.subarray(20 + len).toString('utf8')
  if (from !== receiveId) throw new Error('message was encrypted for another receiver')
  return msg
}
