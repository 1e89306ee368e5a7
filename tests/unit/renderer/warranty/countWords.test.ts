// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { i18n, setLocale } from '../../../../src-renderer/i18n'

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
    expect(t('dashboard.backupsProblems', 1)).toBe('1 backup problem')
    expect(t('dashboard.backupsProblems', 2)).toBe('2 backup problems')
  })

  it('read in Chinese as before', () => {
    expect(t('warranty.daysLeft', 35)).toBe('还剩 35 天')
    expect(t('warranty.dayCount', 1)).toBe('1 天')
    expect(t('warranty.monthCount', 12)).toBe('12 个月')
    expect(i18n.global.t('warranty.extensionValue', { days: 2 }, 2)).toBe('2 天')
    expect(t('dashboard.backupsProblems', 2)).toBe('2 项备份问题')
  })
})
