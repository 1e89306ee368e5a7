/**
 * Checkout arithmetic, all in integer fen. A work order's invoice lists labour, parts and other
 * charges; each line is paid by the customer or, when covered by warranty, by the brand (those
 * lines become the warranty claim). Discount and deposit only ever reduce the customer's part.
 */

export const PAYMENT_METHODS = ['cash', 'bank_card', 'wechat_pay', 'alipay', 'bank_transfer'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export const PAYERS = ['customer', 'brand'] as const
export type Payer = (typeof PAYERS)[number]

export const LINE_KINDS = ['labour', 'part', 'charge'] as const
export type LineKind = (typeof LINE_KINDS)[number]

/** Only a warranty repair has lines the brand pays; anything else the customer pays. */
export function brandMayPay(serviceType: string): boolean {
  return serviceType === 'warranty_repair'
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
  let brandFen = 0
  let customerLinesFen = 0
  for (const line of lines) {
    if (line.payer === 'brand') brandFen += lineAmountFen(line)
    else customerLinesFen += lineAmountFen(line)
  }
  if (discountFen > customerLinesFen) throw new CheckoutRuleError('discountTooLarge', { max: customerLinesFen })
  const afterDiscount = customerLinesFen - discountFen
  const depositAppliedFen = Math.min(depositFen, afterDiscount)
  return {
    linesFen: brandFen + customerLinesFen,
    brandFen,
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
 * What a credit note hands back to the customer: the amount it takes off the customer's lines,
 * but never more than they have paid in and not yet had back (a discount was never paid).
 */
export function creditRefundFen(
  customerCreditedFen: number,
  customerPaidFen: number,
  refundedBeforeFen: number
): number {
  return Math.max(0, Math.min(customerCreditedFen, customerPaidFen - refundedBeforeFen))
}
