import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type ParsedInput } from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { mustCheckOutBeforeHandOver } from '../../../src-shared/domain/handOver'
import { isManagerRole } from '../../../src-shared/domain/roles'
import { recordAudit } from '../audit/record'
import { managerOnTheSpot } from '../auth/managerOnTheSpot'
import type { SessionStore } from '../auth/sessions'
import { workOrderPorts } from './ports'
import type { WorkOrdersTable } from './tables'

/*
 * The unpaid hand-over guard: a device whose job has something to bill leaves only once the job
 * is checked out, or on a manager's word with a reason, which is recorded for the day close.
 * Every hand-over (a repaired job's, and a cancelled or returned one's) goes through it.
 */

export type UnpaidOverride = NonNullable<ParsedInput<'workOrders.pickup'>['unpaidOverride']>

/** A manager's leave to hand over unpaid, checked before the hand-over's transaction (hashing is slow). */
export interface UnpaidHandOverLeave {
  approvedBy: string
  reason: string
}

/**
 * Who lets the device go unpaid, when the counter asked to: the caller when a manager, otherwise
 * a manager typing their name and password on the spot. Null when nobody was asked.
 */
export async function unpaidHandOverLeave(
  db: Db,
  sessions: SessionStore,
  at: Date,
  actor: CurrentUser,
  override: UnpaidOverride | undefined
): Promise<UnpaidHandOverLeave | null> {
  if (!override) return null
  if (isManagerRole(actor.role)) return { approvedBy: actor.id, reason: override.reason }
  if (!override.managerApproval) throw new AppError('APPROVAL_REQUIRED', 'errors.handOverUnpaidNeedsManager')
  return { approvedBy: await managerOnTheSpot(db, sessions, at, override.managerApproval), reason: override.reason }
}

/**
 * Inside the hand-over's transaction: refuses while the job is not settled, unless a manager gave
 * leave, in which case the unpaid hand-over is recorded (its own row and an audit row). Returns
 * the note the timeline shows, '' for a settled job.
 */
export async function requireSettledBeforeHandOver(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  order: WorkOrdersTable,
  leave: UnpaidHandOverLeave | null
): Promise<string> {
  const billing = await workOrderPorts().handOverBilling(trx, order.id)
  if (!mustCheckOutBeforeHandOver(billing)) return ''
  if (!leave) {
    throw new AppError('CONFLICT', 'errors.handOverUnpaid', {
      linesFen: billing.linesFen,
      depositHeldFen: billing.depositHeldFen
    })
  }
  const id = uuidv7(at.getTime())
  const row = {
    id,
    workOrderId: order.id,
    linesFen: billing.linesFen,
    depositHeldFen: billing.depositHeldFen,
    reason: leave.reason,
    approvedBy: leave.approvedBy,
    handedOverBy: actor.id,
    at: at.toISOString()
  }
  await trx.insertInto('unpaidHandOvers').values(row).execute()
  await recordAudit(trx, at, {
    actorId: leave.approvedBy,
    action: 'workOrders.handOverUnpaid',
    entity: 'work_order',
    entityId: order.id,
    after: row
  })
  return leave.reason
}
