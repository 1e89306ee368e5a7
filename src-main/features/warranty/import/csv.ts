/** One record of a CSV file: its fields and the physical line (1-based) it starts on. */
export interface CsvRecord {
  line: number
  fields: string[]
}

const QUOTE = 34
const CR = 13
const LF = 10

/** Tab-separated when the header line has tabs and no commas (as Excel's "Unicode text" saves). */
export function detectDelimiter(text: string): ',' | '\t' {
  let end = text.indexOf('\n')
  if (end === -1) end = text.length
  const header = text.slice(0, end)
  return header.includes('\t') && !header.includes(',') ? '\t' : ','
}

function isBlank(fields: string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false
  return true
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0
  let at = text.indexOf('\n', from)
  while (at !== -1 && at < to) {
    count++
    at = text.indexOf('\n', at + 1)
  }
  return count
}

/**
 * RFC 4180 records, lazily: quoted fields with doubled quotes, delimiters and line breaks inside
 * quotes, CRLF or LF. Blank lines (also lines of only delimiters, as Excel writes empty rows) are
 * skipped, while line numbers stay the file's own, so a rejected row can be found in an editor.
 */
export function* parseCsv(text: string, delimiter: ',' | '\t' = detectDelimiter(text)): Generator<CsvRecord> {
  const delim = delimiter.charCodeAt(0)
  const length = text.length
  let pos = 0
  let line = 1
  while (pos < length) {
    const recordLine = line
    const fields: string[] = []
    let endOfRecord = false
    while (!endOfRecord) {
      let value: string
      if (text.charCodeAt(pos) === QUOTE) {
        pos++
        value = ''
        for (;;) {
          const close = text.indexOf('"', pos)
          if (close === -1) {
            // An unterminated quote takes the rest of the file, as spreadsheet programs do.
            value += text.slice(pos)
            line += countNewlines(text, pos, length)
            pos = length
            break
          }
          line += countNewlines(text, pos, close)
          value += text.slice(pos, close)
          if (text.charCodeAt(close + 1) === QUOTE) {
            value += '"'
            pos = close + 2
          } else {
            pos = close + 1
            break
          }
        }
        // Anything between the closing quote and the delimiter is kept, leniently.
        const start = pos
        while (pos < length) {
          const c = text.charCodeAt(pos)
          if (c === delim || c === CR || c === LF) break
          pos++
        }
        if (pos > start) value += text.slice(start, pos)
      } else {
        const start = pos
        while (pos < length) {
          const c = text.charCodeAt(pos)
          if (c === delim || c === CR || c === LF) break
          pos++
        }
        value = text.slice(start, pos)
      }
      fields.push(value)
      if (pos >= length) {
        endOfRecord = true
      } else {
        const c = text.charCodeAt(pos)
        if (c === delim) {
          pos++
          if (pos >= length) {
            fields.push('')
            endOfRecord = true
          }
        } else {
          pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1
          line++
          endOfRecord = true
        }
      }
    }
    if (!isBlank(fields)) yield { line: recordLine, fields }
  }
}

/** How many non-blank records the text holds, counted quickly (for the progress bar's total). */
export function countCsvRecords(text: string, delimiter: ',' | '\t' = detectDelimiter(text)): number {
  const delim = delimiter.charCodeAt(0)
  let count = 0
  let inQuotes = false
  let hasContent = false
  for (let i = 0, n = text.length; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === QUOTE) {
      inQuotes = !inQuotes
      hasContent = true
    } else if (!inQuotes) {
      if (c === LF) {
        if (hasContent) count++
        hasContent = false
      } else if (c !== CR && c !== delim && c !== 32) {
        hasContent = true
      }
    }
  }
  if (hasContent) count++
  return count
}
