import type { Db } from '../../../db/connection'
import { AppError, type CurrentUser, type ParsedInput, type WorkOrderDetail } from '../../../../src-shared/contract'
import { normalizePhone } from '../../../../src-shared/domain/phone'
import { workMayProceed } from '../../../../src-shared/domain/quote'
import {
  awaitsHandOver,
  canTransition,
  isClosed,
  REASON_REQUIRED,
  ROLES_BY_TARGET
} from '../../../../src-shared/domain/workOrderStatus'
import { recordAudit } from '../../audit/record'
import { applyWorkOrderChange, changeWorkOrder } from '../change'
import { shopCalendar } from '../calendar'
import { loadWorkOrderDetail } from '../detail'
import { requireBenchAccess, requireOpen } from '../guards'
import { currentQuote, findWorkOrder } from '../lookup'
import { toCustomer } from '../parties'
import { letGoOfClosedOrder } from '../ports'
import type { WorkOrdersTable } from '../tables'
import { requireSettledBeforeHandOver, unpaidHandOverLeave } from '../unpaidHandOverGuard'
import type { SessionStore } from '../../auth/sessions'

/** Moves a work order along the status machine, or refuses with the reason. */
export function transitionWorkOrder(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.transition'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.transition', async (trx, order) => {
    const { to } = input
    if (!canTransition(order.status, to)) {
      throw new AppError('INVALID_TRANSITION', 'errors.INVALID_TRANSITION', { from: order.status, to })
    }
    // These two edges have their own operations, which check what a plain move cannot.
    if (to === 'picked_up') throw new AppError('INVALID_TRANSITION', 'errors.usePickup', { from: order.status, to })
    if (to === 'awaiting_approval')
      throw new AppError('INVALID_TRANSITION', 'errors.useQuote', { from: order.status, to })
    if (!ROLES_BY_TARGET[to].includes(actor.role)) throw new AppError('FORBIDDEN', 'errors.FORBIDDEN', { to })
    requireBenchAccess(actor, order)
    if (REASON_REQUIRED.has(to) && input.reason === '') {
      throw new AppError('VALIDATION', 'errors.VALIDATION', {
        fields: [{ path: 'reason', messageKey: 'validation.required' }]
      })
    }
    if (
      (to === 'repairing' || to === 'awaiting_parts') &&
      !workMayProceed(order.serviceType, await currentQuote(trx, order))
    ) {
      throw new AppError('APPROVAL_REQUIRED', 'errors.APPROVAL_REQUIRED')
    }
    // A closed job lets go of what it held: parts go back to stock or stop being asked for, a
    // cancelled job's deposit goes back (each feature decides, see features/wiring.ts).
    if (isClosed(to))
      await letGoOfClosedOrder(trx, { at, actorId: actor.id, workOrderId: order.id, to, reason: input.reason })
    // A technician who moves an unassigned job takes it, so no job is finished by nobody.
    const takesJob = actor.role === 'technician' && order.technicianId === null
    return {
      set: {
        status: to,
        ...(REASON_REQUIRED.has(to) ? { closeReason: input.reason } : {}),
        ...(takesJob ? { technicianId: actor.id } : {})
      },
      event: {
        kind: 'status',
        fromStatus: order.status,
        toStatus: to,
        note: [input.reason, input.note].filter(Boolean).join(' — ')
      }
    }
  })
}

export function assignTechnician(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.assign'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.assign', async (trx, order) => {
    requireOpen(order)
    let name = ''
    if (input.technicianId) {
      const technician = await trx
        .selectFrom('users')
        .select(['id', 'displayName'])
        .where('id', '=', input.technicianId)
        .where('role', '=', 'technician')
        .where('disabled', '=', 0)
        .executeTakeFirst()
      if (!technician) {
        throw new AppError('VALIDATION', 'errors.VALIDATION', {
          fields: [{ path: 'technicianId', messageKey: 'validation.notATechnician' }]
        })
      }
      name = technician.displayName
    }
    return {
      set: { technicianId: input.technicianId },
      event: { kind: input.technicianId ? 'assigned' : 'unassigned', note: name }
    }
  })
}

/** Wrong proofs allowed per order in PROOF_WINDOW_MINUTES before the counter must wait. */
const MAX_WRONG_PROOFS = 5
const PROOF_WINDOW_MINUTES = 30

/**
 * Hands the device back. The customer proves it is theirs with the claim code from the
 * receipt, or with their phone number when the receipt is lost; a wrong one changes nothing.
 */
export async function pickUp(
  db: Db,
  sessions: SessionStore,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.pickup'>
): Promise<WorkOrderDetail> {
  const leave = await unpaidHandOverLeave(db, sessions, at, actor, input.unpaidOverride)
  // Counting the wrong proofs, checking this one and recording it if wrong happen in one
  // transaction, which holds the write lock from its first statement: parallel guesses are
  // checked one after another, each seeing every earlier one counted, so no more than
  // MAX_WRONG_PROOFS are ever checked.
  const refusal = await db.transaction().execute(async (trx) => {
    const since = new Date(at.getTime() - PROOF_WINDOW_MINUTES * 60_000).toISOString()
    const { wrong } = await trx
      .selectFrom('auditLog')
      .select((eb) => eb.fn.countAll<number>().as('wrong'))
      .where('action', '=', 'workOrders.pickupRefused')
      .where('entityId', '=', input.id)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow()
    if (Number(wrong) >= MAX_WRONG_PROOFS) throw new AppError('CLAIM_CODE_MISMATCH', 'errors.tooManyWrongProofs')
    const order = await findWorkOrder(trx, input.id)
    if (!awaitsHandOver(order)) {
      throw new AppError('INVALID_TRANSITION', 'errors.INVALID_TRANSITION', { from: order.status, to: 'picked_up' })
    }
    let provedBy: string
    try {
      provedBy = await checkProof(trx, order, input)
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CLAIM_CODE_MISMATCH')) throw error
      // A refused hand-over changes nothing but leaves a trace, committed with this transaction
      // (the proof check wrote nothing), so that repeated guesses are stopped.
      await recordAudit(trx, at, {
        actorId: actor.id,
        action: 'workOrders.pickupRefused',
        entity: 'work_order',
        entityId: input.id,
        after: { proof: input.claimCode ? 'claim_code' : 'phone' }
      })
      return error
    }
    await applyWorkOrderChange(trx, at, actor, input.id, 'workOrders.pickup', async (change, current) => {
      const unpaidReason = await requireSettledBeforeHandOver(change, at, actor, current, leave)
      // A job closed unrepaired already let go of what it held; its device leaves, the job stays as it closed.
      if (current.status !== 'ready_for_pickup') {
        return {
          set: { pickedUpAt: at.toISOString(), pickedUpBy: actor.id },
          event: { kind: 'handed_over', note: [provedBy, unpaidReason].filter(Boolean).join(' — ') }
        }
      }
      await letGoOfClosedOrder(change, { at, actorId: actor.id, workOrderId: current.id, to: 'picked_up', reason: '' })
      return {
        // The passcode stays for the shop's retention days (a comeback may need it), then the sweep erases it.
        set: { status: 'picked_up', pickedUpAt: at.toISOString(), pickedUpBy: actor.id },
        event: {
          kind: 'status',
          fromStatus: current.status,
          toStatus: 'picked_up',
          note: [provedBy, unpaidReason].filter(Boolean).join(' — ')
        }
      }
    })
    return null
  })
  if (refusal) throw refusal
  return loadWorkOrderDetail(db, input.id, actor, await shopCalendar(db, at))
}

/** How the customer proved the device is theirs, or CLAIM_CODE_MISMATCH. Reads only. */
async function checkProof(trx: Db, order: WorkOrdersTable, input: ParsedInput<'workOrders.pickup'>): Promise<string> {
  if (input.claimCode !== '') {
    if (input.claimCode !== order.claimCode) throw new AppError('CLAIM_CODE_MISMATCH', 'errors.claimCodeMismatch')
    return 'claim_code'
  }
  const customer = toCustomer(
    await trx.selectFrom('customers').selectAll().where('id', '=', order.customerId).executeTakeFirstOrThrow()
  )
  const known = [customer.mobile, ...customer.otherPhones].filter((p): p is string => p !== null).map(normalizePhone)
  // No digits is no number: it must not match a number on file that has none either.
  const typed = normalizePhone(input.phone)
  if (typed === '' || !known.includes(typed)) throw new AppError('CLAIM_CODE_MISMATCH', 'errors.phoneMismatch')
  return 'phone'
}
