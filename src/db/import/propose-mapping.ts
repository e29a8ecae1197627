import { readdirSync, statSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { basename, dirname, extname, join, resolve } from 'node:path'
import { AppError } from '../../errors.js'
import { arrangeFiles } from './arrange-files.js'
import { type InferenceNote, type InferOptions, inferMapping } from './infer-mapping.js'
import { parseMapping } from './load-mapping.js'
import type { Mapping, MappingInput } from './mapping-schema.js'
import { readTable, type Table } from './read-table.js'

/** A proposed mapping: validated, written for review, with the notes explaining it. */
export type Proposal = {
  file: string
  mapping: Mapping
  input: MappingInput
  notes: InferenceNote[]
  written: string
  fallback: boolean
  /** The files as read, so the import that follows does not read and parse them again. */
  tables: Table[]
}

const dataExtensions = new Set(['.csv', '.tsv', '.txt', '.xlsx'])

/**
 * Profiles the given files (or every data file of the given folders), proposes a mapping and
 * writes it as `<customer file>.mapping.json` beside the data (or to `out`; to the working
 * directory when the data folder is read-only).
 */
export async function proposeMapping(paths: string[], opts: InferOptions & { out?: string; write?: boolean } = {}): Promise<Proposal> {
  const files = paths.flatMap((p) => (statSync(p).isDirectory()
    ? readdirSync(p).filter((f) => dataExtensions.has(extname(f).toLowerCase())).sort().map((f) => join(p, f))
    : [p])).map((f) => resolve(f))
  if (files.length === 0) throw new AppError('import_failed', `No .csv or .xlsx files in ${paths.join(', ')}`)
  const tables = await Promise.all(files.map(readTable))
  const arrangement = arrangeFiles(tables)
  const { mapping: input, notes } = inferMapping(arrangement, opts)
  const main = arrangement.main.file
  const mapping = parseMapping(input, 'the proposed mapping')
  const text = `${JSON.stringify(input, null, 2)}\n`
  const target = opts.out ?? join(dirname(main), `${basename(main, extname(main))}.mapping.json`)
  let written = target
  let fallback = false
  if (opts.write !== false) {
    try {
      await writeFile(target, text)
    } catch {
      if (opts.out) throw new AppError('import_failed', `Could not write the mapping to ${opts.out}`)
      written = resolve(basename(target))
      fallback = true
      await writeFile(written, text)
    }
  }
  return { file: main, mapping, input, notes, written, fallback, tables }
}
