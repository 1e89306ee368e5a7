import type { CurrentUser, Stocktake, StocktakeLine } from '../../../../src-shared/contract'
import { isManagerRole } from '../../../../src-shared/domain/roles'

/**
 * A blind count: whoever counts is not told what the books expect, so the count is what is on
 * the shelf and not a confirmation of the screen. A manager reviewing it sees everything; once
 * posted, nothing is hidden. Hidden on the server, so no answer carries the figures at all.
 */
export function hidesExpected(
  viewer: CurrentUser | null,
  stocktake: { blind: number; status: Stocktake['status'] }
): boolean {
  return viewer !== null && stocktake.blind === 1 && stocktake.status === 'counting' && !isManagerRole(viewer.role)
}

export function lineWithoutExpected(line: StocktakeLine): StocktakeLine {
  return {
    ...line,
    snapshotQuantity: null,
    currentQuantity: null,
    bookQuantityAtCount: null,
    variance: null,
    varianceValueFen: null
  }
}

export function withoutExpected(stocktake: Stocktake): Stocktake {
  return {
    ...stocktake,
    lines: stocktake.lines.map(lineWithoutExpected),
    varianceValueFen: null,
    absoluteVarianceValueFen: null
  }
}
