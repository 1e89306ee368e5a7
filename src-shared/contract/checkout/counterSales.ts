import { z } from 'zod'
import { droppedMoneyChecked } from '../backups'
import { operation } from '../operation'
import { id, optionalText, serialSchema, text } from '../common'
import { PAYMENT_METHODS } from '../../domain/invoice'
import { HANDED_BACK_DISPOSITIONS } from '../../domain/stock'
import type { Payment } from '../checkout'

export interface CounterSaleLine {
  id: string
  partId: string
  partNumber: string
  description: string
  quantity: number
  unitPriceFen: number
  amountFen: number
  /** On a refund: the sold line it takes back. */
  sourceId: string | null
  /** The unit of a serial-tracked part sold (or taken back): one unit per line. */
  serial: string | null
  /** On a sale: how many of the line are still there to refund. */
  refundableQuantity: number
}

/**
 * A receipt for goods sold over the counter without a repair, or the refund that takes some of
 * them back. Numbered in the same sequence as the repair receipts (and refunds as credit notes),
 * paid into the same till, counted by the same day close.
 */
export interface CounterSale {
  id: string
  number: string
  kind: 'sale' | 'refund'
  /** The customer picked at the till (a refund: the sale's); null for a walk-in or an older sale. */
  customerId: string | null
  /** The picked customer's name as it was at the sale, or the name typed for a walk-in. */
  customerName: string
  lines: CounterSaleLine[]
  /** Negative on a refund. */
  totalFen: number
  reason: string
  corrects: { id: string; number: string } | null
  refunds: { id: string; number: string; totalFen: number }[]
  payments: Payment[]
  /** Net of the payments (a refund's is negative). */
  paidFen: number
  tenderedFen: number
  changeFen: number
  issuedAt: string
  cashierName: string | null
}

const tenderSchema = z
  .object({ method: z.enum(PAYMENT_METHODS), amountFen: z.number().int().min(1).max(100_000_000) })
  .strict()

export const counterSalesContract = {
  /**
   * Sells parts and accessories over the counter: each line at the catalogue's selling price, the
   * stock leaving through the ledger, paid by the customer's tenders (cash gives change). A line of
   * a serial-tracked part is one unit and names the serial scanned, which must be on the shelf.
   * The sale belongs to the customer picked (who must be on record and not erased), or to nobody.
   */
  'counterSales.sell': operation<CounterSale>()(
    z
      .object({
        lines: z
          .array(
            z
              .object({ partId: id, quantity: z.number().int().min(1).max(1000), serial: serialSchema.optional() })
              .strict()
          )
          .min(1)
          .max(50),
        tenders: z.array(tenderSchema).min(1).max(6),
        /** The customer picked at the till: the sale is theirs, under their name. */
        customerId: id.optional(),
        /** A walk-in's name, as typed; ignored when a customer is picked. */
        customerName: optionalText(60)
      })
      .strict()
  ),
  'counterSales.get': operation<CounterSale>()(
    z.union([z.object({ id }).strict(), z.object({ number: z.string().trim().min(1).max(30) }).strict()])
  ),
  /**
   * Takes goods of a counter sale back: the money they were sold for goes back by the method
   * chosen, and each part goes back into stock, to the brand as faulty, or to scrap.
   */
  'counterSales.refund': operation<CounterSale>()(
    z
      .object({
        saleId: id,
        lines: z
          .array(
            z
              .object({
                lineId: id,
                quantity: z.number().int().min(1).max(1000),
                disposition: z.enum(HANDED_BACK_DISPOSITIONS)
              })
              .strict()
          )
          .min(1)
          .max(50),
        reason: text(300),
        refundMethod: z.enum(PAYMENT_METHODS),
        droppedMoneyChecked
      })
      .strict()
  )
}
