import { z } from 'zod'
import { operation } from '../operation'
import { id, optionalText, serialSchema, text } from '../common'
import type { PartUnit } from '../../domain/stock'

export const stocktakeScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  /** Parts whose bin location starts with this, e.g. `A-` for aisle A. */
  z.object({ kind: z.literal('bin'), prefix: text(30) }).strict(),
  /** Part numbers from … to …, inclusive, in text order. */
  z.object({ kind: z.literal('range'), from: text(40), to: text(40) }).strict()
])
export type StocktakeScope = z.infer<typeof stocktakeScopeSchema>

export interface StocktakeLine {
  partId: string
  partNumber: string
  partName: string
  unit: PartUnit
  binLocation: string
  barcodes: string[]
  /** Counted by its units' serials: a shortage posts the serials not found. */
  serialTracked: boolean
  /** On hand when the count started; null where a blind count hides it from this caller. */
  snapshotQuantity: number | null
  /** On hand now, counting movements since the start; null where hidden. */
  currentQuantity: number | null
  /** What was counted, when it has been. */
  countedQuantity: number | null
  /** The books at the moment the count was entered: the count is compared with this. */
  bookQuantityAtCount: number | null
  countedAt: string | null
  /** counted − book at count; null until counted (or where a blind count hides it). */
  variance: number | null
  varianceValueFen: number | null
  averageCostFen: number
  /** Its variance is in the ledger; the line is settled and not counted again. */
  posted: boolean
  /** The books were corrected after it was counted, so posting left it out: count it again. */
  needsRecount: boolean
}

export interface Stocktake {
  id: string
  number: string
  scope: StocktakeScope
  note: string
  status: 'counting' | 'posted' | 'cancelled'
  /** A blind count: the counting clerk is not shown what the books expect until it is posted. */
  blind: boolean
  /** Whether this answer leaves out the expected quantities and variances (blind, for this caller). */
  expectedHidden: boolean
  startedAt: string
  startedByName: string | null
  postedAt: string | null
  postedByName: string | null
  lines: StocktakeLine[]
  counted: number
  /** Sum of the variances' values (signed) and of their absolute values; null where hidden. */
  varianceValueFen: number | null
  absoluteVarianceValueFen: number | null
}

export type StocktakeSummary = Omit<Stocktake, 'lines'> & { lineCount: number }

/** Serials named for some of the parts of a count, at its posting. */
const serialsByPart = z
  .array(z.object({ partId: id, serials: z.array(serialSchema).max(1_000) }).strict())
  .max(1_000)
  .default([])

export const stocktakesContract = {
  'stocktakes.list': operation<StocktakeSummary[]>()(z.object({}).strict()),
  /** Starts a count: every part in scope is listed with what the books say now. */
  'stocktakes.start': operation<Stocktake>()(
    z
      .object({
        scope: stocktakeScopeSchema,
        note: optionalText(200),
        /** Blind: whoever counts (other than a manager) sees no expected quantities. */
        blind: z.boolean().default(false)
      })
      .strict()
  ),
  'stocktakes.get': operation<Stocktake>()(z.object({ id }).strict()),
  /** Enters (or corrects) the count of one part; `null` clears it. */
  'stocktakes.count': operation<StocktakeLine>()(
    z.object({ id, partId: id, countedQuantity: z.number().int().min(0).max(1_000_000).nullable() }).strict()
  ),
  /**
   * Posts every counted variance as a ledger movement in one transaction. Uncounted parts are
   * left as they are. Above the approval threshold only a manager may post. A line whose books
   * were corrected after its count is left out and flagged for a recount; the stocktake then
   * stays open for it, and the rest is posted. A serial-tracked part counted short names the
   * serials not found (`missingSerials`), which leave the shelf by their serials; only units with
   * no serial on the books (received before serials were kept) may go short unnamed. One counted
   * over names the serials read off the units found (`foundSerials`), one per unit, none on the
   * books already: they enter the shelf by their serials.
   */
  'stocktakes.post': operation<Stocktake>()(
    z
      .object({
        id,
        missingSerials: serialsByPart,
        foundSerials: serialsByPart
      })
      .strict()
  ),
  'stocktakes.cancel': operation<Stocktake>()(z.object({ id }).strict())
}
