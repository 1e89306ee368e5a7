import type { HqDb } from '../db/connection'
import { pushedClaim } from '../sync/projections'

/** The wildcard row of labour_rates: the rate for a category without its own. */
export const ANY_CATEGORY = '*'

/**
 * The part number a billed part line names. The shop sends it as `partNumber` where it can; older
 * claims carry it only in the line's description, "name PART-NO" or "name PART-NO SN:serial".
 */
export function partNumberOf(line: { description: string; partNumber?: string | undefined }): string {
  if (line.partNumber) return line.partNumber
  const words = line.description
    .trim()
    .split(/\s+/)
    .filter((word) => !word.startsWith('SN:'))
  return words[words.length - 1] ?? ''
}

export interface BrandAmounts {
  labourFen: number
  partsFen: number
}

/**
 * What the brand pays on a claim, by its own price list rather than the shop's bill: labour at
 * the brand's rate for the unit's category (once per claim with labour), parts at the catalogue's
 * claim price. A part the catalogue does not know is paid nothing, and a credit-note claim (a
 * negative amount, withdrawing part of an earlier claim) is paid nothing by itself.
 */
export async function brandAmounts(
  trx: HqDb,
  claim: { payload: unknown; categoryKey: string; claimedFen: number }
): Promise<BrandAmounts> {
  const parsed = pushedClaim.safeParse(claim.payload)
  if (!parsed.success || claim.claimedFen <= 0) return { labourFen: 0, partsFen: 0 }
  const lines = parsed.data.lines
  let labourFen = 0
  if (lines.some((line) => line.kind === 'labour')) {
    const rates = await trx
      .selectFrom('labourRates')
      .select(['categoryKey', 'labourFen'])
      .where('categoryKey', 'in', [claim.categoryKey, ANY_CATEGORY])
      .execute()
    const own = rates.find((rate) => rate.categoryKey === claim.categoryKey && rate.categoryKey !== ANY_CATEGORY)
    labourFen = (own ?? rates.find((rate) => rate.categoryKey === ANY_CATEGORY))?.labourFen ?? 0
  }
  const partLines = lines.filter((line) => line.kind === 'part' && line.quantity > 0)
  const numbers = [...new Set(partLines.map(partNumberOf).filter((number) => number !== ''))]
  const prices =
    numbers.length === 0
      ? []
      : await trx
          .selectFrom('catalogueParts')
          .select(['partNumber', 'claimPriceFen'])
          .where('partNumber', 'in', numbers)
          .execute()
  const priceOf = new Map(prices.map((price) => [price.partNumber, price.claimPriceFen]))
  const partsFen = partLines.reduce((sum, line) => sum + line.quantity * (priceOf.get(partNumberOf(line)) ?? 0), 0)
  return { labourFen, partsFen: Math.round(partsFen) }
}
