import { describe, expect, it } from 'vitest'
import { paidDespiteFreeVerdict, serviceTypeForVerdict } from '../../../src-shared/domain/warranty/intakeServiceType'

describe('the kind of job a check-in opens for the registry verdict', () => {
  it('a unit the brand repairs free is taken in as a warranty repair', () => {
    expect(serviceTypeForVerdict({ verdict: 'free_repair', coveredBy: 'brand' })).toBe('warranty_repair')
    expect(serviceTypeForVerdict({ verdict: 'free_new_component', coveredBy: 'brand' })).toBe('warranty_repair')
  })

  it('a unit within its refund or exchange window is taken in for the return-or-exchange inspection', () => {
    for (const verdict of ['refund', 'exchange', 'exchange_or_refund'] as const)
      expect(serviceTypeForVerdict({ verdict, coveredBy: 'brand' })).toBe('inspection')
  })

  it('a unit out of warranty is a paid repair', () => {
    expect(serviceTypeForVerdict({ verdict: 'paid_repair', coveredBy: null })).toBe('paid_repair')
    expect(serviceTypeForVerdict({ verdict: 'not_covered', coveredBy: null })).toBe('paid_repair')
  })

  it('no kind is chosen where the counter cannot open one for the verdict', () => {
    // The shop's own repair warranty is given by a manager's reopen of the earlier job.
    expect(serviceTypeForVerdict({ verdict: 'free_repair', coveredBy: 'shop' })).toBeNull()
    expect(serviceTypeForVerdict({ verdict: 'accessory_exchange', coveredBy: 'brand' })).toBeNull()
    expect(serviceTypeForVerdict({ verdict: 'unknown_start', coveredBy: null })).toBeNull()
  })
})

describe('a paid repair of a unit a warranty covers is pointed out', () => {
  it('paid against a free verdict, of the brand or of the shop, is pointed out', () => {
    expect(paidDespiteFreeVerdict('paid_repair', { verdict: 'free_repair', coveredBy: 'brand' })).toBe(true)
    expect(paidDespiteFreeVerdict('paid_repair', { verdict: 'exchange', coveredBy: 'brand' })).toBe(true)
    expect(paidDespiteFreeVerdict('paid_repair', { verdict: 'free_repair', coveredBy: 'shop' })).toBe(true)
  })

  it('a warranty repair, or a paid one of a unit out of warranty, is not', () => {
    expect(paidDespiteFreeVerdict('warranty_repair', { verdict: 'free_repair', coveredBy: 'brand' })).toBe(false)
    expect(paidDespiteFreeVerdict('paid_repair', { verdict: 'paid_repair', coveredBy: null })).toBe(false)
    expect(paidDespiteFreeVerdict('paid_repair', { verdict: 'unknown_start', coveredBy: null })).toBe(false)
  })
})
