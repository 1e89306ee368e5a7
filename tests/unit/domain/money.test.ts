import { describe, expect, it } from 'vitest'
import { formatFen, formatFenGrouped, parseYuan } from '../../../src-shared/domain/money'

describe('money as text', () => {
  it('groups the yuan of a report sum by thousands, keeping the sign and the fen', () => {
    expect(formatFenGrouped(0)).toBe('0.00')
    expect(formatFenGrouped(99_999)).toBe('999.99')
    expect(formatFenGrouped(100_000)).toBe('1,000.00')
    expect(formatFenGrouped(123_456_789_05)).toBe('123,456,789.05')
    expect(formatFenGrouped(-1_234_50)).toBe('-1,234.50')
  })

  it('keeps the plain form a cashier types back for receipts and money fields', () => {
    expect(formatFen(123_456_78)).toBe('123456.78')
    expect(parseYuan(formatFen(123_456_78))).toBe(123_456_78)
  })
})
