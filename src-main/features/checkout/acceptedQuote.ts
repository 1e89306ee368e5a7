import type { Db } from '../../db/connection'
import type { AcceptedQuote } from '../../../src-shared/contract/checkout'
import { currentQuote } from '../workOrders/lookup'
import type { WorkOrdersTable } from '../workOrders/tables'
import { LEAVES_UNREPAIRED } from '../../../src-shared/domain/workOrderStatus'

/**
 * The quote the customer accepted for a paid repair, which its checkout starts from; null otherwise.
 * A job that leaves unrepaired (cancelled, returned unrepaired) was not given the repair the quote
 * priced: it bills only what was really entered on it, never the quoted labour or discount, and
 * billing less than the quote needs nobody's yes.
 */
export async function acceptedQuoteOf(db: Db, order: WorkOrdersTable): Promise<AcceptedQuote | null> {
  if (order.serviceType !== 'paid_repair' || LEAVES_UNREPAIRED.has(order.status)) return null
  const quote = await currentQuote(db, order)
  if (!quote || quote.customerDecision !== 'approved') return null
  return {
    id: quote.id,
    labourFen: quote.labourFen,
    partsFen: quote.partsFen,
    discountFen: quote.discountFen,
    totalFen: quote.totalFen,
    decidedAt: quote.decidedAt,
    decisionChannel: quote.decisionChannel
  }
}
