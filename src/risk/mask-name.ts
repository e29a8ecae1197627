/**
 * The one place risk lists mask customer names (personal-data rule): the first word stays, the rest
 * becomes "***" ("Acme Analytics Ltd" → "Acme ***"); a one-word name keeps two letters ("Zhang" → "Zh***").
 * Swap this for the shared privacy module once it lands.
 */
export function maskName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  if (!words.length) return '***'
  if (words.length > 1) return `${words[0]} ***`
  return `${[...words[0]].slice(0, 2).join('')}***`
}
