import { z } from 'zod'
import { operation } from './operation'
import {
  id,
  optionalMultiLineText,
  optionalText,
  pageInput,
  serialSchema,
  singleLineString,
  text,
  untrimmedSingleLineString,
  type Page
} from './common'
import type { ProductModel } from './warranty'
import {
  MANUAL_KINDS,
  MOVEMENT_KINDS,
  PART_UNITS,
  type ManualKind,
  type MovementKind,
  type PartUnit
} from '../domain/stock'

export interface PartSummary {
  id: string
  partNumber: string
  name: string
  unit: PartUnit
  binLocation: string
  barcodes: string[]
  onHand: number
  /** Moving-average unit cost. */
  averageCostFen: number
  sellingPriceFen: number
  reorderPoint: number
  reorderQuantity: number
  serialTracked: boolean
  returnFaulty: boolean
  active: boolean
  low: boolean
}

/** A part a search found: `fitsJobDevice` when the search named a job whose device is among its models. */
export interface PartFound extends PartSummary {
  fitsJobDevice: boolean
}

export interface Part extends PartSummary {
  description: string
  stockValueFen: number
  compatibleModels: ProductModel[]
  createdAt: string
  /** Moves with every change to the part, stock moving included. */
  updatedAt: string
  /**
   * The version of what a catalogue edit changes: moves when the part is edited (here, or by HQ's
   * catalogue arriving), never when stock moves. An edit sends back the one its form was filled from.
   */
  editedAt: string
}

export interface StockMovement {
  id: string
  seq: number
  at: string
  kind: MovementKind
  /** Signed: positive into stock, negative out of it. */
  quantity: number
  unitCostFen: number
  /** Signed value of the movement at cost. */
  valueFen: number
  /** On hand after this movement: the running balance. */
  balanceAfter: number
  reference: string
  reason: string
  serial: string | null
  workOrderId: string | null
  workOrderNumber: string | null
  actorName: string | null
}

export interface ReorderLine {
  part: PartSummary
  /** Quantity technicians have asked for that has not been issued yet. */
  requestedOpen: number
  suggestedQuantity: number
  suggestedValueFen: number
}

export interface ValuationLine {
  part: PartSummary
  stockValueFen: number
}

export interface Valuation {
  rows: ValuationLine[]
  totalValueFen: number
  totalUnits: number
}

export interface StockAdjustment {
  id: string
  partId: string
  partNumber: string
  partName: string
  kind: ManualKind
  quantity: number
  valueFen: number
  reason: string
  /** The serial of the unit moved, for a serial-tracked part. */
  serial: string | null
  status: 'pending' | 'posted' | 'rejected'
  requestedAt: string
  requestedByName: string | null
  decidedAt: string | null
  decidedByName: string | null
}

export interface LedgerCheck {
  parts: number
  movements: number
  /** Parts whose on-hand or value differs from the sum of their movements (empty when sound). */
  mismatches: {
    partId: string
    partNumber: string
    onHand: number
    ledgerQuantity: number
    stockValueFen: number
    ledgerValueFen: number
  }[]
}

const fen = z.number().int().min(0).max(100_000_000)
const quantity = z.number().int().min(1).max(100_000)
/** A barcode as a scanner types it: printable, no spaces. */
export const barcodeSchema = singleLineString()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7E]+$/, { message: 'validation.barcode' })
export const partNumberSchema = singleLineString()
  .min(1)
  .max(40)
  .regex(/^[\x21-\x7E]+$/, { message: 'validation.partNumber' })

export const partFieldsSchema = z
  .object({
    partNumber: partNumberSchema,
    name: text(120),
    description: optionalMultiLineText(1000),
    unit: z.enum(PART_UNITS).default('piece'),
    binLocation: optionalText(30),
    barcodes: z.array(barcodeSchema).max(10).default([]),
    compatibleModelIds: z.array(id).max(200).default([]),
    sellingPriceFen: fen,
    /** A selling price of ¥0 gives the part away on every job: the person saving it says so. */
    zeroPriceConfirmed: z.boolean().default(false),
    reorderPoint: z.number().int().min(0).max(100_000).default(0),
    reorderQuantity: z.number().int().min(0).max(100_000).default(0),
    serialTracked: z.boolean().default(false),
    returnFaulty: z.boolean().default(false),
    active: z.boolean().default(true)
  })
  .strict()

const receiptLine = z
  .object({
    partId: id,
    quantity,
    unitCostFen: fen,
    /** A serial-tracked part is received with one serial per unit; any other part with none. */
    serials: z.array(serialSchema).max(1_000).default([])
  })
  .strict()

/** A serial of a part on the shelf, and the delivery it came in with. */
export interface SerialOnHand {
  serial: string
  /** When it came onto the shelf (received, or returned unused from a job). */
  since: string
  /** The delivery that brought it, as the receipt recorded it. */
  reference: string
}

/** The lists that can be saved as Excel, with the column titles in the reader's language. */
export const EXPORT_LISTS = ['catalogue', 'lowStock', 'valuation', 'movements', 'faultyOwed'] as const
export type ExportList = (typeof EXPORT_LISTS)[number]

/** The columns of each exported list, in order; the renderer supplies a title for each. */

/** A job's open request for a part that just came in: the warehouse can issue it now. */
export interface WaitingRequest {
  workOrderId: string
  workOrderNumber: string
  partNumber: string
  quantity: number
}

/**
 * What a receipt answers: its totals, and the open part requests on jobs that the parts received
 * can now satisfy (oldest first), so the clerk knows whom to issue to.
 */
export interface ReceivedDelivery {
  reference: string
  lines: number
  quantity: number
  valueFen: number
  waiting: WaitingRequest[]
}

export const EXPORT_COLUMNS = {
  catalogue: [
    'partNumber',
    'name',
    'unit',
    'binLocation',
    'barcodes',
    'onHand',
    'averageCost',
    'sellingPrice',
    'reorderPoint',
    'reorderQuantity'
  ],
  lowStock: [
    'partNumber',
    'name',
    'binLocation',
    'onHand',
    'reorderPoint',
    'requestedOpen',
    'suggestedQuantity',
    'averageCost',
    'suggestedValue'
  ],
  valuation: ['partNumber', 'name', 'binLocation', 'onHand', 'averageCost', 'stockValue'],
  movements: [
    'at',
    'kind',
    'quantity',
    'balanceAfter',
    'unitCost',
    'value',
    'workOrderNumber',
    'reference',
    'reason',
    'serial',
    'actor'
  ],
  faultyOwed: [
    'workOrderNumber',
    'partNumber',
    'name',
    'serial',
    'status',
    'batchNumber',
    'trackingNumber',
    'since',
    'ageDays'
  ]
} as const satisfies Record<ExportList, readonly string[]>

export const partsContract = {
  /**
   * Search as you type: part number, name, pinyin initials, barcode or compatible model. Given the
   * job a part is picked for, the parts whose models include the job's device come first.
   */
  'parts.search': operation<Page<PartFound>>()(
    z
      .object({
        query: z.string().trim().max(60).default(''),
        lowOnly: z.boolean().default(false),
        includeInactive: z.boolean().default(false),
        workOrderId: id.optional(),
        ...pageInput
      })
      .strict()
  ),
  'parts.get': operation<Part>()(z.object({ id }).strict()),
  /** What a scanner read: a barcode or a part number, exactly. */
  'parts.find': operation<Part>()(z.object({ code: barcodeSchema }).strict()),
  /** When the part was first created, the cost it is valued at until its first receipt. */
  'parts.create': operation<Part>()(partFieldsSchema.extend({ costPriceFen: fen.default(0) }).strict()),
  /**
   * Refused with CONFLICT `errors.changedElsewhere` when `expectedEditedAt` (the `editedAt` the form
   * was filled from) is not the part's any more; stock moved since does not refuse it.
   */
  'parts.update': operation<Part>()(
    z.object({ id, expectedEditedAt: z.string().max(40).optional(), fields: partFieldsSchema }).strict()
  ),
  /** A delivery: every line is received in one transaction, at its unit cost. */
  'parts.receive': operation<ReceivedDelivery>()(
    z
      .object({
        reference: text(60),
        supplier: optionalText(60),
        lines: z.array(receiptLine).min(1).max(500)
      })
      .strict()
  ),
  /**
   * A hand-made change: a correction (signed), a scrap or a defective part sent back. Above the
   * shop's approval threshold a clerk's request waits for a manager. A serial-tracked part's units
   * named by serial are booked one adjustment each (in the order named), all posted or all waiting
   * together; anything else is one adjustment.
   */
  'parts.adjust': operation<StockAdjustment[]>()(
    z
      .object({
        partId: id,
        kind: z.enum(MANUAL_KINDS),
        quantity: z
          .number()
          .int()
          .min(-100_000)
          .max(100_000)
          .refine((n) => n !== 0, { message: 'validation.nonZero' }),
        /**
         * A serial-tracked part moves one unit by its serial (one unit: quantity 1); without one, only
         * units with no serial on the books (received before serials were kept) may leave, and none
         * may arrive (a unit found is booked by its serial).
         */
        serial: serialSchema.optional(),
        /**
         * Several units of a serial-tracked part at once (five boards found, two scrapped): one
         * serial each, each once, all arriving or all leaving, the quantity their count.
         */
        serials: z.array(serialSchema).max(500).optional(),
        reason: text(300)
      })
      .strict()
  ),
  'parts.adjustments': operation<StockAdjustment[]>()(
    z.object({ status: z.enum(['pending', 'posted', 'rejected']).default('pending') }).strict()
  ),
  'parts.decideAdjustment': operation<StockAdjustment>()(z.object({ id, approve: z.boolean() }).strict()),
  /** A part's ledger, newest first, with the balance after each line. */
  /** The serials of a serial-tracked part on hand now, in serial order. */
  'parts.serialsOnHand': operation<SerialOnHand[]>()(z.object({ partId: id }).strict()),
  'parts.movements': operation<Page<StockMovement>>()(
    z.object({ partId: id, kind: z.enum(MOVEMENT_KINDS).nullable().default(null), ...pageInput }).strict()
  ),
  'parts.lowStock': operation<ReorderLine[]>()(z.object({}).strict()),
  'parts.valuation': operation<Valuation>()(z.object({ query: z.string().trim().max(60).default('') }).strict()),
  /** Sums the whole ledger and compares it with every part's on-hand quantity and value. */
  'parts.verifyLedger': operation<LedgerCheck>()(z.object({}).strict()),
  'parts.export': operation<{ fileName: string; base64: string }>()(
    z
      .object({
        list: z.enum(EXPORT_LISTS),
        /** For `movements`: whose. */
        partId: id.optional(),
        /** Sheet title and column titles, from the renderer's translations. */
        title: text(60),
        columns: z.record(z.string(), untrimmedSingleLineString().max(60)),
        /** Labels for coded values (kinds, statuses, units), also translated. */
        labels: z.record(z.string(), untrimmedSingleLineString().max(60)).default({})
      })
      .strict()
  )
}

export type { MovementKind, ManualKind, PartUnit }
