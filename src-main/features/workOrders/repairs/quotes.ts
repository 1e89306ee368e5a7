import type { Db } from '../../../db/connection'
import {
  AppError,
  type CurrentUser,
  type ParsedInput,
  type WorkOrderDetail,
  type WorkOrderSummary
} from '../../../../src-shared/contract'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { needsManagerApproval, quoteTotalFen } from '../../../../src-shared/domain/quote'
import { readApprovalThresholdFen } from '../../settings/service'
import { shopCalendar } from '../calendar'
import { changeWorkOrder } from '../change'
import { requireBenchAccess, requireOpen } from '../guards'
import { currentQuote } from '../lookup'
import { QUOTABLE_STATUSES } from '../rights'
import { selectSummaryColumns, summaryQuery, toSummary, waitingCategories } from '../summaries'

/**
 * A paid repair's price for the customer. Above the shop's threshold (total or discount) a
 * manager must approve it as well; either way the order waits for approval.
 */
export function giveQuote(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.quote'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.quote', async (trx, order) => {
    requireOpen(order)
    // Quoting moves the order like a status change does, so it is kept to the job's technician.
    requireBenchAccess(actor, order)
    if (order.serviceType !== 'paid_repair') throw new AppError('CONFLICT', 'errors.quoteOnlyForPaid')
    if (!QUOTABLE_STATUSES.has(order.status)) {
      throw new AppError('INVALID_TRANSITION', 'errors.INVALID_TRANSITION', {
        from: order.status,
        to: 'awaiting_approval'
      })
    }
    const amounts = { labourFen: input.labourFen, partsFen: input.partsFen, discountFen: input.discountFen }
    const needsManager = needsManagerApproval(amounts, await readApprovalThresholdFen(trx))
    const quoteId = uuidv7(at.getTime())
    await trx
      .insertInto('quotes')
      .values({
        id: quoteId,
        workOrderId: order.id,
        ...amounts,
        totalFen: quoteTotalFen(amounts),
        note: input.note,
        createdBy: actor.id,
        createdAt: at.toISOString(),
        customerDecision: 'pending',
        decisionChannel: null,
        decidedAt: null,
        decisionRecordedBy: null,
        managerApproval: needsManager ? 'pending' : 'not_required',
        managerId: null,
        managerDecidedAt: null
      })
      .execute()
    return {
      set: { status: 'awaiting_approval', currentQuoteId: quoteId },
      event: {
        kind: 'quoted',
        fromStatus: order.status,
        toStatus: 'awaiting_approval',
        note: String(quoteTotalFen(amounts))
      }
    }
  })
}

/** The customer's yes or no to the current quote, as taken at the desk or on the phone. */
export function recordCustomerDecision(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.customerDecision'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.customerDecision', async (trx, order) => {
    requireOpen(order)
    const quote = await currentQuote(trx, order)
    if (!quote || quote.customerDecision !== 'pending') throw new AppError('CONFLICT', 'errors.noQuoteAwaitingCustomer')
    await trx
      .updateTable('quotes')
      .set({
        customerDecision: input.approved ? 'approved' : 'refused',
        decisionChannel: input.channel,
        decidedAt: at.toISOString(),
        decisionRecordedBy: actor.id
      })
      .where('id', '=', quote.id)
      .execute()
    return {
      event: {
        kind: input.approved ? 'customer_approved' : 'customer_refused',
        note: [input.channel, input.note].filter(Boolean).join(' — ')
      }
    }
  })
}

export function recordManagerDecision(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.managerDecision'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.managerDecision', async (trx, order) => {
    requireOpen(order)
    const quote = await currentQuote(trx, order)
    if (!quote || quote.managerApproval !== 'pending') throw new AppError('CONFLICT', 'errors.noQuoteAwaitingManager')
    await trx
      .updateTable('quotes')
      .set({
        managerApproval: input.approved ? 'approved' : 'rejected',
        managerId: actor.id,
        managerDecidedAt: at.toISOString()
      })
      .where('id', '=', quote.id)
      .execute()
    return { event: { kind: input.approved ? 'manager_approved' : 'manager_rejected', note: input.note } }
  })
}

/** The manager's queue: orders whose current quote waits for them, oldest first. */
export async function approvalsQueue(db: Db, now: Date): Promise<WorkOrderSummary[]> {
  // A quote the customer already refused needs no manager.
  // The rows' current quote, joined for their columns; a job without one waits for nobody.
  const rows = await selectSummaryColumns(summaryQuery(db))
    .where('currentQuote.managerApproval', '=', 'pending')
    .where('currentQuote.customerDecision', '!=', 'refused')
    .where('wo.status', '=', 'awaiting_approval')
    .orderBy('currentQuote.createdAt')
    .limit(200)
    .execute()
  const calendar = await shopCalendar(db, now)
  const categories = await waitingCategories(db, rows)
  return rows.map((row) => toSummary(row, calendar, categories))
}
