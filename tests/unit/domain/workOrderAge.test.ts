import { describe, expect, it } from 'vitest'
import { daysWaitedSince } from '../../../src-shared/domain/workOrderAge'

describe('days a job has waited', () => {
  const zone = 'Asia/Shanghai'

  it('counts shop calendar days: brought in late last night is one day this morning', () => {
    // 23:30 in Shanghai on 1 March, read on the morning of 2 March: eight and a half hours, one day.
    expect(daysWaitedSince('2026-03-01T15:30:00Z', '2026-03-02', zone)).toBe(1)
    // 00:30 in Shanghai on 2 March: the same shop day, not yet a day.
    expect(daysWaitedSince('2026-03-01T16:30:00Z', '2026-03-02', zone)).toBe(0)
    expect(daysWaitedSince('2026-02-20T02:00:00Z', '2026-03-02', zone)).toBe(10)
  })

  it('never counts a wait below zero when a desk clock runs ahead', () => {
    expect(daysWaitedSince('2026-03-03T02:00:00Z', '2026-03-02', zone)).toBe(0)
  })
})
