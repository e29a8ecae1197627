/**
 * What the model sees of a tool result: everything except the chart source and the SQL text,
 * which go to the user interface (and provenance) but would only crowd the model's context.
 */
export function compactForModel(output: unknown): { type: 'json'; value: any } {
  if (typeof output !== 'object' || output === null) return { type: 'json', value: output ?? null }
  const o = output as Record<string, unknown> & { chart?: { spec?: { type?: string; title?: string } } | null; sql?: unknown[] }
  const { chart, sql, ...rest } = o
  // Long trends keep each row's segment and value only: the parts of every bucket would crowd out the question.
  const by = Array.isArray(o.by) ? (o.by as string[]) : []
  // Detail rows are one per category value (at most 60 kept) and already hold only figures.
  if (Array.isArray(rest.rows) && rest.rows.length > 24 && o.kind !== 'detail') {
    const keep = new Set(['period', 'value', 'reason', ...by])
    rest.rows = (rest.rows as Array<Record<string, unknown>>).map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => keep.has(k))))
  }
  return {
    type: 'json',
    value: {
      ...rest,
      ...(chart ? { chart: { attached: true, type: chart.spec?.type, title: chart.spec?.title } } : {}),
      ...(Array.isArray(sql) ? { sqlQueries: sql.length } : {}),
    },
  }
}

/** Gives every tool in a set the compact model view (the full output still reaches the UI and provenance). */
export function withCompactModelOutput<T extends Record<string, object>>(tools: T): T {
  const out: Record<string, object> = {}
  for (const [name, t] of Object.entries(tools)) out[name] = { ...t, toModelOutput: ({ output }: { output: unknown }) => compactForModel(output) }
  return out as T
}
