import { AppError, isAppError } from '../errors.js'
import type { CommandEntry } from './command.js'
import { commands } from './commands/index.js'

function usage(all: CommandEntry[]): string {
  const width = Math.max(...all.map((c) => c.name.length))
  return [
    'churn-insight — ask why your customers leave, answered from your own data',
    '',
    'Usage: churn-insight <command> [options]     (churn-insight <command> --help for details)',
    '',
    'Commands:',
    ...all.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Environment: DATABASE_URL (default data/churn.db), MODEL (default offline), PORT, HOST.',
  ].join('\n')
}

/** CLI entry: dispatches to a sub-command, printing help and clear errors. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage(commands))
    return name ? 0 : 1
  }
  const entry = commands.find((c) => c.name === name)
  if (!entry) {
    console.error(`Unknown command "${name}".\n\n${usage(commands)}`)
    return 2
  }
  const cmd = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(cmd.help)
    return 0
  }
  try {
    return await cmd.run(rest)
  } catch (e) {
    if (isAppError(e)) {
      console.error(`error (${(e as AppError).code}): ${e.message}`)
      return 2
    }
    console.error(e instanceof Error ? e.message : String(e))
    return 1
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code))
