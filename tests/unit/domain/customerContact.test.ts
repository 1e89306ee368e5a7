import { describe, expect, it } from 'vitest'
import {
  complaintMayMove,
  followUpStatusAfterCall,
  isSatisfied,
  renderReadyMessage,
  satisfactionAverage,
  templateGivesClaimCode,
  unknownTemplateFields
} from '../../../src-shared/domain/customerContact'

describe('satisfaction', () => {
  it('averages the four scores and counts 85 as satisfied, 84.75 as not', () => {
    expect(satisfactionAverage({ attitude: 100, speed: 70, quality: 90, price: 80 })).toBe(85)
    expect(isSatisfied({ attitude: 100, speed: 70, quality: 90, price: 80 })).toBe(true)
    expect(isSatisfied({ attitude: 100, speed: 69, quality: 90, price: 80 })).toBe(false)
  })

  it('a call that reaches the customer ends the follow-up; the third miss gives up', () => {
    expect(followUpStatusAfterCall(true, 2)).toBe('done')
    expect(followUpStatusAfterCall(false, 0)).toBe('open')
    expect(followUpStatusAfterCall(false, 1)).toBe('open')
    expect(followUpStatusAfterCall(false, 2)).toBe('unreachable')
  })

  it('complaints move forward only: open → handling → closed, or open → closed', () => {
    expect(complaintMayMove('open', 'handling')).toBe(true)
    expect(complaintMayMove('open', 'closed')).toBe(true)
    expect(complaintMayMove('handling', 'closed')).toBe(true)
    expect(complaintMayMove('handling', 'open')).toBe(false)
    expect(complaintMayMove('closed', 'handling')).toBe(false)
  })
})

describe('the ready message template', () => {
  const values = {
    shop: '鑫诚',
    customer: '张三',
    number: 'WO-1',
    claimCode: '123456',
    device: '华为 Mate 60',
    hours: '9-18',
    phone: '020-1'
  }

  it('fills every known field, as often as it appears', () => {
    expect(renderReadyMessage('{shop}{shop} {number}/{claimCode} {device} {hours} {phone} {customer}', values)).toBe(
      '鑫诚鑫诚 WO-1/123456 华为 Mate 60 9-18 020-1 张三'
    )
  })

  it('leaves an unknown field as typed, so the desk sees the template is wrong', () => {
    expect(renderReadyMessage('取机码 {claimcode}', values)).toBe('取机码 {claimcode}')
  })

  it('names each brace no job fills once, in the order written; the known fields pass', () => {
    expect(unknownTemplateFields('{shop}{customer}{number}{claimCode}{device}{hours}{phone}')).toEqual([])
    expect(unknownTemplateFields('取机码 {claimcode} {claimCodeX} {} {claimcode} {取机码}')).toEqual([
      '{claimcode}',
      '{claimCodeX}',
      '{}',
      '{取机码}'
    ])
  })

  it('a pick-up message gives the claim code only with the field spelt exactly', () => {
    expect(templateGivesClaimCode('取机码 {claimCode}')).toBe(true)
    expect(templateGivesClaimCode('取机码 {claimcode}')).toBe(false)
    expect(templateGivesClaimCode('取机码 claimCode')).toBe(false)
  })
})
