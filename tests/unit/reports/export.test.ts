import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { callOk, closeApp } from '../helpers'
import { MARCH, reportShop, type ReportShop } from './fixtures'

let shop: ReportShop
beforeAll(async () => {
  shop = await reportShop()
})
afterAll(async () => {
  await closeApp(shop.app)
})

describe('a report as an Excel workbook', () => {
  it('writes the headline figures and one sheet per table, in the words the reader gave', async () => {
    const file = await callOk(
      shop.app,
      'reports.export',
      {
        query: { report: 'takings', ...MARCH, grain: 'week' },
        title: '营业收入',
        sheets: { summary: '汇总', byPeriod: '按周期', byMethod: '按支付方式' },
        columns: { received: '收款（元）', method: '支付方式', period: '周期', cash: '现金（元）' },
        labels: { 'method.cash': '现金' }
      },
      shop.manager.token
    )
    expect(file.fileName).toBe('营业收入-2026-03-01-2026-03-31.xlsx')
    const workbook = new ExcelJS.Workbook()
    const bytes = Buffer.from(file.base64, 'base64')
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '按周期', '按支付方式'])

    const summary = workbook.getWorksheet('汇总')!
    expect(summary.getRow(2).values).toEqual([undefined, '收款（元）', 350])

    const periods = workbook.getWorksheet('按周期')!
    // Every week of March, from the one 1 March falls in, quiet weeks too.
    expect(periods.rowCount).toBe(7)
    expect(periods.getRow(1).getCell(1).value).toBe('周期')
    expect(periods.getRow(2).getCell(1).value).toBe('2026-02-23')
    expect(periods.getRow(3).getCell(1).value).toBe('2026-03-02')
    // Money in yuan, as numbers Excel can sum.
    expect(periods.getRow(3).getCell(2).value).toBe(100)

    const methods = workbook.getWorksheet('按支付方式')!
    expect(methods.getRow(2).getCell(1).value).toBe('现金')
    expect(methods.rowCount).toBe(6)
  })
  it('names an empty group as the screen does, in the reader’s language, and sizes columns to their text', async () => {
    const exported = async (report: 'technicians' | 'faults', labels: Record<string, string>) => {
      const file = await callOk(
        shop.app,
        'reports.export',
        {
          query: { report, ...MARCH },
          title: report,
          sheets: { byTechnician: 'technicians', pareto: 'pareto' },
          columns: { technician: '技师', faultCode: '故障代码', faults: '故障数' },
          labels
        },
        shop.manager.token
      )
      const workbook = new ExcelJS.Workbook()
      const bytes = Buffer.from(file.base64, 'base64')
      await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
      return workbook
    }
    // The job finished in March that no technician worked on: its row is named, not left blank.
    const technicianNames = async (labels: Record<string, string>) =>
      (await exported('technicians', labels)).getWorksheet('technicians')!.getColumn(1).values.slice(2)
    expect(await technicianNames({ none: '（未指定）' })).toEqual([
      shop.techA.user.displayName,
      shop.techB.user.displayName,
      '（未指定）'
    ])
    expect((await technicianNames({ none: '(none)' }))[2]).toBe('(none)')

    // A fault code with its name is read whole: its column is as wide as the text (a Chinese character counts two).
    const longName = 'F1 屏幕损坏（外屏碎裂、内屏漏液、触摸失灵）'
    const pareto = (await exported('faults', { 'fault_cause.F1': longName })).getWorksheet('pareto')!
    expect(pareto.getRow(2).getCell(1).value).toBe(longName)
    expect(pareto.getColumn(1).width).toBeGreaterThanOrEqual(3 + 2 * 18)
    // A count's column stays narrow.
    expect(pareto.getColumn(2).width).toBeLessThan(15)
  })
})
