import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../../src-shared/domain/warranty/evaluate'
import { exchangeDue } from '../../../src-shared/domain/warranty/exchange'

describe('an exchange is due', () => {
  it('for an exchange verdict, and for a refund (the customer may take an exchange instead)', () => {
    const verdicts: Verdict[] = ['refund', 'exchange', 'free_repair', 'paid_repair', 'not_covered', 'unknown_start']
    expect(verdicts.filter(exchangeDue)).toEqual(['refund', 'exchange'])
  })
})
