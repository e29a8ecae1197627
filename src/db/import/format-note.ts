import type { InferenceNote } from './infer-mapping.js'

/** One inference note as lines of English for the CLI. */
export function formatNote(n: InferenceNote): string[] {
  switch (n.kind) {
    case 'files': {
      const lines = [`Customer file: ${n.main}${n.joined.length > 0 ? `, joined with ${n.joined.join(', ')}` : ''}.`]
      if (n.events) lines.push(`Churn events: ${n.events} (each event ends a spell; a later event means the customer came back).`)
      if (n.subscriptions) lines.push(`Monthly revenue: from the subscriptions in ${n.subscriptions}.`)
      if (n.others && n.others.length > 0) lines.push(`Summarised per customer (counts, totals, averages as numeric attributes; support tickets also as tickets): ${n.others.join(', ')}.`)
      for (const u of n.unused) lines.push(`Not used: ${u.file} (${u.why}).`)
      return lines
    }
    case 'as_of': return [n.basis === 'latest_date'
      ? `asOf ${n.asOf}: the day after the latest date in the data.`
      : n.basis === 'quarter_column'
        ? `asOf ${n.asOf}: the file has no dates but names its quarter (${n.quarter}), so the snapshot is placed at the end of the latest ${n.quarter}. Edit asOf if it is another year's.`
        : `asOf ${n.asOf}: the file has no dates, so the snapshot is placed at the start of this month. Edit asOf if you know when it was exported.`]
    case 'window': return [n.basis === 'quarter_column'
      ? 'Churn window: a quarter (the file names its quarter): churners left within the 3 months before asOf.'
      : 'Churn window: a month (assumed): churners left within the month before asOf. Set churn.window to "quarter" or "year" if the flag covers longer.']
    case 'tenure_unit': return [n.basis === 'name'
      ? `Tenure "${n.column}" (${fmt(n.min)}–${fmt(n.max)}) is in ${n.unit}, as its name says.`
      : `Tenure "${n.column}" ranges ${fmt(n.min)}–${fmt(n.max)}: ${n.unit}? (guessed from the values; set signup.unit if not)`]
    case 'ignored': return [`Left out "${n.column}": ${n.why}.`]
    case 'unnamed_in_chinese': return [`No Chinese name known for: ${n.columns.map((c) => JSON.stringify(c)).join(', ')} (the English name is used; edit name.zh).`]
  }
}

const fmt = (x: number) => x.toLocaleString('en-US')
