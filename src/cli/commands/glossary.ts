import { glossaryMarkdown } from '../../catalog/glossary.js'
import type { Command } from '../command.js'

/** `churn-insight glossary`: prints the metric glossary (Markdown) from the catalog. */
export const glossaryCommand: Command = {
  name: 'glossary',
  help: `Usage: churn-insight glossary

Prints every metric (id, English and Chinese name, unit, formula) and the churn reason
categories as Markdown tables. The README's glossary is this output.`,
  async run() {
    console.log(glossaryMarkdown())
    return 0
  },
}
