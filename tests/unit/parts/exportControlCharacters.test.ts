import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { isMultiLineText } from '../../../src-shared/contract/common'
import { callOk, freshShopPerTest } from '../helpers'
import { newPart } from './fixtures'

const freshShop = freshShopPerTest()

describe('stock lists exported to Excel', () => {
  it('carry no control character, even from a row stored before the input check', async () => {
    const { app, adminToken } = await freshShop()
    const part = await newPart(app, adminToken, { name: '电池' })
    // As an older release could store it: the input check refuses this today.
    app.sqlite
      .prepare('UPDATE parts SET name = ?, bin_location = ? WHERE id = ?')
      .run(`电池\u202Efdp.exe`, `A-01\u001B[2J`, part.id)

    const exported = await callOk(
      app,
      'parts.export',
      { list: 'catalogue', title: '配件目录', columns: { partNumber: '配件号', name: '名称', binLocation: '库位' } },
      adminToken
    )
    const workbook = new ExcelJS.Workbook()
    const bytes = Buffer.from(exported.base64, 'base64')
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
    const cells: string[] = []
    workbook.worksheets[0]!.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') cells.push(cell.value)
      })
    )
    expect(cells).toContain('电池fdp.exe')
    expect(cells).toContain('A-01[2J')
    expect(cells.every(isMultiLineText)).toBe(true)
  })
})
