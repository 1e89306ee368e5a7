import type { Db } from '../../db/connection'
import type { InvoiceLine } from '../../../src-shared/contract/checkout'
import { defaultPayer } from '../../../src-shared/domain/invoice'
import type { WorkOrdersTable } from '../workOrders/tables'
import { acceptedQuoteOf } from './acceptedQuote'

export type DraftLine = Omit<InvoiceLine, 'id'>

/**
 * The lines a job has earned: its labour, and the parts issued to it that were not returned,
 * at the selling price they were issued at. The counter cannot change these prices. A paid
 * repair whose accepted quote has labour, but none was entered, is billed the quoted labour (its
 * description left empty: the screens and the receipt name it), never a bill without labour.
 */
export async function earnedLines(db: Db, order: WorkOrdersTable): Promise<DraftLine[]> {
  const payer = defaultPayer(order.serviceType)
  const labour = await db
    .selectFrom('workOrderLabour')
    .select(['id', 'description', 'priceFen'])
    .where('workOrderId', '=', order.id)
    .orderBy('createdAt')
    .execute()
  const parts = await db
    .selectFrom('workOrderParts as l')
    .innerJoin('parts as p', 'p.id', 'l.partId')
    .select(['l.id', 'p.partNumber', 'p.name', 'l.serial', 'l.quantity', 'l.returnedQuantity', 'l.unitPriceFen'])
    .where('l.workOrderId', '=', order.id)
    .whereRef('l.returnedQuantity', '<', 'l.quantity')
    .orderBy('l.issuedAt')
    .execute()
  const quote = labour.length === 0 ? await acceptedQuoteOf(db, order) : null
  const quotedLabour =
    quote && quote.labourFen > 0
      ? [
          {
            kind: 'labour' as const,
            sourceId: quote.id,
            description: '',
            quantity: 1,
            unitPriceFen: quote.labourFen,
            amountFen: quote.labourFen,
            payer
          }
        ]
      : []
  return [
    ...quotedLabour,
    ...labour.map((line) => ({
      kind: 'labour' as const,
      sourceId: line.id,
      description: line.description,
      quantity: 1,
      unitPriceFen: line.priceFen,
      amountFen: line.priceFen,
      payer
    })),
    ...parts.map((line) => {
      const quantity = line.quantity - line.returnedQuantity
      return {
        kind: 'part' as const,
        sourceId: line.id,
        description: `${line.name} ${line.partNumber}${line.serial ? ` SN:${line.serial}` : ''}`,
        quantity,
        unitPriceFen: line.unitPriceFen,
        amountFen: quantity * line.unitPriceFen,
        payer
      }
    })
  ]
}
