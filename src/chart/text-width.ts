/**
 * Estimated rendered width of a label in pixels, for laying out SVG without a browser: CJK and
 * full-width characters take a full em, Latin letters and digits about half. Errs wide, so labels
 * are rotated or shortened a little early rather than overlapping.
 */
export function textWidth(s: string, fontSize: number): number {
  let em = 0
  for (const ch of s) {
    if (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)) em += 1
    else if (/[A-Z@%&MW]/.test(ch) || /[mw]/.test(ch)) em += 0.68
    else if (/[\s.,:;'|!il1()[\]]/.test(ch)) em += 0.32
    else em += 0.56
  }
  return em * fontSize
}

/** Shortens a label to fit `max` pixels, ending it with "…". */
export function fitText(s: string, fontSize: number, max: number): string {
  if (textWidth(s, fontSize) <= max) return s
  let out = ''
  for (const ch of s) {
    if (textWidth(`${out}${ch}…`, fontSize) > max) break
    out += ch
  }
  return `${out}…`
}
