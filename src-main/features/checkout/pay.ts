import type { Db } from '../../db/connection'
import {
  AppError,
  type CurrentUser,
  type ErrorKey,
  type FieldIssue,
  type Invoice,
  type ParsedInput
} from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import {
  CheckoutRuleError,
  invoiceTotals,
  payersFor,
  chargePayersFor,
  settle,
  type InvoiceTotals,
  type PaymentMethod,
  type Settlement
} from '../../../src-shared/domain/invoice'
import type { SessionStore } from '../auth/sessions'
import { managerOnTheSpot } from '../auth/managerOnTheSpot'
import { isManagerRole } from '../../../src-shared/domain/roles'
import { billedToCustomerFen } from '../../../src-shared/domain/acceptedQuote'
import { formatFen } from '../../../src-shared/domain/money'
import { recordSyncedChange } from '../sync/recordChange'
import { recordAudit } from '../audit/record'
import { nextDocumentNumber } from '../numbering/service'
import { readShopTimeZone } from '../settings/service'
import { findWorkOrder } from '../workOrders/lookup'
import { refuseRepeatingDroppedMoney } from './ports'
import type { WorkOrdersTable } from '../workOrders/tables'
import { depositHeld } from './deposits'
import { discountApprover } from './discountApproval'
import { newAmountAcceptance, type NewAmountAcceptance } from './billAgainstQuote'
import { earnedLines, type DraftLine } from './lines'
import { loadInvoice } from './invoices'
import { recordDocumentSnapshot } from './documentSnapshot'
import type { PaymentsTable } from './tables'
import { openWarrantyClaim } from './claims/open'
import { tieReEnteredPayments, type AlreadyCounted } from './reEntries'

/** A job is billed when its work is done: ready for pick-up, picked up, or returned unrepaired. */
const BILLABLE = new Set(['ready_for_pickup', 'picked_up', 'returned_unrepaired'])

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

type PayInput = ParsedInput<'checkout.pay'>

/** Everything one checkout writes, worked out before anything is written. */
interface Bill {
  invoiceId: string
  number: string
  order: WorkOrdersTable
  lines: DraftLine[]
  totals: InvoiceTotals
  settlement: Settlement
  deposit: { amountFen: number; method: PaymentMethod }
  approvedBy: string | null
  /** Who said yes to a bill that differs from the accepted quote, when it does. */
  newAmount: NewAmountAcceptance | null
}

/**
 * Checkout: the invoice, its payments, the deposit applied (and any excess handed back) and the
 * warranty claim for what the brand pays, all in one transaction. A job is billed once; later
 * corrections are credit notes.
 */
export async function payWorkOrder(
  db: Db,
  sessions: SessionStore,
  at: Date,
  actor: CurrentUser,
  input: PayInput
): Promise<Invoice> {
  const approvedBy = await discountApprover(db, sessions, at, actor, input)
  const manager = await managerAtCounter(db, sessions, at, actor, input, approvedBy)
  const timeZone = await readShopTimeZone(db)
  const invoiceId = uuidv7(at.getTime())
  await db.transaction().execute(async (trx) => {
    const order = await orderToBill(trx, input.workOrderId)
    const dealtWith = await refuseRepeatingDroppedMoney(
      trx,
      at,
      { charging: { workOrderId: order.id } },
      { checked: input.droppedMoneyChecked, managerId: manager, operation: 'checkout.pay' }
    )
    const lines = await linesToBill(trx, order, input)
    const deposit = await depositHeld(trx, order.id)
    const { totals, settlement } = priceBill(lines, input, deposit.amountFen)
    const newAmount = await newAmountAcceptance(trx, order, totals, input, manager)
    const number = await nextDocumentNumber(trx, 'INV', at, timeZone)
    const bill: Bill = { invoiceId, number, order, lines, totals, settlement, deposit, approvedBy, newAmount }
    await writeInvoice(trx, at, actor, input, bill)
    const payments = await writePayments(trx, at, actor, bill)
    const alreadyCounted = await tieReEnteredPayments(trx, dealtWith, payments)
    if (totals.brandFen > 0) await claimFromBrand(trx, at, actor, bill)
    await recordCheckout(trx, at, actor, input, bill, alreadyCounted)
  })
  return loadInvoice(db, invoiceId)
}

/**
 * The manager at the counter, if any: the one who approved the discount, the counter's own user
 * when a manager, or one who typed their name and password (checked here, before the transaction,
 * since hashing is slow). A bill that differs from the accepted quote may rest on their word.
 */
async function managerAtCounter(
  db: Db,
  sessions: SessionStore,
  at: Date,
  actor: CurrentUser,
  input: PayInput,
  discountApprovedBy: string | null
): Promise<string | null> {
  if (discountApprovedBy) return discountApprovedBy
  if (isManagerRole(actor.role)) return actor.id
  return input.managerApproval ? managerOnTheSpot(db, sessions, at, input.managerApproval) : null
}

/** The job, if its work is done and it has not been billed yet. */
async function orderToBill(trx: Db, workOrderId: string): Promise<WorkOrdersTable> {
  const order = await findWorkOrder(trx, workOrderId)
  const blocked = checkoutBlockedReason(order)
  if (blocked) throw new AppError('INVALID_TRANSITION', blocked, { status: order.status })
  const existing = await trx
    .selectFrom('invoices')
    .select('number')
    .where('workOrderId', '=', order.id)
    .where('kind', '=', 'invoice')
    .executeTakeFirst()
  if (existing) throw new AppError('CONFLICT', 'errors.alreadyCheckedOut', { number: existing.number })
  return order
}

/**
 * The lines the job earned, each with the payer the counter chose, and the extra charges. Only a
 * job the brand covers may bill the brand, and only a shop-warranty job may be borne by the shop.
 */
async function linesToBill(trx: Db, order: WorkOrdersTable, input: PayInput): Promise<DraftLine[]> {
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
  refusePayersNotAllowed(order, lines, input)
  return lines
}

/**
 * Billing the brand for a job it does not cover would claim the shop's own work from it; the shop
 * bearing a line outside its own warranty, or a charge beyond the job's own labour and parts,
 * would be a discount nobody approved.
 */
function refusePayersNotAllowed(order: WorkOrdersTable, lines: DraftLine[], input: PayInput): void {
  const issues: FieldIssue[] = []
  const allowed = payersFor(order.serviceType)
  const refused = lines.find((line) => line.kind !== 'charge' && !allowed.includes(line.payer))
  if (refused) {
    const messageKey =
      refused.payer === 'brand' ? 'validation.brandPaysOnlyWarranty' : 'validation.shopPaysOnlyShopWarranty'
    issues.push({ path: 'payers', messageKey })
  }
  const chargePayers = chargePayersFor(order.serviceType)
  input.charges.forEach((charge, index) => {
    if (chargePayers.includes(charge.payer)) return
    const messageKey = charge.payer === 'shop' ? 'validation.shopBearsOnlyTheJob' : 'validation.brandPaysOnlyWarranty'
    issues.push({ path: `charges.${index}.payer`, messageKey })
  })
  if (issues.length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', { fields: issues })
}

/**
 * The totals after discount and deposit, and how the customer's tenders settle them; refused when
 * the bill is not the one the counter showed.
 */
function priceBill(
  lines: DraftLine[],
  input: PayInput,
  depositFen: number
): { totals: InvoiceTotals; settlement: Settlement } {
  try {
    const totals = invoiceTotals(lines, input.discountFen, depositFen)
    // Before the tenders are weighed: they were counted against the bill on the screen.
    refuseBillNotShown(totals, input)
    return { totals, settlement: settle(totals.dueFen, input.tenders) }
  } catch (error) {
    ruleError(error)
  }
}

/** The bill must be the one the counter showed the customer, when the counter says what that was. */
function refuseBillNotShown(totals: InvoiceTotals, input: PayInput): void {
  const billedFen = billedToCustomerFen(totals)
  if (input.expectedBilledFen === undefined || input.expectedBilledFen === billedFen) return
  throw new AppError('CONFLICT', 'errors.billChanged', { billedFen, billedYuan: formatFen(billedFen) })
}

async function writeInvoice(trx: Db, at: Date, actor: CurrentUser, input: PayInput, bill: Bill): Promise<void> {
  await trx
    .insertInto('invoices')
    .values({
      id: bill.invoiceId,
      number: bill.number,
      kind: 'invoice',
      workOrderId: bill.order.id,
      correctsInvoiceId: null,
      ...bill.totals,
      discountReason: input.discountReason,
      discountApprovedBy: bill.approvedBy,
      reason: '',
      issuedAt: at.toISOString(),
      cashierId: actor.id
    })
    .execute()
  await recordDocumentSnapshot(trx, bill.invoiceId, bill.order.id)
  if (bill.lines.length > 0) {
    await trx
      .insertInto('invoiceLines')
      .values(
        bill.lines.map((line, position) => ({ id: uuidv7(at.getTime()), invoiceId: bill.invoiceId, position, ...line }))
      )
      .execute()
  }
}

/** The customer's payments, and the part of the deposit handed back when it exceeds the bill. */
async function writePayments(trx: Db, at: Date, actor: CurrentUser, bill: Bill): Promise<PaymentsTable[]> {
  const paid = { invoiceId: bill.invoiceId, workOrderId: bill.order.id, reason: '', cashierId: actor.id }
  const booked = { at: at.toISOString(), dayCloseId: null }
  const payments: PaymentsTable[] = bill.settlement.payments.map((payment) => ({
    id: uuidv7(at.getTime()),
    kind: 'payment' as const,
    ...payment,
    ...paid,
    ...booked
  }))
  if (bill.totals.depositReturnedFen > 0) {
    payments.push({
      id: uuidv7(at.getTime()),
      kind: 'deposit_return',
      method: bill.deposit.method,
      amountFen: -bill.totals.depositReturnedFen,
      tenderedFen: 0,
      changeFen: 0,
      ...paid,
      ...booked
    })
  }
  if (payments.length > 0) await trx.insertInto('payments').values(payments).execute()
  return payments
}

/** What the brand pays is claimed from the brand. */
async function claimFromBrand(trx: Db, at: Date, actor: CurrentUser, bill: Bill): Promise<void> {
  const lines = bill.lines.filter((line) => line.payer === 'brand')
  await openWarrantyClaim(
    trx,
    at,
    actor.id,
    { workOrderId: bill.order.id, invoiceId: bill.invoiceId, amountFen: bill.totals.brandFen, lines },
    {
      workOrderId: bill.order.id,
      workOrderNumber: bill.order.number,
      invoiceNumber: bill.number,
      amountFen: bill.totals.brandFen,
      lines
    }
  )
}

/**
 * The synced change for HQ and, when a manager approved the discount, the audit of that approval.
 * A re-entry after a restore says which of its money a kept day close already counted, so HQ
 * does not take it for new money either.
 */
async function recordCheckout(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  input: PayInput,
  bill: Bill,
  alreadyCounted: AlreadyCounted[]
): Promise<void> {
  await recordSyncedChange(trx, at, {
    actorId: actor.id,
    action: 'checkout.pay',
    entity: 'invoice',
    entityId: bill.invoiceId,
    after: {
      number: bill.number,
      workOrderId: bill.order.id,
      totals: bill.totals,
      lines: bill.lines,
      payments: bill.settlement.payments,
      discountApprovedBy: bill.approvedBy,
      newAmountAccepted: bill.newAmount,
      ...(alreadyCounted.length > 0 ? { alreadyCounted } : {})
    }
  })
  if (bill.newAmount) {
    await recordAudit(trx, at, {
      actorId: bill.newAmount.managerId ?? actor.id,
      action: 'checkout.newAmountAccepted',
      entity: 'invoice',
      entityId: bill.invoiceId,
      before: { acceptedQuoteFen: bill.newAmount.acceptedFen },
      after: bill.newAmount
    })
  }
  if (bill.approvedBy) {
    await recordAudit(trx, at, {
      actorId: bill.approvedBy,
      action: 'checkout.discountApproved',
      entity: 'invoice',
      entityId: bill.invoiceId,
      after: { discountFen: input.discountFen }
    })
  }
}
