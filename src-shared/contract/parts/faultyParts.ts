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

/**
 * A return batch is packed, shipped with its tracking number, then credited by the brand; one
 * packed wrongly may be cancelled before it ships, and is kept so (its number is never used again).
 */
export const RETURN_BATCH_STATUSES = ['packed', 'shipped', 'credited', 'cancelled'] as const
export type ReturnBatchStatus = (typeof RETURN_BATCH_STATUSES)[number]

export interface ReturnBatch {
  id: string
  number: string
  status: ReturnBatchStatus
  carrier: string
  trackingNumber: string
  creditReference: string
  items: number
  createdAt: string
  createdByName: string | null
  shippedAt: string | null
  creditedAt: string | null
  cancelledAt: string | null
  cancelledByName: string | null
}

/** One line of a batch's packing list (装箱单): one part of one job or 三包 slip, with its serials. */
export interface PackingListLine {
  workOrderNumber: string | null
  slipNumber: string | null
  partNumber: string
  partName: string
  /** The serials of the units in the box, where they were recorded. */
  serials: string[]
  quantity: number
  /** The fault the job was diagnosed with (location / cause), or the 三包 slip's fault code; '' when none. */
  fault: string
}

/** What a batch's packing list prints: the batch, its lines, and how many parts are in the box. */
export interface PackingList {
  batch: ReturnBatch
  lines: PackingListLine[]
  totalQuantity: number
}

export const faultyPartsContract = {
  /** By default what the shop still has to send back to the brand (not yet shipped), oldest first. */
  'faultyParts.list': operation<FaultyPart[]>()(
    z
      .object({ status: z.enum(FAULTY_PART_STATUSES).nullable().default(null), owedOnly: z.boolean().default(true) })
      .strict()
  ),
  /** The batches, newest first: all of them, or those in one status. */
  'faultyParts.batches': operation<ReturnBatch[]>()(
    z.object({ status: z.enum(RETURN_BATCH_STATUSES).nullable().default(null) }).strict()
  ),
  'faultyParts.batch': operation<{ batch: ReturnBatch; items: FaultyPart[] }>()(z.object({ id }).strict()),
  /** What goes in the box with a batch, for its packing list (装箱单). */
  'faultyParts.packingList': operation<PackingList>()(z.object({ id }).strict()),
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
  /**
   * A batch packed wrongly, not yet shipped, is cancelled: its parts are owed again (待返还) and
   * the batch is kept as cancelled, with when and by whom.
   */
  'faultyParts.cancelBatch': operation<{ number: string; items: number }>()(z.object({ batchId: id }).strict())
}
