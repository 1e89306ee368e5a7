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

export interface CheckoutTables {
  invoices: InvoicesTable
  invoiceLines: InvoiceLinesTable
  payments: PaymentsTable
  dayCloses: DayClosesTable
  dayCloseDocuments: DayCloseDocumentsTable
  warrantyClaims: WarrantyClaimsTable
}
