import {
  CheckoutRuleError,
  invoiceTotals,
  settle,
  type InvoiceTotals,
  type PaymentMethod,
  type PricedLine,
  type Settlement,
  type Tender
} from '../../../src-shared/domain/invoice'

/**
 * The checkout screen's live arithmetic, as the shared invoice rules work it out, with each
 * rule the counter breaks turned into something the screen can say (the main process decides).
 */

const NO_TOTALS: InvoiceTotals = {
  linesFen: 0,
  brandFen: 0,
  shopFen: 0,
  customerLinesFen: 0,
  discountFen: 0,
  depositAppliedFen: 0,
  dueFen: 0,
  depositReturnedFen: 0
}

/** The invoice's totals as they stand; a discount too large is left out, with the most it may be. */
export function liveTotals(
  lines: PricedLine[],
  discountFen: number,
  depositFen: number
): { totals: InvoiceTotals; discountMaxFen: number | null } {
  try {
    return { totals: invoiceTotals(lines, discountFen, depositFen), discountMaxFen: null }
  } catch (error) {
    if (!(error instanceof CheckoutRuleError)) throw error
    if (error.rule !== 'discountTooLarge') return { totals: NO_TOTALS, discountMaxFen: null }
    return { totals: invoiceTotals(lines, 0, depositFen), discountMaxFen: error.params.max ?? 0 }
  }
}

/** Why the tenders do not pay what is due yet. */
export type TenderProblem =
  | { kind: 'short'; missingFen: number }
  | { kind: 'nonCashOver'; nonCashFen: number; dueFen: number }
  | { kind: 'badAmount' }

/** The split of what is due over the tenders, or why it does not work yet. */
export function liveSettlement(
  dueFen: number,
  tenders: Tender[]
): { settlement: Settlement; problem: null } | { settlement: null; problem: TenderProblem } {
  if (dueFen === 0) return { settlement: settle(0, []), problem: null }
  try {
    return { settlement: settle(dueFen, tenders), problem: null }
  } catch (error) {
    if (!(error instanceof CheckoutRuleError)) throw error
    const params = error.params
    if (error.rule === 'underpaid')
      return { settlement: null, problem: { kind: 'short', missingFen: dueFen - (params.tendered ?? 0) } }
    if (error.rule === 'nonCashOverpays')
      return {
        settlement: null,
        problem: { kind: 'nonCashOver', nonCashFen: params.nonCash ?? 0, dueFen: params.due ?? 0 }
      }
    return { settlement: null, problem: { kind: 'badAmount' } }
  }
}

/** The method a split payment adds next: the first of the usual ones not used yet. */
export function nextTenderMethod(used: Iterable<PaymentMethod>): PaymentMethod {
  const taken = new Set(used)
  const preferred: PaymentMethod[] = ['wechat_pay', 'alipay', 'bank_card', 'cash', 'bank_transfer']
  return preferred.find((candidate) => !taken.has(candidate)) ?? 'cash'
}
