import type { Db } from '../../../db/connection'
import {
  AppError,
  type CounterSale,
  type CurrentUser,
  type FieldIssue,
  type ParsedInput
} from '../../../../src-shared/contract'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { settle, type Settlement } from '../../../../src-shared/domain/invoice'
import type { SellablePart } from '../../../../src-shared/domain/stock'
import { nextDocumentNumber } from '../../numbering/service'
import { readShopTimeZone } from '../../settings/service'
import { recordSyncedChange } from '../../sync/recordChange'
import { ruleError } from '../pay'
import { checkoutStock } from '../ports'
import { loadCounterSale } from './load'

/** Counter sales take their numbers from the repair receipts' sequence: a shop has one. */
export const RECEIPT_PREFIX = 'INV'

type SellInput = ParsedInput<'counterSales.sell'>

interface SoldLine {
  part: SellablePart
  quantity: number
  serial: string | null
  amountFen: number
}

/**
 * Goods sold over the counter: the receipt, the stock leaving through the ledger and the
 * customer's payment, in one transaction. Prices are the catalogue's; the counter only counts.
 */
export async function sellOverCounter(db: Db, at: Date, actor: CurrentUser, input: SellInput): Promise<CounterSale> {
  const timeZone = await readShopTimeZone(db)
  const saleId = uuidv7(at.getTime())
  await db.transaction().execute(async (trx) => {
    const buyer = await buyerOfSale(trx, input)
    const lines = await linesToSell(trx, input)
    const totalFen = lines.reduce((sum, line) => sum + line.amountFen, 0)
    const settlement = settleSale(totalFen, input)
    const number = await nextDocumentNumber(trx, RECEIPT_PREFIX, at, timeZone)
    await trx
      .insertInto('counterSales')
      .values({
        id: saleId,
        number,
        kind: 'sale',
        correctsSaleId: null,
        customerId: buyer.customerId,
        customerName: buyer.customerName,
        customerByName: 0,
        totalFen,
        reason: '',
        issuedAt: at.toISOString(),
        cashierId: actor.id
      })
      .execute()
    for (const [position, line] of lines.entries()) {
      const { valueFen } = await checkoutStock().sellOverCounter(trx, at, actor.id, {
        partId: line.part.id,
        quantity: line.quantity,
        serial: line.serial,
        reference: number,
        linePath: `lines.${position}`
      })
      await trx
        .insertInto('counterSaleLines')
        .values({
          id: uuidv7(at.getTime()),
          saleId,
          position,
          partId: line.part.id,
          sourceId: null,
          description: line.part.name,
          quantity: line.quantity,
          unitPriceFen: line.part.sellingPriceFen,
          amountFen: line.amountFen,
          costValueFen: valueFen,
          serial: line.serial
        })
        .execute()
    }
    await trx
      .insertInto('payments')
      .values(
        settlement.payments.map((payment) => ({
          id: uuidv7(at.getTime()),
          kind: 'payment' as const,
          ...payment,
          invoiceId: null,
          workOrderId: null,
          counterSaleId: saleId,
          reason: '',
          cashierId: actor.id,
          at: at.toISOString(),
          dayCloseId: null
        }))
      )
      .execute()
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: 'counterSales.sell',
      entity: 'counter_sale',
      entityId: saleId,
      after: {
        number,
        customerId: buyer.customerId,
        totalFen,
        lines: lines.map((line) => ({
          partNumber: line.part.partNumber,
          quantity: line.quantity,
          unitPriceFen: line.part.sellingPriceFen,
          serial: line.serial
        })),
        payments: settlement.payments
      }
    })
  })
  return loadCounterSale(db, saleId)
}

/**
 * Whose sale it is: the customer picked at the till, under the name on their record now, or a
 * walk-in known only by the name typed. A customer merged away or erased since the cashier picked
 * them is refused rather than guessed at.
 */
async function buyerOfSale(trx: Db, input: SellInput): Promise<{ customerId: string | null; customerName: string }> {
  if (input.customerId === undefined) return { customerId: null, customerName: input.customerName }
  const customer = await trx
    .selectFrom('customers')
    .select(['id', 'name', 'erasedAt'])
    .where('id', '=', input.customerId)
    .where('mergedIntoId', 'is', null)
    .executeTakeFirst()
  if (!customer) throw new AppError('NOT_FOUND', 'errors.customerNotFound')
  if (customer.erasedAt !== null) throw new AppError('CONFLICT', 'errors.customerErased')
  return { customerId: customer.id, customerName: customer.name }
}

/** Each line's part, at its selling price; a part with no price is not sold by mistake for nothing. */
async function linesToSell(trx: Db, input: SellInput): Promise<SoldLine[]> {
  const issues: FieldIssue[] = []
  const lines: SoldLine[] = []
  for (const [index, wanted] of input.lines.entries()) {
    const part = await checkoutStock().findSellablePart(trx, wanted.partId)
    if (part.sellingPriceFen <= 0)
      issues.push({ path: `lines.${index}.partId`, messageKey: 'validation.noSellingPrice' })
    lines.push({
      part,
      quantity: wanted.quantity,
      serial: wanted.serial ?? null,
      amountFen: part.sellingPriceFen * wanted.quantity
    })
  }
  if (issues.length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', { fields: issues })
  return lines
}

function settleSale(totalFen: number, input: SellInput): Settlement {
  try {
    return settle(totalFen, input.tenders)
  } catch (error) {
    ruleError(error)
  }
}
