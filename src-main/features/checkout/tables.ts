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

export interface DayCloseDocumentsTable {
  invoiceId: string
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
  payments: PaymentsTable
  dayCloses: DayClosesTable
  dayCloseDocuments: DayCloseDocumentsTable
  warrantyClaims: WarrantyClaimsTable
  invoiceSnapshots: InvoiceSnapshotsTable
  taxInvoiceNumbers: TaxInvoiceNumbersTable
}
