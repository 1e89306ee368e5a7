import type { Db } from '../../db/connection'
import { uuidv7 } from '../../../src-shared/domain/ids'
import type { PaymentMethod } from '../../../src-shared/domain/invoice'
import type { ClosedWorkOrder } from '../workOrders/ports'

/** A deposit taken at check-in: money in the till now, applied at checkout. */
export async function recordDeposit(
  trx: Db,
  at: Date,
  cashierId: string,
  workOrderId: string,
  amountFen: number,
  method: PaymentMethod
): Promise<void> {
  await trx
    .insertInto('payments')
    .values({
      id: uuidv7(at.getTime()),
      kind: 'deposit',
      method,
      amountFen,
      tenderedFen: amountFen,
      changeFen: 0,
      invoiceId: null,
      workOrderId,
      reason: '',
      cashierId,
      at: at.toISOString(),
      dayCloseId: null
    })
    .execute()
}

/** A cancelled job owes nothing: whatever deposit it holds goes back, by the way it came in. */
export async function returnDepositOfCancelledOrder(
  trx: Db,
  at: Date,
  cashierId: string,
  workOrderId: string,
  reason: string
): Promise<void> {
  const held = await depositHeld(trx, workOrderId)
  if (held.amountFen <= 0) return
  await trx
    .insertInto('payments')
    .values({
      id: uuidv7(at.getTime()),
      kind: 'deposit_return',
      method: held.method,
      amountFen: -held.amountFen,
      tenderedFen: 0,
      changeFen: 0,
      invoiceId: null,
      workOrderId,
      reason,
      cashierId,
      at: at.toISOString(),
      dayCloseId: null
    })
    .execute()
}

/** The deposits a job holds, net of any handed back: what checkout may apply. */
export async function depositHeld(db: Db, workOrderId: string): Promise<{ amountFen: number; method: PaymentMethod }> {
  const rows = await db
    .selectFrom('payments')
    .select(['kind', 'method', 'amountFen'])
    .where('workOrderId', '=', workOrderId)
    .where('kind', 'in', ['deposit', 'deposit_return'])
    .orderBy('at')
    .execute()
  const amountFen = rows.reduce((sum, row) => sum + row.amountFen, 0)
  const method = rows.find((row) => row.kind === 'deposit')?.method ?? 'cash'
  return { amountFen, method }
}

/** What checkout lets go of when a job closes (wired as a work-order port): a cancelled job's deposit. */
export async function returnDepositOfClosedOrder(trx: Db, closed: ClosedWorkOrder): Promise<void> {
  if (closed.to === 'cancelled')
    await returnDepositOfCancelledOrder(trx, closed.at, closed.actorId, closed.workOrderId, closed.reason)
}
