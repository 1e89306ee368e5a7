// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { defineComponent } from 'vue'
import { mount } from '@vue/test-utils'
import { i18n, setLocale } from '../../../../src-renderer/i18n'
import { useWarrantyText } from '../../../../src-renderer/features/warranty/warrantyText'
import type { Reason } from '../../../../src-shared/domain/warranty/reasons'

afterEach(() => setLocale('zh-CN'))
const t = (key: string, count: number) => i18n.global.t(key, count)

describe('counts of days and months', () => {
  it('read as English counts: one day, two days (not "day(s)")', () => {
    setLocale('en')
    expect(t('warranty.daysLeft', 1)).toBe('1 day left')
    expect(t('warranty.daysLeft', 35)).toBe('35 days left')
    expect(t('warranty.daysOver', 3)).toBe('over by 3 days')
    expect(t('warranty.dayCount', 0)).toBe('0 days')
    expect(t('warranty.dayCount', 1)).toBe('1 day')
    expect(t('warranty.monthCount', 12)).toBe('12 months')
    expect(t('warranty.fallbackValue', 1)).toBe('starts 1 day after production')
    expect(i18n.global.t('warranty.extensionValue', { days: 2 }, 2)).toBe('2 days')
    expect(i18n.global.t('dashboard.syncHeld', { count: 1 }, 1)).toBe('1 change held: HQ refused it')
    expect(i18n.global.t('dashboard.syncHeld', { count: 2 }, 2)).toBe('2 changes held: HQ refused them')
  })

  it('read in Chinese as before', () => {
    expect(t('warranty.daysLeft', 35)).toBe('还剩 35 天')
    expect(t('warranty.dayCount', 1)).toBe('1 天')
    expect(t('warranty.monthCount', 12)).toBe('12 个月')
    expect(i18n.global.t('warranty.extensionValue', { days: 2 }, 2)).toBe('2 天')
    expect(i18n.global.t('dashboard.syncHeld', { count: 2 }, 2)).toBe('2 条变更暂缓上传：总部拒收')
  })
})

/** The verdict's reasons as the verdict panel words them. */
function reasonTexts(reasons: Reason[]): string[] {
  let texts: string[] = []
  const wrapper = mount(
    defineComponent({
      setup() {
        const { reasonText } = useWarrantyText()
        texts = reasons.map(reasonText)
        return () => null
      }
    }),
    { global: { plugins: [i18n] } }
  )
  wrapper.unmount()
  return texts
}

describe('the reasons that count days', () => {
  const reasons = (days: number) =>
    [
      { key: 'warranty.reason.repairPeriodEnded', params: { repairEnd: '2026-01-10', daysSince: days } },
      { key: 'warranty.reason.repairExtension', params: { days, repairs: 1 } },
      {
        key: 'warranty.reason.repairPeriod',
        params: { repairMonths: 12, start: '2025-01-10', repairEnd: '2026-01-10', daysLeft: days }
      }
    ] as Reason[]

  it('say one day or several in English', () => {
    setLocale('en')
    expect(reasonTexts(reasons(1))).toEqual([
      'The whole-unit warranty ended 2026-01-10 (1 day ago): paid repair.',
      '1 day spent in warranty repair (repairs: 1) does not count: the warranty ends that much later.',
      'Whole-unit warranty of 12 months from 2025-01-10 to 2026-01-10 (1 day left): free repair.'
    ])
    expect(reasonTexts(reasons(30))[0]).toBe('The whole-unit warranty ended 2026-01-10 (30 days ago): paid repair.')
    expect(reasonTexts(reasons(30)).join(' ')).not.toContain('(s)')
  })

  it('read in Chinese as before', () => {
    expect(reasonTexts(reasons(30))[0]).toBe('整机保修已于 2026-01-10 到期（已过 30 天），需付费维修。')
  })
})
