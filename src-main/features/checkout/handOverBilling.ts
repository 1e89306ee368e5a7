import type { Db } from '../../db/connection'
import type { HandOverBilling } from '../../../src-shared/domain/handOver'
import { findWorkOrder } from '../workOrders/lookup'
import { depositHeld } from './deposits'
import { earnedLines } from './lines'

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
  const lines = await earnedLines(db, order)
  return {
    checkedOut: false,
    linesFen: lines.reduce((sum, line) => sum + line.amountFen, 0),
    depositHeldFen: (await depositHeld(db, workOrderId)).amountFen
  }
}
