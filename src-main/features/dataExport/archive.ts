import JSZip from 'jszip'
import type { CsvCell } from '../../../src-shared/domain/spreadsheetText'
import { customerNameIn } from '../../../src-shared/domain/erasedCustomer'
import { formatShopDateTime } from '../../../src-shared/domain/timeZone'
import type { ExportColumn, ExportTable } from './tables'
import { csvStream } from './csvStream'
import type { Snapshot } from './snapshot'

export type ExportLanguage = 'zh-CN' | 'en'

/** One CSV file of the archive: a table, or a part of one chosen by a WHERE clause. */
export interface ArchiveFile {
  table: ExportTable
  /** Restricts the rows (one customer's export), with its `?` parameters; the whole table when absent. */
  where?: { sql: string; params: readonly string[] }
}

function cellOf(column: ExportColumn, value: unknown, timeZone: string, language: ExportLanguage): CsvCell {
  if (value === null || value === undefined) return null
  switch (column.kind) {
    case 'money':
      // Integer fen divided by 100 prints as the exact yuan amount (12.34), and Excel sums it.
      return Number(value) / 100
    case 'integer':
      return Number(value)
    case 'boolean':
      return Number(value) ? 1 : 0
    case 'instant': {
      const iso = String(value)
      // Shop wall-clock time to the minute, plus the stored seconds (zone offsets are whole minutes).
      return `${formatShopDateTime(iso, timeZone)}:${iso.slice(17, 19)}`
    }
    case 'customerName':
      return customerNameIn(String(value), language)
    case 'text':
      return String(value)
  }
}

function selectOf(file: ArchiveFile): string {
  const columns = file.table.columns.map((column) => column.sql).join(', ')
  const where = file.where ? ` WHERE ${file.where.sql}` : ''
  return `SELECT ${columns} FROM ${file.table.from}${where} ORDER BY ${file.table.orderBy}`
}

function countOf(snapshot: Snapshot, file: ArchiveFile): number {
  const where = file.where ? ` WHERE ${file.where.sql}` : ''
  const [row] = snapshot.rows(`SELECT COUNT(*) FROM ${file.table.from}${where}`, file.where?.params)
  return Number(row?.[0] ?? 0)
}

function titleOf(item: { zh: string; en: string }, language: ExportLanguage): string {
  return language === 'en' ? item.en : item.zh
}

function readme(
  intro: readonly string[],
  files: readonly { name: string; title: string; rows: number }[],
  language: ExportLanguage
): string {
  const rowsWord = language === 'en' ? 'rows' : '行'
  const notes =
    language === 'en'
      ? [
          'Each file is one table: UTF-8 CSV (RFC 4180) with a byte-order mark, so Excel, LibreOffice and WPS open it with Chinese text intact.',
          'Money columns are in yuan (2 decimals). Times are the shop’s local time. Ids let the files be joined.',
          'Text that begins like a formula (= + - @) starts with an apostrophe, so it is never run as one.',
          'Not included: passwords, sessions, claim codes, device passcodes, and the shop logo (too long for a spreadsheet cell).'
        ]
      : [
          '每个文件是一张表：UTF-8 编码的 CSV（RFC 4180），带字节顺序标记，Excel、WPS、LibreOffice 都能正确显示中文。',
          '金额列单位为元（两位小数）；时间为本店当地时间；各文件可按 ID 关联。',
          '以公式符号（= + - @）开头的文字前加了单引号，打开时不会被当作公式执行。',
          '不包含：登录密码、会话、取机码、设备密码，以及本店标志图片（超出表格单元格长度）。'
        ]
  const lines = [
    ...intro,
    '',
    ...files.map((file) => `${file.name}\t${file.title}\t${file.rows} ${rowsWord}`),
    '',
    ...notes
  ]
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/**
 * Writes the chosen tables as one zip of CSV files plus a README.txt saying what each file holds.
 * Rows stream from the snapshot into the compressor, one chunk at a time.
 */
export async function buildArchive(
  snapshot: Snapshot,
  files: readonly ArchiveFile[],
  options: { language: ExportLanguage; timeZone: string; intro: readonly string[] }
): Promise<{ zip: Buffer; rows: Record<string, number> }> {
  const zip = new JSZip()
  const listed: { name: string; title: string; rows: number }[] = []
  const rows: Record<string, number> = {}
  for (const file of files) {
    const name = `${file.table.file}.csv`
    const count = countOf(snapshot, file)
    rows[file.table.file] = count
    listed.push({ name, title: titleOf(file.table, options.language), rows: count })
    const header = file.table.columns.map((column) => titleOf(column, options.language))
    const records = (function* () {
      for (const row of snapshot.rows(selectOf(file), file.where?.params))
        yield file.table.columns.map((column, index) => cellOf(column, row[index], options.timeZone, options.language))
    })()
    zip.file(name, csvStream(header, records))
  }
  zip.file('README.txt', readme(options.intro, listed, options.language))
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', streamFiles: true })
  return { zip: buffer, rows }
}
