import type { Command } from '../command.js'
import { askCommand } from './ask.js'
import { glossaryCommand } from './glossary.js'
import { importCommand } from './import.js'
import { metricsCommand } from './metrics.js'
import { seedCommand } from './seed.js'
import { widgetTokenCommand } from './widget-token.js'
import { tokensCommand } from './tokens.js'
import { auditCommand } from './audit.js'

/** Every CLI command, in help order. Add one line per command file. */
export const commands: Command[] = [
  seedCommand,
  askCommand,
  metricsCommand,
  glossaryCommand,
  importCommand,
  widgetTokenCommand,
  tokensCommand,
  auditCommand,
]
