import { printableLine, printableText } from '../../src-shared/domain/printableText'

/** ExcelJS's paper size number for A4 (its enum is declared const, so it cannot be imported). */
const A4 = 9

export type WorkbookCell = string | number | null

export interface WorkbookColumn {
  key: string
  /** The column's title, in the reader's words. */
  header: string
  /** Characters; by default sized to the title. */
  width?: number
  /** Yuan with two decimals, so Excel sums them. */
  money?: boolean
}

/**
 * A list as a one-sheet Excel workbook (a stock list, the claim sheet): the titles in bold with
 * the first row frozen, money columns formatted as yuan, and, if given, a bold totals row last.
 * Rows stored before the input check, or come from HQ, may hold control characters: none goes
 * into the file. Printed from Excel it comes out on A4, one page wide, the titles on every page:
 * a shop prints the sheet it sends the brand, and a sheet cut into columns across pages is unreadable.
 */
export async function listWorkbook(
  title: string,
  columns: readonly WorkbookColumn[],
  rows: readonly Record<string, WorkbookCell>[],
  totals?: Record<string, WorkbookCell>,
  /** A wide list (the claim sheet's eighteen columns) prints across the page. */
  orientation: 'portrait' | 'landscape' = 'portrait'
): Promise<Buffer> {
  // Loaded when first needed: it takes half a second to load, and most starts never write a workbook.
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(
    printableLine(title)
      .replace(/[\\/?*[\]:]/g, ' ')
      .slice(0, 31)
  )
  sheet.columns = columns.map((column) => {
    const header = printableLine(column.header)
    return {
      header,
      key: column.key,
      width: column.width ?? Math.max(10, Math.min(40, header.length * 2 + 4)),
      style: column.money ? { numFmt: '#,##0.00' } : {}
    }
  })
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  sheet.pageSetup = {
    paperSize: A4,
    orientation,
    // As many pages down as the rows take, never more than one across.
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1'
  }
  const printable = (row: Record<string, WorkbookCell>) =>
    Object.fromEntries(
      Object.entries(row).map(([key, cell]) => [key, typeof cell === 'string' ? printableText(cell) : cell])
    )
  for (const row of rows) sheet.addRow(printable(row))
  if (totals) sheet.addRow(printable(totals)).font = { bold: true }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}
