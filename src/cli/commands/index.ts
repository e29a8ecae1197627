import type { Command } from '../command.js'

/** Every CLI command, in help order. Add one line per command file. */
export const commands: Command[] = [
]
