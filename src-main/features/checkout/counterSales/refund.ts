import type { Db } from '../../../db/connection'
import {
  AppError,
  type CounterSale,
  type CurrentUser,
  type FieldIssue,
  type ParsedInput
} from '../../../../src-shared/contract'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { nextDocumentNumber } from '../../numbering/service'
import { readShopTimeZone } from '../../settings/service'
import { recordSyncedChange } from '../../sync/recordChange'
import { checkoutStock, refuseRepeatingDroppedMoney } from '../ports'
import type { CounterSaleLinesTable, CounterSalesTable } from '../tables'
import { loadCounterSale, refundedQuantities } from './load'
import { tieReEnteredPayments } from '../reEntries'

type RefundInput = ParsedInput<'counterSales.refund'>

/** One sold line taken back, in part or in full. */
interface TakenBack {
  sold: CounterSaleLinesTable
  wanted: RefundInput['lines'][number]
  amountFen: number
  /** The share of the line's cost value coming back with these units. */
  costValueFen: number
}

/**
 * A counter sale's refund, numbered as a credit note: the goods taken back (no more than were
 * sold and not yet refunded) go back through the ledger to where the counter says, and their
 * price goes back to the customer. The sale itself never changes.
 */
export async function refundCounterSale(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: RefundInput
): Promise<CounterSale> {
  const timeZone = await readShopTimeZone(db)
  const refundId = uuidv7(at.getTime())
  await db.transaction().execute(async (trx) => {
    const sale = await saleToRefund(trx, input.saleId)
    // Refunds are a manager's (permissions.ts): whoever refunds may go on over a dropped refund.
    const dealtWith = await refuseRepeatingDroppedMoney(
      trx,
      at,
      { refundingSale: { saleId: sale.id } },
      { checked: input.droppedMoneyChecked, managerId: actor.id, operation: 'counterSales.refund' }
    )
    const takenBack = await linesToTakeBack(trx, sale, input)
    const totalFen = takenBack.reduce((sum, line) => sum + line.amountFen, 0)
    const number = await nextDocumentNumber(trx, 'CN', at, timeZone)
    await trx
      .insertInto('counterSales')
      .values({
        id: refundId,
        number,
        kind: 'refund',
        correctsSaleId: sale.id,
        // The refund belongs to whoever the sale belongs to, and is told by the same means.
        customerId: sale.customerId,
        customerName: sale.customerName,
        customerByName: sale.customerByName,
        totalFen: -totalFen,
        reason: input.reason,
        issuedAt: at.toISOString(),
        cashierId: actor.id
      })
      .execute()
    for (const [index, line] of takenBack.entries()) {
      await trx
        .insertInto('counterSaleLines')
        .values({
          id: uuidv7(at.getTime()),
          saleId: refundId,
          position: index,
          partId: line.sold.partId,
          sourceId: line.sold.id,
          description: line.sold.description,
          quantity: line.wanted.quantity,
          unitPriceFen: -line.sold.unitPriceFen,
          amountFen: -line.amountFen,
          costValueFen: -line.costValueFen,
          serial: line.sold.serial
        })
        .execute()
      const sold = { partId: line.sold.partId, valueFen: line.costValueFen, serial: line.sold.serial }
      await checkoutStock().takeBackSoldPart(trx, at, actor.id, sold, {
        quantity: line.wanted.quantity,
        disposition: line.wanted.disposition,
        reference: number,
        reason: input.reason,
        fieldPath: `lines.${index}.quantity`
      })
    }
    const refund = {
      id: uuidv7(at.getTime()),
      kind: 'refund' as const,
      method: input.refundMethod,
      amountFen: -totalFen,
      tenderedFen: 0,
      changeFen: 0,
      invoiceId: null,
      workOrderId: null,
      counterSaleId: refundId,
      reason: input.reason,
      cashierId: actor.id,
      at: at.toISOString(),
      dayCloseId: null
    }
    await trx.insertInto('payments').values(refund).execute()
    const alreadyCounted = await tieReEnteredPayments(trx, dealtWith, [refund])
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: 'counterSales.refund',
      entity: 'counter_sale',
      entityId: refundId,
      after: {
        number,
        corrects: sale.number,
        customerId: sale.customerId,
        reason: input.reason,
        totalFen: -totalFen,
        refundMethod: input.refundMethod,
        lines: takenBack.map((line) => ({
          description: line.sold.description,
          quantity: line.wanted.quantity,
          disposition: line.wanted.disposition,
          serial: line.sold.serial
        })),
        ...(alreadyCounted.length > 0 ? { alreadyCounted } : {})
      }
    })
  })
  return loadCounterSale(db, refundId)
}

async function saleToRefund(trx: Db, saleId: string): Promise<CounterSalesTable> {
  const sale = await trx.selectFrom('counterSales').selectAll().where('id', '=', saleId).executeTakeFirst()
  if (!sale) throw new AppError('NOT_FOUND', 'errors.counterSaleNotFound')
  if (sale.kind !== 'sale') throw new AppError('CONFLICT', 'errors.refundOfRefund')
  return sale
}

/**
 * The lines asked for, each checked against what is left of it after the earlier refunds and
 * this refund's other lines. The cost value comes back in proportion, the last unit taking what
 * is left, so a line refunded in pieces returns exactly the value it left stock with.
 */
async function linesToTakeBack(trx: Db, sale: CounterSalesTable, input: RefundInput): Promise<TakenBack[]> {
  const sold = await trx.selectFrom('counterSaleLines').selectAll().where('saleId', '=', sale.id).execute()
  const taken = await refundedQuantities(trx, sale.id)
  const valueBack = await refundedValues(trx, sale.id)
  const issues: FieldIssue[] = []
  const lines: TakenBack[] = []
  input.lines.forEach((wanted, index) => {
    const line = sold.find((candidate) => candidate.id === wanted.lineId)
    if (!line) {
      issues.push({ path: `lines.${index}.lineId`, messageKey: 'validation.notOnInvoice' })
      return
    }
    const left = line.quantity - (taken.get(line.id) ?? 0)
    if (wanted.quantity > left) {
      issues.push({
        path: `lines.${index}.quantity`,
        messageKey: 'validation.moreThanLeftToRefund',
        params: { max: left }
      })
      return
    }
    const valueLeft = line.costValueFen - (valueBack.get(line.id) ?? 0)
    const costValueFen = wanted.quantity === left ? valueLeft : Math.round((valueLeft * wanted.quantity) / left)
    taken.set(line.id, (taken.get(line.id) ?? 0) + wanted.quantity)
    valueBack.set(line.id, (valueBack.get(line.id) ?? 0) + costValueFen)
    lines.push({ sold: line, wanted, amountFen: line.unitPriceFen * wanted.quantity, costValueFen })
  })
  if (issues.length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', { fields: issues })
  return lines
}

/** The cost value the earlier refunds brought back, by the sold line's id. */
async function refundedValues(trx: Db, saleId: string): Promise<Map<string, number>> {
  const rows = await trx
    .selectFrom('counterSaleLines as l')
    .innerJoin('counterSales as s', 's.id', 'l.saleId')
    .select(['l.sourceId', 'l.costValueFen'])
    .where('s.correctsSaleId', '=', saleId)
    .execute()
  const back = new Map<string, number>()
  // Refund lines carry the value that came back as a negative.
  for (const row of rows) back.set(row.sourceId ?? '', (back.get(row.sourceId ?? '') ?? 0) - row.costValueFen)
  return back
}
