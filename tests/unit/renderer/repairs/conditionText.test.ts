// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { i18n } from '../../../../src-renderer/i18n'
import { describeCondition } from '../../../../src-renderer/features/repairs/conditionText'

const t = (key: string) => i18n.global.t(key)
const condition = { scratches: false, cracks: false, liquidMarks: false, note: '' }

describe('the condition at check-in in words', () => {
  it('nothing ticked says no marks were recorded, never that the device is intact', () => {
    expect(describeCondition(condition, t)).toBe('未记录外观问题')
    expect(describeCondition(condition, t)).not.toContain('完好')
  })

  it('lists the ticked marks and the note', () => {
    expect(describeCondition({ ...condition, cracks: true, liquidMarks: true, note: '后盖松动' }, t)).toBe(
      '裂痕 / 破损、进液痕迹；后盖松动'
    )
  })
})
