/**
 * Erasing a person from free text: whatever a clerk typed about them (a name in a note, a phone
 * in the fault description) is replaced by a mark, and the rest of the text stays readable.
 */
export const REDACTED = '***'

/** Shorter values (a one-character name, a phone extension) would blank unrelated text. */
const MIN_REDACTED_LENGTH = 2

export type Redactor = (text: string) => string

/** Replaces every occurrence of any of `values` (longest first, so a full address goes before a part of it). */
export function redactorOf(values: readonly string[]): Redactor {
  const targets = [...new Set(values.map((value) => value.trim()))]
    .filter((value) => value.length >= MIN_REDACTED_LENGTH)
    .sort((a, b) => b.length - a.length)
  return (text) => targets.reduce((result, target) => result.split(target).join(REDACTED), text)
}

/** The same inside stored JSON: every string in it is redacted, so escaping never hides a value. */
export function redactJson(json: string, redact: Redactor): string {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redact(value)
    if (Array.isArray(value)) return value.map(walk)
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]))
    return value
  }
  return JSON.stringify(walk(JSON.parse(json)))
}
