import type { Db } from '../../db/connection'
import { AppError, type Invoice, type Payment } from '../../../src-shared/contract'
import type { InvoicesTable } from './tables'
import { issuedTo } from './documentSnapshot'

export function paymentsQuery(db: Db) {
  return db
    .selectFrom('payments as pay')
    .leftJoin('users as cashier', 'cashier.id', 'pay.cashierId')
    .select([
      'pay.id',
      'pay.kind',
      'pay.method',
      'pay.amountFen',
      'pay.tenderedFen',
      'pay.changeFen',
      'pay.at',
      'pay.cashierId',
      'cashier.displayName as cashierName',
      'pay.reason',
      'pay.invoiceId',
      'pay.workOrderId',
      'pay.dayCloseId'
    ])
}

export async function findInvoiceRow(db: Db, id: string): Promise<InvoicesTable> {
  const row = await db.selectFrom('invoices').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.invoiceNotFound')
  return row
}

/** An invoice or credit note with its lines, its payments and whatever corrects it. */
export async function loadInvoice(db: Db, id: string): Promise<Invoice> {
  const row = await findInvoiceRow(db, id)
  const order = await db
    .selectFrom('workOrders')
    .select(['number', 'serviceType'])
    .where('id', '=', row.workOrderId)
    .executeTakeFirstOrThrow()
  // Whom it was issued to, as printed then: a reprint says what the original said.
  const issued = await issuedTo(db, row)
  const taxInvoice = await db
    .selectFrom('taxInvoiceNumbers')
    .select('taxInvoiceNumber')
    .where('invoiceId', '=', id)
    .orderBy('recordedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  const lines = await db
    .selectFrom('invoiceLines')
    .select(['id', 'kind', 'sourceId', 'description', 'quantity', 'unitPriceFen', 'amountFen', 'payer'])
    .where('invoiceId', '=', id)
    .orderBy('position')
    .execute()
  const payments: Payment[] = await paymentsQuery(db).where('pay.invoiceId', '=', id).orderBy('pay.at').execute()
  const users = await db
    .selectFrom('users')
    .select(['id', 'displayName'])
    .where('id', 'in', [row.cashierId ?? '', row.discountApprovedBy ?? ''])
    .execute()
  const nameOf = (userId: string | null) => users.find((user) => user.id === userId)?.displayName ?? null
  const corrects = row.correctsInvoiceId
    ? await db
        .selectFrom('invoices')
        .select(['id', 'number'])
        .where('id', '=', row.correctsInvoiceId)
        .executeTakeFirst()
    : undefined
  const creditNotes = await db
    .selectFrom('invoices')
    .select(['id', 'number', 'customerLinesFen', 'linesFen'])
    .where('correctsInvoiceId', '=', id)
    .orderBy('issuedAt')
    .execute()
  return {
    id: row.id,
    number: row.number,
    kind: row.kind,
    workOrderId: row.workOrderId,
    workOrderNumber: order.number,
    serviceType: order.serviceType,
    ...issued,
    taxInvoiceNumber: taxInvoice?.taxInvoiceNumber ?? null,
    lines,
    totals: {
      linesFen: row.linesFen,
      brandFen: row.brandFen,
      shopFen: row.shopFen,
      customerLinesFen: row.customerLinesFen,
      discountFen: row.discountFen,
      depositAppliedFen: row.depositAppliedFen,
      dueFen: row.dueFen,
      depositReturnedFen: row.depositReturnedFen
    },
    discountReason: row.discountReason,
    discountApprovedByName: nameOf(row.discountApprovedBy),
    reason: row.reason,
    corrects: corrects ?? null,
    creditNotes: creditNotes.map((note) => ({ id: note.id, number: note.number, customerFen: note.customerLinesFen })),
    // Credit notes carry negative lines: what they took is subtracted from what was billed.
    creditableFen:
      row.kind === 'invoice' ? row.linesFen + creditNotes.reduce((sum, note) => sum + note.linesFen, 0) : 0,
    payments,
    // What the customer paid (or got back) on this document; a deposit handed back is its own line.
    paidFen: payments
      .filter((payment) => payment.kind === 'payment' || payment.kind === 'refund')
      .reduce((sum, payment) => sum + payment.amountFen, 0),
    tenderedFen: payments.reduce((sum, payment) => sum + payment.tenderedFen, 0),
    changeFen: payments.reduce((sum, payment) => sum + payment.changeFen, 0),
    issuedAt: row.issuedAt,
    cashierName: nameOf(row.cashierId)
  }
}

export async function invoicesOfWorkOrder(db: Db, workOrderId: string): Promise<Invoice[]> {
  const rows = await db
    .selectFrom('invoices')
    .select('id')
    .where('workOrderId', '=', workOrderId)
    .orderBy('issuedAt')
    .execute()
  return Promise.all(rows.map((row) => loadInvoice(db, row.id)))
}

export async function invoiceIdByNumber(db: Db, number: string): Promise<string> {
  const row = await db
    .selectFrom('invoices')
    .select('id')
    .where('number', '=', number.trim().toUpperCase())
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.invoiceNotFound')
  return row.id
}
