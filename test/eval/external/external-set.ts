import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** A figure a correct answer must state (truth.json, computed by the set's own truth.py). */
export type TruthFigure = { label: string; value: number; unit: 'percent' | 'count' | 'currency' | 'number' }
/** The truth of one question key: figures to find, and groups of alternative words of which one must appear. */
export type Truth = { figures?: TruthFigure[]; mentions?: string[][]; note?: string }
/** One question of an external set, as written by someone who had not read the analyst (questions.json). */
export type ExternalCase = { id: string; lang: 'en' | 'zh'; category: string; heldOut: boolean; turns: Array<{ q: string; truth: string }> }
/** A question set over one public data set. */
export type ExternalSet = { name: string; cases: ExternalCase[]; truth: Record<string, Truth> }

/** The external sets, each in test/eval/external/<name>/ (brief.md, questions.json, truth.py, truth.json). */
export const externalSetNames = ['telco-cognos', 'telco-11', 'telco-kaggle21', 'bankchurners', 'telco-spss-cn', 'ravenstack'] as const
export type ExternalSetName = (typeof externalSetNames)[number]

/** Folder of a set. */
export function setDir(name: string): string {
  return fileURLToPath(new URL(`./${name}/`, import.meta.url))
}

/** The shared data folder next to the repository (CI and dev machines only; a user's clone has none). */
export const SHARED_EXTERNAL = fileURLToPath(new URL('../../../../shared/data/external/', import.meta.url))
export const hasShared = existsSync(SHARED_EXTERNAL)

/** Reads a set's questions and truth. */
export function loadExternalSet(name: string): ExternalSet {
  const dir = setDir(name)
  return {
    name,
    cases: JSON.parse(readFileSync(`${dir}questions.json`, 'utf8')) as ExternalCase[],
    truth: JSON.parse(readFileSync(`${dir}truth.json`, 'utf8')) as Record<string, Truth>,
  }
}
