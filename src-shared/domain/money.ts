/** Money is integer fen everywhere; these are the only conversions to and from yuan text. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * Yuan with thousands separators ("1,234,567.80"), for sums a reader compares by eye (report
 * tables); receipts and money fields keep the plain form, which is what a cashier types back.
 */
export function formatFenGrouped(fen: number): string {
  const [whole, cents] = formatFen(fen).split('.')
  return `${whole!.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents!}`
}

/** Parses "12", "12.5" or "12.50" (yuan) into fen; anything else is undefined. */
export function parseYuan(text: string): number | undefined {
  const match = /^\s*(\d{1,9})(?:\.(\d{1,2}))?\s*$/.exec(text)
  if (!match) return undefined
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

/**
 * Splits a whole number of fen over weights in proportion, to the fen: each part gets the floor
 * of its exact share, and the fen left over go one each to the largest remainders (ties to the
 * earlier weight). The parts always add up to the total exactly. All-zero weights share nothing.
 */
export function splitByLargestRemainder(totalFen: number, weights: readonly number[]): number[] {
  if (!Number.isInteger(totalFen) || totalFen < 0) throw new RangeError('a split total is whole, non-negative fen')
  if (weights.some((weight) => !Number.isInteger(weight) || weight < 0))
    throw new RangeError('split weights are whole and non-negative')
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0)
  if (weightSum === 0) return weights.map(() => 0)
  // Integer arithmetic throughout: fen times fen stays well inside 2^53 for any real invoice.
  const parts = weights.map((weight) => Math.floor((totalFen * weight) / weightSum))
  const remainders = weights.map((weight, index) => ({ index, remainder: (totalFen * weight) % weightSum }))
  let left = totalFen - parts.reduce((sum, part) => sum + part, 0)
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index)
  for (const { index } of remainders) {
    if (left === 0) break
    parts[index]! += 1
    left -= 1
  }
  return parts
}
