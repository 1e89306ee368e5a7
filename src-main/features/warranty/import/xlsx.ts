import { Readable } from 'node:stream'
import type { CsvRecord } from './csv'
import { excelSerialToDate } from './dates'
import { DATE_FIELDS, fieldOfHeader } from './headers'

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

/** Excel stores a date without a zone; exceljs hands it over as that wall time in UTC. */
function dateText(date: Date): string {
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value)
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : dateText(value)
  if (typeof value === 'object') {
    const cell = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: unknown }
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text).join('')
    if ('result' in cell) return cellText(cell.result)
    if (typeof cell.text === 'string') return cell.text
    if ('error' in cell) return ''
  }
  return String(value)
}

/**
 * The first worksheet of an .xlsx as rows of strings, with the sheet's row numbers as line
 * numbers; blank rows are skipped. Date cells become YYYY-MM-DD, and so do plain numbers in a
 * column whose header names a date field (a serial date whose cell lost its date format).
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<CsvRecord[]> {
  // Loaded when first needed: it takes half a second to load, and most starts never write a workbook.
  const { default: ExcelJS } = await import('exceljs')
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]),
    {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit'
    }
  )
  const rows: CsvRecord[] = []
  let dateColumns: Set<number> | null = null
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      const values = row.values as unknown[]
      const fields: string[] = []
      for (let column = 1; column < values.length; column++) {
        const value = values[column]
        fields.push(
          typeof value === 'number' && dateColumns?.has(column - 1) && value >= 20000 && value <= 80000
            ? excelSerialToDate(value)!
            : cellText(value).trim()
        )
      }
      if (fields.every((field) => field === '')) continue
      if (dateColumns === null) {
        dateColumns = new Set()
        fields.forEach((header, index) => {
          const field = fieldOfHeader(header)
          if (field !== null && DATE_FIELDS.includes(field)) dateColumns!.add(index)
        })
      }
      rows.push({ line: row.number, fields })
    }
    break
  }
  return rows
}
