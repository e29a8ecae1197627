/**
 * A turn process: one conversation turn at a time (the analyst or the model, its tools and their SQL
 * on this process's own connection), so the server's event loop only parses HTTP and relays answers.
 * Started by TurnPool; it exits when the server goes away (its IPC channel closes).
 */
import { buildAppDeps, type AppDeps } from '../../app-deps.js'
import { newRef } from '../../audit/server-log.js'
import { isAppError } from '../../errors.js'
import { detectLanguage } from '../../model/offline/normalise.js'
import { answerFailed } from '../turn-messages.js'
import { openDatabase, type Db } from '../../db/open-database.js'
import { ask } from '../ask.js'
import type { FromTurnProcess, ToTurnProcess } from './turn-wire.js'
import { toWireError } from './turn-wire.js'

let db: Db | undefined
let deps: AppDeps | undefined
const running = new Map<number, AbortController>()

const send = (m: FromTurnProcess) => process.send?.(m)

async function stop(): Promise<void> {
  for (const c of running.values()) c.abort()
  await db?.destroy().catch(() => {})
  process.exit(0)
}

async function answer(id: number, input: Extract<ToTurnProcess, { ask: unknown }>['ask']): Promise<void> {
  const controller = new AbortController()
  running.set(id, controller)
  try {
    send({ id, result: await ask(deps!.chat, { ...input, signal: controller.signal }) })
  } catch (e) {
    if (isAppError(e)) send({ id, error: toWireError(e) })
    else {
      // ask() turns its own failures into AppErrors; anything else failed before the turn began.
      const ref = newRef()
      deps?.chat.log?.error(ref, 'a turn process failed before the turn began', e)
      send({ id, error: toWireError(answerFailed(detectLanguage(input.question), ref)) })
    }
  } finally {
    running.delete(id)
  }
}

process.on('disconnect', () => void stop())
process.on('message', async (m: ToTurnProcess) => {
  if ('init' in m) {
    // The server keeps the rate limit (one count per principal) and the reader processes; here reads run in-process.
    const config = { ...m.init.config, rateLimitPerMinute: 0, db: { ...m.init.config.db, readers: 0 } }
    db = await openDatabase(config.databaseUrl, config.db)
    deps = await buildAppDeps(config, db)
    send({ ready: true })
  } else if ('ask' in m) await answer(m.id, m.ask)
  else if ('abort' in m) running.get(m.id)?.abort()
  else if ('reload' in m) {
    await deps?.reloadCatalog()
    send({ reloaded: true })
  } else if ('close' in m) await stop()
})
