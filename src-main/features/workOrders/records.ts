import type { Db } from '../../db/connection'
import { currentQuote } from './lookup'
import type { WorkOrdersTable } from './tables'

/**
 * The work order as the audit trail and HQ keep it: the order with its labour lines and current
 * quote (what a warranty claim is built from), never the passcode or the claim code.
 */
export async function workOrderRecord(db: Db, order: WorkOrdersTable) {
  const labour = await db
    .selectFrom('workOrderLabour')
    .select(['id', 'description', 'minutes', 'priceFen'])
    .where('workOrderId', '=', order.id)
    .orderBy('createdAt')
    .orderBy('id')
    .execute()
  return { ...workOrderSnapshot(order), labour, quote: await currentQuote(db, order) }
}

/** The order's own columns, minus what must not leave the counter: passcode and claim code. */
export function workOrderSnapshot(
  order: WorkOrdersTable
): Omit<WorkOrdersTable, 'passcode' | 'claimCode'> & { hasPasscode: boolean } {
  const { passcode, claimCode: _claimCode, ...rest } = order
  return { ...rest, hasPasscode: passcode !== null }
}
