import { describe, expect, it } from 'vitest'
import { isMultiLineText } from '../../../../src-shared/contract/common'
import { freshShopPerTest } from '../../helpers'
import { importFile, rejectedFile, units, utf8 } from './importHelpers'

const freshShop = freshShopPerTest()
const RLO = '\u202E'
const ESC = '\u001B'
const NUL = '\u0000'

describe('warranty import: control characters', () => {
  it('refuses a row with a control character or a bidi control in any text, as the counter does, and writes none back out', async () => {
    const { app, adminToken } = await freshShop()
    const text = [
      '序列号,品牌,型号,品类,发票号,经销商,客户姓名,电话',
      'C001,格力,KFR-35GW,空调,,,张三,13800000001',
      `C002,格力,KFR-35GW,空调,,,李${RLO}四,13800000002`,
      `C003,格力,KFR${ESC}[2J,空调,,,王五,`,
      `C004,格力,KFR-35GW,空调,INV${NUL}1,,,`,
      `C005,格力,KFR-35GW,空调,,好${'\u2066'}家电,,`,
      `C006,格力,KFR-35GW,空调,,,,138${'\u0085'}0000`,
      `C 007${RLO},格力,KFR-35GW,空调,,,,`
    ].join('\r\n')
    const { jobId, status } = await importFile(app, adminToken, 'dealer.csv', utf8(text))

    expect(status.result!.imported).toBe(1)
    expect(status.result!.rejected.map((r) => [r.line, r.reasonKey, r.params])).toEqual([
      [3, 'warranty.import.controlCharacter', { field: 'buyerName' }],
      [4, 'warranty.import.controlCharacter', { field: 'model' }],
      [5, 'warranty.import.controlCharacter', { field: 'invoiceNumber' }],
      [6, 'warranty.import.controlCharacter', { field: 'dealer' }],
      [7, 'warranty.import.controlCharacter', { field: 'buyerPhone' }],
      // The value quoted back is shown on screen and written to the file: cleaned.
      [8, 'warranty.import.serialInvalid', { value: 'C 007' }]
    ])
    expect(units(app).map((unit) => unit.serial)).toEqual(['C001'])

    const rejectedCsv = await rejectedFile(app, adminToken, jobId)
    expect(rejectedCsv).toContain('第3行：客户姓名含有控制字符或隐藏的文字方向符')
    expect(rejectedCsv).toContain('C002,格力,KFR-35GW,空调,,,李四,13800000002')
    expect(isMultiLineText(rejectedCsv.replace('\uFEFF', ''))).toBe(true)
  })
})
