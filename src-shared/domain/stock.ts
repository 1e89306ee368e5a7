/**
 * Stock rules with no I/O. The ledger (`stock_movements`) is the truth; a part's on-hand
 * quantity and stock value are running sums of its movements, kept in the same transaction.
 */

/** Every kind of line in the stock ledger. */
export const MOVEMENT_KINDS = [
  'receive', // a delivery from a supplier or HQ, at its unit cost
  'issue', // to a work order
  'return', // unused, back from a work order
  'faulty_return', // a defective part from the shelf sent back to the brand
  'adjust', // a correction, with a reason
  'scrap', // written off
  'stocktake' // the variance a count found
] as const
export type MovementKind = (typeof MOVEMENT_KINDS)[number]

/**
 * Units leaving a serial-tracked part by serials not on the books: each stands for a unit received
 * before serials were kept, so there may be as many of them as such units, no more. Judged by the
 * server on every adjustment and by the adjust dialog as each serial is scanned.
 */
export function unbookedSerialsCovered(unbookedSerials: number, unserialisedOnHand: number): boolean {
  return unbookedSerials <= unserialisedOnHand
}

/** Changes a clerk makes by hand from a part's page; above the approval threshold a manager confirms. */
export const MANUAL_KINDS = ['adjust', 'scrap', 'faulty_return'] as const satisfies readonly MovementKind[]
export type ManualKind = (typeof MANUAL_KINDS)[number]

/**
 * Where a part the customer hands back after paying for it goes: back on the shelf to be sold
 * again, to the brand as defective, or written off.
 */
export const HANDED_BACK_DISPOSITIONS = ['resellable', 'faulty', 'scrap'] as const
export type HandedBackDisposition = (typeof HANDED_BACK_DISPOSITIONS)[number]

/** A part coming back through a credit note, and where it goes. */
export interface PartComingBack {
  quantity: number
  disposition: HandedBackDisposition
  /** The credit note's number, on every ledger line it causes. */
  reference: string
  reason: string
  /** Where a refusal points in the caller's input (e.g. `lines.0.handedBack.quantity`). */
  fieldPath: string
}

/** A part as the counter sells it: its catalogue name and its selling price. */
export interface SellablePart {
  id: string
  partNumber: string
  name: string
  sellingPriceFen: number
}

/** One line of a counter sale leaving stock. */
export interface CounterSaleStock {
  partId: string
  quantity: number
  /** The unit of a serial-tracked part scanned at the counter. */
  serial: string | null
  /** The receipt's number, on the ledger line. */
  reference: string
  /** Where the line's fields are in the sale's input (`lines.0`; '': at its top), for a refused serial. */
  linePath: string
}

/** Units of measure offered in the catalogue. */
export const PART_UNITS = ['piece', 'set', 'metre', 'bottle', 'roll', 'box'] as const
export type PartUnit = (typeof PART_UNITS)[number]

export interface StockPosition {
  onHand: number
  valueFen: number
}

/**
 * The value that leaves stock with `quantity` units at moving-average cost. Taking the exact
 * share of the total (not quantity × a rounded average) means issuing the last unit leaves a
 * value of exactly zero, so rounding never piles up in the books.
 */
export function outgoingValueFen(position: StockPosition, quantity: number): number {
  if (quantity <= 0) throw new RangeError('quantity must be positive')
  if (quantity > position.onHand) throw new RangeError('more than on hand')
  if (quantity === position.onHand) return position.valueFen
  return Math.round((position.valueFen * quantity) / position.onHand)
}

/** The moving-average unit cost; with nothing on hand, the last known cost stands. */
export function averageCostFen(position: StockPosition, lastKnownFen: number): number {
  return position.onHand > 0 ? Math.round(position.valueFen / position.onHand) : lastKnownFen
}

/** Whether a part should be reordered: on hand at or below its reorder point. */
export function isLowStock(onHand: number, reorderPoint: number): boolean {
  return onHand <= reorderPoint
}

/**
 * How many to order for a low part: its reorder quantity, or more when that would still leave
 * it at or under the reorder point after the parts jobs are already waiting for are issued.
 */
export function suggestedOrderQuantity(
  onHand: number,
  reorderPoint: number,
  reorderQuantity: number,
  requestedOpen: number
): number {
  if (!isLowStock(onHand - requestedOpen, reorderPoint) && !isLowStock(onHand, reorderPoint)) return 0
  const shortfall = reorderPoint + 1 - (onHand - requestedOpen)
  return Math.max(reorderQuantity, shortfall, 1)
}
