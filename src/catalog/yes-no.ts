/** Stored values that read as "yes" / "no" in a yes/no dimension. */
const yesWords = new Set(['yes', 'y', 'true', '1', '是', '有'])
const noWords = new Set(['no', 'n', 'false', '0', '否', '无', '没有'])

/** True for a stored value that means "yes" (Yes, 1, True, 是). */
export const isYesValue = (v: string): boolean => yesWords.has(v.toLowerCase())

/** True for a stored value that means "no" (No, 0, False, 否). */
export const isNoValue = (v: string): boolean => noWords.has(v.toLowerCase())

/** True when a dimension's values are yes/no (with perhaps a "no internet service"-style third value). */
export function isYesNoDimension(stored: string[]): boolean {
  return stored.some(isYesValue) && stored.some(isNoValue) && stored.every((v) => isYesValue(v) || isNoValue(v) || /^no /i.test(v))
}
