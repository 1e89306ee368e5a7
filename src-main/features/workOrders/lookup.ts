import type { Db } from '../../db/connection'
import { AppError } from '../../../src-shared/contract'
import type { QuotesTable, WorkOrdersTable } from './tables'

export async function findWorkOrder(db: Db, id: string): Promise<WorkOrdersTable> {
  const row = await db.selectFrom('workOrders').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.workOrderNotFound')
  return row
}

export async function findWorkOrderIdByNumber(db: Db, number: string): Promise<string> {
  const row = await db
    .selectFrom('workOrders')
    .select('id')
    .where('number', '=', number.toUpperCase())
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.workOrderNotFound')
  return row.id
}

export async function currentQuote(db: Db, order: WorkOrdersTable): Promise<QuotesTable | null> {
  if (!order.currentQuoteId) return null
  return (await db.selectFrom('quotes').selectAll().where('id', '=', order.currentQuoteId).executeTakeFirst()) ?? null
}
