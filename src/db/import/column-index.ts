import { AppError } from '../../errors.js'
import type { Mapping } from './mapping-schema.js'

/** Every CSV column a mapping reads, with the mapping field that names it (for error messages). */
export function referencedColumns(m: Mapping): Array<{ field: string; column: string }> {
  const refs: Array<{ field: string; column: string }> = [{ field: 'customerId', column: m.customerId }]
  if (m.name) refs.push({ field: 'name', column: m.name })
  if ('column' in m.signup) refs.push({ field: 'signup.column', column: m.signup.column })
  else refs.push({ field: 'signup.tenureMonthsColumn', column: m.signup.tenureMonthsColumn })
  if ('dateColumn' in m.churn) refs.push({ field: 'churn.dateColumn', column: m.churn.dateColumn })
  else refs.push({ field: 'churn.flagColumn', column: m.churn.flagColumn })
  if (m.churnReason) refs.push({ field: 'churnReason.column', column: m.churnReason.column })
  if (m.mrr) refs.push({ field: 'mrr.column', column: m.mrr.column })
  m.dimensions.forEach((d, i) => refs.push({ field: `dimensions[${i}].sourceColumn`, column: d.sourceColumn }))
  return refs
}

/**
 * Resolves every column the mapping reads to its index in the CSV header. Throws one
 * AppError naming all missing or ambiguous columns and listing the CSV's columns.
 */
export function columnIndex(m: Mapping, header: string[]): (column: string) => number {
  const index = new Map<string, number>()
  const problems: string[] = []
  for (const { field, column } of referencedColumns(m)) {
    const at = header.indexOf(column)
    if (at < 0) problems.push(`${field}: column "${column}" is not in the CSV`)
    else if (header.indexOf(column, at + 1) >= 0) problems.push(`${field}: column "${column}" appears more than once in the header`)
    else index.set(column, at)
  }
  if (problems.length > 0) {
    const list = header.map((c) => JSON.stringify(c)).join(', ')
    throw new AppError('import_failed', `The mapping does not match the CSV header:\n  ${[...new Set(problems)].join('\n  ')}\nThe CSV's columns are: ${list}`)
  }
  return (column) => index.get(column) as number
}
