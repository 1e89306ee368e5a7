import type { ColumnType } from 'kysely'
import type { LineKind, Payer, PaymentMethod } from '../../../src-shared/domain/invoice'
import type { PaymentKind } from '../../../src-shared/contract/checkout'

export interface InvoicesTable {
  id: string
  number: string
  kind: 'invoice' | 'credit_note'
  workOrderId: string
  correctsInvoiceId: string | null
  linesFen: number
  brandFen: number
  /** lines the shop bore under its own repair warranty (0 on documents before it could) */
  shopFen: number
  customerLinesFen: number
  discountFen: number
  depositAppliedFen: number
  dueFen: number
  depositReturnedFen: number
  discountReason: string
  discountApprovedBy: string | null
  reason: string
  issuedAt: string
  cashierId: string | null
}

export interface InvoiceLinesTable {
  id: string
  invoiceId: string
  position: number
  kind: LineKind
  sourceId: string | null
  description: string
  quantity: number
  unitPriceFen: number
  amountFen: number
  payer: Payer
}

export interface PaymentsTable {
  id: string
  kind: PaymentKind
  method: PaymentMethod
  amountFen: number
  tenderedFen: number
  changeFen: number
  invoiceId: string | null
  workOrderId: string | null
  reason: string
  cashierId: string | null
  at: string
  dayCloseId: string | null
}

/** The counter sale (or its refund) a payment is for; left out (null) for a repair's payments. */
interface PaymentCounterSale {
  counterSaleId: ColumnType<string | null, string | null | undefined, never>
}

export interface DayClosesTable {
  id: string
  number: string
  periodStart: string | null
  periodEnd: string
  reportJson: string
  expectedCashFen: number
  countedCashFen: number
  differenceFen: number
  note: string
  closedBy: string | null
  closedAt: string
}

/**
 * A payment re-entered after a restore for money a kept day close already counted (migration 61):
 * the next close leaves `countedFen` of it out.
 */
export interface PaymentReEntriesTable {
  paymentId: string
  droppedMoneyId: string
  dayCloseId: string
  droppedDocumentNumber: string
  countedFen: number
}

export interface DayCloseDocumentsTable {
  invoiceId: string
  dayCloseId: string
}

/** Which close counted each device a manager let go unpaid. */
export interface DayCloseHandOversTable {
  unpaidHandOverId: string
  dayCloseId: string
}

export interface WarrantyClaimsTable {
  id: string
  workOrderId: string
  invoiceId: string
  amountFen: number
  linesJson: string
  status: 'open' | 'submitted' | 'paid' | 'rejected'
  createdAt: string
}

export interface WarrantyClaimStepsTable {
  id: string
  claimId: string
  status: 'submitted' | 'paid' | 'rejected'
  paidFen: number | null
  note: string
  /** Null on a paid step HQ sent with its decision (the sync recorded it, nobody at the shop). */
  recordedBy: string | null
  recordedAt: string
}

export interface CounterSalesTable {
  id: string
  number: string
  kind: 'sale' | 'refund'
  correctsSaleId: string | null
  /** The customer picked at the till (migration 73); null for a walk-in and for older sales. */
  customerId: string | null
  customerName: string
  /** 1 on a sale written before the till could pick a customer: only its name says whose it is. */
  customerByName: 0 | 1
  totalFen: number
  reason: string
  issuedAt: string
  cashierId: string | null
}

export interface CounterSaleLinesTable {
  id: string
  saleId: string
  position: number
  partId: string
  sourceId: string | null
  description: string
  quantity: number
  unitPriceFen: number
  amountFen: number
  /** The value at cost the goods left stock with (negative on a refund: what came back). */
  costValueFen: number
  /** The unit of a serial-tracked part sold (or, on a refund, taken back); null for any other. */
  serial: string | null
}

/** What a receipt said when it was issued: its customer, device and shop. */
export interface InvoiceSnapshotsTable {
  invoiceId: string
  customerName: string
  customerMobile: string | null
  deviceLabel: string
  deviceSerial: string | null
  shopName: string
  shopAddress: string
  shopPhone: string
  shopTaxNumber: string
}

/** A tax invoice number recorded against a receipt; the newest row is the number. */
export interface TaxInvoiceNumbersTable {
  id: string
  invoiceId: string
  taxInvoiceNumber: string
  recordedBy: string | null
  recordedAt: string
}

export interface CheckoutTables {
  invoices: InvoicesTable
  invoiceLines: InvoiceLinesTable
  payments: PaymentsTable & PaymentCounterSale
  dayCloses: DayClosesTable
  dayCloseDocuments: DayCloseDocumentsTable
  dayCloseHandOvers: DayCloseHandOversTable
  paymentReEntries: PaymentReEntriesTable
  warrantyClaims: WarrantyClaimsTable
  warrantyClaimSteps: WarrantyClaimStepsTable
  counterSales: CounterSalesTable
  counterSaleLines: CounterSaleLinesTable
  invoiceSnapshots: InvoiceSnapshotsTable
  taxInvoiceNumbers: TaxInvoiceNumbersTable
}
