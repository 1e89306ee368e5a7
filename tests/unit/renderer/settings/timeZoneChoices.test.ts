import { describe, expect, it } from 'vitest'
import { timeZoneChoices } from '../../../../src-renderer/features/settings/timeZoneChoices'

describe('time-zone choices', () => {
  it('name the zone in the reader’s language with its code after it', () => {
    const [shanghai] = timeZoneChoices('zh-CN', ['Asia/Shanghai'])
    expect(shanghai).toEqual({ value: 'Asia/Shanghai', label: '中国标准时间（Asia/Shanghai）' })
    expect(timeZoneChoices('en', ['Asia/Shanghai'])[0]!.label).toBe('China Standard Time (Asia/Shanghai)')
  })

  it('offer every zone the runtime knows', () => {
    const choices = timeZoneChoices('zh-CN')
    expect(choices.map((choice) => choice.value)).toEqual(Intl.supportedValuesOf('timeZone'))
    expect(new Set(choices.map((choice) => choice.label)).size).toBe(choices.length)
  })
})
