import { z } from 'zod'
import { operation } from '../operation'
import { id, optionalText } from '../common'
import type { PaymentMethod } from '../../domain/invoice'
import type { Payment, PaymentKind } from '../checkout'

export interface DayCloseReport {
  /** Null while the period is still open (a preview). */
  id: string | null
  number: string | null
  /** From the previous close (or the first payment) to this close (or now). */
  periodStart: string | null
  periodEnd: string
  byMethod: { method: PaymentMethod; amountFen: number; count: number }[]
  byCashier: { cashierId: string | null; cashierName: string | null; amountFen: number; count: number }[]
  takingsFen: number
  depositsTakenFen: number
  depositsAppliedFen: number
  depositsReturnedFen: number
  refundsFen: number
  invoices: number
  creditNotes: number
  /** Goods sold over the counter, and refunds of them. */
  counterSales: number
  counterSaleRefunds: number
  warrantyClaimsFen: number
  /** What the shop bore under its own repair warranty (free comebacks), net of credit notes. */
  shopWarrantyFen: number
  expectedCashFen: number
  /**
   * Cash re-entered after a restore that a kept close had counted (the `reEntered` lines paid in
   * cash): left out of `expectedCashFen`, and named beside it so the drawer's count is understood.
   */
  reEnteredCashFen: number
  countedCashFen: number | null
  /** counted − expected: positive is a surplus, negative a shortfall. */
  differenceFen: number | null
  note: string
  closedAt: string | null
  closedByName: string | null
  payments: Payment[]
  /** Devices a manager let go before their job was checked out, in this period. */
  unpaidHandOvers: UnpaidHandOver[]
  /**
   * Payments and refunds re-entered after a restore for money a kept close already counted: that
   * part is left out of this close's takings, tenders and expected cash (it is in `payments`).
   */
  reEntered: ReEnteredPayment[]
}

/** The open period as a close would report it now, and whether there is anything to close. */
export interface DayClosePreview extends DayCloseReport {
  /** No payment, receipt, refund note or unpaid hand-over since the last close: a close is refused. */
  nothingToClose: boolean
}

/** Part of a payment re-entered after a restore that an earlier, kept, day close already counted. */
export interface ReEnteredPayment {
  paymentId: string
  at: string
  kind: PaymentKind
  method: PaymentMethod
  /** The row as re-entered, and the part of it the earlier close counted (signed alike). */
  amountFen: number
  alreadyCountedFen: number
  /**
   * What this close counts of the row: what no kept close counted of it. A row that re-enters
   * several dropped records has a line for each; the row's own figures (this, and whether its
   * amount shows) are on its first line, 0 and false on the others.
   */
  countedHereFen: number
  firstOfItsPayment: boolean
  /** The receipt or refund note the restore dropped, as printed then. */
  droppedDocumentNumber: string
  dayCloseNumber: string
  dayClosedAt: string
}

export interface UnpaidHandOver {
  workOrderId: string
  workOrderNumber: string
  /** What the job's lines came to, and the deposit it held, when it left. */
  linesFen: number
  depositHeldFen: number
  reason: string
  approvedByName: string | null
  handedOverByName: string | null
  at: string
}

export interface DayCloseSummary {
  id: string
  number: string
  periodStart: string | null
  periodEnd: string
  takingsFen: number
  expectedCashFen: number
  countedCashFen: number
  differenceFen: number
  closedByName: string | null
}

export const dayCloseContract = {
  /** Everything taken since the last close, as the report would be if closed now. */
  'dayClose.preview': operation<DayClosePreview>()(z.object({}).strict()),
  /** Closes the period: its payments are locked into this report for good. */
  'dayClose.close': operation<DayCloseReport>()(
    z
      .object({
        countedCashFen: z.number().int().min(0).max(1_000_000_000),
        /** The expected cash the manager counted against: if money moved since, they look again. */
        expectedCashFen: z.number().int().optional(),
        note: optionalText(300)
      })
      .strict()
  ),
  'dayClose.get': operation<DayCloseReport>()(z.object({ id }).strict()),
  'dayClose.list': operation<DayCloseSummary[]>()(z.object({}).strict())
}
