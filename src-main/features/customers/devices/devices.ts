import type { Db } from '../../../db/connection'
import {
  AppError,
  fieldError,
  type Customer,
  type CurrentUser,
  type Device,
  type ParsedInput
} from '../../../../src-shared/contract'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { recordSyncedChange } from '../../sync/recordChange'
import { shopCalendar } from '../../workOrders/calendar'
import { toCustomer, toDevice } from '../../workOrders/parties'
import { refuseEditOfOlderVersion } from '../../sync/changedElsewhere'
import { findLiveCustomer } from '../service'
import type { DevicesTable } from '../tables'

export type DeviceFields = Omit<ParsedInput<'devices.create'>, 'customerId'>

export async function findDevice(db: Db, id: string): Promise<DevicesTable> {
  const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.deviceNotFound')
  return row
}

/** A scanned serial: the device the shop knows by it, with its current owner. */
export async function findBySerial(
  db: Db,
  serial: string | null
): Promise<{ device: Device; customer: Customer } | null> {
  if (!serial) return null
  const device = await db.selectFrom('devices').selectAll().where('serial', '=', serial).executeTakeFirst()
  if (!device) return null
  return { device: toDevice(device), customer: toCustomer(await findLiveCustomer(db, device.customerId)) }
}

/** One serial, one device: a second record for the same unit would split its history. */
async function refuseDuplicateSerial(trx: Db, serial: string | null, exceptId?: string): Promise<void> {
  if (!serial) return
  let query = trx.selectFrom('devices').selectAll().where('serial', '=', serial)
  if (exceptId) query = query.where('id', '!=', exceptId)
  const existing = await query.executeTakeFirst()
  if (existing) {
    throw new AppError('CONFLICT', 'errors.duplicateSerial', {
      existing: toDevice(existing),
      fields: [{ path: 'serial', messageKey: 'errors.duplicateSerial' }]
    })
  }
}

/** A purchase date after today is a typo (often a year off), never a sale: refused, not stored. */
async function refuseFuturePurchase(trx: Db, at: Date, purchaseDate: string | null): Promise<void> {
  if (purchaseDate !== null && purchaseDate > (await shopCalendar(trx, at)).today) {
    throw fieldError('purchaseDate', 'validation.dateInFuture')
  }
}

/** Creates a device inside the caller's transaction (intake uses it too). */
export async function insertDevice(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  customerId: string,
  fields: DeviceFields
): Promise<Device> {
  await findLiveCustomer(trx, customerId)
  await refuseDuplicateSerial(trx, fields.serial)
  await refuseFuturePurchase(trx, at, fields.purchaseDate)
  const row: DevicesTable = {
    id: uuidv7(at.getTime()),
    customerId,
    ...fields,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString()
  }
  await trx.insertInto('devices').values(row).execute()
  const device = toDevice(row)
  await recordSyncedChange(trx, at, {
    actorId: actor.id,
    action: 'devices.create',
    entity: 'device',
    entityId: row.id,
    after: device
  })
  return device
}

export function createDevice(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'devices.create'>
): Promise<Device> {
  const { customerId, ...fields } = input
  return db.transaction().execute((trx) => insertDevice(trx, at, actor, customerId, fields))
}

/** Edits a device; a new customerId hands it to its new owner (one owner at a time). */
export async function saveDevice(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'devices.update'>
): Promise<Device> {
  const { id, expectedUpdatedAt, ...fields } = input
  const before = await findDevice(trx, id)
  refuseEditOfOlderVersion(before.updatedAt, expectedUpdatedAt)
  await findLiveCustomer(trx, fields.customerId)
  await refuseDuplicateSerial(trx, fields.serial, id)
  if (fields.purchaseDate !== before.purchaseDate) await refuseFuturePurchase(trx, at, fields.purchaseDate)
  await trx
    .updateTable('devices')
    .set({ ...fields, updatedAt: at.toISOString() })
    .where('id', '=', id)
    .execute()
  const after = toDevice(await findDevice(trx, id))
  const action = before.customerId === after.customerId ? 'devices.update' : 'devices.transfer'
  await recordSyncedChange(trx, at, {
    actorId: actor.id,
    action,
    entity: 'device',
    entityId: id,
    before: toDevice(before),
    after
  })
  return after
}

export function updateDevice(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'devices.update'>
): Promise<Device> {
  return db.transaction().execute((trx) => saveDevice(trx, at, actor, input))
}
