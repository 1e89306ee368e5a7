/**
 * Control characters (C0, DEL, C1) and the invisible bidi embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069). Input refuses them (contract/common.ts); this keeps them out of
 * everything printed or exported, whatever the data's origin (rows stored before the input check,
 * imported files, HQ's data): on paper or in a spreadsheet they hide or reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u
/** In text that may span lines, tabs and line breaks (LF, or CRLF as pasted) are allowed. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/gu

/**
 * Text as it may be printed or exported: line breaks kept (CRLF and a lone CR become LF), tabs
 * kept, every other control character and bidi control removed.
 */
export function printableText(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(UNPRINTABLE, '')
}

/** One line of printable text (a spreadsheet cell title, a file name): line breaks and tabs become spaces. */
export function printableLine(value: string): string {
  return printableText(value).replace(/[\t\n]/g, ' ')
}

/**
 * Every string inside a value (objects and arrays, however deep) made printable; numbers,
 * booleans and null are left alone. For a whole document's data just before it is drawn or
 * written out.
 */
export function printableValue<T>(value: T): T {
  if (typeof value === 'string') return printableText(value) as T
  if (Array.isArray(value)) return value.map((item) => printableValue(item)) as T
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) copy[key] = printableValue(item)
    return copy as T
  }
  return value
}
