import { describe, expect, it } from 'vitest'
import { FAULTY_RETURN_DUE_DAYS, isReturnOverdue } from '../../../src-shared/domain/faultyReturn'

describe('a faulty part overdue to be sent back to the brand', () => {
  const late = FAULTY_RETURN_DUE_DAYS + 1

  it('is one the shop still holds, awaiting a batch or packed, past the due days', () => {
    expect(isReturnOverdue({ status: 'awaiting', ageDays: late })).toBe(true)
    expect(isReturnOverdue({ status: 'packed', ageDays: late })).toBe(true)
  })

  it('is not one kept exactly the due days, or fewer', () => {
    expect(isReturnOverdue({ status: 'awaiting', ageDays: FAULTY_RETURN_DUE_DAYS })).toBe(false)
    expect(isReturnOverdue({ status: 'awaiting', ageDays: 0 })).toBe(false)
  })

  it('is not one already shipped or credited, however old: the shop has sent it back', () => {
    expect(isReturnOverdue({ status: 'shipped', ageDays: 90 })).toBe(false)
    expect(isReturnOverdue({ status: 'credited', ageDays: 90 })).toBe(false)
  })
})
