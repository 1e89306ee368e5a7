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

/** Where a scan stopped: the start of the first record it could not finish, and its line. */
interface ScanEnd {
  pos: number
  line: number
}

/**
 * RFC 4180 records, lazily: quoted fields with doubled quotes, delimiters and line breaks inside
 * quotes, CRLF or LF. Blank lines (also lines of only delimiters, as Excel writes empty rows) are
 * skipped, while line numbers stay the file's own, so a rejected row can be found in an editor.
 * Unless `final`, a record the text ends inside is not read: `end` tells where it starts, for the
 * next piece of the file to continue from.
 */
function* scanRecords(
  text: string,
  delimiter: ',' | '\t',
  firstLine: number,
  final: boolean,
  end: ScanEnd
): Generator<CsvRecord> {
  const delim = delimiter.charCodeAt(0)
  const length = text.length
  let pos = 0
  let line = firstLine
  end.pos = 0
  end.line = firstLine
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
          // Without the closing quote (or the character after it) the next piece decides.
          if (!final && (close === -1 || close === length - 1)) return
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
        if (!final) return
        endOfRecord = true
      } else {
        const c = text.charCodeAt(pos)
        if (c === delim) {
          pos++
          if (pos >= length) {
            if (!final) return
            fields.push('')
            endOfRecord = true
          }
        } else {
          // A CR at the very end may be the first half of a CRLF split between pieces.
          if (!final && c === CR && pos + 1 >= length) return
          pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1
          line++
          endOfRecord = true
        }
      }
    }
    end.pos = pos
    end.line = line
    if (!isBlank(fields)) yield { line: recordLine, fields }
  }
}

/** The records of a whole text, lazily. */
export function* parseCsv(text: string, delimiter: ',' | '\t' = detectDelimiter(text)): Generator<CsvRecord> {
  yield* scanRecords(text, delimiter, 1, true, { pos: 0, line: 1 })
}

/**
 * Records from a file decoded piece by piece: each piece's complete records, the unfinished last
 * one kept for the next piece (so a quoted line break or a CRLF may fall between pieces).
 */
export class CsvPieceReader {
  private pending = ''
  private line = 1
  private readonly end: ScanEnd = { pos: 0, line: 1 }

  constructor(private readonly delimiter: ',' | '\t') {}

  read(piece: string, final: boolean): CsvRecord[] {
    const text = this.pending === '' ? piece : this.pending + piece
    const records = [...scanRecords(text, this.delimiter, this.line, final, this.end)]
    this.pending = final ? '' : text.slice(this.end.pos)
    this.line = this.end.line
    return records
  }
}

/** Where a count of records stands between two characters. */
interface RecordTally {
  count: number
  inQuotes: boolean
  /** The record being read has something other than blanks and delimiters. */
  hasContent: boolean
}

/** One character (a UTF-16 code unit) through the tally: quotes, line feeds and content. */
function tallyCharacter(tally: RecordTally, c: number, delim: number): void {
  if (c === QUOTE) {
    tally.inQuotes = !tally.inQuotes
    tally.hasContent = true
  } else if (!tally.inQuotes) {
    if (c === LF) {
      if (tally.hasContent) tally.count++
      tally.hasContent = false
    } else if (c !== CR && c !== delim && c !== 32) {
      tally.hasContent = true
    }
  }
}

/** The records counted, the last one too when the text does not end in a line feed. */
function tallied(tally: RecordTally): number {
  return tally.count + (tally.hasContent ? 1 : 0)
}

/** How many non-blank records the text holds, counted quickly (for the progress bar's total). */
export function countCsvRecords(text: string, delimiter: ',' | '\t' = detectDelimiter(text)): number {
  const delim = delimiter.charCodeAt(0)
  const tally: RecordTally = { count: 0, inQuotes: false, hasContent: false }
  for (let i = 0, n = text.length; i < n; i++) tallyCharacter(tally, text.charCodeAt(i), delim)
  return tallied(tally)
}

/**
 * countCsvRecords over a file's bytes, piece by piece and without decoding them: in UTF-8, GBK
 * and GB18030 the bytes of a quote, line feed, CR, comma, tab or space never occur inside a
 * multi-byte character, and in UTF-16LE they are whole code units.
 */
export class CsvRecordCounter {
  private readonly tally: RecordTally = { count: 0, inQuotes: false, hasContent: false }
  private readonly delim: number
  /** UTF-16LE: the low byte of a code unit split between pieces. */
  private lowByte = -1

  constructor(
    delimiter: ',' | '\t',
    private readonly unitBytes: 1 | 2
  ) {
    this.delim = delimiter.charCodeAt(0)
  }

  add(bytes: Uint8Array): void {
    if (this.unitBytes === 1) this.addSingleBytes(bytes)
    else this.addCodeUnits(bytes)
  }

  /** Line by line with the engine's own byte search: most lines hold no quote. */
  private addSingleBytes(bytes: Uint8Array): void {
    const delim = this.delim
    let { inQuotes, hasContent, count } = this.tally
    const n = bytes.length
    let nextQuote = -2
    let i = 0
    while (i < n) {
      if (nextQuote < i && nextQuote !== -1) nextQuote = bytes.indexOf(QUOTE, i)
      if (inQuotes) {
        if (nextQuote === -1) break
        inQuotes = false
        i = nextQuote + 1
        continue
      }
      const lf = bytes.indexOf(LF, i)
      const end = lf === -1 ? n : lf
      if (nextQuote !== -1 && nextQuote < end) {
        inQuotes = true
        hasContent = true
        i = nextQuote + 1
        continue
      }
      for (let j = i; !hasContent && j < end; j++) {
        const c = bytes[j]!
        if (c !== CR && c !== delim && c !== 32) hasContent = true
      }
      if (lf === -1) break
      if (hasContent) count++
      hasContent = false
      i = lf + 1
    }
    Object.assign(this.tally, { inQuotes, hasContent, count })
  }

  /** UTF-16LE: each code unit through the same tally as a decoded text's characters. */
  private addCodeUnits(bytes: Uint8Array): void {
    let i = 0
    if (this.lowByte >= 0 && bytes.length > 0) {
      tallyCharacter(this.tally, this.lowByte | (bytes[0]! << 8), this.delim)
      this.lowByte = -1
      i = 1
    }
    for (; i + 1 < bytes.length; i += 2) tallyCharacter(this.tally, bytes[i]! | (bytes[i + 1]! << 8), this.delim)
    if (i < bytes.length) this.lowByte = bytes[i]!
  }

  /** The count once every piece was added. */
  total(): number {
    return tallied(this.tally)
  }
}

/** detectDelimiter on the first line of a file's bytes (after any byte-order mark). */
export function detectDelimiterInBytes(bytes: Uint8Array, unitBytes: 1 | 2): ',' | '\t' {
  let tab = false
  let comma = false
  for (let i = 0; i + unitBytes - 1 < bytes.length; i += unitBytes) {
    const c = unitBytes === 1 ? bytes[i]! : bytes[i]! | (bytes[i + 1]! << 8)
    if (c === LF) break
    if (c === 9) tab = true
    else if (c === 44) comma = true
  }
  return tab && !comma ? '\t' : ','
}
