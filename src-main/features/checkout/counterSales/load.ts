import type { Db } from '../../../db/connection'
import { AppError, type CounterSale } from '../../../../src-shared/contract'
import { paymentsQuery } from '../invoices'

/** A counter sale or refund with its lines, its payments, and what refunds it. */
export async function loadCounterSale(db: Db, id: string): Promise<CounterSale> {
  const row = await db
    .selectFrom('counterSales as s')
    .leftJoin('users as u', 'u.id', 's.cashierId')
    .selectAll('s')
    .select('u.displayName as cashierName')
    .where('s.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.counterSaleNotFound')
  const lines = await db
    .selectFrom('counterSaleLines as l')
    .innerJoin('parts as p', 'p.id', 'l.partId')
    .select([
      'l.id',
      'l.partId',
      'p.partNumber',
      'l.description',
      'l.quantity',
      'l.unitPriceFen',
      'l.amountFen',
      'l.sourceId',
      'l.serial'
    ])
    .where('l.saleId', '=', id)
    .orderBy('l.position')
    .execute()
  const refunds = await db
    .selectFrom('counterSales')
    .select(['id', 'number', 'totalFen'])
    .where('correctsSaleId', '=', id)
    .orderBy('issuedAt')
    .execute()
  const taken = await refundedQuantities(db, id)
  const corrects = row.correctsSaleId
    ? await db
        .selectFrom('counterSales')
        .select(['id', 'number'])
        .where('id', '=', row.correctsSaleId)
        .executeTakeFirst()
    : undefined
  const payments = await paymentsQuery(db).where('pay.counterSaleId', '=', id).orderBy('pay.at').execute()
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    customerId: row.customerId,
    customerName: row.customerName,
    lines: lines.map((line) => ({
      ...line,
      refundableQuantity: row.kind === 'sale' ? line.quantity - (taken.get(line.id) ?? 0) : 0
    })),
    totalFen: row.totalFen,
    reason: row.reason,
    corrects: corrects ?? null,
    refunds,
    payments,
    paidFen: payments.reduce((sum, payment) => sum + payment.amountFen, 0),
    tenderedFen: payments.reduce((sum, payment) => sum + payment.tenderedFen, 0),
    changeFen: payments.reduce((sum, payment) => sum + payment.changeFen, 0),
    issuedAt: row.issuedAt,
    cashierName: row.cashierName
  }
}

/** How many of each line of a sale its refunds took back, by the sold line's id. */
export async function refundedQuantities(db: Db, saleId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('counterSaleLines as l')
    .innerJoin('counterSales as s', 's.id', 'l.saleId')
    .select(['l.sourceId', 'l.quantity', 'l.costValueFen'])
    .where('s.correctsSaleId', '=', saleId)
    .execute()
  const taken = new Map<string, number>()
  for (const line of rows) taken.set(line.sourceId ?? '', (taken.get(line.sourceId ?? '') ?? 0) + line.quantity)
  return taken
}

export async function counterSaleIdByNumber(db: Db, number: string): Promise<string> {
  const row = await db
    .selectFrom('counterSales')
    .select('id')
    .where('number', '=', number.trim().toUpperCase())
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.counterSaleNotFound')
  return row.id
}
