import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import { AppError, fieldError, type SerialOnHand } from '../../../src-shared/contract'
import type { PartsTable } from './tables'

/*
 * Serials come from the ledger itself: a serial-tracked part is received one ledger line per
 * serial, and every issue and return of it names its serial, so a serial is on hand while its
 * lines add up to one.
 */

/** The serials of a part on hand now, with when each came onto the shelf and its delivery. */
export async function serialsOnHand(db: Db, partId: string): Promise<SerialOnHand[]> {
  const rows = await db
    .selectFrom('stockMovements as m')
    .select([
      'm.serial',
      sql<string>`max(m.at)`.as('since'),
      sql<string>`coalesce((SELECT r.reference FROM stock_movements r WHERE r.part_id = m.part_id
        AND r.serial = m.serial AND r.kind = 'receive' ORDER BY r.seq DESC LIMIT 1), '')`.as('reference')
    ])
    .where('m.partId', '=', partId)
    .where('m.serial', 'is not', null)
    .groupBy('m.serial')
    .having(sql<number>`sum(m.quantity)`, '>', 0)
    .orderBy('m.serial')
    .execute()
  return rows.map((row) => ({ serial: row.serial!, since: row.since, reference: row.reference }))
}

export async function isSerialOnHand(db: Db, partId: string, serial: string): Promise<boolean> {
  const row = await db
    .selectFrom('stockMovements')
    .select(sql<number>`coalesce(sum(quantity), 0)`.as('net'))
    .where('partId', '=', partId)
    .where('serial', '=', serial)
    .executeTakeFirstOrThrow()
  return Number(row.net) > 0
}

/**
 * A serial out on a job (issued and not returned) is on the bench or in a device: it is neither
 * issued again nor received again. Refused with CONFLICT `errors.serialAlreadyIssued`.
 */
export async function refuseSerialOutOnJob(db: Db, partId: string, serial: string): Promise<void> {
  const out = await db
    .selectFrom('workOrderParts as l')
    .innerJoin('workOrders as w', 'w.id', 'l.workOrderId')
    .select('w.number')
    .where('l.partId', '=', partId)
    .where('l.serial', '=', serial)
    .whereRef('l.returnedQuantity', '<', 'l.quantity')
    .executeTakeFirst()
  if (out) throw new AppError('CONFLICT', 'errors.serialAlreadyIssued', { serial, workOrderNumber: out.number })
}

/**
 * Units of a serial-tracked part on hand with no serial on the books: stock received before the
 * shop recorded serials at receipt. Until they are used up, a serial not yet on the books may be
 * issued for one of them.
 */
export async function unserialisedOnHand(db: Db, partId: string): Promise<number> {
  const { onHand } = await db.selectFrom('parts').select('onHand').where('id', '=', partId).executeTakeFirstOrThrow()
  return onHand - (await serialsOnHand(db, partId)).length
}

/** Only a serial on the shelf leaves it (or one of the units received before serials were kept). */
export async function requireSerialOnHand(db: Db, partId: string, serial: string): Promise<void> {
  if (await isSerialOnHand(db, partId, serial)) return
  if ((await unserialisedOnHand(db, partId)) > 0) return
  throw new AppError('CONFLICT', 'errors.serialNotOnHand', { serial })
}

/** Where a refused serial or quantity is shown: the fields of the form that names them. */
export interface SerialFields {
  serial: string
  quantity: string
}

/**
 * Whether a movement of a serial-tracked part by hand must name its serial: a unit arriving always
 * does (found with no serial it would be stock no serial accounts for), a unit leaving unless it
 * is one of those with no serial on the books (received before serials were kept).
 */
export async function serialNeeded(
  trx: Db,
  part: Pick<PartsTable, 'id' | 'serialTracked'>,
  quantity: number
): Promise<boolean> {
  if (part.serialTracked !== 1) return false
  return quantity > 0 || -quantity > (await unserialisedOnHand(trx, part.id))
}

/**
 * Which serial a movement of a serial-tracked part made by hand or at the counter moves, checked
 * against the books now: one unit by its serial, leaving from the shelf or (found) arriving on it,
 * so the serials on hand stay the units on the shelf. Without a serial only units with none on the
 * books (received before serials were kept) may leave; none arrives. Any other part names no serial.
 */
export async function serialMoved(
  trx: Db,
  part: Pick<PartsTable, 'id' | 'serialTracked'>,
  quantity: number,
  serial: string | null,
  fields: SerialFields = { serial: 'serial', quantity: 'quantity' }
): Promise<string | null> {
  if (part.serialTracked !== 1) {
    if (serial !== null) throw fieldError(fields.serial, 'validation.partNotSerialTracked')
    return null
  }
  if (serial === null) {
    if (await serialNeeded(trx, part, quantity)) throw fieldError(fields.serial, 'validation.serialRequired')
    return null
  }
  if (Math.abs(quantity) !== 1) throw fieldError(fields.quantity, 'validation.oneSerialOneUnit')
  await refuseSerialOutOnJob(trx, part.id, serial)
  if (quantity < 0) await requireSerialOnHand(trx, part.id, serial)
  else if (await isSerialOnHand(trx, part.id, serial))
    throw new AppError('CONFLICT', 'errors.serialAlreadyOnHand', { serial })
  return serial
}
