import type { Db } from '../../db/connection'
import type { ParsedInput } from '../../../src-shared/contract'
import type { ExportedFile } from '../../../src-shared/contract/dataExport'
import type { ReportCell, ReportColumn } from '../../../src-shared/contract/reports'
import { printableLine, printableText } from '../../../src-shared/domain/printableText'
import { runReport } from './run'

/** A cell as Excel should hold it: money as yuan numbers, shares as fractions, codes as words. */
function excelCell(column: ReportColumn, cell: ReportCell, label: (key: string) => string): ReportCell {
  if (cell === null) return null
  if (column.kind === 'fen' && typeof cell === 'number') return cell / 100
  const codes = column.codeSet ?? column.codeList
  if (column.kind === 'code' && codes) return printableText(label(`${codes}.${cell}`))
  return typeof cell === 'string' ? printableText(cell) : cell
}

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
  const label = (key: string) => input.labels[key] ?? key.slice(key.indexOf('.') + 1)
  const header = (key: string) => printableLine(input.columns[key] ?? key)
  const title = printableLine(input.title)
  const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31)

  // Loaded when first needed: it takes half a second to load, and most starts never write a workbook.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const summary = workbook.addWorksheet(sheetName(input.sheets.summary ?? 'Summary'))
  summary.columns = [
    { header: title, key: 'name', width: 28 },
    { header: `${report.from} ~ ${report.to}`, key: 'value', width: 20 }
  ]
  summary.getRow(1).font = { bold: true }
  for (const figure of report.figures) {
    const column: ReportColumn = { key: figure.key, kind: figure.kind }
    const row = summary.addRow({ name: header(figure.key), value: excelCell(column, figure.value, label) })
    const format = NUMBER_FORMATS[figure.kind]
    if (format) row.getCell('value').numFmt = format
  }

  for (const table of report.tables) {
    const sheet = workbook.addWorksheet(sheetName(input.sheets[table.key] ?? table.key))
    sheet.columns = table.columns.map((column) => ({
      header: header(column.key),
      key: column.key,
      width: Math.max(10, Math.min(40, header(column.key).length * 2 + 4)),
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
  }
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer())
  return { fileName: `${title}-${report.from}-${report.to}.xlsx`, base64: buffer.toString('base64') }
}
