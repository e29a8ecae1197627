/** How a text file was encoded. */
export type TextEncoding = 'utf-8' | 'gb18030'

/** A decoded file: its text (without BOM), the encoding detected, and whether it began with a UTF-8 BOM. */
export type DecodedText = { text: string; encoding: TextEncoding; bom: boolean }

/**
 * Decodes a file's bytes: UTF-8 (with or without BOM) when they are valid UTF-8, otherwise
 * GB18030, the superset of GBK/GB2312 that Chinese Excel exports use. Strict UTF-8 first
 * because GB18030 accepts almost any byte sequence.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const body = bom ? bytes.subarray(3) : bytes
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', bom }
  } catch {
    return { text: new TextDecoder('gb18030').decode(body), encoding: 'gb18030', bom }
  }
}
