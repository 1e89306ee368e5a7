/**
 * Text leaving the app in a spreadsheet or CSV file. Two dangers: a cell that starts like a
 * formula (`=`, `+`, `-`, `@`, or a tab/carriage return before one) runs as a formula when
 * Excel opens the file, and control characters (NUL, ESC, the bidi overrides) hide or reorder
 * what a reader sees. Line breaks and tabs inside a note are kept; CSV quoting carries them.
 */

// C0 controls except tab and line feed, DEL, C1 controls, and the bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g
const FORMULA_START = /^[=+\-@\t\r]/

/** A text cell as a reader should see it: no hidden characters, never taken for a formula. */
export function spreadsheetText(value: string): string {
  const visible = value.replace(/\r\n?/g, '\n').replace(HIDDEN_CHARACTERS, '')
  // A leading apostrophe is what Excel itself uses to say "this is text".
  return FORMULA_START.test(visible) ? `'${visible}` : visible
}

export type CsvCell = string | number | null

/** One CSV field by RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
export function csvField(cell: CsvCell): string {
  if (cell === null) return ''
  if (typeof cell === 'number') return String(cell)
  const text = spreadsheetText(cell)
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV record, ended by CRLF as RFC 4180 asks. */
export function csvRecord(cells: readonly CsvCell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`
}
