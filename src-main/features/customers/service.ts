import type { Db } from '../../db/connection'
import { MAX_KEPT_OTHER_PHONES } from '../../../src-shared/contract/customers'
import { AppError, type Customer, type CurrentUser, type ParsedInput } from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { normalizePhone } from '../../../src-shared/domain/phone'
import { sql, type SqlBool } from 'kysely'
import { enqueueOutbox } from '../sync/outbox'
import { recordSyncedChange } from '../sync/recordChange'
import { toCustomer, toDevice } from '../workOrders/parties'
import { workOrderRecord } from '../workOrders/records'
import { customerSearchText } from './searchText'
import type { CustomersTable } from './tables'
import { refuseEditOfOlderVersion } from '../sync/changedElsewhere'

export type CustomerFields = ParsedInput<'customers.create'>

/** Customers that still stand on their own (not merged into another). */
function liveCustomers(db: Db) {
  return db.selectFrom('customers').where('customers.mergedIntoId', 'is', null)
}

export async function findLiveCustomer(db: Db, id: string): Promise<CustomersTable> {
  const row = await liveCustomers(db).selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.customerNotFound')
  return row
}

/** A customer who may still be changed: an erased one stays as it is, so the person never comes back. */
async function findChangeableCustomer(db: Db, id: string): Promise<CustomersTable> {
  const row = await findLiveCustomer(db, id)
  if (row.erasedAt !== null) throw new AppError('CONFLICT', 'errors.customerErased')
  return row
}

/** Phone numbers shorter than this are extensions or typos, not a way to recognise someone. */
const MIN_IDENTIFYING_DIGITS = 7

/**
 * A returning customer is offered, never duplicated: a phone number (mobile or other) that a
 * customer already has means the same person. Phones sit as whole words in the search text.
 */
async function refuseKnownPhones(
  trx: Db,
  fields: Pick<CustomerFields, 'mobile' | 'otherPhones'>,
  exceptId?: string
): Promise<void> {
  const phones: { path: string; digits: string }[] = [
    ...(fields.mobile ? [{ path: 'mobile', digits: fields.mobile }] : []),
    ...fields.otherPhones.map((phone, index) => ({ path: `otherPhones.${index}`, digits: normalizePhone(phone) }))
  ].filter((phone) => phone.digits.length >= MIN_IDENTIFYING_DIGITS)
  for (const phone of phones) {
    let query = liveCustomers(trx)
      .selectAll()
      .where(sql<SqlBool>`' ' || ${sql.ref('searchText')} || ' ' LIKE ${`% ${phone.digits} %`}`)
    if (exceptId) query = query.where('id', '!=', exceptId)
    const existing = await query.executeTakeFirst()
    if (existing) {
      const messageKey = phone.path === 'mobile' ? 'errors.duplicateMobile' : 'errors.duplicatePhone'
      throw new AppError('CONFLICT', messageKey, {
        existing: toCustomer(existing),
        fields: [{ path: phone.path, messageKey }]
      })
    }
  }
}

function rowFields(fields: CustomerFields) {
  return {
    name: fields.name,
    mobile: fields.mobile,
    otherPhonesJson: JSON.stringify(fields.otherPhones),
    address: fields.address,
    company: fields.company,
    notes: fields.notes,
    tagsJson: JSON.stringify(fields.tags),
    searchText: customerSearchText(fields)
  }
}

/** Creates a customer inside the caller's transaction (intake uses it too). */
export async function insertCustomer(trx: Db, at: Date, actor: CurrentUser, fields: CustomerFields): Promise<Customer> {
  await refuseKnownPhones(trx, fields)
  const row: CustomersTable = {
    id: uuidv7(at.getTime()),
    ...rowFields(fields),
    mergedIntoId: null,
    erasedAt: null,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString()
  }
  await trx.insertInto('customers').values(row).execute()
  const customer = toCustomer(row)
  await recordSyncedChange(trx, at, {
    actorId: actor.id,
    action: 'customers.create',
    entity: 'customer',
    entityId: row.id,
    after: customer
  })
  return customer
}

export function createCustomer(db: Db, at: Date, actor: CurrentUser, fields: CustomerFields): Promise<Customer> {
  return db.transaction().execute((trx) => insertCustomer(trx, at, actor, fields))
}

export function updateCustomer(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'customers.update'>
): Promise<Customer> {
  const { id, expectedUpdatedAt, ...fields } = input
  return db.transaction().execute(async (trx) => {
    const before = await findChangeableCustomer(trx, id)
    refuseEditOfOlderVersion(before.updatedAt, expectedUpdatedAt)
    await refuseKnownPhones(trx, fields, id)
    await trx
      .updateTable('customers')
      .set({ ...rowFields(fields), updatedAt: at.toISOString() })
      .where('id', '=', id)
      .execute()
    const after = toCustomer(await findLiveCustomer(trx, id))
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: 'customers.update',
      entity: 'customer',
      entityId: id,
      before: toCustomer(before),
      after
    })
    return after
  })
}

/**
 * Folds a duplicate customer into the one kept: devices and work orders move over, phones,
 * tags and notes are combined, and the duplicate stays in the database marked as merged so
 * old references still resolve.
 */
export function mergeCustomers(
  db: Db,
  at: Date,
  actor: CurrentUser,
  keepId: string,
  mergeId: string
): Promise<Customer> {
  return db.transaction().execute(async (trx) => {
    const keep = toCustomer(await findChangeableCustomer(trx, keepId))
    const merged = toCustomer(await findChangeableCustomer(trx, mergeId))
    const mobile = keep.mobile ?? merged.mobile
    const phones = [
      ...new Set([...keep.otherPhones, ...(merged.mobile ? [merged.mobile] : []), ...merged.otherPhones])
    ].filter((phone) => phone !== mobile)
    // Every phone stays a phone of the kept record (never moved into the notes, where nothing
    // finds it); a merge that would hold more than a record keeps is refused, not trimmed.
    if (phones.length > MAX_KEPT_OTHER_PHONES)
      throw new AppError('CONFLICT', 'errors.tooManyPhonesToMerge', {
        count: phones.length,
        max: MAX_KEPT_OTHER_PHONES
      })
    const fields: CustomerFields = {
      name: keep.name,
      mobile,
      otherPhones: phones,
      address: keep.address || merged.address,
      company: keep.company || merged.company,
      notes: [keep.notes, merged.notes].filter(Boolean).join('\n'),
      tags: [...new Set([...keep.tags, ...merged.tags])]
    }
    // The duplicate steps aside first, so its mobile no longer counts as taken.
    await trx
      .updateTable('customers')
      .set({ mergedIntoId: keepId, updatedAt: at.toISOString() })
      .where('id', '=', mergeId)
      .execute()
    await trx
      .updateTable('customers')
      .set({ ...rowFields(fields), updatedAt: at.toISOString() })
      .where('id', '=', keepId)
      .execute()
    const movedDevices = await trx.selectFrom('devices').selectAll().where('customerId', '=', mergeId).execute()
    const movedOrders = await trx.selectFrom('workOrders').selectAll().where('customerId', '=', mergeId).execute()
    await trx
      .updateTable('devices')
      .set({ customerId: keepId, updatedAt: at.toISOString() })
      .where('customerId', '=', mergeId)
      .execute()
    // Work orders keep their own updated_at: closed ones measure their age by it.
    await trx.updateTable('workOrders').set({ customerId: keepId }).where('customerId', '=', mergeId).execute()
    // HQ holds these records too: each moved one goes out with its new owner.
    for (const device of movedDevices) {
      await enqueueOutbox(trx, at, {
        entity: 'device',
        entityId: device.id,
        operation: 'upsert',
        payload: toDevice({ ...device, customerId: keepId })
      })
    }
    for (const order of movedOrders) {
      await enqueueOutbox(trx, at, {
        entity: 'work_order',
        entityId: order.id,
        operation: 'upsert',
        payload: await workOrderRecord(trx, { ...order, customerId: keepId })
      })
    }
    const after = toCustomer(await findLiveCustomer(trx, keepId))
    await enqueueOutbox(trx, at, {
      entity: 'customer',
      entityId: mergeId,
      operation: 'upsert',
      payload: { ...merged, mergedIntoId: keepId }
    })
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: 'customers.merge',
      entity: 'customer',
      entityId: keepId,
      before: { kept: keep, merged },
      after
    })
    return after
  })
}
