// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { i18n } from '../../../../src-renderer/i18n'
import { describeAccessories, describeCondition } from '../../../../src-renderer/features/repairs/conditionText'

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

describe('what came with the device in words', () => {
  it('nothing left with it reads 无 on the job page as on the claim receipt', () => {
    expect(describeAccessories({ items: [], note: '' }, t)).toBe('无')
  })

  it('lists the items ticked and the note', () => {
    expect(describeAccessories({ items: ['charger', 'case'], note: '原装盒' }, t)).toBe('充电器、保护壳、原装盒')
  })
})
