import { describe, expect, it } from 'vitest'
import {
  formatShopDateTime,
  isValidTimeZone,
  nextCalendarDay,
  shopDayStart,
  shopLocalDate
} from '../../../src-shared/domain/timeZone'

describe('shop time zone rules', () => {
  it('reads the calendar date on the shop wall clock, not in UTC', () => {
    // 16:30 UTC on Jan 23 is already half past midnight on Jan 24 in Shanghai.
    expect(shopLocalDate(new Date('2026-01-23T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-01-24')
    expect(shopLocalDate(new Date('2026-01-23T15:59:00Z'), 'Asia/Shanghai')).toBe('2026-01-23')
  })

  it('formats stored instants in the shop zone with a 24-hour clock', () => {
    expect(formatShopDateTime('2026-01-23T06:05:00Z', 'Asia/Shanghai')).toBe('2026-01-23 14:05')
    expect(formatShopDateTime('2026-01-23T16:00:00Z', 'Asia/Shanghai')).toBe('2026-01-24 00:00')
  })

  it('finds the UTC start of a shop day, including zones with daylight saving', () => {
    expect(shopDayStart('2026-01-24', 'Asia/Shanghai')).toBe('2026-01-23T16:00:00.000Z')
    expect(shopDayStart('2026-07-01', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z')
    expect(shopDayStart('2026-01-01', 'Europe/Berlin')).toBe('2025-12-31T23:00:00.000Z')
    expect(shopDayStart('2026-03-10', 'UTC')).toBe('2026-03-10T00:00:00.000Z')
  })

  it('steps to the next calendar day across month and year ends', () => {
    expect(nextCalendarDay('2026-01-31')).toBe('2026-02-01')
    expect(nextCalendarDay('2028-02-28')).toBe('2028-02-29')
    expect(nextCalendarDay('2026-12-31')).toBe('2027-01-01')
  })

  it('accepts IANA zone names and rejects others', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true)
    expect(isValidTimeZone('Asia/Beijing')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})
