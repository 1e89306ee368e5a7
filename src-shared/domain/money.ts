/**
 * Money is integer fen everywhere. These are the only ways an amount becomes text, on screen and
 * on paper: yuan with two decimals and the thousands grouped ("12,345.00"), so a cashier reads a
 * large sum at a glance. Money fields take plain digits (parseYuan); nothing here is typed back.
 * A fraction of a fen (an average cost) is rounded to the nearest fen, half away from zero.
 */
export function formatFen(fen: number): string {
  const whole = Math.round(Math.abs(fen))
  const sign = fen < 0 && whole > 0 ? '-' : ''
  const yuan = Math.floor(whole / 100)
    .toString()
    .replace(/\B(?=(\d{3})+$)/g, ',')
  return `${sign}${yuan}.${String(whole % 100).padStart(2, '0')}`
}

/** An amount with the currency sign: "¥12,345.00", and money going out as "-¥12.00". */
export function formatYuan(fen: number): string {
  const text = formatFen(fen)
  return text.startsWith('-') ? `-¥${text.slice(1)}` : `¥${text}`
}

/** A difference with its sign always in front: "+¥12.00", "-¥1,180.00", "¥0.00". */
export function formatSignedYuan(fen: number): string {
  const text = formatYuan(fen)
  return text === '¥0.00' || text.startsWith('-') ? text : `+${text}`
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
