import type { Db } from '../../db/connection'
import type { ArrivalCondition } from '../../../src-shared/contract'
import type { RepairRecord, UnitFacts, VoidCondition } from '../../../src-shared/domain/warranty/evaluate'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { readRepairWarrantyDays } from '../settings/service'
import type { WarrantyUnitsTable } from './tables'

/**
 * Fault causes recorded at diagnosis that void the warranty for the whole unit: the shop's own
 * findings, kept as codes (see repairs/defaultCodes.ts).
 */
const VOIDING_CAUSES: Record<string, VoidCondition['reason']> = {
  C03: 'liquid_damage',
  C04: 'physical_damage',
  C07: 'third_party_repair'
}

/** The shop's repair records of one serial, as the warranty rules read them. */
export async function unitFacts(
  db: Db,
  unit: WarrantyUnitsTable,
  originalStartDate: string | null,
  timeZone: string
): Promise<{ facts: UnitFacts; repairs: RepairsForUnit }> {
  const orders = await repairsOfSerial(db, unit.serial)
  const day = (iso: string) => shopLocalDate(new Date(iso), timeZone)
  // A cancelled job never had the unit on the bench; it neither counts nor voids anything.
  const visits = orders.filter((order) => order.status !== 'cancelled')
  const repairs: RepairRecord[] = visits.map((order) => ({
    receivedDate: day(order.createdAt),
    returnedDate: order.pickedUpAt ? day(order.pickedUpAt) : order.closedAt ? day(order.closedAt) : null,
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
    const cause = order.faultCauseCode ? VOIDING_CAUSES[order.faultCauseCode] : undefined
    if (cause) voids.push({ scope: 'unit', reason: cause, recordedOn })
  }
  const warrantyDays = await readRepairWarrantyDays(db)
  const replacedParts = orders
    .filter((order) => order.serviceType === 'paid_repair' && order.pickedUpAt && order.component)
    .map((order) => ({ component: order.component!, replacedOn: day(order.pickedUpAt!), warrantyDays }))
  return {
    facts: {
      // 三包 starts at the invoice; a sale date without an invoice falls back to the production date.
      invoiceDate: unit.invoiceNumber ? unit.purchaseDate : null,
      productionDate: unit.productionDate,
      exchangedOn: unit.exchangedOn,
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

export type RepairsForUnit = Awaited<ReturnType<typeof repairsOfSerial>>

/** Work orders of the device with this serial, newest first, with the component repaired. */
function repairsOfSerial(db: Db, serial: string) {
  return db
    .selectFrom('workOrders as wo')
    .innerJoin('devices as d', 'd.id', 'wo.deviceId')
    .leftJoin('codeEntries as loc', (join) =>
      join.onRef('loc.code', '=', 'wo.faultLocationCode').on('loc.list', '=', 'fault_location')
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
      'loc.component',
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
    .execute()
}
