/** Something an import noticed but accepted: typed, so the CLI and tests read facts, not sentences. */
export type ImportWarning =
  | { kind: 'bom'; file: string }
  | { kind: 'encoding'; file: string; encoding: 'gb18030' }
  | { kind: 'blank_cells'; column: string; count: number; stored: 'unknown' | 'accepted' }
  | { kind: 'tenure_unit'; column: string; min: number; max: number; unit: string; suggested?: string }
  | { kind: 'churned_without_tenure'; count: number }
  | { kind: 'churned_before_signup'; count: number }
  | { kind: 'dated_on_as_of'; count: number; asOf: string }
  | { kind: 'spelling_variants'; column: string; groups: string[][] }
  | { kind: 'join_unmatched'; file: string; count: number }
  | { kind: 'rows_without_customer'; file: string; count: number }
  | { kind: 'churn_sources_disagree'; flagColumn: string; flagged: number; flaggedWithEvents: number; eventsNotFlagged: number; accountsWithEvents: number }
  | { kind: 'subscriptions_disagree'; ended: number; endDatesMatchingEvents: number; events: number }
  | { kind: 'unnamed_in_chinese'; columns: string[] }

/** One warning as a line of English for the CLI's dry run. */
export function formatWarning(w: ImportWarning): string {
  const n = (x: number) => x.toLocaleString('en-US')
  switch (w.kind) {
    case 'bom': return `${w.file} starts with a byte-order mark (BOM); it was removed.`
    case 'encoding': return `${w.file} is not UTF-8; it was read as GBK/GB18030 (Chinese Windows encoding).`
    case 'blank_cells': return `Column "${w.column}": ${n(w.count)} blank cell${w.count === 1 ? '' : 's'}${w.stored === 'unknown' ? ', kept as unknown' : ''}.`
    case 'tenure_unit': return `Tenure "${w.column}" ranges ${n(w.min)}–${n(w.max)}: ${w.suggested ? `${w.suggested}?` : `read as ${w.unit}`}`
    case 'churned_without_tenure': return `${n(w.count)} churned row${w.count === 1 ? ' has' : 's have'} a tenure of 0 or blank: counted as joining and leaving within the churn window.`
    case 'churned_before_signup': return `${n(w.count)} row${w.count === 1 ? '' : 's'} churned before they signed up: stored as joining and leaving on the churn date.`
    case 'dated_on_as_of': return `${n(w.count)} date${w.count === 1 ? ' is' : 's are'} on the as-of date ${w.asOf} itself.`
    case 'spelling_variants': return `Column "${w.column}": values that differ only in spelling, case or spaces: ${w.groups.map((g) => g.map((v) => JSON.stringify(v)).join(' / ')).join('; ')}.`
    case 'join_unmatched': return `${n(w.count)} customer${w.count === 1 ? ' has' : 's have'} no row in ${w.file}: those cells are unknown.`
    case 'rows_without_customer': return `${n(w.count)} row${w.count === 1 ? '' : 's'} of ${w.file} name${w.count === 1 ? 's' : ''} no customer in the data: left out.`
    case 'churn_sources_disagree': return `Churn sources disagree: "${w.flagColumn}" flags ${n(w.flagged)} customers, of whom only ${n(w.flaggedWithEvents)} have a churn event; ${n(w.eventsNotFlagged)} of the ${n(w.accountsWithEvents)} customers with churn events are not flagged. The churn events are used.`
    case 'subscriptions_disagree': return `Subscriptions disagree with the churn events: ${n(w.ended)} subscriptions ended, but only ${n(w.endDatesMatchingEvents)} of the ${n(w.events)} churn dates equal an end date of the same customer. The churn events are used; subscriptions give MRR only.`
    case 'unnamed_in_chinese': return `No Chinese name known for: ${w.columns.map((c) => JSON.stringify(c)).join(', ')} (edit name.zh in the mapping).`
  }
}
