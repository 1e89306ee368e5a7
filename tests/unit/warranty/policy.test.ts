import { describe, expect, it } from 'vitest'
import {
  CATEGORY_KEYS,
  DEFAULT_POLICIES,
  addDays,
  addMonths,
  daysPeriodEnd,
  isCalendarDate,
  monthsPeriodEnd
} from '../../../src-shared/domain/warranty/policy'

describe('warranty calendar arithmetic', () => {
  it('adds days across month and year ends, leap days included', () => {
    expect(addDays('2026-01-01', 6)).toBe('2026-01-07')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(addDays('2026-01-01', 90)).toBe('2026-04-01')
  })

  it('adds months with end-of-month clamping', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29')
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28')
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29')
    expect(addMonths('2026-01-15', 12)).toBe('2027-01-15')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28')
  })

  it('ends periods as 民法典 第201/202条 do: start day not counted, corresponding day, else month end', () => {
    expect(daysPeriodEnd('2026-01-01', 7)).toBe('2026-01-08')
    expect(daysPeriodEnd('2026-01-01', 15)).toBe('2026-01-16')
    expect(daysPeriodEnd('2026-12-28', 7)).toBe('2027-01-04')
    expect(daysPeriodEnd('2024-02-25', 7)).toBe('2024-03-03')
    expect(monthsPeriodEnd('2026-01-15', 12)).toBe('2027-01-15')
    expect(monthsPeriodEnd('2024-02-29', 12)).toBe('2025-02-28')
    expect(monthsPeriodEnd('2024-02-29', 48)).toBe('2028-02-29')
    expect(monthsPeriodEnd('2023-03-01', 12)).toBe('2024-03-01')
    expect(monthsPeriodEnd('2023-02-28', 12)).toBe('2024-02-28')
    expect(monthsPeriodEnd('2026-01-31', 1)).toBe('2026-02-28')
    expect(monthsPeriodEnd('2024-01-31', 1)).toBe('2024-02-29')
    expect(monthsPeriodEnd('2026-03-31', 1)).toBe('2026-04-30')
    expect(monthsPeriodEnd('2026-01-28', 1)).toBe('2026-02-28')
    expect(monthsPeriodEnd('2026-03-01', 1)).toBe('2026-04-01')
  })

  it('rejects strings that are not calendar dates', () => {
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2026/1/23')).toBe(false)
    expect(() => addDays('2026-13-01', 1)).toThrow(RangeError)
  })
})

describe('default 三包 policies', () => {
  it('covers every category with 7-day refund, 15-day exchange, 1-year unit repair, 90-day fallback, restart on exchange', () => {
    for (const key of CATEGORY_KEYS) {
      const p = DEFAULT_POLICIES[key]
      expect(p).toMatchObject({
        refundDays: 7,
        exchangeDays: 15,
        repairMonths: 12,
        noInvoiceFallbackDays: 90,
        exchangeRestartsPeriod: true
      })
    }
  })

  it('gives the component periods of the regulations', () => {
    const months = (key: (typeof CATEGORY_KEYS)[number], component: string) =>
      DEFAULT_POLICIES[key].components.find((c) => c.component === component)?.months
    expect(months('mobile_phone', 'battery')).toBe(6)
    expect(months('mobile_phone', 'charger')).toBe(12)
    expect(months('computer', 'main_board')).toBe(24)
    expect(months('tv', 'panel')).toBe(36)
    expect(months('air_conditioner', 'compressor')).toBe(36)
    expect(months('refrigerator', 'compressor')).toBe(36)
    expect(months('washing_machine', 'motor')).toBe(36)
  })
})
