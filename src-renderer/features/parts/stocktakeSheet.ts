import type { StocktakeLine } from '../../../src-shared/contract'

/** Which lines of a count sheet are shown: all, those not counted yet, or those that differ from the books. */
export type SheetFilter = 'all' | 'uncounted' | 'variance'

export const hasVariance = (line: StocktakeLine) => line.variance !== null && line.variance !== 0

export function linesShown(lines: StocktakeLine[], filter: SheetFilter): StocktakeLine[] {
  if (filter === 'uncounted') return lines.filter((line) => line.countedQuantity === null)
  if (filter === 'variance') return lines.filter(hasVariance)
  return lines
}

/** A counted field's text as a count: a whole number, null for an empty field, or 'invalid'. */
export function parseCount(text: string): number | null | 'invalid' {
  const trimmed = text.trim()
  if (trimmed === '') return null
  return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : 'invalid'
}

/** A saved count as its field shows it. */
export const shownCount = (line: StocktakeLine) => (line.countedQuantity === null ? '' : String(line.countedQuantity))
