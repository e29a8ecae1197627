/** A message for people: a title and markdown-ish text (Slack mrkdwn subset), plus the typed data behind it. */
export type OutgoingMessage = {
  kind: 'digest' | 'alert'
  /** The job (digest or alert id) that produced it. */
  source: string
  language: 'en' | 'zh'
  title: string
  text: string
  data: unknown
}
