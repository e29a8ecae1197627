/** Trims surrounding space and cuts to `max` characters (code points, so Chinese and emoji stay whole), marking a cut with '…'. */
export function trimText(text: string, max: number): string {
  const chars = Array.from(text.trim())
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`
}
