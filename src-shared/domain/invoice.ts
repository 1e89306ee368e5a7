/**
 * Checkout arithmetic, all in integer fen. A work order's invoice lists labour, parts and other
 * charges; each line is paid by the customer or, when covered by warranty, by the brand (those
 * lines become the warranty claim) or by the shop itself (its own repair warranty: a cost, never
 * claimed). Discount and deposit only ever reduce the customer's part.
 */
import { splitByLargestRemainder } from './money'
import type { ServiceType } from './repairTypes'

export const PAYMENT_METHODS = ['cash', 'bank_card', 'wechat_pay', 'alipay', 'bank_transfer'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export const PAYERS = ['customer', 'brand', 'shop'] as const
export type Payer = (typeof PAYERS)[number]

export const LINE_KINDS = ['labour', 'part', 'charge'] as const
export type LineKind = (typeof LINE_KINDS)[number]

/**
 * Who may pay a job's lines, the default first: the brand a 三包 warranty repair, the shop a
 * repair under its own repair warranty (the brand never pays for the shop's workmanship), and
 * the customer anything, such as an extra the customer asked for.
 */
export function payersFor(serviceType: ServiceType): readonly Payer[] {
  if (serviceType === 'warranty_repair') return ['brand', 'customer']
  if (serviceType === 'shop_warranty_repair') return ['shop', 'customer']
  return ['customer']
}

/**
 * Who may pay an extra charge the counter adds (a case, an express fee): the brand on a 三包 job
 * (a part the warehouse does not stock), never the shop, whose warranty covers only the job's own
 * labour and parts.
 */
export function chargePayersFor(serviceType: ServiceType): readonly Payer[] {
  return payersFor(serviceType).filter((payer) => payer !== 'shop')
}

/** Who pays a job's line unless the counter says otherwise. */
export function defaultPayer(serviceType: ServiceType): Payer {
  return payersFor(serviceType)[0]!
}

export interface PricedLine {
  quantity: number
  unitPriceFen: number
  payer: Payer
}

export interface InvoiceTotals {
  /** Every line, whoever pays it. */
  linesFen: number
  /** Lines the brand pays: the warranty claim. */
  brandFen: number
  /** Lines the shop bears under its own repair warranty: free to the customer, claimed from no one. */
  shopFen: number
  /** Lines the customer pays, before discount and deposit. */
  customerLinesFen: number
  discountFen: number
  /** The part of the deposit taken at intake that this invoice uses up. */
  depositAppliedFen: number
  /** What the customer still pays at the counter. */
  dueFen: number
  /** Deposit beyond what is owed: handed back at checkout. */
  depositReturnedFen: number
}

export function lineAmountFen(line: Pick<PricedLine, 'quantity' | 'unitPriceFen'>): number {
  return line.quantity * line.unitPriceFen
}

export class CheckoutRuleError extends Error {
  constructor(
    readonly rule: 'discountTooLarge' | 'nonCashOverpays' | 'underpaid' | 'badAmount',
    readonly params: Record<string, number> = {}
  ) {
    super(rule)
  }
}

/** The invoice's totals; a discount can only come off what the customer pays. */
export function invoiceTotals(lines: readonly PricedLine[], discountFen: number, depositFen: number): InvoiceTotals {
  for (const value of [discountFen, depositFen, ...lines.flatMap((line) => [line.quantity, line.unitPriceFen])]) {
    if (!Number.isInteger(value) || value < 0) throw new CheckoutRuleError('badAmount')
  }
  const paidBy = { customer: 0, brand: 0, shop: 0 }
  for (const line of lines) paidBy[line.payer] += lineAmountFen(line)
  const { brand: brandFen, shop: shopFen, customer: customerLinesFen } = paidBy
  if (discountFen > customerLinesFen) throw new CheckoutRuleError('discountTooLarge', { max: customerLinesFen })
  const afterDiscount = customerLinesFen - discountFen
  const depositAppliedFen = Math.min(depositFen, afterDiscount)
  return {
    linesFen: brandFen + shopFen + customerLinesFen,
    brandFen,
    shopFen,
    customerLinesFen,
    discountFen,
    depositAppliedFen,
    dueFen: afterDiscount - depositAppliedFen,
    depositReturnedFen: depositFen - depositAppliedFen
  }
}

export interface Tender {
  method: PaymentMethod
  amountFen: number
}

export interface Settlement {
  /** What each method takes into the books: cash net of the change handed back. */
  payments: { method: PaymentMethod; amountFen: number; tenderedFen: number; changeFen: number }[]
  tenderedFen: number
  changeFen: number
}

/**
 * Splits what is due over the customer's tenders. Only cash gives change: card, WeChat Pay,
 * Alipay and transfers are for exact amounts, so together they may not exceed what is due.
 */
export function settle(dueFen: number, tenders: readonly Tender[]): Settlement {
  if (tenders.some((tender) => !Number.isInteger(tender.amountFen) || tender.amountFen <= 0))
    throw new CheckoutRuleError('badAmount')
  const nonCash = tenders
    .filter((tender) => tender.method !== 'cash')
    .reduce((sum, tender) => sum + tender.amountFen, 0)
  const cash = tenders.filter((tender) => tender.method === 'cash').reduce((sum, tender) => sum + tender.amountFen, 0)
  if (nonCash > dueFen) throw new CheckoutRuleError('nonCashOverpays', { due: dueFen, nonCash })
  const tenderedFen = nonCash + cash
  if (tenderedFen < dueFen) throw new CheckoutRuleError('underpaid', { due: dueFen, tendered: tenderedFen })
  const changeFen = tenderedFen - dueFen
  // All the change comes out of the cash, taken from the last cash tender backwards.
  let changeLeft = changeFen
  const payments = [...tenders]
    .reverse()
    .map((tender) => {
      if (tender.method !== 'cash')
        return { method: tender.method, amountFen: tender.amountFen, tenderedFen: tender.amountFen, changeFen: 0 }
      const change = Math.min(changeLeft, tender.amountFen)
      changeLeft -= change
      return {
        method: tender.method,
        amountFen: tender.amountFen - change,
        tenderedFen: tender.amountFen,
        changeFen: change
      }
    })
    .reverse()
    .filter((payment) => payment.amountFen > 0 || payment.changeFen > 0)
  return { payments, tenderedFen, changeFen }
}

/**
 * What the customer paid for each line: the invoice's discount spread over the customer's lines
 * in proportion to their amounts, to the fen (largest remainder), so the shares add up to exactly
 * what was paid. A line the brand or the shop pays has no share: the customer paid nothing for it.
 */
export function paidSharesFen(
  lines: readonly { amountFen: number; payer: Payer }[],
  customerPaidFen: number
): number[] {
  const weights = lines.map((line) => (line.payer === 'customer' ? line.amountFen : 0))
  return splitByLargestRemainder(customerPaidFen, weights)
}

/**
 * What crediting part of a line gives back: the same fraction of the line's paid share. Counted
 * cumulatively (everything credited on the line so far, rounded down), so several partial notes
 * on one line add up to exactly its share when the whole line is credited, and never more.
 */
export function lineRefundFen(
  line: { amountFen: number; paidShareFen: number },
  creditedBeforeFen: number,
  creditingFen: number
): number {
  if (line.amountFen <= 0) return 0
  const refundedUpTo = (creditedFen: number) =>
    Math.floor((line.paidShareFen * Math.min(creditedFen, line.amountFen)) / line.amountFen)
  return refundedUpTo(creditedBeforeFen + creditingFen) - refundedUpTo(creditedBeforeFen)
}

/**
 * What each amount of a credit note gives back, in the order asked: the invoice's lines (in their
 * order on the invoice), what the customer paid in all, what earlier notes took off each line,
 * and this note's amounts (a line may appear more than once).
 */
export function creditLineRefundsFen(
  lines: readonly { id: string; amountFen: number; payer: Payer }[],
  customerPaidFen: number,
  creditedBeforeFen: ReadonlyMap<string, number>,
  crediting: readonly { lineId: string; amountFen: number }[]
): number[] {
  const shares = paidSharesFen(lines, customerPaidFen)
  const credited = new Map(creditedBeforeFen)
  return crediting.map((wanted) => {
    const index = lines.findIndex((line) => line.id === wanted.lineId)
    const line = lines[index]
    if (!line) return 0
    const before = credited.get(line.id) ?? 0
    credited.set(line.id, before + wanted.amountFen)
    return lineRefundFen({ amountFen: line.amountFen, paidShareFen: shares[index]! }, before, wanted.amountFen)
  })
}

/**
 * What a credit note hands back to the customer: the paid share of what it takes off the
 * customer's lines, and never more than they have paid in and not yet had back.
 */
export function creditRefundFen(
  customerCreditedFen: number,
  customerPaidFen: number,
  refundedBeforeFen: number
): number {
  return Math.max(0, Math.min(customerCreditedFen, customerPaidFen - refundedBeforeFen))
}

/**
 * What a document's totals leave between the customer's lines, less discount and deposit, and
 * what was due: nothing on an invoice. On a credit note, the part of the credited price that the
 * invoice's discount had already taken off, so it is not handed back (a discounted invoice
 * refunds the discounted price): the line a refund voucher prints for its figures to add up.
 */
export function discountShareKeptFen(totals: InvoiceTotals): number {
  return totals.dueFen - (totals.customerLinesFen - totals.discountFen - totals.depositAppliedFen)
}
