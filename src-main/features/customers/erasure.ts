import { sql, type SqlBool } from 'kysely'
import type { Db } from '../../db/connection'
import type { Customer, CurrentUser } from '../../../src-shared/contract'
import { ERASED_CUSTOMER_NAME } from '../../../src-shared/domain/erasedCustomer'
import { normalizePhone } from '../../../src-shared/domain/phone'
import {
  customerRecordsIn,
  MIN_SEARCHED_PHONE_DIGITS,
  type RecordedCustomer
} from '../../../src-shared/domain/customerRecordsInAudit'
import { redactJson, redactorOf, type Redactor } from '../../../src-shared/domain/redaction'
import { recordAudit } from '../audit/record'
import { enqueueOutbox } from '../sync/outbox'
import { eraseFromWorkOrders } from '../workOrders/erasure'
import { eraseAroundJobs } from './erasureAroundJobs'
import { toCustomer } from '../workOrders/parties'
import { findLiveCustomer } from './service'

/** The customer and every duplicate merged into them: the same person, recorded twice. */
async function personRecords(trx: Db, customerId: string) {
  const people = [await findLiveCustomer(trx, customerId)]
  for (let index = 0; index < people.length; index++) {
    const merged = await trx.selectFrom('customers').selectAll().where('mergedIntoId', '=', people[index]!.id).execute()
    people.push(...merged)
  }
  return people
}

/**
 * What the person's records said before the erasure, as their own audit rows keep it: a phone, a
 * name or an address changed since is still on the jobs, receipts and notes typed back then.
 */
async function formerValues(trx: Db, ids: readonly string[]): Promise<RecordedCustomer[]> {
  const rows = await trx
    .selectFrom('auditLog')
    .select(['beforeJson', 'afterJson'])
    .where('entity', '=', 'customer')
    .where('entityId', 'in', ids)
    .execute()
  return rows.flatMap((row) =>
    [row.beforeJson, row.afterJson].flatMap((json) => (json ? customerRecordsIn(JSON.parse(json)) : []))
  )
}

/** Whether another customer, not erased, holds the phone (its digits) now: then it is theirs. */
async function heldByAnother(trx: Db, ids: readonly string[], digits: string): Promise<boolean> {
  const holder = await trx
    .selectFrom('customers')
    .select('id')
    .where('mergedIntoId', 'is', null)
    .where('id', 'not in', ids)
    .where(sql<SqlBool>`' ' || ${sql.ref('searchText')} || ' ' LIKE ${`% ${digits} %`}`)
    .executeTakeFirst()
  return holder !== undefined
}

/**
 * Every value that names or reaches the person, as typed and as bare digits: what their records
 * say now and what they said before. A phone is searched for across the database (any record
 * mentioning it is about them) unless it is a former phone another customer holds now.
 */
async function personalValues(trx: Db, people: Awaited<ReturnType<typeof personRecords>>) {
  const ids = people.map((person) => person.id)
  const current = people.map(toCustomer)
  const phones = new Set<string>()
  const texts: string[] = []
  for (const [index, customer] of [...current, ...(await formerValues(trx, ids))].entries()) {
    for (const phone of [customer.mobile, ...customer.otherPhones]) {
      if (!phone) continue
      texts.push(phone)
      const digits = normalizePhone(phone)
      if (digits.length < MIN_SEARCHED_PHONE_DIGITS || phones.has(digits)) continue
      if (index < current.length || !(await heldByAnother(trx, ids, digits))) phones.add(digits)
    }
    if (customer.name !== ERASED_CUSTOMER_NAME) texts.push(customer.name)
    texts.push(customer.address, customer.company, customer.notes, ...customer.address.split('\n'))
  }
  return { phones: [...phones], redact: redactorOf([...texts, ...phones]) }
}

/**
 * Audit and outbox rows hold what records looked like: the person's name and phones are taken out
 * of those about the person, their devices and jobs, and of any other that mentions their phone.
 */
async function redactRecordedValues(
  trx: Db,
  entityIds: readonly string[],
  phones: readonly string[],
  redact: Redactor
) {
  const mentions = (column: 'beforeJson' | 'afterJson' | 'payloadJson') =>
    phones.map((phone) => sql<SqlBool>`instr(${sql.ref(column)}, ${phone}) > 0`)
  const audits = await trx
    .selectFrom('auditLog')
    .select(['id', 'beforeJson', 'afterJson'])
    .where((eb) => eb.or([eb('entityId', 'in', entityIds), ...mentions('beforeJson'), ...mentions('afterJson')]))
    .execute()
  for (const row of audits) {
    const beforeJson = row.beforeJson === null ? null : redactJson(row.beforeJson, redact)
    const afterJson = row.afterJson === null ? null : redactJson(row.afterJson, redact)
    if (beforeJson !== row.beforeJson || afterJson !== row.afterJson)
      await trx.updateTable('auditLog').set({ beforeJson, afterJson }).where('id', '=', row.id).execute()
  }
  const messages = await trx
    .selectFrom('outbox')
    .select(['seq', 'payloadJson'])
    .where((eb) => eb.or([eb('entityId', 'in', entityIds), ...mentions('payloadJson')]))
    .execute()
  for (const message of messages) {
    const payloadJson = redactJson(message.payloadJson, redact)
    if (payloadJson !== message.payloadJson)
      await trx.updateTable('outbox').set({ payloadJson }).where('seq', '=', message.seq).execute()
  }
}

/**
 * Erases a customer's personal data on their request (China's personal-information law): the
 * person is anonymised, their jobs and the calls, complaints and hand-overs around them lose the
 * personal text on them, and the audit trail and the outbox forget their name, phones and words.
 * The jobs, devices and payments stay, so the books still add up. The local copy of the warranty
 * registry forgets them as buyer. One transaction, audited.
 */
export function eraseCustomer(db: Db, at: Date, actor: CurrentUser, customerId: string): Promise<Customer> {
  return erase(db, at, actor.id, customerId, {})
}

/**
 * The same erasure again, on a restored copy from before it that still holds the person
 * (backups/keptErasures.ts): by whoever restored, null when the copy does not know them.
 */
export function eraseAgainAfterRestore(
  db: Db,
  at: Date,
  actorId: string | null,
  customerId: string
): Promise<Customer> {
  return erase(db, at, actorId, customerId, { afterRestore: true })
}

function erase(
  db: Db,
  at: Date,
  actorId: string | null,
  customerId: string,
  note: { afterRestore?: true }
): Promise<Customer> {
  return db.transaction().execute(async (trx) => {
    const people = await personRecords(trx, customerId)
    const ids = people.map((person) => person.id)
    const { phones, redact } = await personalValues(trx, people)
    const iso = at.toISOString()
    await trx
      .updateTable('customers')
      .set({
        name: ERASED_CUSTOMER_NAME,
        mobile: null,
        otherPhonesJson: '[]',
        address: '',
        company: '',
        notes: '',
        tagsJson: '[]',
        searchText: '',
        erasedAt: iso,
        updatedAt: iso
      })
      .where('id', 'in', ids)
      .execute()
    const jobIds = await eraseFromWorkOrders(trx, at, ids, redact)
    const aroundJobs = await eraseAroundJobs(trx, at, jobIds, redact)
    // Receipts keep what they said, except the person: their snapshot forgets the name and phone.
    if (jobIds.length > 0) {
      await trx
        .updateTable('invoiceSnapshots')
        .set({ customerName: ERASED_CUSTOMER_NAME, customerMobile: null })
        .where('invoiceId', 'in', (eb) => eb.selectFrom('invoices').select('id').where('workOrderId', 'in', jobIds))
        .execute()
    }
    if (phones.length > 0) {
      await trx
        .updateTable('warrantyUnits')
        .set({ buyerName: '', buyerPhone: '' })
        .where('buyerPhone', 'in', phones)
        .execute()
      await trx
        .updateTable('warrantyImportRows')
        .set({ buyerName: '', buyerPhone: '' })
        .where('buyerPhone', 'in', phones)
        .execute()
      // An import under way keeps the values it replaced, to put back if it is cancelled.
      await trx
        .updateTable('warrantyImportUndo')
        .set({ buyerName: '', buyerPhone: '' })
        .where('buyerPhone', 'in', phones)
        .execute()
    }
    const deviceIds = (await trx.selectFrom('devices').select('id').where('customerId', 'in', ids).execute()).map(
      (device) => device.id
    )
    await redactRecordedValues(
      trx,
      [...ids, ...jobIds, ...deviceIds, ...aroundJobs.entityIds],
      phones,
      aroundJobs.redact
    )
    const after = toCustomer(await findLiveCustomer(trx, customerId))
    // What was erased is said by counts only: the audit row must not bring the person back.
    await recordAudit(trx, at, {
      actorId,
      action: 'customers.erase',
      entity: 'customer',
      entityId: customerId,
      after: { erasedCustomerIds: ids, workOrders: jobIds.length, devices: deviceIds.length, ...note }
    })
    for (const id of ids)
      await enqueueOutbox(trx, at, {
        entity: 'customer',
        entityId: id,
        operation: 'upsert',
        payload: id === customerId ? after : { ...after, id, mergedIntoId: customerId }
      })
    return after
  })
}
