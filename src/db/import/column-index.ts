import { AppError } from '../../errors.js'
import type { Mapping } from './mapping-schema.js'

/** Every main-file column a mapping reads, with the mapping field that names it (for error messages). */
export function referencedColumns(m: Mapping): Array<{ field: string; column: string }> {
  const refs: Array<{ field: string; column: string }> = [{ field: 'customerId', column: m.customerId }]
  if (m.name) refs.push({ field: 'name', column: m.name })
  if ('column' in m.signup) refs.push({ field: 'signup.column', column: m.signup.column })
  else refs.push({ field: 'signup.tenureColumn', column: m.signup.tenureColumn })
  if ('dateColumn' in m.churn) refs.push({ field: 'churn.dateColumn', column: m.churn.dateColumn })
  else if ('flagColumn' in m.churn) refs.push({ field: 'churn.flagColumn', column: m.churn.flagColumn })
  else if ('statusColumn' in m.churn) refs.push({ field: 'churn.statusColumn', column: m.churn.statusColumn })
  else if (m.churn.events.compareFlag) refs.push({ field: 'churn.events.compareFlag.column', column: m.churn.events.compareFlag.column })
  // With churn events, the reason columns belong to the events file.
  if (m.churnReason && !('events' in m.churn)) {
    refs.push({ field: 'churnReason.column', column: m.churnReason.column })
    if (m.churnReason.feedbackColumn) refs.push({ field: 'churnReason.feedbackColumn', column: m.churnReason.feedbackColumn })
  }
  if (m.mrr && 'column' in m.mrr) refs.push({ field: 'mrr.column', column: m.mrr.column })
  if (m.mrr && 'columns' in m.mrr) m.mrr.columns.forEach((c, i) => refs.push({ field: `mrr.columns[${i}]`, column: c }))
  if (m.mrr && 'totalColumn' in m.mrr) refs.push({ field: 'mrr.totalColumn', column: m.mrr.totalColumn })
  m.dimensions.forEach((d, i) => refs.push({ field: `dimensions[${i}].sourceColumn`, column: d.sourceColumn }))
  m.measures.forEach((d, i) => refs.push({ field: `measures[${i}].sourceColumn`, column: d.sourceColumn }))
  return refs
}

/**
 * Resolves columns to their index in a header. Throws one AppError naming all missing or
 * ambiguous columns and listing the file's columns.
 */
export function columnIndex(refs: Array<{ field: string; column: string }>, header: string[], file = 'the CSV'): (column: string) => number {
  const index = new Map<string, number>()
  const problems: string[] = []
  for (const { field, column } of refs) {
    const at = header.indexOf(column)
    if (at < 0) problems.push(`${field}: column "${column}" is not in ${file}`)
    else if (header.indexOf(column, at + 1) >= 0) problems.push(`${field}: column "${column}" appears more than once in the header`)
    else index.set(column, at)
  }
  if (problems.length > 0) {
    const list = header.map((c) => JSON.stringify(c)).join(', ')
    throw new AppError('import_failed', `The mapping does not match the header of ${file}:\n  ${[...new Set(problems)].join('\n  ')}\nIts columns are: ${list}`)
  }
  return (column) => index.get(column) as number
}
