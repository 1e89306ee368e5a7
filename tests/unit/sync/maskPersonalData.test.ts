import { describe, expect, it } from 'vitest'
import { maskForHq, maskName, maskPhone } from '../../../src-main/features/sync/hq/maskPersonalData'
import { nextSyncDelay, SYNC_INTERVAL_MS, SYNC_MAX_BACKOFF_MS } from '../../../src-main/features/sync/hq/schedule'

describe('personal data leaving the shop', () => {
  it('names keep the family name, phones their first three and last four digits', () => {
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskName('')).toBe('')
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('010-6212 3456')).toBe('010****3456')
    expect(maskPhone('12345')).toBe('***45')
  })

  it("a customer, and a customer inside a work order, reach HQ masked; a claim's evidence does not", () => {
    const customer = {
      id: 'c1',
      name: '李四',
      mobile: '13900001111',
      otherPhones: ['13900002222'],
      address: '某路1号',
      company: 'ACME',
      notes: '常客'
    }
    expect(maskForHq('customer', customer)).toEqual({
      id: 'c1',
      name: '李*',
      mobile: '139****1111',
      otherPhones: ['139****2222'],
      address: '***',
      company: 'ACME',
      notes: '***'
    })
    expect(
      maskForHq('work_order', {
        number: 'WO-1',
        customer: { name: '李四', mobile: '13900001111' },
        buyerPhone: '13900001111'
      })
    ).toEqual({
      number: 'WO-1',
      customer: { name: '李*', mobile: '139****1111' },
      buyerPhone: '139****1111'
    })
    const claim = { claimId: 'x', buyerName: '李四', buyerPhone: '13900001111' }
    expect(maskForHq('warranty_claim', claim)).toEqual(claim)
    // Staff and the shop are not customers: a part's name or the shop's phone stays.
    expect(maskForHq('part', { name: '电池' })).toEqual({ name: '电池' })
    expect(maskForHq('shop', { phone: '01062123456' })).toEqual({ phone: '01062123456' })
  })
})

describe('the sync timer', () => {
  it('waits the interval while HQ answers, longer after each failure, up to a cap', () => {
    expect(nextSyncDelay(0)).toBe(SYNC_INTERVAL_MS)
    expect(nextSyncDelay(1)).toBe(2 * SYNC_INTERVAL_MS)
    expect(nextSyncDelay(2)).toBe(4 * SYNC_INTERVAL_MS)
    expect(nextSyncDelay(50)).toBe(SYNC_MAX_BACKOFF_MS)
  })
})
