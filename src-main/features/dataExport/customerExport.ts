import type { AppContext } from '../../app/context'
import { AppError, type CurrentUser } from '../../../src-shared/contract'
import type { ExportedFile } from '../../../src-shared/contract/dataExport'
import { customerNameIn } from '../../../src-shared/domain/erasedCustomer'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { recordAudit } from '../audit/record'
import { readShopTimeZone } from '../settings/service'
import { buildArchive, type ArchiveFile, type ExportLanguage } from './archive'
import { openSnapshot, type Snapshot } from './snapshot'
import { EXPORT_TABLES, type ExportTable } from './tables'

/** The person's records: the customer and any duplicates merged into them (they were the same person). */
function personIds(snapshot: Snapshot, customerId: string): string[] {
  const rows = snapshot.rows(
    `WITH RECURSIVE person(id) AS (
       SELECT id FROM customers WHERE id = ?
       UNION SELECT c.id FROM customers c JOIN person p ON c.merged_into_id = p.id
     ) SELECT id FROM person`,
    [customerId]
  )
  return [...rows].map((row) => String(row[0]))
}

/** Which rows of each table belong to the person, by the table's alias in tables.ts. */
function personFilters(ids: readonly string[]): Record<string, string> {
  const people = ids.map(() => '?').join(', ')
  const jobs = `(SELECT id FROM work_orders WHERE customer_id IN (${people}))`
  return {
    customers: `c.id IN (${people})`,
    devices: `d.customer_id IN (${people})`,
    work_orders: `w.customer_id IN (${people})`,
    work_order_events: `e.work_order_id IN ${jobs}`,
    quotes: `q.work_order_id IN ${jobs}`,
    work_order_labour: `l.work_order_id IN ${jobs}`,
    work_order_parts: `p.work_order_id IN ${jobs}`,
    invoices: `i.work_order_id IN ${jobs}`,
    invoice_lines: `i.work_order_id IN ${jobs}`,
    payments: `(p.work_order_id IN ${jobs} OR p.invoice_id IN (SELECT id FROM invoices WHERE work_order_id IN ${jobs}))`
  }
}

function tableNamed(file: string): ExportTable {
  const table = EXPORT_TABLES.find((candidate) => candidate.file === file)
  if (!table) throw new Error(`no export table ${file}`)
  return table
}

/**
 * One customer's personal data, for a customer who asks what the shop holds about them: the
 * person, their phones, devices, jobs with their history, quotes, receipts and payments. The
 * shop's internal columns come along unchanged, so the customer sees what the shop sees.
 */
export async function exportCustomer(
  app: AppContext,
  now: Date,
  actor: CurrentUser,
  input: { customerId: string; language: ExportLanguage }
): Promise<ExportedFile> {
  const timeZone = await readShopTimeZone(app.db)
  const date = shopLocalDate(now, timeZone)
  const snapshot = openSnapshot(app.sqlite)
  let archive: Awaited<ReturnType<typeof buildArchive>>
  let name: string
  try {
    const [found] = snapshot.rows('SELECT name FROM customers WHERE id = ? AND merged_into_id IS NULL', [
      input.customerId
    ])
    if (!found) throw new AppError('NOT_FOUND', 'errors.customerNotFound')
    name = customerNameIn(String(found[0]), input.language)
    const ids = personIds(snapshot, input.customerId)
    // Each `?` in a filter is one of the person's ids, in order, as often as the filter names them.
    const files: ArchiveFile[] = Object.entries(personFilters(ids)).map(([file, sql]) => ({
      table: tableNamed(file),
      where: { sql, params: Array.from({ length: sql.split('?').length - 1 }, (_, index) => ids[index % ids.length]!) }
    }))
    const intro =
      input.language === 'en'
        ? [`Personal data held about ${name}, exported ${date} by ${actor.displayName}.`]
        : [`${name} 的个人信息，${date} 由 ${actor.displayName} 导出。`]
    archive = await buildArchive(snapshot, files, { language: input.language, timeZone, intro })
  } finally {
    snapshot.close()
  }
  await app.db.transaction().execute((trx) =>
    recordAudit(trx, now, {
      actorId: actor.id,
      action: 'dataExport.customer',
      entity: 'customer',
      entityId: input.customerId,
      after: { rows: archive.rows }
    })
  )
  return { fileName: `customer-data-${date}.zip`, base64: archive.zip.toString('base64') }
}
