import { describe, expect, it } from 'vitest'
import { BRAND_PAID_SQL } from '../../../src-main/features/reports/claims'
import { brandPaidSql } from '../../../src-main/features/checkout/claims/paid'

const words = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('what the brand paid on a claim', () => {
  it('the claims report reads it by the claims’ own rule (it may not import checkout, so it keeps the text)', () => {
    expect(words(BRAND_PAID_SQL)).toBe(words(brandPaidSql('c')))
  })
})
