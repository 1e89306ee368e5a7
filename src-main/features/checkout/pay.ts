import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type ErrorKey, type Invoice, type ParsedInput } from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import {
  brandMayPay,
  CheckoutRuleError,
  invoiceTotals,
  settle,
  type InvoiceTotals
} from '../../../src-shared/domain/invoice'
import { recordSyncedChange } from '../sync/recordChange'
import { recordAudit } from '../audit/record'
import { nextDocumentNumber } from '../numbering/service'
import { readApprovalThresholdFen, readShopTimeZone } from '../settings/service'
import { checkPasswordWithLockout } from '../auth/signInGuard'
import { decoyPasswordHash, verifyPassword } from '../auth/password'
import { findWorkOrder } from '../repairs/detail'
import type { WorkOrdersTable } from '../repairs/tables'
import { depositHeld } from './deposits'
import { earnedLines, type DraftLine } from './lines'
import { loadInvoice } from './invoices'
import type { PaymentsTable } from './tables'

/** A job is billed when its work is done: ready for pick-up, picked up, or returned unrepaired. */
const BILLABLE = new Set(['ready_for_pickup', 'picked_up', 'returned_unrepaired'])
const MANAGERS = new Set(['admin', 'manager'])

/** Why a job cannot be billed now, as a message key; null when it can. */
export function checkoutBlockedReason(order: WorkOrdersTable): ErrorKey | null {
  return BILLABLE.has(order.status) ? null : 'errors.notBillableYet'
}

/** A rule of the arithmetic broken by the input: a validation error on the field concerned. */
export function ruleError(error: unknown): never {
  if (!(error instanceof CheckoutRuleError)) throw error
  const path = {
    discountTooLarge: 'discountFen',
    nonCashOverpays: 'tenders',
    underpaid: 'tenders',
    badAmount: 'tenders'
  }[error.rule]
  throw new AppError('VALIDATION', 'errors.VALIDATION', {
    fields: [{ path, messageKey: `validation.${error.rule}`, params: error.params }]
  })
}

/**
 * A manager's approval for a discount above the threshold: the counter's own user when they are
 * a manager, otherwise a manager who types their name and password on the spot.
 */
async function discountApprover(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'checkout.pay'>
): Promise<string | null> {
  if (input.discountFen === 0) return null
  if (input.discountFen <= (await readApprovalThresholdFen(db))) return null
  // A discount that needs approval needs a reason the approval is given for.
  if (input.discountReason === '') {
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: 'discountReason', messageKey: 'validation.required' }]
    })
  }
  if (MANAGERS.has(actor.role)) return actor.id
  if (!input.managerApproval) throw new AppError('APPROVAL_REQUIRED', 'errors.discountNeedsManager')
  const manager = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('username', '=', input.managerApproval.username)
    .executeTakeFirst()
  if (!manager) {
    // Spend the time a real check takes, so the answer does not tell which names exist.
    await verifyPassword(input.managerApproval.password, await decoyPasswordHash())
    throw new AppError('INVALID_CREDENTIALS')
  }
  const checked = await checkPasswordWithLockout(db, manager.id, input.managerApproval.password, at)
  if (!MANAGERS.has(checked.role)) throw new AppError('FORBIDDEN', 'errors.approverNotManager')
  return checked.id
}

/**
 * Checkout: the invoice, its payments, the deposit applied (and any excess handed back) and the
 * warranty claim for what the brand pays, all in one transaction. A job is billed once; later
 * corrections are credit notes.
 */
export async function payWorkOrder(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'checkout.pay'>
): Promise<Invoice> {
  const approvedBy = await discountApprover(db, at, actor, input)
  const timeZone = await readShopTimeZone(db)
  const invoiceId = uuidv7(at.getTime())
  await db.transaction().execute(async (trx) => {
    const order = await findWorkOrder(trx, input.workOrderId)
    const blocked = checkoutBlockedReason(order)
    if (blocked) throw new AppError('INVALID_TRANSITION', blocked, { status: order.status })
    const existing = await trx
      .selectFrom('invoices')
      .select('number')
      .where('workOrderId', '=', order.id)
      .where('kind', '=', 'invoice')
      .executeTakeFirst()
    if (existing) throw new AppError('CONFLICT', 'errors.alreadyCheckedOut', { number: existing.number })

    const earned = await earnedLines(trx, order)
    const lines: DraftLine[] = [
      ...earned.map((line) => ({ ...line, payer: (line.sourceId && input.payers[line.sourceId]) || line.payer })),
      ...input.charges.map((charge) => ({
        kind: 'charge' as const,
        sourceId: null,
        ...charge,
        amountFen: charge.quantity * charge.unitPriceFen
      }))
    ]
    // Billing the brand for a job it does not cover would be an unapproved discount of it all.
    if (!brandMayPay(order.serviceType) && lines.some((line) => line.payer === 'brand')) {
      throw new AppError('VALIDATION', 'errors.VALIDATION', {
        fields: [{ path: 'payers', messageKey: 'validation.brandPaysOnlyWarranty' }]
      })
    }
    const deposit = await depositHeld(trx, order.id)
    let totals: InvoiceTotals
    let settlement: ReturnType<typeof settle>
    try {
      totals = invoiceTotals(lines, input.discountFen, deposit.amountFen)
      settlement = settle(totals.dueFen, input.tenders)
    } catch (error) {
      ruleError(error)
    }

    const nowIso = at.toISOString()
    const number = await nextDocumentNumber(trx, 'INV', at, timeZone)
    await trx
      .insertInto('invoices')
      .values({
        id: invoiceId,
        number,
        kind: 'invoice',
        workOrderId: order.id,
        correctsInvoiceId: null,
        ...totals,
        discountReason: input.discountReason,
        discountApprovedBy: approvedBy,
        reason: '',
        issuedAt: nowIso,
        cashierId: actor.id
      })
      .execute()
    if (lines.length > 0) {
      await trx
        .insertInto('invoiceLines')
        .values(lines.map((line, position) => ({ id: uuidv7(at.getTime()), invoiceId, position, ...line })))
        .execute()
    }
    const payments: PaymentsTable[] = settlement.payments.map((payment) => ({
      id: uuidv7(at.getTime()),
      kind: 'payment' as const,
      ...payment,
      invoiceId,
      workOrderId: order.id,
      reason: '',
      cashierId: actor.id,
      at: nowIso,
      dayCloseId: null
    }))
    if (totals.depositReturnedFen > 0) {
      payments.push({
        id: uuidv7(at.getTime()),
        kind: 'deposit_return',
        method: deposit.method,
        amountFen: -totals.depositReturnedFen,
        tenderedFen: 0,
        changeFen: 0,
        invoiceId,
        workOrderId: order.id,
        reason: '',
        cashierId: actor.id,
        at: nowIso,
        dayCloseId: null
      })
    }
    if (payments.length > 0) await trx.insertInto('payments').values(payments).execute()
    if (totals.brandFen > 0) {
      const claimId = uuidv7(at.getTime())
      const claimLines = lines.filter((line) => line.payer === 'brand')
      await trx
        .insertInto('warrantyClaims')
        .values({
          id: claimId,
          workOrderId: order.id,
          invoiceId,
          amountFen: totals.brandFen,
          linesJson: JSON.stringify(claimLines),
          status: 'open',
          createdAt: nowIso
        })
        .execute()
      await recordSyncedChange(trx, at, {
        actorId: actor.id,
        action: 'checkout.warrantyClaim',
        entity: 'warranty_claim',
        entityId: claimId,
        after: {
          workOrderId: order.id,
          workOrderNumber: order.number,
          invoiceNumber: number,
          amountFen: totals.brandFen,
          lines: claimLines
        }
      })
    }
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: 'checkout.pay',
      entity: 'invoice',
      entityId: invoiceId,
      after: {
        number,
        workOrderId: order.id,
        totals,
        lines,
        payments: settlement.payments,
        discountApprovedBy: approvedBy
      }
    })
    if (approvedBy) {
      await recordAudit(trx, at, {
        actorId: approvedBy,
        action: 'checkout.discountApproved',
        entity: 'invoice',
        entityId: invoiceId,
        after: { discountFen: input.discountFen }
      })
    }
  })
  return loadInvoice(db, invoiceId)
}
