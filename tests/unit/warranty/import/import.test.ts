import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { auditRows, countRows, freshShopPerTest, testClock } from '../../helpers'
import {
  cancelImport,
  importStatus,
  previewImport,
  receiveChunk,
  runImport,
  startImport
} from '../../../../src-main/features/warranty/import/service'
import { importCall, importCallError, importFile, rejectedFile, units, upload, utf8, utf8Bom } from './importHelpers'

const shopPerTest = freshShopPerTest()
/** The dealer files here record sales into March 2026: the shop imports them after that. */
const freshShop = () => shopPerTest(testClock('2026-06-01T02:00:00.000Z'))
const FIXTURES = join(__dirname, '../../../fixtures/warranty')

describe('warranty import: real-world files', () => {
  it('imports a GBK CSV with Chinese headers from Excel on Chinese Windows, reporting the bad row', async () => {
    const { app, adminToken } = await freshShop()
    const bytes = readFileSync(join(FIXTURES, 'gbk-chinese-headers.csv'))
    const { jobId, preview, status } = await importFile(app, adminToken, '经销商销售登记.csv', bytes)

    expect(preview.encoding).toBe('gb18030')
    expect(preview.headers).toEqual([
      '序列号',
      '品牌',
      '型号',
      '品类',
      '购买日期',
      '发票号',
      '经销商',
      '客户姓名',
      '手机号'
    ])
    expect(preview.suggestedMapping).toEqual({
      serial: 0,
      brand: 1,
      model: 2,
      category: 3,
      purchaseDate: 4,
      invoiceNumber: 5,
      dealer: 6,
      buyerName: 7,
      buyerPhone: 8
    })
    expect(preview.sampleRows).toHaveLength(4)

    expect(status.phase).toBe('done')
    expect(status.result).toMatchObject({ imported: 3, updated: 0, unchanged: 0 })
    expect(status.result!.rejected).toEqual([
      { line: 4, reasonKey: 'warranty.import.dateInvalid', params: { field: 'purchaseDate', value: '2026.13.1' } }
    ])
    const csv = await rejectedFile(app, adminToken, jobId)
    expect(csv.startsWith('\uFEFF序列号,品牌,型号,品类,购买日期,发票号,经销商,客户姓名,手机号,错误原因\r\n')).toBe(true)
    expect(csv).toContain('GBK0003,海尔,BCD-470,冰箱,2026.13.1,,,王五,,第4行：购买日期不是有效日期：2026.13.1')

    expect(units(app)).toEqual([
      expect.objectContaining({
        serial: 'GBK0001',
        brand: '华为',
        model: 'Mate 60',
        category_key: 'mobile_phone',
        purchase_date: '2026-01-23',
        invoice_number: 'FP001',
        dealer: '北京国美',
        buyer_name: '张三',
        buyer_phone: '13800138000',
        source: 'import'
      }),
      expect.objectContaining({
        serial: 'GBK0002',
        purchase_date: '2026-02-03',
        buyer_phone: '13900000001',
        invoice_number: ''
      }),
      // Line 6, after an empty line; the new model was created once, its category from the file.
      expect.objectContaining({
        serial: 'GBK0004',
        brand: '海尔',
        model: 'BCD-470',
        category_key: 'refrigerator',
        purchase_date: '2026-03-01',
        dealer: '海尔专卖店,朝阳'
      })
    ])
    expect(countRows(app, 'product_models')).toBe(2)
    expect(countRows(app, 'warranty_import_rows')).toBe(0)
    const audit = auditRows(app, 'warranty.import')
    expect(audit).toHaveLength(1)
    expect(audit[0]!.after).toEqual({
      fileName: '经销商销售登记.csv',
      imported: 3,
      updated: 0,
      unchanged: 0,
      rejected: 1
    })
  })

  it('imports UTF-8 with a BOM and English headers; in-file duplicates, empty lines and quoted line breaks keep line numbers', async () => {
    const { app, adminToken } = await freshShop()
    const text = [
      'Serial Number,Brand,Model,Category,Purchase Date,Card No,Customer,Mobile',
      'sn-100,Xiaomi,Redmi 13,mobile_phone,2026/1/5,wc-1,"Wang, Wei",13800000001',
      '',
      'SN-101,Xiaomi,Redmi 13,,2026-01-06,,"Li',
      'Na",13800000002',
      'SN-100,Xiaomi,Redmi 13,,2026-01-07,,Again,',
      ',Xiaomi,Redmi 13,,,,,',
      'SN 102,Xiaomi,Redmi 13,,,,,',
      'SN-103,,Redmi 13,,,,,',
      'SN-104,Xiaomi,Redmi 13,TV,,,,',
      'SN-105,Xiaomi,Redmi 13,,2026-02-30,,,',
      'SN-106,Xiaomi,Redmi 13,,,WC-1,,',
      'SN-107,Xiaomi,,,,,,',
      'SN-108,Xiaomi,Book Pro,吸尘器,,,,',
      'SN-109,Xiaomi,Book Pro,,,,,',
      // A year off: sold "after today" (the shop imports on 2026-06-01), refused as at the counter.
      'SN-110,Xiaomi,Redmi 13,,2027-01-05,,,',
      ''
    ].join('\r\n')
    const { jobId, preview, status } = await importFile(app, adminToken, 'dealer.csv', utf8Bom(text))
    expect(preview.encoding).toBe('utf-8-bom')
    expect(preview.headers[0]).toBe('Serial Number')
    expect(status.result!.imported).toBe(2)
    expect(status.result!.rejected.map((r) => [r.line, r.reasonKey, r.params])).toEqual([
      [6, 'warranty.import.serialDuplicate', { serial: 'SN-100', firstLine: 2 }],
      [7, 'warranty.import.serialMissing', {}],
      [8, 'warranty.import.serialInvalid', { value: 'SN 102' }],
      [9, 'warranty.import.brandMissing', {}],
      [10, 'warranty.import.categoryConflict', { brand: 'Xiaomi', model: 'Redmi 13', category: 'mobile_phone' }],
      [11, 'warranty.import.dateInvalid', { field: 'purchaseDate', value: '2026-02-30' }],
      [12, 'warranty.import.cardDuplicate', { cardNumber: 'WC-1', firstLine: 2 }],
      [13, 'warranty.import.modelMissing', {}],
      [14, 'warranty.import.categoryUnknown', { value: '吸尘器' }],
      [15, 'warranty.import.categoryMissing', {}],
      [16, 'warranty.import.dateInFuture', { field: 'purchaseDate', value: '2027-01-05' }]
    ])
    expect(units(app).map((unit) => [unit.serial, unit.card_number, unit.buyer_name, unit.category_key])).toEqual([
      ['SN-100', 'WC-1', 'Wang, Wei', 'mobile_phone'],
      // A line break inside a quoted cell is spacing in a one-line field: one space.
      ['SN-101', null, 'Li Na', 'mobile_phone']
    ])
    const csv = await rejectedFile(app, adminToken, jobId)
    expect(csv).toContain('第6行：序列号 SN-100 在文件中重复（与第2行相同）')
    expect(csv).toContain('第16行：购买日期晚于今天：2027-01-05')
    // Downloaded by someone reading English, the file says it in English: the header and every reason.
    const english = await rejectedFile(app, adminToken, jobId, 'en')
    expect(english.split('\r\n')[0]).toMatch(/,Reason$/)
    expect(english).toContain('Line 6: Serial SN-100 appears twice in the file (same as line 2)')
    expect(english).toContain('Line 16: Purchase date is after today: 2027-01-05')
    // Only the file's own cell (an unknown category typed in Chinese) is Chinese.
    expect(english.replaceAll('吸尘器', '')).not.toMatch(/\p{Script=Han}/u)
  })

  it('imports an XLSX with date cells and Excel serial dates', async () => {
    const { app, adminToken } = await freshShop()
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('销售记录')
    sheet.addRow(['IMEI', '品牌', '机型', '类别', '开票日期', '出厂日期', '激活日期', '联系电话'])
    sheet.addRow([
      861234567890123,
      'OPPO',
      'Find X8',
      '手机',
      new Date(Date.UTC(2026, 0, 23)),
      45992,
      '2026年1月24日',
      13912345678
    ])
    sheet.addRow([])
    sheet.addRow([
      '860000000000002',
      'OPPO',
      'Find X8',
      '手机',
      46046,
      { formula: 'E2+1', result: new Date(Date.UTC(2026, 0, 24)) },
      null,
      '139-1234-5679'
    ])
    sheet.getCell('E4').numFmt = '0'
    sheet.addRow(['860000000000003', 'OPPO', 'Find X8', '手机', 12, null, null, null])
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer)

    const { preview, status } = await importFile(app, adminToken, 'sales.xlsx', bytes)
    expect(preview.encoding).toBe('xlsx')
    expect(preview.suggestedMapping).toMatchObject({
      serial: 0,
      brand: 1,
      model: 2,
      category: 3,
      purchaseDate: 4,
      productionDate: 5,
      activationDate: 6,
      buyerPhone: 7
    })
    expect(status.result).toMatchObject({ imported: 2, updated: 0, unchanged: 0 })
    expect(status.result!.rejected).toEqual([
      { line: 5, reasonKey: 'warranty.import.dateInvalid', params: { field: 'purchaseDate', value: '12' } }
    ])
    expect(
      units(app).map((unit) => [
        unit.serial,
        unit.purchase_date,
        unit.production_date,
        unit.activation_date,
        unit.buyer_phone
      ])
    ).toEqual([
      ['860000000000002', '2026-01-24', '2026-01-24', null, '13912345679'],
      ['861234567890123', '2026-01-23', '2025-12-01', '2026-01-24', '13912345678']
    ])
  })
})

describe('warranty import: idempotence and the registry', () => {
  const FILE = [
    '序列号,品牌,型号,品类,购买日期,保修卡号,客户姓名',
    'A001,格力,KFR-35GW,空调,2026-01-10,K001,张三',
    'A002,格力,KFR-35GW,空调,2026-01-11,K002,李四',
    'A003,格力,KFR-35GW,空调,2026-01-12,,王五'
  ].join('\n')

  it('re-importing the same file changes nothing; a changed row updates that unit only', async () => {
    const { app, adminToken } = await freshShop()
    const first = await importFile(app, adminToken, 'a.csv', utf8(FILE))
    expect(first.status.result).toMatchObject({ imported: 3, updated: 0, unchanged: 0, rejected: [] })
    expect(await rejectedFile(app, adminToken, first.jobId)).toBe('')
    const before = app.sqlite.prepare('SELECT * FROM warranty_units ORDER BY serial').all()

    const again = await importFile(app, adminToken, 'a.csv', utf8(FILE))
    expect(again.status.result).toMatchObject({ imported: 0, updated: 0, unchanged: 3 })
    expect(app.sqlite.prepare('SELECT * FROM warranty_units ORDER BY serial').all()).toEqual(before)
    expect(countRows(app, 'product_models')).toBe(1)

    const changed =
      FILE.replace('A002,格力,KFR-35GW,空调,2026-01-11,K002,李四', 'A002,格力,KFR-35GW,空调,2026-01-11,K002,李四四') +
      '\nA004,格力,KFR-50LW,空调,,,'
    const third = await importFile(app, adminToken, 'b.csv', utf8(changed))
    expect(third.status.result).toMatchObject({ imported: 1, updated: 1, unchanged: 2 })
    expect(units(app).find((unit) => unit.serial === 'A002')!.buyer_name).toBe('李四四')
    expect(auditRows(app, 'warranty.import').map((row) => row.after)).toEqual([
      { fileName: 'a.csv', imported: 3, updated: 0, unchanged: 0, rejected: 0 },
      { fileName: 'a.csv', imported: 0, updated: 0, unchanged: 3, rejected: 0 },
      { fileName: 'b.csv', imported: 1, updated: 1, unchanged: 2, rejected: 0 }
    ])
  })

  it('a serial already registered is updated, columns the file lacks keep their values; a card held by another unit is refused', async () => {
    const { app, adminToken } = await freshShop()
    await importFile(app, adminToken, 'a.csv', utf8(FILE))
    app.sqlite.prepare("UPDATE warranty_units SET buyer_phone = '13800000009' WHERE serial = 'A001'").run()

    const partial = [
      'serial,model,purchase date,card no',
      'a001,KFR-35GW,2026-01-15,K001',
      'A003,KFR-35GW,2026-01-12,K002'
    ].join('\n')
    const { status } = await importFile(app, adminToken, 'p.csv', utf8(partial), { defaultBrand: '格力' })
    expect(status.result!.rejected).toEqual([
      { line: 3, reasonKey: 'warranty.import.cardTaken', params: { cardNumber: 'K002', serial: 'A002' } }
    ])
    expect(status.result).toMatchObject({ imported: 0, updated: 1, unchanged: 0 })
    expect(units(app).find((unit) => unit.serial === 'A001')).toMatchObject({
      purchase_date: '2026-01-15',
      buyer_name: '张三',
      buyer_phone: '13800000009',
      category_key: 'air_conditioner'
    })
  })

  it('uses the default brand and category for new models, the catalogue category for known ones', async () => {
    const { app, adminToken } = await freshShop()
    await importFile(app, adminToken, 'a.csv', utf8(FILE))
    const text = ['SN,型号', 'B001,KFR-35GW', 'B002,XQG100'].join('\n')
    const { status } = await importFile(app, adminToken, 'd.csv', utf8(text), {
      defaultBrand: '格力',
      defaultCategory: 'washing_machine'
    })
    expect(status.result).toMatchObject({ imported: 2, rejected: [] })
    expect(
      units(app)
        .filter((unit) => unit.serial.startsWith('B'))
        .map((unit) => [unit.serial, unit.brand, unit.category_key])
    ).toEqual([
      ['B001', '格力', 'air_conditioner'],
      ['B002', '格力', 'washing_machine']
    ])
  })
})

describe('warranty import: nothing half-imported', () => {
  function bigFile(rows: number, prefix = 'C'): Uint8Array {
    const lines = ['序列号,品牌,型号,品类,购买日期']
    for (let i = 0; i < rows; i++)
      lines.push(
        `${prefix}${String(i).padStart(7, '0')},美的,MB-${i % 50},洗衣机,2026-01-${String((i % 28) + 1).padStart(2, '0')}`
      )
    return utf8(lines.join('\n'))
  }

  it('cancel while checking drops the staged rows and leaves the registry as it was', async () => {
    const { app, adminToken } = await freshShop()
    await importFile(app, adminToken, 'a.csv', bigFile(10, 'OLD'))
    const unitsBefore = app.sqlite.prepare('SELECT * FROM warranty_units ORDER BY serial').all()
    const modelsBefore = countRows(app, 'product_models')

    const jobId = await upload(app, adminToken, 'big.csv', bigFile(60_000), 1024 * 1024)
    const preview = await importCall(app, adminToken, 'warranty.importPreview', { jobId })
    await importCall(app, adminToken, 'warranty.importRun', {
      jobId,
      mapping: preview.suggestedMapping,
      defaultCategory: null,
      defaultBrand: ''
    })
    let status = await importCall(app, adminToken, 'warranty.importStatus', { jobId })
    while (status.phase === 'checking' && status.processedRows < 10_000) {
      await new Promise((resolve) => setImmediate(resolve))
      status = await importCall(app, adminToken, 'warranty.importStatus', { jobId })
    }
    expect(status.phase).toBe('checking')
    expect(status.totalRows).toBe(60_000)
    expect(countRows(app, 'warranty_import_rows')).toBeGreaterThan(0)

    const cancelled = await importCall(app, adminToken, 'warranty.importCancel', { jobId })
    expect(cancelled.phase).toBe('cancelled')
    expect(cancelled.result).toBeNull()
    expect(countRows(app, 'warranty_import_rows')).toBe(0)
    expect(app.sqlite.prepare('SELECT * FROM warranty_units ORDER BY serial').all()).toEqual(unitsBefore)
    expect(countRows(app, 'product_models')).toBe(modelsBefore)
    expect(auditRows(app, 'warranty.import')).toHaveLength(1)
    expect(
      (await importCallError(app, adminToken, 'warranty.importRun', { jobId, mapping: { serial: 0, model: 2 } })).code
    ).toBe('CONFLICT')
  })

  it('cancel while applying rolls the whole apply back (service called directly: the apply holds the connection)', async () => {
    const { app, adminToken, adminId } = await freshShop()
    const bytes = bigFile(40_000)
    const { jobId } = startImport(app, new Date(), adminId, { fileName: 'big.csv', totalBytes: bytes.length })
    receiveChunk(app, { jobId, index: 0, data: Buffer.from(bytes).toString('base64') })
    const preview = await previewImport(app, { jobId })
    runImport(app, new Date(), { jobId, mapping: preview.suggestedMapping, defaultCategory: null, defaultBrand: '' })
    let status = importStatus(app, { jobId })
    while (!(status.phase === 'applying' && status.processedRows > 0)) {
      expect(['checking', 'applying']).toContain(status.phase)
      await new Promise((resolve) => setImmediate(resolve))
      status = importStatus(app, { jobId })
    }
    expect(status.totalRows).toBe(40_000)
    expect(status.processedRows).toBeLessThan(40_000)
    // Inside the apply's transaction the rows written so far are there; the cancel must undo them.
    expect(countRows(app, 'warranty_units')).toBeGreaterThan(0)
    const cancelled = await cancelImport(app, { jobId })
    expect(cancelled.phase).toBe('cancelled')
    expect(countRows(app, 'warranty_units')).toBe(0)
    expect(countRows(app, 'warranty_import_rows')).toBe(0)
    expect(auditRows(app, 'warranty.import')).toHaveLength(0)
    expect(await importCall(app, adminToken, 'warranty.importStatus', { jobId })).toMatchObject({
      phase: 'cancelled',
      result: null
    })
  })

  it('a failure while applying rolls everything back: no unit, no new model, no staged row, no audit', async () => {
    const { app, adminToken } = await freshShop()
    // The 25 000th row cannot be written: the apply has already written thousands before it.
    app.sqlite.exec(
      `CREATE TRIGGER boom BEFORE INSERT ON warranty_units WHEN NEW.serial = 'C0024999' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`
    )
    const modelsBefore = countRows(app, 'product_models')
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => errors.push(args)
    try {
      const { status } = await importFile(app, adminToken, 'big.csv', bigFile(30_000))
      expect(status.phase).toBe('failed')
      expect(status.errorKey).toBe('warranty.import.failed')
      expect(status.result).toBeNull()
    } finally {
      console.error = original
    }
    expect(errors).toHaveLength(1)
    expect(countRows(app, 'warranty_units')).toBe(0)
    expect(countRows(app, 'product_models')).toBe(modelsBefore)
    expect(countRows(app, 'warranty_import_rows')).toBe(0)
    expect(auditRows(app, 'warranty.import')).toHaveLength(0)
  })
})

describe('warranty import: upload and call rules', () => {
  it('refuses pieces out of order, a run before the upload is complete, and a mapping without serial or model', async () => {
    const { app, adminToken } = await freshShop()
    const bytes = utf8('serial,model\nX1,M1\n')
    const { jobId } = await importCall(app, adminToken, 'warranty.importStart', {
      fileName: 'x.csv',
      totalBytes: bytes.length
    })
    const piece = (from: number, to: number) => Buffer.from(bytes.subarray(from, to)).toString('base64')
    expect(
      await importCallError(app, adminToken, 'warranty.importChunk', { jobId, index: 1, data: piece(0, 5) })
    ).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'warranty.import.chunkOrder'
    })
    await importCall(app, adminToken, 'warranty.importChunk', { jobId, index: 0, data: piece(0, 5) })
    expect((await importCallError(app, adminToken, 'warranty.importPreview', { jobId })).code).toBe('CONFLICT')
    expect(
      (
        await importCallError(app, adminToken, 'warranty.importChunk', {
          jobId,
          index: 1,
          data: Buffer.from([...bytes.subarray(5), 0x0a]).toString('base64')
        })
      ).code
    ).toBe('VALIDATION')
    await importCall(app, adminToken, 'warranty.importChunk', { jobId, index: 1, data: piece(5, bytes.length) })
    expect((await importCall(app, adminToken, 'warranty.importStatus', { jobId })).phase).toBe('uploaded')
    expect(
      await importCallError(app, adminToken, 'warranty.importRun', { jobId, mapping: { serial: 0 } })
    ).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'warranty.import.mappingRequired'
    })
    expect(
      (
        await importCallError(app, adminToken, 'warranty.importStatus', {
          jobId: '01890a5d-ac96-774b-bcce-b302099a8057'
        })
      ).code
    ).toBe('NOT_FOUND')
    expect((await importCall(app, adminToken, 'warranty.importCancel', { jobId })).phase).toBe('cancelled')
  })

  it('a mapping that points past the last column fails the run without touching anything', async () => {
    const { app, adminToken } = await freshShop()
    const { status } = await importFile(app, adminToken, 'x.csv', utf8('serial,model\nX1,M1\n'), {
      mapping: { serial: 0, model: 5 }
    })
    expect(status).toMatchObject({ phase: 'failed', errorKey: 'warranty.import.mappingColumn' })
    expect(countRows(app, 'warranty_units')).toBe(0)
  })
})
