import type { Db } from '../../db/connection'
import { AppError } from '../../../src-shared/contract'
import type {
  CounterSaleStock,
  HandedBackDisposition,
  PartComingBack,
  SellablePart
} from '../../../src-shared/domain/stock'
import { findWorkOrder } from '../workOrders/lookup'
import { postMovement, type MovementRequest } from './ledger'
import { findPartRow } from './records'
import { isSerialOnHand, serialMoved } from './serials'
import { returningValueFen } from './workOrderParts/returns'

/*
 * Stock at the cash desk (plugged into checkout's port by wiring.ts): parts handed back through
 * a credit note, and parts sold over the counter without a repair.
 */

/**
 * A part comes back into stock at the value it left with; one that is not to be sold again then
 * leaves at once, to the brand or written off, so the ledger shows both what came back and where
 * it went. The onward line is the ledger line right after the return, with its time and
 * reference: the parts report finds a job's written-off part that way (reports/summaries/partsSettled.ts).
 */
async function comeBack(
  trx: Db,
  at: Date,
  actorId: string,
  partId: string,
  back: PartComingBack,
  returned: Pick<MovementRequest, 'valueFen' | 'serial' | 'workOrderId' | 'workOrderPartId'>
): Promise<void> {
  const common = { partId, reference: back.reference, reason: back.reason, serial: returned.serial ?? null }
  await postMovement(trx, at, actorId, { ...common, ...returned, kind: 'return', quantity: back.quantity })
  const onwards: Record<HandedBackDisposition, 'faulty_return' | 'scrap' | null> = {
    resellable: null,
    faulty: 'faulty_return',
    scrap: 'scrap'
  }
  const kind = onwards[back.disposition]
  if (kind) await postMovement(trx, at, actorId, { ...common, kind, quantity: -back.quantity })
}

/** A billed part handed back after checkout: no more than is still out on the job. */
export async function takeBackBilledPart(
  trx: Db,
  at: Date,
  actorId: string,
  workOrderPartId: string,
  back: PartComingBack
): Promise<void> {
  const line = await trx.selectFrom('workOrderParts').selectAll().where('id', '=', workOrderPartId).executeTakeFirst()
  if (!line) throw new AppError('NOT_FOUND')
  const outstanding = line.quantity - line.returnedQuantity
  if (back.quantity > outstanding) {
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: back.fieldPath, messageKey: 'validation.moreThanIssued', params: { max: outstanding } }]
    })
  }
  const valueFen = returningValueFen(line, back.quantity)
  const order = await findWorkOrder(trx, line.workOrderId)
  await comeBack(
    trx,
    at,
    actorId,
    line.partId,
    { ...back, reference: back.reference || order.number },
    { valueFen, serial: line.serial, workOrderId: line.workOrderId, workOrderPartId: line.id }
  )
  await trx
    .updateTable('workOrderParts')
    .set({
      returnedQuantity: line.returnedQuantity + back.quantity,
      returnedValueFen: line.returnedValueFen + valueFen
    })
    .where('id', '=', line.id)
    .execute()
}

export async function findSellablePart(db: Db, partId: string): Promise<SellablePart> {
  const part = await findPartRow(db, partId)
  if (!part.active) throw new AppError('CONFLICT', 'errors.partInactive', { partNumber: part.partNumber })
  return {
    id: part.id,
    partNumber: part.partNumber,
    name: part.name,
    sellingPriceFen: part.sellingPriceFen
  }
}

/**
 * Stock sold over the counter leaves as an issue with no job, referenced by the receipt's number;
 * a serial-tracked unit leaves by the serial scanned, which must be on the shelf, so the sold
 * unit's serial is not on hand any more.
 */
export async function sellOverCounter(
  trx: Db,
  at: Date,
  actorId: string,
  sale: CounterSaleStock
): Promise<{ valueFen: number }> {
  const part = await findPartRow(trx, sale.partId)
  const field = (name: string) => (sale.linePath ? `${sale.linePath}.${name}` : name)
  const serial = await serialMoved(trx, part, -sale.quantity, sale.serial, {
    serial: field('serial'),
    quantity: field('quantity')
  })
  const posted = await postMovement(trx, at, actorId, {
    partId: sale.partId,
    kind: 'issue',
    quantity: -sale.quantity,
    serial,
    reference: sale.reference
  })
  return { valueFen: -posted.valueFen }
}

/** A unit sold over the counter comes back with its serial, which is then on the shelf again. */
export async function takeBackSoldPart(
  trx: Db,
  at: Date,
  actorId: string,
  sold: { partId: string; valueFen: number; serial: string | null },
  back: PartComingBack
): Promise<void> {
  if (sold.serial !== null && (await isSerialOnHand(trx, sold.partId, sold.serial)))
    throw new AppError('CONFLICT', 'errors.serialAlreadyOnHand', { serial: sold.serial })
  await comeBack(trx, at, actorId, sold.partId, back, { valueFen: sold.valueFen, serial: sold.serial })
}
