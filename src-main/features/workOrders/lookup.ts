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

/**
 * The comeback already opened from this order, unless it was cancelled (opened by mistake). A
 * customer's story continues in one line: a second comeback of the same job is refused, and a
 * later return reopens the newest job instead.
 */
export async function liveComeback(db: Db, workOrderId: string): Promise<{ number: string } | undefined> {
  return db
    .selectFrom('workOrders')
    .select('number')
    .where('reopenedFromId', '=', workOrderId)
    .where('status', '!=', 'cancelled')
    .orderBy('createdAt')
    .executeTakeFirst()
}

/** Refuses a reopen of a job that already has its comeback; checked inside the reopen's transaction. */
export async function requireNoLiveComeback(db: Db, workOrderId: string): Promise<void> {
  const comeback = await liveComeback(db, workOrderId)
  if (comeback) throw new AppError('CONFLICT', 'errors.alreadyReopened', { number: comeback.number })
}
