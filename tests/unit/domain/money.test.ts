import { describe, expect, it } from 'vitest'
import { formatFen, formatSignedYuan, formatYuan, parseYuan } from '../../../src-shared/domain/money'

describe('money as text', () => {
  it('groups the yuan by thousands, keeping the fen', () => {
    expect(formatFen(99_999)).toBe('999.99')
    expect(formatFen(100_000)).toBe('1,000.00')
    expect(formatFen(1_234_500)).toBe('12,345.00')
    expect(formatFen(123_456_789_05)).toBe('123,456,789.05')
    expect(formatYuan(1_234_500)).toBe('¥12,345.00')
  })

  it('shows zero as 0.00, never with a sign', () => {
    expect(formatFen(0)).toBe('0.00')
    expect(formatFen(-0)).toBe('0.00')
    expect(formatYuan(0)).toBe('¥0.00')
    expect(formatSignedYuan(0)).toBe('¥0.00')
  })

  it('puts the minus in front of the currency sign for money going out', () => {
    expect(formatFen(-1_234_50)).toBe('-1,234.50')
    expect(formatYuan(-1_200)).toBe('-¥12.00')
    expect(formatYuan(-118_000)).toBe('-¥1,180.00')
    expect(formatSignedYuan(118_000)).toBe('+¥1,180.00')
    expect(formatSignedYuan(-5)).toBe('-¥0.05')
  })

  it('rounds a fraction of a fen to the nearest fen, half away from zero', () => {
    expect(formatFen(1_234.4)).toBe('12.34')
    expect(formatFen(1_234.5)).toBe('12.35')
    expect(formatFen(99_999.6)).toBe('1,000.00')
    expect(formatFen(-1_234.5)).toBe('-12.35')
    expect(formatFen(-0.4)).toBe('0.00')
  })

  it('reads an amount of any size without losing a fen', () => {
    expect(formatFen(Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91')
    expect(formatYuan(1)).toBe('¥0.01')
  })

  it('keeps money fields on plain digits: what a cashier types is read back in fen', () => {
    expect(parseYuan('12345')).toBe(1_234_500)
    expect(parseYuan('12345.6')).toBe(1_234_560)
    expect(parseYuan('abc')).toBeUndefined()
  })
})
