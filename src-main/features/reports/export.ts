import type { Db } from '../../db/connection'
import type { ParsedInput } from '../../../src-shared/contract'
import type { ExportedFile } from '../../../src-shared/contract/dataExport'
import type { ReportCell, ReportColumn } from '../../../src-shared/contract/reports'
import { printableLine, printableText } from '../../../src-shared/domain/printableText'
import type { Worksheet } from 'exceljs'
import { runReport } from './run'

/**
 * A cell as Excel should hold it: money as yuan numbers, shares as fractions, codes as words, and
 * an empty group (no category, no technician) named as the screen names it, （未指定）. A missing
 * number stays an empty cell.
 */
function excelCell(column: ReportColumn, cell: ReportCell, label: (key: string) => string): ReportCell {
  if (cell === null) return column.kind === 'text' || column.kind === 'code' ? printableText(label(NONE)) : null
  if (column.kind === 'fen' && typeof cell === 'number') return cell / 100
  const codes = column.codeSet ?? column.codeList
  if (column.kind === 'code' && codes) return printableText(label(`${codes}.${cell}`))
  return typeof cell === 'string' ? printableText(cell) : cell
}

/** Column widths in characters: a narrow column still fits a number; a very long text is cut at the widest. */
const MIN_WIDTH = 10
const MAX_WIDTH = 60

/** The reader's word for an empty group, among the labels (reportText.ts sends it). */
const NONE = 'none'

const NUMBER_FORMATS: Partial<Record<ReportColumn['kind'], string>> = {
  fen: '#,##0.00',
  percent: '0.0%',
  hours: '0.0'
}

/**
 * A report as an Excel workbook: a first sheet naming the report, its range and its headline
 * figures, then one sheet per table behind it. The words come from the reader's UI.
 */
export async function exportReport(
  db: Db,
  input: ParsedInput<'reports.export'>,
  now: Date = new Date()
): Promise<ExportedFile> {
  const report = await runReport(db, input.query, false, now)
  const label = (key: string) => input.labels[key] ?? (key === NONE ? '—' : key.slice(key.indexOf('.') + 1))
  const header = (key: string) => printableLine(input.columns[key] ?? key)
  const title = printableLine(input.title)
  const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)

  // Loaded when first needed: it takes half a second to load, and most starts never write a workbook.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const summary = workbook.addWorksheet(sheetName(input.sheets.summary ?? 'Summary'))
  summary.columns = [
    { header: title, key: 'name' },
    { header: `${report.from} ~ ${report.to}`, key: 'value' }
  ]
  summary.getRow(1).font = { bold: true }
  for (const figure of report.figures) {
    const column: ReportColumn = { key: figure.key, kind: figure.kind }
    const row = summary.addRow({ name: header(figure.key), value: excelCell(column, figure.value, label) })
    const format = NUMBER_FORMATS[figure.kind]
    if (format) row.getCell('value').numFmt = format
  }
  fitColumns(summary)

  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(sheetName(input.sheets[table.key] ?? table.key))
    sheet.columns = table.columns.map((column) => ({
      header: header(column.key),
      key: column.key,
      style: NUMBER_FORMATS[column.kind] ? { numFmt: NUMBER_FORMATS[column.kind] } : {}
    }))
    sheet.getRow(1).font = { bold: true }
    sheet.views = [{ state: 'frozen', ySplit: 1 }]
    for (const row of table.rows) {
      sheet.addRow(
        Object.fromEntries(
          table.columns.map((column) => [column.key, excelCell(column, row[column.key] ?? null, label)])
        )
      )
    }
    fitColumns(sheet)
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  return { fileName: `${title}-${report.from}-${report.to}.xlsx`, base64: buffer.toString('base64') }
}

/** Characters Excel draws two widths wide: Chinese (and other East Asian) characters, full-width signs. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/

/** How wide a text reads in Excel's columns. */
function textWidth(text: string): number {
  let width = 0
  for (const character of text) width += WIDE.test(character) ? 2 : 1
  return width
}

/** A cell's value as Excel shows it, near enough to size its column: money with its separators and cents, shares as percentages. */
function shownText(value: unknown, format: string | undefined): string {
  if (typeof value !== 'number') return value === null || value === undefined ? '' : String(value)
  if (format === NUMBER_FORMATS.fen)
    return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  if (format === NUMBER_FORMATS.percent) return `${(value * 100).toFixed(1)}%`
  return String(value)
}

/** Each column as wide as its widest cell, header included (a fault code and its name read whole), within bounds. */
function fitColumns(sheet: Worksheet): void {
  sheet.columns.forEach((column) => {
    let widest = 0
    column.eachCell?.({ includeEmpty: false }, (cell) => {
      widest = Math.max(widest, textWidth(shownText(cell.value, cell.numFmt)))
    })
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2))
  })
}
