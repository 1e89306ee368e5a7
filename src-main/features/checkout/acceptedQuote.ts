import type { Db } from '../../db/connection'
import type { AcceptedQuote } from '../../../src-shared/contract/checkout'
import { currentQuote } from '../workOrders/lookup'
import type { WorkOrdersTable } from '../workOrders/tables'

/** The quote the customer accepted for a paid repair, which its checkout starts from; null otherwise. */
export async function acceptedQuoteOf(db: Db, order: WorkOrdersTable): Promise<AcceptedQuote | null> {
  if (order.serviceType !== 'paid_repair') return null
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
