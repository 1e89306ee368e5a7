import { z } from 'zod'
import { droppedMoneyChecked } from './backups'
import { operation } from './operation'
import {
  calendarDate,
  id,
  optionalText,
  pageInput,
  text,
  untrimmedSingleLineString,
  usernameSchema,
  type Page
} from './common'
import {
  LINE_KINDS,
  PAYERS,
  PAYMENT_METHODS,
  type InvoiceTotals,
  type LineKind,
  type Payer,
  type PaymentMethod
} from '../domain/invoice'
import { DECISION_CHANNELS, type DecisionChannel, type ServiceType } from '../domain/repairTypes'
import { HANDED_BACK_DISPOSITIONS } from '../domain/stock'
import type { WorkOrderStatus } from '../domain/workOrderStatus'
import type { ClaimStepByHand } from '../domain/claimFiling'
import { PAYMENT_KINDS, type PaymentKind } from '../domain/paymentKinds'

export { PAYMENT_KINDS, type PaymentKind }

export interface InvoiceLine {
  id: string
  kind: LineKind
  /** The labour line or issued part it bills, or the original line a credit note corrects. */
  sourceId: string | null
  description: string
  quantity: number
  unitPriceFen: number
  amountFen: number
  payer: Payer
}

export interface Payment {
  id: string
  kind: PaymentKind
  method: PaymentMethod
  /** Into the till (negative when money goes back to the customer); cash net of change. */
  amountFen: number
  tenderedFen: number
  changeFen: number
  at: string
  cashierId: string | null
  cashierName: string | null
  reason: string
  invoiceId: string | null
  workOrderId: string | null
  dayCloseId: string | null
}

/** The shop's details as a document printed them when it was issued. */
export interface IssuingShop {
  name: string
  address: string
  phone: string
  taxNumber: string
}

/** Whom a document was issued to, and by which shop, as frozen when it was issued. */
export interface IssuedTo {
  customerName: string
  customerMobile: string | null
  deviceLabel: string
  serial: string | null
  shop: IssuingShop
}

export interface Invoice {
  id: string
  number: string
  kind: 'invoice' | 'credit_note'
  workOrderId: string
  workOrderNumber: string
  serviceType: ServiceType
  customerName: string
  customerMobile: string | null
  deviceLabel: string
  serial: string | null
  /** The shop's details as printed when the document was issued. */
  shop: IssuingShop
  /** The number of a tax invoice (发票) the shop issued elsewhere for this receipt, if recorded. */
  taxInvoiceNumber: string | null
  lines: InvoiceLine[]
  totals: InvoiceTotals
  discountReason: string
  discountApprovedByName: string | null
  /** Credit notes: why, and which invoice they correct. */
  reason: string
  corrects: { id: string; number: string } | null
  creditNotes: { id: string; number: string; customerFen: number }[]
  /** What is left to credit on an invoice's lines after its credit notes (0 for a credit note). */
  creditableFen: number
  payments: Payment[]
  /** Net of every payment on this document (refunds on a credit note are negative). */
  paidFen: number
  tenderedFen: number
  changeFen: number
  issuedAt: string
  cashierName: string | null
}

/** The quote the customer accepted for a paid repair: what its checkout starts from. */
export interface AcceptedQuote {
  id: string
  labourFen: number
  partsFen: number
  discountFen: number
  /** What the customer said yes to: labour and parts less the quote's discount. */
  totalFen: number
  decidedAt: string | null
  decisionChannel: DecisionChannel | null
}

/** What the counter sees before taking the money: the lines the job has earned, and the deposit. */
export interface CheckoutDraft {
  workOrderId: string
  workOrderNumber: string
  workOrderStatus: WorkOrderStatus
  serviceType: ServiceType
  customerName: string
  deviceLabel: string
  lines: Omit<InvoiceLine, 'id'>[]
  depositFen: number
  /** The discount in the quote the customer accepted (a paid repair), to carry into the bill. */
  quoteDiscountFen: number
  /** The quote the customer accepted: a bill that differs needs their new yes or a manager. */
  acceptedQuote: AcceptedQuote | null
  approvalThresholdFen: number
  /** The invoice, when the job has already been checked out. */
  invoiceId: string | null
  /** Why it cannot be checked out now (e.g. still being repaired), if so. */
  blockedReason: string | null
  /** The device may not be handed over before this checkout (unless a manager lets it go). */
  handOverNeedsCheckout: boolean
}

const fen = z.number().int().min(0).max(100_000_000)
const tenderSchema = z
  .object({ method: z.enum(PAYMENT_METHODS), amountFen: fen.refine((n) => n > 0, { message: 'validation.positive' }) })
  .strict()
const managerApprovalSchema = z.object({ username: usernameSchema, password: z.string().min(1).max(128) }).strict()

export const CLAIM_STATUSES = ['open', 'submitted', 'paid', 'rejected'] as const
/** The most claims one "file them all" records (a big shop's month holds a few hundred). */
export const FILE_CLAIMS_AT_ONCE = 2000
export type ClaimStatus = (typeof CLAIM_STATUSES)[number]

/** HQ's word on a claim, pulled from HQ (sync): approved, rejected with a reason, or more asked for. */
export interface ClaimDecision {
  status: 'approved' | 'rejected' | 'moreInfo'
  reason: string
  approvedFen: number
  decidedAt: string
}

/** A step a manager recorded by hand on a claim the shop files with the brand itself. */
export interface ClaimStepRecord {
  status: ClaimStepByHand
  /** What the brand paid, when the step is `paid`. */
  paidFen: number | null
  /** The brand's claim number, what it said, or why it rejected the claim. */
  note: string
  recordedAt: string
  recordedByName: string | null
}

export interface WarrantyClaimRow {
  id: string
  workOrderId: string
  workOrderNumber: string
  invoiceNumber: string
  amountFen: number
  /**
   * Sent by the sync (`filedBy` hq): open, not sent yet; submitted, with HQ; rejected; paid.
   * Filed by the shop: open, to file with the brand; submitted, filed; rejected; paid.
   */
  status: ClaimStatus
  createdAt: string
  decision: ClaimDecision | null
  /** The last step a manager recorded by hand, if any. */
  lastStep: ClaimStepRecord | null
  /** The steps a manager may record by hand now (none while the shop is enrolled with HQ). */
  nextSteps: readonly ClaimStepByHand[]
}

/**
 * Who carries the shop's claims to the brand: HQ through the sync (an enrolled shop), or the shop
 * itself, a manager recording the brand's answers by hand (a shop outside a brand network).
 */
export type ClaimFiling = 'hq' | 'shop'

export interface WarrantyClaimsPage extends Page<WarrantyClaimRow> {
  filedBy: ClaimFiling
  /**
   * The claims still to file with the brand among those the list's days hold (whatever the status
   * filter), and what they come to: what "file them all" would file. `claimIds` names them when
   * both ends of the days are chosen (the only way they are filed at once), else it is empty.
   */
  toFile: { count: number; amountFen: number; claimIds: string[] }
}

/** The claim sheet a shop sends the brand: one row per claim, these columns in this order. */
export const CLAIM_SHEET_COLUMNS = [
  'workOrderNumber',
  'invoiceNumber',
  'claimedAt',
  'brand',
  'model',
  'serial',
  'faultCode',
  'faultLocationCode',
  'component',
  'parts',
  'labourFen',
  'partsFen',
  'otherFen',
  'amountFen',
  'status',
  'shopRecord'
] as const

/** Claims made on these shop calendar days (both included); either end may be left open. */
const claimDays = {
  from: calendarDate.optional(),
  to: calendarDate.optional()
}
const daysInOrder = (days: { from?: string; to?: string }) => !days.from || !days.to || days.from <= days.to
const DAYS_IN_ORDER = { message: 'validation.dateRange', path: ['to'] }

export const checkoutContract = {
  'checkout.draft': operation<CheckoutDraft>()(z.object({ workOrderId: id }).strict()),
  /**
   * Issues the job's invoice and records its payment in one go. The labour and parts lines come
   * from the work order (the counter only chooses who pays each); extra charges may be added.
   * A discount above the approval threshold needs a manager's name and password on the spot.
   */
  'checkout.pay': operation<Invoice>()(
    z
      .object({
        workOrderId: id,
        payers: z.record(z.string(), z.enum(PAYERS)).default({}),
        charges: z
          .array(
            z
              .object({
                description: text(100),
                quantity: z.number().int().min(1).max(1000),
                unitPriceFen: fen,
                payer: z.enum(PAYERS)
              })
              .strict()
          )
          .max(20)
          .default([]),
        discountFen: fen.default(0),
        discountReason: optionalText(200),
        tenders: z.array(tenderSchema).max(6).default([]),
        managerApproval: managerApprovalSchema.optional(),
        droppedMoneyChecked,
        /**
         * The customer's yes to a bill that differs from the quote they accepted: the amount they
         * were shown (refused if the bill comes to anything else) and how they said it.
         */
        newAmountAccepted: z
          .object({ billedFen: z.number().int(), channel: z.enum(DECISION_CHANNELS) })
          .strict()
          .optional(),
        /**
         * What the counter's screen billed the customer (their lines less the discount, deposit
         * included). When the bill comes to anything else (the job's lines changed since the
         * screen loaded) nothing is taken: the customer never pays an amount they were not shown.
         */
        expectedBilledFen: z.number().int().min(0).optional()
      })
      .strict()
  ),
  'checkout.get': operation<Invoice>()(
    z.union([z.object({ id }).strict(), z.object({ number: z.string().trim().min(1).max(30) }).strict()])
  ),
  'checkout.forWorkOrder': operation<Invoice[]>()(z.object({ workOrderId: id }).strict()),
  /**
   * The shop's document is a payment receipt (收款收据), not a tax invoice: when the shop issued a
   * tax invoice (发票) for it elsewhere, the cashier records its number here. A later record
   * corrects an earlier one; every record is kept.
   */
  'checkout.recordTaxInvoice': operation<Invoice>()(z.object({ invoiceId: id, taxInvoiceNumber: text(30) }).strict()),
  /**
   * Corrects a paid invoice: a credit note takes amounts off its lines, and what the customer had
   * paid for them goes back by the method chosen. A paid invoice itself never changes. Parts the
   * customer hands back go back into stock, to the brand as faulty, or to scrap.
   */
  'checkout.creditNote': operation<Invoice>()(
    z
      .object({
        invoiceId: id,
        lines: z
          .array(
            z
              .object({
                lineId: id,
                amountFen: fen.refine((n) => n > 0, { message: 'validation.positive' }),
                /** A part line: how many of the part the customer handed back, and where they go. */
                handedBack: z
                  .object({
                    quantity: z.number().int().min(1).max(1000),
                    disposition: z.enum(HANDED_BACK_DISPOSITIONS)
                  })
                  .strict()
                  .optional()
              })
              .strict()
          )
          .min(1)
          .max(100),
        reason: text(300),
        refundMethod: z.enum(PAYMENT_METHODS),
        droppedMoneyChecked
      })
      .strict()
  ),
  /** The shop's warranty claims against the brand with HQ's decision, newest first; or one job's. */
  'checkout.claims': operation<WarrantyClaimsPage>()(
    z
      .object({
        workOrderId: id.optional(),
        status: z.enum(CLAIM_STATUSES).optional(),
        ...claimDays,
        ...pageInput
      })
      .strict()
      .refine(daysInOrder, DAYS_IN_ORDER)
  ),
  /**
   * The claims made on these days as the sheet the shop sends the brand (Excel): the unit, the
   * fault, the parts and the money of each. The words come from the reader's UI.
   */
  'checkout.exportClaims': operation<{ fileName: string; base64: string }>()(
    z
      .object({
        status: z.enum(CLAIM_STATUSES).optional(),
        ...claimDays,
        title: text(60),
        columns: z.record(z.string(), untrimmedSingleLineString().max(60)),
        /**
         * Labels for the claims' statuses (`status.open`…), the faulty components (`component.main_board`…),
         * `total`, `paid` and `partsSeparator`, translated.
         */
        labels: z.record(z.string(), untrimmedSingleLineString().max(60)).default({})
      })
      .strict()
      .refine(daysInOrder, DAYS_IN_ORDER)
  ),
  /**
   * A manager records that the shop filed every claim still to file from these days with the brand
   * in one go (a month's claim sheet), with the brand's batch number. `claimIds` are the claims the
   * manager was shown: if the days' claims to file are not exactly those by now, nothing is recorded.
   */
  'checkout.fileClaims': operation<{ filed: number }>()(
    z
      .object({
        from: calendarDate,
        to: calendarDate,
        claimIds: z.array(id).min(1).max(FILE_CLAIMS_AT_ONCE),
        note: optionalText(200)
      })
      .strict()
      .refine(daysInOrder, DAYS_IN_ORDER)
  ),
  /**
   * A manager records the brand's answer to a claim the shop files itself (not enrolled with HQ):
   * filed, paid (with what the brand paid) or rejected (with why).
   */
  'checkout.markClaim': operation<WarrantyClaimRow>()(
    z.discriminatedUnion('step', [
      z.object({ claimId: id, step: z.literal('submitted'), note: optionalText(200) }).strict(),
      z
        .object({
          claimId: id,
          step: z.literal('paid'),
          paidFen: z.number().int().min(-100_000_000).max(100_000_000),
          note: optionalText(200)
        })
        .strict(),
      z.object({ claimId: id, step: z.literal('rejected'), note: text(200) }).strict()
    ])
  )
}

export type { InvoiceTotals, LineKind, Payer, PaymentMethod }
export { LINE_KINDS }
