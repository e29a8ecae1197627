import { metrics } from './metrics.js'
import { reasons } from './reasons.js'

/** The README glossary, generated from the catalog so the docs cannot drift from the definitions. */
export function glossaryMarkdown(): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|')
  const metricRows = metrics.map((m) => `| \`${m.id}\` | ${m.name.en} | ${m.name.zh} | ${m.unit} | ${esc(m.formula)} | ${esc(m.formulaZh)} |`)
  const reasonRows = [...reasons.map((r) => `| \`${r.id}\` | ${r.name.en} | ${r.name.zh} |`), '| `other` | Other | 其他 |']
  return [
    '| id | metric | 中文 | unit | formula | 公式 |',
    '|---|---|---|---|---|---|',
    ...metricRows,
    '',
    'Churn reason categories (stored reason codes and the feedback classifier share them):',
    '',
    '| id | reason | 中文 |',
    '|---|---|---|',
    ...reasonRows,
  ].join('\n')
}
