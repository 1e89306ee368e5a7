import { z } from 'zod'
import { operation } from '../operation'
import { id, text } from '../common'

/**
 * A replaced part the brand wants back, owed until the brand credits it: the old part of a warranty
 * repair, or a faulty accessory taken back by a 三包 exchange at the counter.
 */
export const FAULTY_PART_STATUSES = ['awaiting', 'packed', 'shipped', 'credited'] as const
export type FaultyPartStatus = (typeof FAULTY_PART_STATUSES)[number]

export interface FaultyPart {
  id: string
  /** the warranty job it was replaced in; null for an accessory exchanged at the counter */
  workOrderId: string | null
  workOrderNumber: string | null
  /** the 三包 accessory exchange that took it back (PJ slip); null for a job's part */
  accessoryRemedyId: string | null
  slipNumber: string | null
  partId: string
  partNumber: string
  partName: string
  serial: string | null
  quantity: number
  status: FaultyPartStatus
  batchId: string | null
  batchNumber: string | null
  trackingNumber: string | null
  /** When it became owed (the part was issued to the warranty job, or the accessory exchanged). */
  since: string
  /** Whole days owed so far, on the shop's calendar. */
  ageDays: number
}

export interface ReturnBatch {
  id: string
  number: string
  status: 'packed' | 'shipped' | 'credited'
  carrier: string
  trackingNumber: string
  creditReference: string
  items: number
  createdAt: string
  createdByName: string | null
  shippedAt: string | null
  creditedAt: string | null
}

export const faultyPartsContract = {
  /** By default what the shop still has to send back to the brand (not yet shipped), oldest first. */
  'faultyParts.list': operation<FaultyPart[]>()(
    z
      .object({ status: z.enum(FAULTY_PART_STATUSES).nullable().default(null), owedOnly: z.boolean().default(true) })
      .strict()
  ),
  'faultyParts.batches': operation<ReturnBatch[]>()(z.object({}).strict()),
  'faultyParts.batch': operation<{ batch: ReturnBatch; items: FaultyPart[] }>()(z.object({ id }).strict()),
  /** Packs awaiting parts into a new return batch. */
  'faultyParts.pack': operation<ReturnBatch>()(z.object({ faultyPartIds: z.array(id).min(1).max(500) }).strict()),
  'faultyParts.ship': operation<ReturnBatch>()(
    z.object({ batchId: id, carrier: text(40), trackingNumber: text(60) }).strict()
  ),
  'faultyParts.credit': operation<ReturnBatch>()(z.object({ batchId: id, creditReference: text(60) }).strict()),
  /**
   * A part packed by mistake comes out of a batch not yet shipped and is owed again (待返还). The
   * last part taken out cancels the batch: the answer is then null.
   */
  'faultyParts.takeOut': operation<{ batch: ReturnBatch; items: FaultyPart[] } | null>()(
    z.object({ batchId: id, faultyPartId: id }).strict()
  ),
  /** A batch packed wrongly, not yet shipped, is undone: its parts are owed again (待返还). */
  'faultyParts.cancelBatch': operation<{ number: string; items: number }>()(z.object({ batchId: id }).strict())
}
