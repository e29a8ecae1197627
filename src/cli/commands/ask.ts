import { ask } from '../../chat/ask.js'
import { localPrincipal } from '../../auth/principal.js'
import { parseArgs, type Command } from '../command.js'
import { openAppDeps } from '../open-app-deps.js'

/** `churn-insight ask "question"`: the same answer /api/ask gives, on the command line. */
export const askCommand: Command = {
  name: 'ask',
  help: `Usage: churn-insight ask "question" [--json] [--conversation <id>]

Answers like the chat: the model (MODEL, default offline) calls the tools, every number
comes from SQL over DATABASE_URL. Prints the answer, charts as mermaid, and the conversation
id to continue with --conversation for follow-ups.

Examples:
  churn-insight ask "What was our churn rate last quarter by plan?"
  churn-insight ask "上个季度哪个地区流失最严重？为什么？"
  churn-insight ask "and by region?" --conversation 7f3c…`,
  async run(args) {
    const { flags, positionals } = parseArgs(args, ['json'])
    const question = positionals.join(' ').trim()
    if (!question) {
      console.error('Give a question, e.g. churn-insight ask "What was our churn rate last quarter?"')
      return 2
    }
    const deps = await openAppDeps()
    try {
      const r = await ask(deps.chat, { question, conversationId: typeof flags.conversation === 'string' ? flags.conversation : undefined, channel: 'cli', principal: localPrincipal })
      if (flags.json) {
        console.log(JSON.stringify(r, null, 2))
        return 0
      }
      console.log(r.answer)
      for (const c of r.charts) console.log(`\n\`\`\`mermaid\n${c.mermaid}\n\`\`\``)
      console.log(`\n(conversation ${r.conversationId} · model ${r.model} · ${r.toolCalls.map((t) => t.name).join(', ') || 'no tools'})`)
      return 0
    } finally {
      await deps.db.destroy()
    }
  },
}
