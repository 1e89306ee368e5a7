import type { Db } from '../../db/connection'
import type { HandOverBilling } from '../../../src-shared/domain/handOver'
import { findWorkOrder } from '../workOrders/lookup'
import type { WorkOrdersTable } from '../workOrders/tables'
import { depositHeld } from './deposits'
import { earnedLines } from './lines'
import { checkoutBlockedReason } from './pay'

/** Whether a job is checked out, and what it would bill now: what the hand-over guard weighs (a port). */
export async function handOverBilling(db: Db, workOrderId: string): Promise<HandOverBilling> {
  const invoice = await db
    .selectFrom('invoices')
    .select('id')
    .where('workOrderId', '=', workOrderId)
    .where('kind', '=', 'invoice')
    .executeTakeFirst()
  if (invoice) return { checkedOut: true, linesFen: 0, depositHeldFen: 0 }
  const order = await findWorkOrder(db, workOrderId)
  return {
    checkedOut: false,
    linesFen: await billableLinesFen(db, order),
    depositHeldFen: (await depositHeld(db, workOrderId)).amountFen
  }
}

/**
 * What the job's lines would bill at a checkout now. A job that can never be billed (a cancelled
 * one owes nothing; its deposit went back as it was cancelled) has nothing to settle, whatever
 * labour was entered on it before, so its device is not held for a checkout that cannot happen.
 */
export async function billableLinesFen(db: Db, order: WorkOrdersTable): Promise<number> {
  if (checkoutBlockedReason(order) !== null) return 0
  const lines = await earnedLines(db, order)
  return lines.reduce((sum, line) => sum + line.amountFen, 0)
}
