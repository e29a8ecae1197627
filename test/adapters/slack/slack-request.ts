import { slackSignature } from '../../../src/adapters/slack/verify-signature.js'

/** The signing secret tests configure. */
export const SECRET = 'test-signing-secret-0123456789abcdef'

/** Request init for a body signed the way Slack signs it (optionally with another timestamp, secret or extra headers). */
export function signed(body: string, opts: { ts?: number; secret?: string; contentType?: string; headers?: Record<string, string> } = {}): RequestInit {
  const ts = String(opts.ts ?? Math.floor(Date.now() / 1000))
  return {
    method: 'POST',
    headers: {
      'content-type': opts.contentType ?? 'application/json',
      'x-slack-request-timestamp': ts,
      'x-slack-signature': slackSignature(opts.secret ?? SECRET, ts, body),
      ...opts.headers,
    },
    body,
  }
}

let seq = 0

/** An event_callback wrapping an app_mention (or another event), as Slack posts it to /slack/events. */
export function mentionEvent(text: string, o: { ts?: string; threadTs?: string; channel?: string; eventId?: string; type?: string; extra?: Record<string, unknown> } = {}) {
  const ts = o.ts ?? `1800000${String(++seq).padStart(3, '0')}.000200`
  return {
    token: 'ignored',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: o.eventId ?? `Ev${ts.replace('.', '')}`,
    event_time: 1800000000,
    authorizations: [{ enterprise_id: null, team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event: { type: o.type ?? 'app_mention', user: 'U1', text: `<@UBOT> ${text}`, ts, channel: o.channel ?? 'C1', event_ts: ts, ...(o.threadTs ? { thread_ts: o.threadTs } : {}), ...o.extra },
  }
}

/** Form body of a `/churn` slash command. */
export function slashBody(text: string, o: { channel?: string; trigger?: string; responseUrl?: string } = {}): string {
  return new URLSearchParams({
    token: 'ignored', team_id: 'T1', team_domain: 'tiny', channel_id: o.channel ?? 'C1', channel_name: 'general', user_id: 'U1', user_name: 'manager',
    command: '/churn', text, api_app_id: 'A1', response_url: o.responseUrl ?? 'https://hooks.slack.com/commands/T1/1/abc', trigger_id: o.trigger ?? `trig.${++seq}`,
  }).toString()
}
