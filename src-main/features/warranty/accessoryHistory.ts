import type { Db } from '../../db/connection'
import { reusableQuery } from '../../db/reusableQuery'
import type { AccessoryRemedy } from '../../../src-shared/contract'
import type { AccessoryRemedyRecord, RepairRecord } from '../../../src-shared/domain/warranty/facts'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'

/** The accessories exchanged or refunded at the counter: the part, the money paid, who gave it. */
export function accessoryRemedyRows(db: Db) {
  return db
    .selectFrom('warrantyAccessoryRemedies as r')
    .innerJoin('parts as p', 'p.id', 'r.partId')
    .innerJoin('users as u', 'u.id', 'r.createdBy')
    .leftJoin('payments as pay', 'pay.id', 'r.paymentId')
    .select([
      'r.id',
      'r.number',
      'r.unitId',
      'r.kind',
      'r.component',
      'r.faultCode',
      'r.partId',
      'p.partNumber',
      'p.name as partName',
      'r.serial',
      'r.faultySerial',
      'r.refundFen',
      'pay.method as refundMethod',
      'r.createdAt',
      'u.displayName as createdByName'
    ])
}

// Every lookup runs it: built and compiled once (db/reusableQuery.ts).
const remediesOfUnit = reusableQuery(1, (db: Db, unitId: string) =>
  accessoryRemedyRows(db).where('r.unitId', '=', unitId).orderBy('r.createdAt', 'desc').orderBy('r.id', 'desc')
)

/** One unit's accessory exchanges and refunds, newest first. */
export async function accessoryRemediesOf(db: Db, unitId: string): Promise<AccessoryRemedy[]> {
  const rows = await remediesOfUnit.all(db, unitId)
  return rows.map(toAccessoryRemedy)
}

export function toAccessoryRemedy(row: Awaited<ReturnType<typeof remediesOfUnit.all>>[number]): AccessoryRemedy {
  const { refundFen, refundMethod, ...remedy } = row
  return {
    ...remedy,
    refund: refundFen !== null && refundMethod ? { amountFen: refundFen, method: refundMethod } : null
  }
}

/**
 * The accessories exchanged at the counter, as the 三包 rules read the unit's history: each a
 * completed 三包 remedy of that component on that day (the customer waited no day for it). Two of
 * them and a third failure make the accessory's refund due (remedyRules.ts, accessoryRemedy). A
 * refund is no exchange: it counts for nothing more.
 */
export function accessoryRepairRecords(remedies: AccessoryRemedy[], timeZone: string): RepairRecord[] {
  return remedies.filter((remedy) => remedy.kind === 'exchange').map((remedy) => repairRecord(remedy, timeZone))
}

function repairRecord(remedy: AccessoryRemedy, timeZone: string): RepairRecord {
  const day = shopLocalDate(new Date(remedy.createdAt), timeZone)
  return {
    receivedDate: day,
    returnedDate: day,
    underWarranty: true,
    repaired: true,
    faultCode: remedy.faultCode,
    component: remedy.component
  }
}

/**
 * Every accessory remedy as the 三包 rules read it, oldest first: the lookup's reasons name each
 * one with its slip, and a refunded accessory is not remedied again.
 */
export function accessoryRemedyRecords(remedies: AccessoryRemedy[], timeZone: string): AccessoryRemedyRecord[] {
  return remedies
    .map((remedy) => ({
      kind: remedy.kind,
      component: remedy.component,
      givenOn: shopLocalDate(new Date(remedy.createdAt), timeZone),
      number: remedy.number,
      refundFen: remedy.refund?.amountFen ?? null
    }))
    .reverse()
}
