import { describe, expect, it } from 'vitest'
import { mergeMessages } from '../../../../src-renderer/i18n/mergeMessages'

describe("merging features' message files", () => {
  it('joins texts of one feature spread over several files, key by key', () => {
    const lookup = { warranty: { title: '保修查询', verdict: { refund: '可退货' } } }
    const importing = { warranty: { import: { title: '批量导入' } } }
    expect(mergeMessages([lookup, importing])).toEqual({
      warranty: { title: '保修查询', verdict: { refund: '可退货' }, import: { title: '批量导入' } }
    })
  })

  it('refuses a text defined in two files, naming it, rather than hiding one', () => {
    const one = { warranty: { verdict: { refund: '可退货' } } }
    const other = { warranty: { verdict: { refund: '退货' } } }
    expect(() => mergeMessages([one, other])).toThrow('"warranty.verdict.refund" is defined twice')
    expect(() => mergeMessages([one, { warranty: { verdict: 'x' } }])).toThrow('"warranty.verdict"')
  })

  it('leaves the files it merged as they were', () => {
    const lookup = { warranty: { title: '保修查询' } }
    mergeMessages([lookup, { warranty: { import: { title: '批量导入' } } }])
    expect(lookup).toEqual({ warranty: { title: '保修查询' } })
  })
})
