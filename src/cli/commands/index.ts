import type { Command } from '../command.js'
import { askCommand } from './ask.js'
import { digestCommand } from './digest.js'
import { glossaryCommand } from './glossary.js'
import { importCommand } from './import.js'
import { metricsCommand } from './metrics.js'
import { riskCommand } from './risk.js'
import { seedCommand } from './seed.js'
import { widgetTokenCommand } from './widget-token.js'

/** Every CLI command, in help order. Add one line per command file. */
export const commands: Command[] = [
  seedCommand,
  askCommand,
  metricsCommand,
  glossaryCommand,
  importCommand,
  riskCommand,
  digestCommand,
  widgetTokenCommand,
]
