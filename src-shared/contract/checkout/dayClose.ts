import { z } from 'zod'
import { operation } from '../operation'
import { id, optionalText } from '../common'
import type { PaymentMethod } from '../../domain/invoice'
import type { Payment } from '../checkout'

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
  countedCashFen: number | null
  /** counted − expected: positive is a surplus, negative a shortfall. */
  differenceFen: number | null
  note: string
  closedAt: string | null
  closedByName: string | null
  payments: Payment[]
  /** Devices a manager let go before their job was checked out, in this period. */
  unpaidHandOvers: UnpaidHandOver[]
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
  'dayClose.preview': operation<DayCloseReport>()(z.object({}).strict()),
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
