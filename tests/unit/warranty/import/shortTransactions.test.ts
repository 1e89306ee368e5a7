import { describe, expect, it } from 'vitest'
import { ADMIN, callOk, closeApp, countRows, freshShopPerTest, SHOP, tempDir, testClock } from '../../helpers'
import { openApp } from '../../../../src-main/app/openApp'
import type { AppContext } from '../../../../src-main/app/context'
import { applyStagedRows, ImportCancelled, MAX_PAGE } from '../../../../src-main/features/warranty/import/apply'
import { bulkIdMaker } from '../../../../src-main/features/warranty/import/bulkIds'
import {
  cancelImport,
  importStatus,
  previewImport,
  receiveChunk,
  runImport,
  startImport
} from '../../../../src-main/features/warranty/import/service'
import { createStager } from '../../../../src-main/features/warranty/import/stage'
import type { StagedRow } from '../../../../src-main/features/warranty/import/validate'
import { importFile, utf8 } from './importHelpers'

const shopPerTest = freshShopPerTest()
/** The dealer files here record sales into March 2026: the shop imports them after that. */
const freshShop = () => shopPerTest(testClock('2026-06-01T02:00:00.000Z'))

/** Rows for the washing machines of one dealer: serials prefix0000000.., a model per 50 rows. */
function dealerFile(rows: number, prefix: string, buyer = ''): Uint8Array {
  const lines = ['序列号,品牌,型号,品类,购买日期,客户姓名']
  for (let i = 0; i < rows; i++)
    lines.push(
      `${prefix}${String(i).padStart(7, '0')},美的,MB-${i % 50},洗衣机,2026-01-${String((i % 28) + 1).padStart(2, '0')},${buyer}`
    )
  return utf8(lines.join('\n'))
}

const allUnits = (app: AppContext) => app.sqlite.prepare('SELECT * FROM warranty_units ORDER BY serial').all()
const allModels = (app: AppContext) => app.sqlite.prepare('SELECT * FROM product_models ORDER BY id').all()

/** Starts an import through the service and returns once its apply has written a first page. */
async function importUntilApplying(app: AppContext, adminId: string, bytes: Uint8Array): Promise<string> {
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
  return jobId
}

describe('warranty import: applied in short transactions', () => {
  it('a warranty lookup asked while a large file is applied is answered between two pages of it', async () => {
    const { app, adminToken, adminId } = await freshShop()
    await importFile(app, adminToken, 'first.csv', dealerFile(10, 'OLD'))
    const jobId = await importUntilApplying(app, adminId, dealerFile(60_000, 'C'))
    try {
      const appliedBefore = importStatus(app, { jobId }).processedRows
      // How long it waits is the benchmark's to show (`npm run bench:warranty`), not timed here.
      const lookup = await callOk(app, 'warranty.lookup', { query: 'OLD0000003' }, adminToken)
      const status = importStatus(app, { jobId })

      expect(lookup).toMatchObject({ kind: 'found' })
      // Answered while the import was still being applied, at most one page later: not after it.
      expect(status.phase).toBe('applying')
      expect(status.processedRows).toBeLessThan(60_000)
      expect(status.processedRows - appliedBefore).toBeLessThanOrEqual(MAX_PAGE)
    } finally {
      await cancelImport(app, { jobId })
    }
  })

  it('cancel part way through the apply restores the units it changed and removes the units and models it added', async () => {
    const { app, adminToken, adminId } = await freshShop()
    await importFile(app, adminToken, 'first.csv', dealerFile(30, 'C', '张三'))
    const unitsBefore = allUnits(app)
    const modelsBefore = allModels(app)

    // The same serials first (with a new buyer), then thousands of new ones and a new model.
    const bytes = utf8(
      new TextDecoder().decode(dealerFile(40_000, 'C', '李四')).replace('C0039999,美的,MB-49', 'C0039999,美的,MB-NEW')
    )
    const jobId = await importUntilApplying(app, adminId, bytes)
    // The first page is applied: the changed units already hold the file's values.
    expect(app.sqlite.prepare("SELECT buyer_name FROM warranty_units WHERE serial = 'C0000001'").pluck().get()).toBe(
      '李四'
    )
    expect(countRows(app, 'warranty_import_undo')).toBe(30)
    expect(countRows(app, 'warranty_units')).toBeGreaterThan(30)

    const cancelled = await cancelImport(app, { jobId })
    expect(cancelled).toMatchObject({ phase: 'cancelled', result: null })
    expect(allUnits(app)).toEqual(unitsBefore)
    expect(allModels(app)).toEqual(modelsBefore)
    for (const table of ['warranty_import_rows', 'warranty_import_undo', 'warranty_import_runs'])
      expect(countRows(app, table)).toBe(0)
    // The import's own transactions commit with synchronous=NORMAL; everyone else's stay FULL.
    expect(app.sqlite.pragma('synchronous', { simple: true })).toBe(2)
  })

  it('an apply the app did not finish (it quit or crashed) is taken back out at the next start', async () => {
    const dir = tempDir()
    try {
      let app = openApp({ dataDir: dir.path })
      const { token, user } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
      await importFile(app, token, 'first.csv', dealerFile(5, 'C', '张三'))
      const unitsBefore = allUnits(app)
      const modelsBefore = allModels(app)

      const now = new Date()
      const jobId = '01890a5d-ac96-774b-bcce-b302099a8057'
      const rows: StagedRow[] = Array.from({ length: 6_000 }, (_, i) => ({
        line: i + 2,
        serial: `C${String(i).padStart(7, '0')}`,
        brand: '美的',
        model: i === 5_999 ? 'MB-NEW' : `MB-${i % 50}`,
        categoryKey: 'washing_machine',
        cardNumber: null,
        purchaseDate: '2026-01-02',
        invoiceNumber: '',
        dealer: '',
        productionDate: null,
        buyerName: '李四',
        buyerPhone: '',
        activationDate: null
      }))
      await createStager(app, jobId, bulkIdMaker(now.getTime()))(rows)
      let pages = 0
      await expect(
        applyStagedRows(app, {
          jobId,
          fileName: 'crash.csv',
          actorId: user.id,
          now,
          rejected: 0,
          mappedFields: new Set(['serial', 'brand', 'model', 'category', 'purchaseDate', 'buyerName']),
          newModels: new Map([['美的\u0000MB-NEW', 'washing_machine']]),
          onProgress: () => pages++,
          // The app "stops" after the first page: nothing below the apply undoes anything.
          cancelled: () => pages > 0
        })
      ).rejects.toBeInstanceOf(ImportCancelled)
      expect(countRows(app, 'warranty_units')).toBeGreaterThan(5)
      expect(app.sqlite.prepare("SELECT buyer_name FROM warranty_units WHERE serial = 'C0000001'").pluck().get()).toBe(
        '李四'
      )
      await closeApp(app)

      app = openApp({ dataDir: dir.path })
      try {
        expect(allUnits(app)).toEqual(unitsBefore)
        expect(allModels(app)).toEqual(modelsBefore)
        for (const table of ['warranty_import_rows', 'warranty_import_undo', 'warranty_import_runs'])
          expect(countRows(app, table)).toBe(0)
      } finally {
        await closeApp(app)
      }
    } finally {
      dir.remove()
    }
  })

  it('a file cut into tiny pieces (inside characters, CRLFs and quoted line breaks) imports as the whole file does', async () => {
    const text = [
      '序列号,品牌,型号,品类,经销商,客户姓名',
      'G001,海尔,BCD-470,冰箱,"国美, 北京路店","王\r\n五"',
      'G002,海尔,BCD-470,冰箱,苏宁易购,李四',
      '',
      'G001,海尔,BCD-470,冰箱,重复,赵六',
      'G003,海尔,BCD-510,冰箱,"说""好""的",陈七'
    ].join('\r\n')
    const whole = await freshShop()
    const wholeResult = await importFile(whole.app, whole.adminToken, 'w.csv', utf8(text))
    const pieces = await freshShop()
    // Through the real upload in 5-byte pieces (a Chinese character is 3 bytes in UTF-8).
    const piecesResult = await importFile(pieces.app, pieces.adminToken, 'w.csv', utf8(text), { chunkSize: 5 })
    expect(piecesResult.preview).toEqual(wholeResult.preview)
    expect(piecesResult.status).toEqual(wholeResult.status)
    expect(piecesResult.status.result).toMatchObject({ imported: 3 })
    expect(piecesResult.status.result!.rejected).toEqual([
      { line: 6, reasonKey: 'warranty.import.serialDuplicate', params: { serial: 'G001', firstLine: 2 } }
    ])
    const strip = (rows: unknown[]) =>
      (rows as Record<string, unknown>[]).map(
        ({ id: _id, model_id: _m, import_id: _i, created_at: _c, updated_at: _u, ...rest }) => rest
      )
    expect(strip(allUnits(pieces.app))).toEqual(strip(allUnits(whole.app)))
    expect(allUnits(pieces.app)).toHaveLength(3)
  })
})
