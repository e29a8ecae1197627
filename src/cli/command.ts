/** A CLI sub-command: name, full help text and its runner (returns the exit code). */
export type Command = {
  name: string
  help: string
  run(args: string[]): Promise<number>
}

/** Parses `--flag value`, `--flag=value` and boolean `--flag` options; the rest are positionals. */
export function parseArgs(args: string[], booleans: string[] = []): { flags: Record<string, string | true>; positionals: string[] } {
  const flags: Record<string, string | true> = {}
  const positionals: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]
    if (a === '-h') { flags.help = true; continue }
    if (!a.startsWith('--')) { positionals.push(a); continue }
    const eq = a.indexOf('=')
    if (eq > 0) { flags[a.slice(2, eq)] = a.slice(eq + 1); continue }
    const name = a.slice(2)
    if (booleans.includes(name) || name === 'help' || i + 1 >= args.length || args[i + 1].startsWith('--')) flags[name] = true
    else flags[name] = args[++i]
  }
  return { flags, positionals }
}

/** A command as the help lists it; its module (and what it imports) loads only when it runs. */
export type CommandEntry = { name: string; summary: string; load: () => Promise<Command> }
