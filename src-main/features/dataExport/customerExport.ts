import type { AppContext } from '../../app/context'
import { AppError, type CurrentUser } from '../../../src-shared/contract'
import type { ExportedFile } from '../../../src-shared/contract/dataExport'
import { customerNameIn } from '../../../src-shared/domain/erasedCustomer'
import { normalizePhone } from '../../../src-shared/domain/phone'
import { customerRecordsIn, MIN_SEARCHED_PHONE_DIGITS } from '../../../src-shared/domain/customerRecordsInAudit'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { recordAudit } from '../audit/record'
import { readShopTimeZone } from '../settings/service'
import { buildArchive, type ArchiveFile, type ExportLanguage } from './archive'
import { openSnapshot, type Snapshot } from './snapshot'
import { PERSON_ONLY_TABLES } from './personTables'
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

/**
 * The person's phones as the shop stores phones (digits only): the registry names its buyers by
 * phone. Their phones now, and those their own audit rows show they had before (a unit bought
 * under an old number is still theirs), unless another customer holds that number now: the same
 * phones the erasure reaches.
 */
function personPhones(snapshot: Snapshot, ids: readonly string[]): string[] {
  const people = ids.map(() => '?').join(', ')
  const current = [...snapshot.rows(`SELECT mobile, other_phones_json FROM customers WHERE id IN (${people})`, ids)]
    .flatMap(([mobile, others]) => [
      ...(typeof mobile === 'string' ? [mobile] : []),
      ...(JSON.parse(String(others ?? '[]')) as string[])
    ])
    .map(normalizePhone)
  const former = [
    ...snapshot.rows(
      `SELECT before_json, after_json FROM audit_log WHERE entity = 'customer' AND entity_id IN (${people})`,
      ids
    )
  ]
    .flatMap((jsons) => jsons.flatMap((json) => (typeof json === 'string' ? customerRecordsIn(JSON.parse(json)) : [])))
    .flatMap((record) => [record.mobile, ...record.otherPhones])
    .map((phone) => normalizePhone(phone ?? ''))
    .filter((digits) => digits.length >= MIN_SEARCHED_PHONE_DIGITS && !current.includes(digits))
  const heldByAnother = (digits: string) =>
    [
      ...snapshot.rows(
        `SELECT 1 FROM customers WHERE merged_into_id IS NULL AND id NOT IN (${people})
           AND ' ' || search_text || ' ' LIKE ? LIMIT 1`,
        [...ids, `% ${digits} %`]
      )
    ].length > 0
  const formerStillTheirs = [...new Set(former)].filter((digits) => !heldByAnother(digits))
  return [...new Set([...current, ...formerStillTheirs])].filter((digits) => digits !== '')
}

/** A WHERE clause over a table's alias in tables.ts, with its `?` parameters in order. */
interface RowFilter {
  sql: string
  params: readonly string[]
}

/**
 * Which rows of each table are about the person, file by file in the order the archive lists
 * them: their record, devices and jobs, everything written on a job or its receipts, the
 * desk's notices and calls, complaints, and the registry's units bought under their phone.
 */
function personFilters(ids: readonly string[], phones: readonly string[]): Record<string, RowFilter> {
  const people = ids.map(() => '?').join(', ')
  const ofPerson = (sql: string): RowFilter => ({
    sql,
    // Each `?` is one of the person's ids, in order, as often as the filter names them.
    params: Array.from({ length: sql.split('?').length - 1 }, (_, index) => ids[index % ids.length]!)
  })
  const jobs = `(SELECT id FROM work_orders WHERE customer_id IN (${people}))`
  const receipts = `(SELECT id FROM invoices WHERE work_order_id IN ${jobs})`
  const complaints = `(SELECT id FROM complaints WHERE work_order_id IN ${jobs})`
  return {
    customers: ofPerson(`c.id IN (${people})`),
    devices: ofPerson(`d.customer_id IN (${people})`),
    work_orders: ofPerson(`w.customer_id IN (${people})`),
    work_order_events: ofPerson(`e.work_order_id IN ${jobs}`),
    quotes: ofPerson(`q.work_order_id IN ${jobs}`),
    work_order_labour: ofPerson(`l.work_order_id IN ${jobs}`),
    work_order_part_requests: ofPerson(`r.work_order_id IN ${jobs}`),
    work_order_parts: ofPerson(`p.work_order_id IN ${jobs}`),
    invoices: ofPerson(`i.work_order_id IN ${jobs}`),
    receipt_headers: ofPerson(`s.invoice_id IN ${receipts}`),
    invoice_lines: ofPerson(`i.work_order_id IN ${jobs}`),
    payments: ofPerson(`(p.work_order_id IN ${jobs} OR p.invoice_id IN ${receipts})`),
    tax_invoice_numbers: ofPerson(`t.invoice_id IN ${receipts}`),
    unpaid_hand_overs: ofPerson(`h.work_order_id IN ${jobs}`),
    warranty_claims: ofPerson(`c.work_order_id IN ${jobs}`),
    ready_notices: ofPerson(`n.work_order_id IN ${jobs}`),
    follow_ups: ofPerson(`f.work_order_id IN ${jobs}`),
    complaints: ofPerson(`c.work_order_id IN ${jobs}`),
    complaint_events: ofPerson(`e.complaint_id IN ${complaints}`),
    restore_dropped_money: ofPerson(`r.work_order_id IN ${jobs}`),
    warranty_units:
      phones.length === 0
        ? { sql: '0', params: [] }
        : { sql: `u.buyer_phone IN (${phones.map(() => '?').join(', ')})`, params: phones }
  }
}

function tableNamed(file: string): ExportTable {
  const table = [...EXPORT_TABLES, ...PERSON_ONLY_TABLES].find((candidate) => candidate.file === file)
  if (!table) throw new Error(`no export table ${file}`)
  return table
}

/**
 * One customer's personal data, for a customer who asks what the shop holds about them (China's
 * personal-information law, the right to a copy): the person, their phones, devices, jobs with
 * their history, quotes, receipts and payments, the desk's ready notices, unpaid hand-overs,
 * follow-up calls with their scores, complaints, claims the shop made to the brand for their
 * repairs, and the registry's units bought under their phone, now or before. The shop's internal columns come
 * along unchanged, so the customer sees what the shop sees; secrets are never selected.
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
    const files: ArchiveFile[] = Object.entries(personFilters(ids, personPhones(snapshot, ids))).map(
      ([file, where]) => ({ table: tableNamed(file), where })
    )
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
