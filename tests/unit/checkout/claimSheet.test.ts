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

const today = (shop: StaffedShop) => shopLocalDate(shop.clock.now(), 'Asia/Shanghai')

async function sheetRows(base64: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook()
  const bytes = Buffer.from(base64, 'base64')
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  const rows: unknown[][] = []
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
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
    expect(firstDay.toFile).toEqual({ count: 2, amountFen: 36_000 + 16_000 })
    const both = await callOk(app, 'checkout.claims', { from: days.first, page: 1, pageSize: 50 }, staff.manager.token)
    expect(both.toFile.count).toBe(3)
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
    const file = await callOk(
      app,
      'checkout.exportClaims',
      {
        from: days.first,
        to: days.first,
        title: '保修索赔单',
        columns,
        labels: { 'status.open': '待向品牌申报', total: '合计', paid: '实付' }
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
    expect([cell(totals, 'workOrderNumber'), cell(totals, 'amountFen'), cell(totals, 'labourFen')]).toEqual([
      '合计',
      520,
      100
    ])
    expect(rest).toEqual([])
    // A front desk sees the claims but does not send the brand the shop's sheet.
    expect(await callError(app, 'checkout.exportClaims', { title: 'x', columns }, staff.frontDesk.token)).toMatchObject(
      { code: 'FORBIDDEN' }
    )
  })

  it('are recorded filed in one go, with the brand’s batch number, only if the count shown still holds', async () => {
    const { app, staff } = shop()
    const batch = { from: days.first, to: days.first, amountFen: 52_000, note: '品牌索赔批次 2026-01' }
    expect(await callError(app, 'checkout.fileClaims', { ...batch, count: 2 }, staff.frontDesk.token)).toMatchObject({
      code: 'FORBIDDEN'
    })
    // The manager was shown three (a claim made meanwhile, say): the days hold two, nothing is filed.
    const steps = countRows(app, 'warranty_claim_steps')
    expect(await callError(app, 'checkout.fileClaims', { ...batch, count: 3 }, staff.manager.token)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'claims.toFileChanged'
    })
    // As many, but not the ones shown (one filed by hand meanwhile, another made): the sum tells.
    expect(
      await callError(app, 'checkout.fileClaims', { ...batch, count: 2, amountFen: 50_000 }, staff.manager.token)
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'claims.toFileChanged' })
    expect(countRows(app, 'warranty_claim_steps')).toBe(steps)

    expect(await callOk(app, 'checkout.fileClaims', { ...batch, count: 2 }, staff.manager.token)).toEqual({ filed: 2 })
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
    expect(await callError(app, 'checkout.fileClaims', { ...batch, count: 2 }, staff.manager.token)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'claims.toFileChanged'
    })
  })
})
