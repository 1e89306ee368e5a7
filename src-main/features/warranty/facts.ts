import type { Db } from '../../db/connection'
import { reusableQuery } from '../../db/reusableQuery'
import type { ArrivalCondition } from '../../../src-shared/contract'
import type { RepairRecord, UnitFacts, VoidCondition } from '../../../src-shared/domain/warranty/facts'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import type { WarrantySettings } from '../settings/service'
import type { WarrantyUnitsTable } from './tables'

/** The shop's repair records of one serial, as the warranty rules read them. */
export async function unitFacts(
  db: Db,
  unit: WarrantyUnitsTable,
  originalStartDate: string | null,
  { timeZone, repairWarrantyDays: warrantyDays }: WarrantySettings
): Promise<{ facts: UnitFacts; repairs: RepairsForUnit }> {
  const orders = await repairsOfSerial.all(db, unit.serial)
  const day = (iso: string) => shopLocalDate(new Date(iso), timeZone)
  // A cancelled job never had the unit on the bench; it neither counts nor voids anything.
  const visits = orders.filter((order) => order.status !== 'cancelled')
  const repairs: RepairRecord[] = visits.map((order) => ({
    receivedDate: day(order.createdAt),
    returnedDate: order.pickedUpAt ? day(order.pickedUpAt) : order.closedAt ? day(order.closedAt) : null,
    // Only the brand's 三包 repairs count; one under the shop's own repair warranty is not a 三包 repair.
    underWarranty: order.serviceType === 'warranty_repair',
    // Returned unrepaired: the days count, but it was no repair of the fault.
    repaired: order.status !== 'returned_unrepaired',
    faultCode: order.symptomCode,
    component: order.component
  }))
  const voids: VoidCondition[] = []
  for (const order of visits) {
    const recordedOn = day(order.createdAt)
    const condition = JSON.parse(order.conditionJson) as ArrivalCondition
    if (condition.liquidMarks) voids.push({ scope: 'unit', reason: 'liquid_damage', recordedOn })
    if (condition.cracks) voids.push({ scope: 'unit', reason: 'physical_damage', recordedOn })
    if (condition.serialMismatch === true) voids.push({ scope: 'unit', reason: 'serial_tampered', recordedOn })
    // A fault cause found at diagnosis voids the whole unit when the shop's code says so.
    if (order.causeVoidsWarranty) voids.push({ scope: 'unit', reason: order.causeVoidsWarranty, recordedOn })
  }
  const replacedParts = orders
    // Only a repaired device that went back replaced a part (one returned unrepaired is handed over too).
    // A rework under the shop's repair warranty does not start the part's warranty again: it runs
    // from the paid repair that replaced the part.
    .filter(
      (order) =>
        order.serviceType === 'paid_repair' && order.status === 'picked_up' && order.pickedUpAt && order.component
    )
    .map((order) => ({ component: order.component!, replacedOn: day(order.pickedUpAt!), warrantyDays }))
  return {
    facts: {
      // 三包 starts at the invoice; a sale date without an invoice falls back to the production date.
      invoiceDate: unit.invoiceNumber ? unit.purchaseDate : null,
      productionDate: unit.productionDate,
      exchangedOn: unit.exchangedOn,
      refundedOn: unit.refundedOn ?? null,
      originalStartDate,
      repairs,
      voids: uniqueVoids(voids),
      replacedParts
    },
    repairs: orders
  }
}

function uniqueVoids(voids: VoidCondition[]): VoidCondition[] {
  const seen = new Set<string>()
  return voids.filter((v) => {
    const key = `${v.scope}:${v.component ?? ''}:${v.reason}:${v.recordedOn ?? ''}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export type RepairsForUnit = Awaited<ReturnType<typeof repairsOfSerial.all>>

/**
 * Work orders of the device with this serial, newest first, with the component repaired and
 * whether the fault cause found voids the warranty (as the shop's codes say today).
 */
const repairsOfSerial = reusableQuery(1, (db: Db, serial: string) =>
  db
    .selectFrom('workOrders as wo')
    .innerJoin('devices as d', 'd.id', 'wo.deviceId')
    .leftJoin('codeEntries as loc', (join) =>
      join.onRef('loc.code', '=', 'wo.faultLocationCode').on('loc.list', '=', 'fault_location')
    )
    .leftJoin('codeEntries as cause', (join) =>
      join.onRef('cause.code', '=', 'wo.faultCauseCode').on('cause.list', '=', 'fault_cause')
    )
    .select([
      'wo.id',
      'wo.number',
      'wo.status',
      'wo.serviceType',
      'wo.createdAt',
      'wo.updatedAt',
      'wo.pickedUpAt',
      'wo.symptomCode',
      'wo.faultCauseCode',
      'wo.conditionJson',
      'wo.waitingCause',
      'wo.waitingSince',
      'loc.component',
      'cause.voidsWarranty as causeVoidsWarranty',
      // When a job that was not picked up ended (returned unrepaired): its timeline knows.
      (eb) =>
        eb
          .selectFrom('workOrderEvents as e')
          .select((inner) => inner.fn.max('e.at').as('closedAt'))
          .whereRef('e.workOrderId', '=', 'wo.id')
          .where('e.toStatus', '=', 'returned_unrepaired')
          .as('closedAt')
    ])
    .where('d.serial', '=', serial)
    .orderBy('wo.createdAt', 'desc')
)
