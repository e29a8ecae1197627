import type { CommandEntry } from '../command.js'

/**
 * Every CLI command, in help order: name, one-line summary, and how to load it. Loading on demand
 * keeps `churn-insight --help` from importing the model, database and server code.
 */
export const commands: CommandEntry[] = [
  { name: 'seed', summary: 'Write the sample company (Northwind Cloud) into DATABASE_URL', load: async () => (await import('./seed.js')).seedCommand },
  { name: 'ask', summary: 'Ask a question in English or Chinese and print the answer', load: async () => (await import('./ask.js')).askCommand },
  { name: 'metrics', summary: 'Compute a catalog metric: churn_rate, nrr, ltv, … by dimension and period', load: async () => (await import('./metrics.js')).metricsCommand },
  { name: 'glossary', summary: 'Print the metric and reason glossary (Markdown) from the catalog', load: async () => (await import('./glossary.js')).glossaryCommand },
  { name: 'import', summary: 'Import your customers from a CSV or .xlsx file (a mapping is proposed if you have none)', load: async () => (await import('./import.js')).importCommand },
  { name: 'risk', summary: 'Train the churn-risk model, show its backtest, list at-risk customers, import interventions', load: async () => (await import('./risk.js')).riskCommand },
  { name: 'digest', summary: 'Print (--dry-run) or send a churn digest configured in alerts.json', load: async () => (await import('./digest.js')).digestCommand },
  { name: 'widget-token', summary: 'Print a development token for the widget or the API (HS256, ≤ 15 min)', load: async () => (await import('./widget-token.js')).widgetTokenCommand },
  { name: 'tokens', summary: 'Create, list or revoke named API tokens for services and scripts', load: async () => (await import('./tokens.js')).tokensCommand },
  { name: 'audit', summary: 'Show the audit of questions: who, where, tools, SQL, rows, timings, model, outcome', load: async () => (await import('./audit.js')).auditCommand },
]
