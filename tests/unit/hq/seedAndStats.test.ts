import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { change, useHqCluster } from './hqHelpers'

const cluster = useHqCluster()

const HEADER =
  'serial,brand,model,categoryKey,cardNumber,purchaseDate,invoiceNumber,dealer,productionDate,buyerName,buyerPhone,activationDate'

describe('HQ: registry import and fault statistics', () => {
  it('imports a registry CSV (quoted fields, empty dates) and names the line of a bad row', async () => {
    const t = await cluster.freshHq()
    const admin = await t.staff('networkAdmin')
    const csv = [
      HEADER,
      'SN1,Acme,X1,mobilePhone,,2026-01-15,INV-1,"Acme Store, Nanjing Rd",,"Wang ""Junior""",138,',
      'SN2,Acme,X2,mobilePhone,C-2,,INV-2,Acme Store,2025-12-01,Li,139,2026-01-02'
    ].join('\n')
    expect(await t.callOk(admin, 'seed.registryCsv', { csv })).toEqual({ imported: 2 })
    const units = await t.hq.db.selectFrom('registryUnits').selectAll().orderBy('serial').execute()
    expect(units.map((u) => [u.serial, u.dealer, u.buyerName, u.purchaseDate, u.cardNumber])).toEqual([
      ['SN1', 'Acme Store, Nanjing Rd', 'Wang "Junior"', '2026-01-15', null],
      ['SN2', 'Acme Store', 'Li', null, 'C-2']
    ])
    const bad = await t.call(admin, 'seed.registryCsv', { csv: `${HEADER}\nSN3,Acme,X1,mobilePhone,,15/01/2026,,,,,,` })
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'VALIDATION', params: { line: 2 } })
    const missing = await t.call(admin, 'seed.registryCsv', { csv: 'serial,brand\nSN4,Acme' })
    expect(missing.ok ? null : missing.error.code).toBe('VALIDATION')
  })

  it('counts claims of every shop per month and model (with its brand), component or fault code (with its name where HQ knows it)', async () => {
    const t = await cluster.freshHq()
    const analyst = await t.staff('analyst')
    const admin = await t.staff('networkAdmin')
    const a = await t.enrolledShop('Nanjing Road')
    const b = await t.enrolledShop('Huaihai Road')
    await t.callOk(admin, 'seed.faultCodes', {
      rows: [
        { list: 'faultCause', code: 'F01', label: '电池老化', active: true, component: 'battery', voidsWarranty: null }
      ]
    })
    // X1 is named with its brand; "Acme X2" already names it.
    const claim = (model: string, faultCode: string) => ({
      amountFen: 100,
      brand: 'Acme',
      model,
      faultCode,
      component: 'battery'
    })
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [
        change('warranty_claim', 'c1', claim('X1', 'F01'), '2026-02-10T01:00:00Z'),
        change('warranty_claim', 'c2', claim('X1', 'F02'), '2026-03-10T01:00:00Z')
      ]
    })
    await t.shopOk('push', b.key, {
      batchId: 'b1',
      changes: [
        change('warranty_claim', 'c3', claim('X1', 'F01'), '2026-03-11T01:00:00Z'),
        change('warranty_claim', 'c4', claim('Acme X2', 'F01'), '2026-03-12T01:00:00Z')
      ]
    })
    expect(await t.callOk(analyst, 'stats.faults', { by: 'model', from: '2026-01-01', to: '2026-03-31' })).toEqual([
      { month: '2026-02', key: 'Acme X1', claims: 1 },
      { month: '2026-03', key: 'Acme X1', claims: 2 },
      { month: '2026-03', key: 'Acme X2', claims: 1 }
    ])
    expect(await t.callOk(analyst, 'stats.faults', { by: 'faultCode', from: '2026-03-01', to: '2026-03-31' })).toEqual([
      { month: '2026-03', key: 'F01 电池老化', claims: 2 },
      { month: '2026-03', key: 'F02', claims: 1 }
    ])
    const exported = await t.callOk<{ base64: string }>(analyst, 'stats.export', {
      by: 'model',
      from: '2026-01-01',
      to: '2026-03-31'
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer)
    expect(workbook.worksheets[0]!.getRow(3).values).toEqual([undefined, '2026-03', 'Acme X1', 2])
  })
})
