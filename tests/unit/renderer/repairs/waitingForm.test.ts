import { describe, expect, it } from 'vitest'
import type { WorkOrderDetail } from '../../../../src-shared/contract'
import { waitingFormOf } from '../../../../src-renderer/features/repairs/waitingForm'

/** Only the fields the waiting form reads; the rest of a job's detail does not matter here. */
const job = (createdAt: string, waiting: WorkOrderDetail['waiting'] = null) =>
  ({ createdAt, waiting }) as unknown as WorkOrderDetail

describe('the waiting form of a job', () => {
  it('starts on the day the job was received on the shop’s calendar, also just after midnight there', () => {
    // 00:30 on 6 December in Shanghai is still 5 December in UTC.
    expect(waitingFormOf(job('2026-12-05T16:30:00.000Z'), 'Asia/Shanghai')).toEqual({
      cause: 'parts_not_supplied',
      since: '2026-12-06'
    })
    expect(waitingFormOf(job('2026-12-05T15:30:00.000Z'), 'Asia/Shanghai').since).toBe('2026-12-05')
    expect(waitingFormOf(job('2026-12-05T16:30:00.000Z'), 'Europe/London').since).toBe('2026-12-05')
  })

  it('shows the wait already recorded', () => {
    const recorded = { cause: 'repairer_delay', since: '2026-11-20' } as WorkOrderDetail['waiting']
    expect(waitingFormOf(job('2026-12-05T16:30:00.000Z', recorded), 'Asia/Shanghai')).toEqual({
      cause: 'repairer_delay',
      since: '2026-11-20'
    })
  })
})
