import { loadConfig } from '../../config.js'
import { MAX_TOKEN_MINUTES, signWidgetToken } from '../../auth/widget-token.js'
import { parseArgs, type Command } from '../command.js'
import { scopeSchema, type Scope } from '../../auth/principal.js'

/** `churn-insight widget-token`: prints a short-lived widget/API token signed with WIDGET_SECRET (for development). */
export const widgetTokenCommand: Command = {
  name: 'widget-token',
  help: `Usage: churn-insight widget-token [--sub user] [--minutes ${MAX_TOKEN_MINUTES}] [--scope '{"region":["APAC"]}']

Prints an HS256 JWT {sub, aud, iat, exp} signed with WIDGET_SECRET, as your portal's back end
would mint one. Use it as data-token="…" on the widget <script> tag while developing, or as
"Authorization: Bearer …" with curl. The server must run with the same WIDGET_SECRET (and
WIDGET_AUDIENCE, default churn-insight).

Options:
  --sub USER       the signed-in user the token stands for (default: dev)
  --minutes N      lifetime, 1–${MAX_TOKEN_MINUTES} (default ${MAX_TOKEN_MINUTES}; the server refuses longer ones)
  --scope JSON     limit the user to these dimension values (the token's "scope" claim)

Example:
  WIDGET_SECRET=$(openssl rand -hex 32) churn-insight widget-token --sub alice@example.com`,
  async run(args) {
    const { flags } = parseArgs(args)
    const config = loadConfig()
    if (!config.widget.secret) {
      console.error('WIDGET_SECRET is not set. Set the same secret (at least 16 characters) for the server and for this command, e.g. WIDGET_SECRET=$(openssl rand -hex 32).')
      return 2
    }
    const sub = typeof flags.sub === 'string' ? flags.sub : 'dev'
    const minutes = typeof flags.minutes === 'string' ? Number(flags.minutes) : MAX_TOKEN_MINUTES
    if (!Number.isFinite(minutes) || minutes < 1 || minutes > MAX_TOKEN_MINUTES) {
      console.error(`--minutes must be between 1 and ${MAX_TOKEN_MINUTES}, got ${String(flags.minutes)}`)
      return 2
    }
    let scope: Scope | undefined
    if (typeof flags.scope === 'string') {
      const parsed = (() => { try { return scopeSchema.safeParse(JSON.parse(flags.scope as string)) } catch { return null } })()
      if (!parsed?.success) {
        console.error('--scope must be JSON like {"region": ["APAC"]} (dimension id → list of values)')
        return 2
      }
      scope = parsed.data
    }
    console.log(await signWidgetToken({ secret: config.widget.secret, audience: config.widget.audience, sub, minutes, ...(scope ? { scope } : {}) }))
    return 0
  },
}
