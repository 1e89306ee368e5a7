import BetterSqlite3 from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Page } from '@playwright/test'
import { DATABASE_FILE_NAME } from '../../src-main/app/openApp'
import { expect, hire, screenshot, settled, setUpShop, signIn, takeIn, test, type ShopHost } from './fixtures'

/**
 * A screen fitted under 三包 last month and handed back this month, after the job was picked up:
 * the manager's parts report for last month still shows it as it was reported, and this month's
 * shows the return as a negative line, on screen and in the Excel export, whose lines add up to
 * its headline figures. And a 三包 claim the brand rejects this month, after the job was picked up
 * last month: last month still shows the screen on the brand, this month moves it to the shop.
 */
const OUT_DIR = join('test-results', 'reports')

/** Last month's 15th at 10:00 in Shanghai, as stored. */
function lastMonth(): string {
  const now = new Date()
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15, 2)).toISOString()
}

/** A 三包 phone with a screen (price 450, cost 200) and labour the customer pays, checked out and picked up. */
async function pickedUpJob(
  host: ShopHost,
  token: string
): Promise<{ id: string; invoiceId: string; partLineId: string }> {
  const part = await host.rpc<{ id: string }>(
    'parts.create',
    { partNumber: 'SCR-M60', name: '屏幕总成', barcodes: [], sellingPriceFen: 45_000, costPriceFen: 20_000 },
    token
  )
  await host.rpc(
    'parts.receive',
    { reference: 'HQ-1', lines: [{ partId: part.id, quantity: 1, unitCostFen: 20_000 }] },
    token
  )
  const job = await takeIn(host, token, {
    customer: { name: '王芳', mobile: '13900001234' },
    device: { brand: '华为', model: 'Mate 60', serial: 'RPTBACK01' },
    serviceType: 'warranty_repair',
    reportedFault: '屏幕不亮'
  })
  const id = job.workOrder.id
  for (const to of ['diagnosing', 'repairing']) await host.rpc('workOrders.transition', { id, to }, token)
  const priced = await host.rpc<{ labour: { id: string }[] }>(
    'workOrders.addLabour',
    { id, description: '更换屏幕', minutes: 40, priceFen: 6_000 },
    token
  )
  await host.rpc('workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, token)
  for (const to of ['quality_check', 'ready_for_pickup']) await host.rpc('workOrders.transition', { id, to }, token)
  const invoice = await host.rpc<{ id: string; lines: { id: string; kind: string }[] }>(
    'checkout.pay',
    {
      workOrderId: id,
      payers: { [priced.labour[0]!.id]: 'customer' },
      tenders: [{ method: 'cash', amountFen: 6_000 }]
    },
    token
  )
  await host.rpc('workOrders.pickup', { id, claimCode: job.claimCode, confirmed: true }, token)
  return { id, invoiceId: invoice.id, partLineId: invoice.lines.find((line) => line.kind === 'part')!.id }
}

/** A shop with a manager, and the job done, picked up and reported last month (the host keeps today's clock). */
async function pickedUpLastMonth(host: ShopHost) {
  const adminToken = await setUpShop(host)
  const manager = await hire(host, adminToken, 'manager1', '钱经理', 'manager')
  const job = await pickedUpJob(host, adminToken)
  const shopDb = new BetterSqlite3(join(host.dataDir, DATABASE_FILE_NAME))
  shopDb.pragma('busy_timeout = 5000')
  shopDb.prepare('UPDATE work_order_parts SET issued_at = ? WHERE work_order_id = ?').run(lastMonth(), job.id)
  shopDb.prepare('UPDATE work_orders SET picked_up_at = ? WHERE id = ?').run(lastMonth(), job.id)
  shopDb.close()
  return { adminToken, manager, job }
}

async function showMonth(page: Page, preset: 'lastMonth' | 'month') {
  await page.getByTestId(`report-preset-${preset}`).click()
  await expect(page.locator('.report-body .el-loading-mask')).toHaveCount(0)
}

/** The report's Excel file: its headline figures by name and the rows of its by-part sheet. */
async function exported(page: Page, name: string) {
  const download = page.waitForEvent('download')
  await page.getByTestId('report-export').click()
  const file = join(OUT_DIR, name)
  await (await download).saveAs(file)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const [summary, ...tables] = workbook.worksheets
  const figures = new Map<string, unknown>()
  summary!.eachRow((row, number) => {
    if (number > 1) figures.set(String(row.getCell(1).value), row.getCell(2).value)
  })
  return { figures, tables }
}

test('a part handed back after the pick-up is credited in its month; the month reported stays', async ({
  page,
  host
}) => {
  test.setTimeout(180_000)
  const { adminToken, manager, job } = await pickedUpLastMonth(host)
  // Today the customer brings the screen back; the brand is not asked for it any more.
  await host.rpc(
    'checkout.creditNote',
    {
      invoiceId: job.invoiceId,
      lines: [{ lineId: job.partLineId, amountFen: 45_000, handedBack: { quantity: 1, disposition: 'resellable' } }],
      reason: '客户退回屏幕',
      refundMethod: 'cash'
    },
    adminToken
  )
  mkdirSync(OUT_DIR, { recursive: true })

  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, manager.username, manager.password)
  await expect(page.getByTestId('welcome')).toBeVisible()
  await page.goto(`${host.url}#/reports`)
  await page.getByTestId('report-tabs').locator('#tab-parts').click()
  await expect(page.getByTestId('report-chart')).toBeVisible()

  await showMonth(page, 'lastMonth')
  await expect(page.getByTestId('figure-quantity')).toContainText('1')
  await expect(page.getByTestId('figure-revenueFen')).toContainText('450.00')
  await expect(page.getByTestId('figure-brandFen')).toContainText('450.00')
  await settled(page)
  await screenshot(page, 'reports-parts-credited-last-month-zh')

  await showMonth(page, 'month')
  await expect(page.getByTestId('figure-quantity')).toContainText('-1')
  await expect(page.getByTestId('figure-revenueFen')).toContainText('-450.00')
  await expect(page.getByTestId('figure-costFen')).toContainText('-200.00')
  const byPart = page.getByTestId('report-table-byPart')
  await byPart.scrollIntoViewIfNeeded()
  await expect(byPart).toContainText('屏幕总成')
  await settled(page)
  await screenshot(page, 'reports-parts-credited-this-month-zh')

  // The export adds up: its by-part lines come to its headline figures.
  const { figures, tables } = await exported(page, 'parts-credited.xlsx')
  expect(figures.get('收入（元）')).toBe(-450)
  const partSheet = tables.at(-1)!
  const header = partSheet.getRow(1).values as unknown[]
  const revenueColumn = header.indexOf('收入（元）')
  let revenue = 0
  partSheet.eachRow((row, number) => {
    if (number > 1) revenue += Number(row.getCell(revenueColumn).value)
  })
  expect(revenue).toBe(figures.get('收入（元）'))
})

test('a 三包 claim the brand rejects this month, after last month’s pick-up: last month stays, this month moves the screen to the shop', async ({
  page,
  host
}) => {
  test.setTimeout(180_000)
  const { manager } = await pickedUpLastMonth(host)

  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, manager.username, manager.password)
  await expect(page.getByTestId('welcome')).toBeVisible()
  // Today the brand answers: no, the screen is not covered. The manager records it.
  await page.getByTestId('nav-claims').click()
  const row = page.getByTestId('claims-table').locator('tbody tr').first()
  await row.getByTestId('claim-mark-rejected').click()
  const dialog = page.getByTestId('claim-step-dialog')
  await dialog.locator('input[name=claim-note]').fill('进液，不在保修范围')
  await dialog.getByTestId('claim-step-save').click()
  await expect(dialog).toBeHidden()
  await expect(row.getByTestId('claim-state')).toHaveText('品牌已拒绝')

  await page.goto(`${host.url}#/reports`)
  await page.getByTestId('report-tabs').locator('#tab-parts').click()
  await expect(page.getByTestId('report-chart')).toBeVisible()
  // Last month, reported with the screen on the brand, stays so.
  await showMonth(page, 'lastMonth')
  await expect(page.getByTestId('figure-brandFen')).toContainText('450.00')
  await expect(page.getByTestId('figure-shopCostFen')).toContainText('0.00')
  await expect(page.getByTestId('figure-revenueFen')).toContainText('450.00')
  // This month: the screen off the brand's column and onto the shop's, the pair of lines.
  await showMonth(page, 'month')
  await expect(page.getByTestId('figure-quantity')).toContainText('0')
  await expect(page.getByTestId('figure-brandFen')).toContainText('-450.00')
  await expect(page.getByTestId('figure-shopCostFen')).toContainText('200.00')
  await expect(page.getByTestId('figure-revenueFen')).toContainText('-450.00')
  const byPayer = page.getByTestId('report-table-byPayer')
  await byPayer.scrollIntoViewIfNeeded()
  await expect(byPayer.locator('.el-table__row').filter({ hasText: '三包（向品牌索赔）' })).toContainText('-450.00')
  await expect(byPayer.locator('.el-table__row').filter({ hasText: '本店保修（免费）' })).toContainText('200.00')
  await settled(page)
  await screenshot(page, 'reports-parts-claim-rejected-this-month-zh')
})
