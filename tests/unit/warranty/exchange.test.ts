import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../../src-shared/domain/warranty/verdict'
import { exchangeDue, refundDue } from '../../../src-shared/domain/warranty/exchange'

const VERDICTS: Verdict[] = [
  'refund',
  'exchange',
  'exchange_or_refund',
  'free_repair',
  'free_new_component',
  // A phone accessory's new one or refund is the accessory's, never a new phone or the phone's refund.
  'accessory_exchange',
  'accessory_refund',
  'paid_repair',
  'not_covered',
  'unknown_start'
]

describe('an exchange or a refund is due', () => {
  it('an exchange for an exchange verdict, the 1995 goods’ choice, and a refund (the customer may take an exchange instead)', () => {
    expect(VERDICTS.filter(exchangeDue)).toEqual(['refund', 'exchange', 'exchange_or_refund'])
  })

  it('a refund within the refund window, and where the 1995 goods give the choice (《部分商品…》第十三条)', () => {
    expect(VERDICTS.filter(refundDue)).toEqual(['refund', 'exchange_or_refund'])
  })
})
