import type { Db } from '../../db/connection'
import { AppError, type ParsedInput } from '../../../src-shared/contract'
import { billDiffersFromAcceptedQuote, billedToCustomerFen } from '../../../src-shared/domain/acceptedQuote'
import type { InvoiceTotals } from '../../../src-shared/domain/invoice'
import { formatFen } from '../../../src-shared/domain/money'
import type { DecisionChannel } from '../../../src-shared/domain/repairTypes'
import type { WorkOrdersTable } from '../workOrders/tables'
import { acceptedQuoteOf } from './acceptedQuote'

/** The yes a bill that differs from the accepted quote rests on: the customer's, or a manager's. */
export interface NewAmountAcceptance {
  acceptedFen: number
  billedFen: number
  /** How the customer said yes to the new amount; null when a manager's word stands for it. */
  channel: DecisionChannel | null
  managerId: string | null
}

/**
 * A paid repair is billed what the customer accepted. When the bill comes to anything else the
 * customer's new yes to exactly this amount is recorded, or else a manager's at the counter;
 * without either the checkout is refused with both amounts. Null when the bill is the quote.
 */
export async function newAmountAcceptance(
  trx: Db,
  order: WorkOrdersTable,
  totals: InvoiceTotals,
  input: ParsedInput<'checkout.pay'>,
  manager: string | null
): Promise<NewAmountAcceptance | null> {
  const quote = await acceptedQuoteOf(trx, order)
  const billedFen = billedToCustomerFen(totals)
  if (!quote || !billDiffersFromAcceptedQuote(quote.totalFen, billedFen)) return null
  const amounts = { acceptedFen: quote.totalFen, billedFen }
  if (input.newAmountAccepted?.billedFen === billedFen) {
    return { ...amounts, channel: input.newAmountAccepted.channel, managerId: null }
  }
  if (manager) return { ...amounts, channel: null, managerId: manager }
  throw new AppError('APPROVAL_REQUIRED', 'errors.billDiffersFromQuote', {
    ...amounts,
    acceptedYuan: formatFen(amounts.acceptedFen),
    billedYuan: formatFen(amounts.billedFen)
  })
}
