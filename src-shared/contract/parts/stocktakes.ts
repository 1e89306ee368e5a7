import { z } from 'zod'
import { operation } from '../operation'
import { id, optionalText, text } from '../common'
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
  /** On hand when the count started. */
  snapshotQuantity: number
  /** On hand now, counting movements since the start. */
  currentQuantity: number
  /** What was counted, when it has been. */
  countedQuantity: number | null
  /** The books at the moment the count was entered: the count is compared with this. */
  bookQuantityAtCount: number | null
  countedAt: string | null
  /** counted − book at count; null until counted. */
  variance: number | null
  varianceValueFen: number | null
  averageCostFen: number
}

export interface Stocktake {
  id: string
  number: string
  scope: StocktakeScope
  note: string
  status: 'counting' | 'posted' | 'cancelled'
  startedAt: string
  startedByName: string | null
  postedAt: string | null
  postedByName: string | null
  lines: StocktakeLine[]
  counted: number
  /** Sum of the variances' values (signed) and of their absolute values. */
  varianceValueFen: number
  absoluteVarianceValueFen: number
}

export type StocktakeSummary = Omit<Stocktake, 'lines'> & { lineCount: number }

export const stocktakesContract = {
  'stocktakes.list': operation<StocktakeSummary[]>()(z.object({}).strict()),
  /** Starts a count: every part in scope is listed with what the books say now. */
  'stocktakes.start': operation<Stocktake>()(
    z.object({ scope: stocktakeScopeSchema, note: optionalText(200) }).strict()
  ),
  'stocktakes.get': operation<Stocktake>()(z.object({ id }).strict()),
  /** Enters (or corrects) the count of one part; `null` clears it. */
  'stocktakes.count': operation<StocktakeLine>()(
    z.object({ id, partId: id, countedQuantity: z.number().int().min(0).max(1_000_000).nullable() }).strict()
  ),
  /**
   * Posts every counted variance as a ledger movement in one transaction. Uncounted parts are
   * left as they are. Above the approval threshold only a manager may post.
   */
  'stocktakes.post': operation<Stocktake>()(z.object({ id }).strict()),
  'stocktakes.cancel': operation<Stocktake>()(z.object({ id }).strict())
}
