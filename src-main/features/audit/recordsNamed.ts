import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import { endsWithMatch } from '../search/ftsQuery'
import { ftsRowids, jsonList } from '../search/capped'
import { phoneQueryDigits } from '../search/searchText'

/** Records of one kind (the audit row's `entity`) whose rows the log is asked for. */
export interface NamedRecords {
  entity: string
  ids: string[]
}

/** The fewest digits read as a phone's tail: fewer would find half the shop's customers. */
export const PHONE_TAIL_DIGITS = 4

/** Customers found by one phone tail, at most: beyond them the manager types more digits. */
export const CUSTOMERS_PER_TAIL = 20

/**
 * The records a manager names by what they read on paper: a work-order number (the job, its
 * receipts and credit notes, its warranty claims), a part number, a receipt number, or the last
 * digits of a customer's phone. Each is an exact look-up on an index, so typing costs no scan of
 * any table; what is not found names nothing.
 */
export async function recordsNamed(db: Db, typed: string): Promise<NamedRecords[]> {
  const text = typed.trim()
  if (text === '') return []
  const found: NamedRecords[] = []
  const add = (entity: string, ids: string[]) => {
    if (ids.length) found.push({ entity, ids })
  }
  const jobs = await ids(db, sql`SELECT id FROM work_orders WHERE lower(number) = lower(${text})`)
  add('work_order', jobs)
  const ofJobs = jsonList(jobs)
  const jobReceipts = await ids(
    db,
    sql`SELECT id FROM invoices WHERE kind = 'invoice' AND work_order_id IN (SELECT value FROM json_each(${ofJobs}))`
  )
  const receipts = await ids(
    db,
    sql`SELECT id FROM invoices WHERE number = ${text} OR number = upper(${text})
        UNION SELECT value FROM json_each(${jsonList(jobReceipts)})`
  )
  const creditNotes = await ids(
    db,
    sql`SELECT id FROM invoices WHERE corrects_invoice_id IN (SELECT value FROM json_each(${jsonList(receipts)}))`
  )
  add('invoice', [...receipts, ...creditNotes])
  add(
    'warranty_claim',
    await ids(db, sql`SELECT id FROM warranty_claims WHERE work_order_id IN (SELECT value FROM json_each(${ofJobs}))`)
  )
  // Part numbers are unique in any case (COLLATE NOCASE).
  add('part', await ids(db, sql`SELECT id FROM parts WHERE part_number = ${text}`))
  add('customer', await customersByPhoneTail(db, text))
  return found
}

async function ids(db: Db, query: ReturnType<typeof sql<{ id: string }>>): Promise<string[]> {
  const { rows } = await query.execute(db)
  return rows.map((row) => row.id)
}

/** Customers a phone of whom ends with the digits typed, through the customers' search index. */
async function customersByPhoneTail(db: Db, text: string): Promise<string[]> {
  const digits = phoneQueryDigits(text)
  if (digits === null || digits.length < PHONE_TAIL_DIGITS) return []
  const seqs = await ftsRowids(db, 'customer_search', endsWithMatch(digits), CUSTOMERS_PER_TAIL)
  if (seqs.length === 0) return []
  return ids(db, sql`SELECT id FROM customers WHERE search_seq IN (SELECT value FROM json_each(${jsonList(seqs)}))`)
}
