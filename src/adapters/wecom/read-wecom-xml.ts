/** One element's text in WeCom's flat callback XML (CDATA or plain), or undefined; no nesting, no attributes. */
export function xmlField(xml: string, tag: string): string | undefined {
  const m = new RegExp(`<${tag}>\\s*(?:<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>|([^<]*))\\s*</${tag}>`).exec(xml)
  return m ? (m[1] ?? m[2] ?? '').trim() : undefined
}

/** A question from the application callback: who asked, in which corp and app, and the text. */
export type WecomQuestion = { msgId: string; corpId: string; agentId: string; user: string; text: string }

/** The question in a decrypted message, or null for events and non-text messages (nothing to answer). */
export function questionFromWecom(xml: string): WecomQuestion | null {
  if (xmlField(xml, 'MsgType') !== 'text') return null
  const msgId = xmlField(xml, 'MsgId')
  const user = xmlField(xml, 'FromUserName')
  if (!msgId || !user) return null
  return { msgId, corpId: xmlField(xml, 'ToUserName') ?? '', agentId: xmlField(xml, 'AgentID') ?? '', user, text: (xmlField(xml, 'Content') ?? '').replace(/\s+/g, ' ').trim() }
}
