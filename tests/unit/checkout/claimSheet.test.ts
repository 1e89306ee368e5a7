import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk, countRows, SHOP, testClock } from '../helpers'
import { staffedShopPerFile, type StaffedShop } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { CLAIM_SHEET_COLUMNS } from '../../../src-shared/contract/checkout'

const HOUR = 60 * 60_000

/** A warranty repair checked out today: its labour and part become a claim on the brand. */
async function warrantyJobClaimed(shop: StaffedShop, serial: string, labourFen: number, partPriceFen: number) {
  const job = await finishedJob(shop.app, shop.adminToken, {
    serviceType: 'warranty_repair',
    labourFen,
    partPriceFen,
    intake: { device: { kind: 'new', fields: { brand: '荣耀', model: 'Magic 6', serial } } }
  })
  await callOk(shop.app, 'checkout.pay', { workOrderId: job.id, tenders: [] }, shop.staff.frontDesk.token)
  return job
}

/** The claim a job's checkout made on the brand. */
const claimOf = (shop: StaffedShop, workOrderId: string): string =>
  (
    shop.app.sqlite.prepare('SELECT id FROM warranty_claims WHERE work_order_id = ?').get(workOrderId) as {
      id: string
    }
  ).id

const today = (shop: StaffedShop) => shopLocalDate(shop.clock.now(), 'Asia/Shanghai')

async function readSheet(base64: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook()
  const bytes = Buffer.from(base64, 'base64')
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  return workbook.worksheets[0]!
}

async function sheetRows(base64: string): Promise<unknown[][]> {
  const rows: unknown[][] = []
  ;(await readSheet(base64)).eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  return rows
}

describe("a month's claims a shop files with the brand itself", () => {
  // 23:00 at the shop: two claims late on the first day, one after midnight, on the next.
  const shop = staffedShopPerFile(testClock('2026-01-23T15:00:00.000Z'))
  const days = { first: '', second: '' }
  const jobs: Awaited<ReturnType<typeof warrantyJobClaimed>>[] = []

  it('are listed by the days they were made, with how many are still to file and what they come to', async () => {
    const { app, clock, staff } = shop()
    days.first = today(shop())
    jobs.push(await warrantyJobClaimed(shop(), 'HNR-A-001', 6_000, 30_000))
    jobs.push(await warrantyJobClaimed(shop(), 'HNR-A-002', 4_000, 12_000))
    clock.advance(2 * HOUR)
    days.second = today(shop())
    jobs.push(await warrantyJobClaimed(shop(), 'HNR-B-003', 5_000, 8_000))

    const firstDay = await callOk(
      app,
      'checkout.claims',
      { from: days.first, to: days.first, page: 1, pageSize: 50 },
      staff.manager.token
    )
    expect(firstDay.rows.map((row) => row.workOrderNumber)).toEqual([jobs[1]!.number, jobs[0]!.number])
    // Oldest first, named so that filing them records these very claims.
    expect(firstDay.toFile).toEqual({
      count: 2,
      amountFen: 36_000 + 16_000,
      claimIds: [claimOf(shop(), jobs[0]!.id), claimOf(shop(), jobs[1]!.id)]
    })
    // Days left open are never filed at once: the claims are counted, not named.
    const both = await callOk(app, 'checkout.claims', { from: days.first, page: 1, pageSize: 50 }, staff.manager.token)
    expect(both.toFile).toMatchObject({ count: 3, claimIds: [] })
    expect(
      await callError(
        app,
        'checkout.claims',
        { from: days.second, to: days.first, page: 1, pageSize: 50 },
        staff.manager.token
      )
    ).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'to', messageKey: 'validation.dateRange' }] } })
  })

  it('export as the sheet the brand reads: the unit, the parts and the money of each, oldest first, with totals', async () => {
    const { app, staff } = shop()
    const columns = Object.fromEntries(CLAIM_SHEET_COLUMNS.map((key) => [key, `列 ${key}`]))
    // The first job's fault was found on the main board (location code L01), the second's on a part the
    // shop named itself.
    app.sqlite.prepare("UPDATE work_orders SET fault_location_code = 'L01' WHERE id = ?").run(jobs[0]!.id)
    app.sqlite
      .prepare(
        "INSERT INTO code_entries (list, code, label, component) VALUES ('fault_location', 'X-FPC', '排线', '排线')"
      )
      .run()
    app.sqlite.prepare("UPDATE work_orders SET fault_location_code = 'X-FPC' WHERE id = ?").run(jobs[1]!.id)
    const file = await callOk(
      app,
      'checkout.exportClaims',
      {
        from: days.first,
        to: days.first,
        title: '保修索赔单',
        columns,
        labels: {
          'status.open': '待向品牌申报',
          'component.main_board': '主板',
          total: '合计',
          paid: '实付'
        }
      },
      staff.manager.token
    )
    // The brand tells the shops' sheets apart by the file: the shop and the claims' days.
    expect(file.fileName).toBe(`保修索赔单-${SHOP.name}-${days.first}_${days.first}.xlsx`)
    const [header, first, second, totals, ...rest] = await sheetRows(file.base64)
    expect(header).toEqual(CLAIM_SHEET_COLUMNS.map((key) => `列 ${key}`))
    const cell = (row: unknown[] | undefined, key: (typeof CLAIM_SHEET_COLUMNS)[number]) =>
      row?.[CLAIM_SHEET_COLUMNS.indexOf(key)]
    expect([cell(first, 'workOrderNumber'), cell(second, 'workOrderNumber')]).toEqual([
      jobs[0]!.number,
      jobs[1]!.number
    ])
    expect([cell(first, 'brand'), cell(first, 'model'), cell(first, 'serial')]).toEqual([
      '荣耀',
      'Magic 6',
      'HNR-A-001'
    ])
    expect(cell(first, 'parts')).toMatch(/^屏幕总成 SCR-\S+ ×1$/)
    expect([
      cell(first, 'labourFen'),
      cell(first, 'partsFen'),
      cell(first, 'otherFen'),
      cell(first, 'amountFen')
    ]).toEqual([60, 300, 0, 360])
    expect(cell(first, 'status')).toBe('待向品牌申报')
    // The brand reads the component in words, never the app's key.
    expect([cell(first, 'component'), cell(second, 'component')]).toEqual(['主板', '排线'])
    expect([cell(totals, 'workOrderNumber'), cell(totals, 'amountFen'), cell(totals, 'labourFen')]).toEqual([
      '合计',
      520,
      100
    ])
    expect(rest).toEqual([])
    // Printed from Excel: A4 across, one page wide however many pages long, the titles on each page.
    expect((await readSheet(file.base64)).pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1'
    })
    // A front desk sees the claims but does not send the brand the shop's sheet.
    expect(await callError(app, 'checkout.exportClaims', { title: 'x', columns }, staff.frontDesk.token)).toMatchObject(
      { code: 'FORBIDDEN' }
    )
  })

  it('are recorded filed in one go, with the brand’s batch number, only if they are the claims shown', async () => {
    const { app, staff } = shop()
    const [first, second, nextDay] = jobs.map((job) => claimOf(shop(), job.id))
    const batch = { from: days.first, to: days.first, note: '品牌索赔批次 2026-01' }
    const shown = { ...batch, claimIds: [first!, second!] }
    expect(await callError(app, 'checkout.fileClaims', shown, staff.frontDesk.token)).toMatchObject({
      code: 'FORBIDDEN'
    })
    // The manager was shown three (a claim made meanwhile, say): the days hold two, nothing is filed.
    const steps = countRows(app, 'warranty_claim_steps')
    expect(
      await callError(
        app,
        'checkout.fileClaims',
        { ...batch, claimIds: [first!, second!, nextDay!] },
        staff.manager.token
      )
    ).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'claims.toFileChanged',
      details: { count: 2, amountFen: 52_000, amount: '520.00' }
    })
    // As many, but not the ones shown: one of them and another day's.
    expect(
      await callError(app, 'checkout.fileClaims', { ...batch, claimIds: [first!, nextDay!] }, staff.manager.token)
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'claims.toFileChanged' })
    expect(countRows(app, 'warranty_claim_steps')).toBe(steps)

    // In any order, the claims shown are the days' claims to file.
    expect(
      await callOk(app, 'checkout.fileClaims', { ...batch, claimIds: [second!, first!] }, staff.manager.token)
    ).toEqual({ filed: 2 })
    const page = await callOk(app, 'checkout.claims', { page: 1, pageSize: 50 }, staff.manager.token)
    const byJob = new Map(page.rows.map((row) => [row.workOrderNumber, row]))
    for (const job of jobs.slice(0, 2)) {
      expect(byJob.get(job.number)).toMatchObject({
        status: 'submitted',
        lastStep: { status: 'submitted', note: '品牌索赔批次 2026-01', recordedByName: staff.manager.user.displayName }
      })
    }
    // The next day's claim is still to file.
    expect(byJob.get(jobs[2]!.number)?.status).toBe('open')
    expect(page.toFile.count).toBe(1)
    // Each claim its own audit row, named as filed with its period, and its own record sent on.
    expect(auditRows(app, 'checkout.fileClaims')).toHaveLength(2)
    expect(auditRows(app, 'checkout.markClaim')).toHaveLength(0)
    const sent = app.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'warranty_claim_step'").get() as {
      n: number
    }
    expect(sent.n).toBe(2)
    // Filed already: the days hold none to file now.
    expect(await callError(app, 'checkout.fileClaims', shown, staff.manager.token)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'claims.toFileChanged',
      details: { count: 0 }
    })
  })

  it('are not recorded filed when a claim shown was swapped for another of the same amount', async () => {
    const { app, staff } = shop()
    const day = { from: days.second, to: days.second }
    const shown = await callOk(app, 'checkout.claims', { ...day, page: 1, pageSize: 50 }, staff.manager.token)
    expect(shown.toFile).toEqual({ count: 1, amountFen: 13_000, claimIds: [claimOf(shop(), jobs[2]!.id)] })
    // Meanwhile another manager files the claim shown by hand, and a job of the same money is
    // checked out the same day: the count and the sum shown still hold, the claim does not.
    await callOk(
      app,
      'checkout.markClaim',
      { claimId: shown.toFile.claimIds[0]!, step: 'submitted', note: '' },
      staff.manager.token
    )
    const swapped = await warrantyJobClaimed(shop(), 'HNR-B-004', 5_000, 8_000)
    const steps = countRows(app, 'warranty_claim_steps')
    expect(
      await callError(
        app,
        'checkout.fileClaims',
        { ...day, claimIds: shown.toFile.claimIds, note: '' },
        staff.manager.token
      )
    ).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'claims.toFileChanged',
      details: { count: 1, amountFen: 13_000 }
    })
    expect(countRows(app, 'warranty_claim_steps')).toBe(steps)
    const reread = await callOk(app, 'checkout.claims', { ...day, page: 1, pageSize: 50 }, staff.manager.token)
    expect(reread.toFile.claimIds).toEqual([claimOf(shop(), swapped.id)])
    expect(
      await callOk(
        app,
        'checkout.fileClaims',
        { ...day, claimIds: reread.toFile.claimIds, note: '' },
        staff.manager.token
      )
    ).toEqual({ filed: 1 })
  })
})
