import type { HqDb } from '../db/connection'
import { pushedClaim } from '../sync/projections'
import type { AssessedLine, ClaimAssessment } from '../contractOutputs'

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

/**
 * What the brand pays on a claim, by its own price list rather than the shop's bill, line by line:
 * labour at the brand's rate for the unit's category (once per claim with labour), parts at the
 * catalogue's claim price. A line HQ has no price for is paid nothing and flagged, so a reviewer
 * sees it before deciding; a credit-note claim (a negative amount, withdrawing part of an earlier
 * claim) is paid nothing by itself.
 */
export async function assessClaim(
  trx: HqDb,
  claim: { payload: unknown; categoryKey: string; claimedFen: number }
): Promise<ClaimAssessment> {
  const parsed = pushedClaim.safeParse(claim.payload)
  const lines = parsed.success ? parsed.data.lines : []
  const creditNote = claim.claimedFen <= 0
  const labourRate = lines.some((line) => line.kind === 'labour') ? await labourRateOf(trx, claim.categoryKey) : null
  const priceOf = await claimPricesOf(trx, lines.filter((line) => line.kind === 'part').map(partNumberOf))
  let labourPaid = false
  const assessed = lines.map((line): AssessedLine => {
    const base = {
      kind: line.kind,
      description: line.description,
      partNumber: line.kind === 'part' ? partNumberOf(line) : '',
      quantity: line.quantity,
      claimedFen: line.amountFen
    }
    if (creditNote || line.quantity <= 0) return { ...base, brandFen: 0 }
    if (line.kind === 'labour') {
      // The rate pays the claim's labour once, on its first labour line.
      const brandFen = labourRate === null ? null : labourPaid ? 0 : labourRate
      labourPaid = true
      return { ...base, brandFen }
    }
    const price = line.kind === 'part' ? priceOf.get(base.partNumber) : undefined
    return { ...base, brandFen: price === undefined ? null : Math.round(line.quantity * price) }
  })
  const total = (kind: string) =>
    assessed.filter((line) => line.kind === kind).reduce((sum, line) => sum + (line.brandFen ?? 0), 0)
  return {
    lines: assessed,
    labourFen: total('labour'),
    partsFen: total('part'),
    pricesMissing: assessed.some((line) => line.brandFen === null)
  }
}

/**
 * The brand's labour rate for a category, or its general rate ('*'); null when it has neither. A
 * rate of 0 is no rate (an older HQ could store one): paid at 0, the labour line would not be flagged.
 */
async function labourRateOf(trx: HqDb, categoryKey: string): Promise<number | null> {
  const rates = await trx
    .selectFrom('labourRates')
    .select(['categoryKey', 'labourFen'])
    .where('categoryKey', 'in', [categoryKey, ANY_CATEGORY])
    .execute()
  const own = rates.find((rate) => rate.categoryKey === categoryKey && rate.categoryKey !== ANY_CATEGORY)
  const rate = (own ?? rates.find((each) => each.categoryKey === ANY_CATEGORY))?.labourFen ?? 0
  return rate > 0 ? rate : null
}

/** The catalogue's claim price of each part number it knows (withdrawn parts included: a claim may predate it). */
async function claimPricesOf(trx: HqDb, partNumbers: readonly string[]): Promise<Map<string, number>> {
  const numbers = [...new Set(partNumbers.filter((number) => number !== ''))]
  if (numbers.length === 0) return new Map()
  const prices = await trx
    .selectFrom('catalogueParts')
    .select(['partNumber', 'claimPriceFen'])
    .where('partNumber', 'in', numbers)
    .execute()
  return new Map(prices.map((price) => [price.partNumber, price.claimPriceFen]))
}
