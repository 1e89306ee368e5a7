import { describe, expect, it } from 'vitest'
import { lineRefundFen, paidSharesFen, type Payer } from '../../../src-shared/domain/invoice'
import { splitByLargestRemainder } from '../../../src-shared/domain/money'

/** A small seeded generator, so a failing case can be replayed from its seed. */
function randomSource(seed: number) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (p: number) => next() < p
  }
}

describe('splitting what was paid over the lines', () => {
  it('spreads a discount to the fen and gives the odd fen to the largest remainders', () => {
    // 29 000 over 10 000 and 20 000: exact shares 9 666.67 and 19 333.33.
    expect(splitByLargestRemainder(29_000, [10_000, 20_000])).toEqual([9_667, 19_333])
    // Three equal lines, one fen short of dividing evenly: the earlier line takes the odd fen.
    expect(splitByLargestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33])
    expect(splitByLargestRemainder(0, [5, 7])).toEqual([0, 0])
    expect(splitByLargestRemainder(50, [0, 0])).toEqual([0, 0])
  })

  it('a line the brand pays has no share of what the customer paid', () => {
    const lines: { amountFen: number; payer: Payer }[] = [
      { amountFen: 30_000, payer: 'brand' },
      { amountFen: 8_000, payer: 'customer' },
      { amountFen: 2_000, payer: 'customer' }
    ]
    expect(paidSharesFen(lines, 9_000)).toEqual([0, 7_200, 1_800])
  })

  it('crediting a line in pieces refunds its share exactly once it is all credited', () => {
    const line = { amountFen: 10_000, paidShareFen: 9_667 }
    const pieces = [lineRefundFen(line, 0, 4_000), lineRefundFen(line, 4_000, 3_333), lineRefundFen(line, 7_333, 2_667)]
    expect(pieces).toEqual([3_866, 3_222, 2_579])
    expect(pieces.reduce((sum, piece) => sum + piece, 0)).toBe(9_667)
  })

  it('property: on random discounted invoices, random partial credits never refund more than each line’s share or than was paid', () => {
    for (let seed = 1; seed <= 2_000; seed++) {
      const random = randomSource(seed)
      const lines = Array.from({ length: random.int(1, 8) }, () => ({
        amountFen: random.chance(0.1) ? 0 : random.int(1, 200_000),
        payer: (random.chance(0.2) ? 'brand' : 'customer') as Payer
      }))
      const customerLinesFen = lines.filter((l) => l.payer === 'customer').reduce((sum, l) => sum + l.amountFen, 0)
      const paidFen = customerLinesFen - random.int(0, customerLinesFen)
      const shares = paidSharesFen(lines, paidFen)
      expect(
        shares.reduce((sum, share) => sum + share, 0),
        `seed ${seed}`
      ).toBe(customerLinesFen === 0 ? 0 : paidFen)
      shares.forEach((share, index) => expect(share, `seed ${seed}`).toBeLessThanOrEqual(lines[index]!.amountFen))

      const credited = lines.map(() => 0)
      const refunded = lines.map(() => 0)
      for (let note = random.int(1, 12); note > 0; note--) {
        const index = random.int(0, lines.length - 1)
        const left = lines[index]!.amountFen - credited[index]!
        if (left === 0) continue
        const amount = random.chance(0.3) ? left : random.int(1, left)
        const refund = lineRefundFen(
          { amountFen: lines[index]!.amountFen, paidShareFen: shares[index]! },
          credited[index]!,
          amount
        )
        expect(refund, `seed ${seed}`).toBeGreaterThanOrEqual(0)
        expect(refund, `seed ${seed}`).toBeLessThanOrEqual(amount)
        credited[index]! += amount
        refunded[index]! += refund
      }
      refunded.forEach((refund, index) => expect(refund, `seed ${seed}`).toBeLessThanOrEqual(shares[index]!))
      expect(
        refunded.reduce((sum, refund) => sum + refund, 0),
        `seed ${seed}`
      ).toBeLessThanOrEqual(paidFen)
      // Crediting what is left of every line hands back exactly what was paid, to the fen.
      lines.forEach((line, index) => {
        refunded[index]! += lineRefundFen(
          { amountFen: line.amountFen, paidShareFen: shares[index]! },
          credited[index]!,
          line.amountFen - credited[index]!
        )
      })
      expect(refunded, `seed ${seed}`).toEqual(shares)
    }
  })
})
