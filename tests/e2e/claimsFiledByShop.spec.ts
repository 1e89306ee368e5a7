import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { test, expect, hire, screenshot, settled, setUpShop, staffPage } from './fixtures'
import { finishedJob } from './counterJobs'

const OUT_DIR = join('test-results', 'claims')

test('a shop outside a brand network is told to file its claims itself, and a manager records them filed and paid', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const manager = await hire(host, adminToken, 'dianzhang', '钱店长', 'manager')
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const job = await finishedJob(host, adminToken, {
    serviceType: 'warranty_repair',
    customer: '孙悦',
    labourFen: 6_000,
    partPriceFen: 30_000
  })
  await host.rpc('checkout.pay', { workOrderId: job.id, tenders: [] }, adminToken)

  const page = await staffPage(browser, host, manager.username, manager.password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByTestId('nav-claims').click()
  await expect(page.getByTestId('claims-intro')).toContainText('请自行向品牌申报')
  const row = page.getByTestId('claims-table').locator('tbody tr').filter({ hasText: job.number })
  await expect(row.getByTestId('claim-state')).toHaveText('待向品牌申报')
  await expect(page.getByText('待上传')).toHaveCount(0)
  await settled(page)
  await screenshot(page, 'claims-to-file-with-brand')

  // Filed with the brand, with the brand's claim number.
  await row.getByTestId('claim-mark-submitted').click()
  const dialog = page.getByTestId('claim-step-dialog')
  await expect(dialog).toContainText(`工单 ${job.number} · 索赔金额 ¥360.00`)
  await dialog.locator('input[name=claim-note]').fill('品牌索赔单 BR-0117')
  await dialog.getByTestId('claim-step-save').click()
  await expect(dialog).toBeHidden()
  await expect(row.getByTestId('claim-state')).toHaveText('已向品牌申报')
  await expect(row.getByTestId('claim-last-step')).toContainText('品牌索赔单 BR-0117')
  await expect(row.getByTestId('claim-last-step')).toContainText('钱店长 记录')
  // On the smallest counter screen the brand's answer is recorded without scrolling the list sideways.
  await page.setViewportSize({ width: 1280, height: 720 })
  const listBody = page.getByTestId('claims-table').locator('.el-table__body-wrapper .el-scrollbar__wrap')
  expect(await listBody.evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth)).toBeLessThanOrEqual(0)
  await expect(row.getByTestId('claim-mark-rejected')).toBeInViewport()
  await page.setViewportSize({ width: 1366, height: 768 })

  // Paid, a little less than claimed.
  await row.getByTestId('claim-mark-paid').click()
  await expect(dialog.locator('input[name=claim-paid]')).toHaveValue('360.00')
  await dialog.locator('input[name=claim-paid]').fill('350')
  await dialog.locator('input[name=claim-note]').fill('扣运费 10 元')
  await settled(page)
  await screenshot(page, 'claims-record-paid-dialog')
  await dialog.getByTestId('claim-step-save').click()
  await expect(dialog).toBeHidden()
  await expect(row.getByTestId('claim-state')).toHaveText('品牌已付款')
  await expect(row.getByTestId('claim-last-step')).toContainText('实付 ¥350.00')
  await expect(row.getByTestId('claim-mark-rejected')).toHaveCount(0)
  await settled(page)
  await screenshot(page, 'claims-paid-by-brand')

  // The job shows the same, and the front desk sees it without the manager's buttons.
  await page.goto(`${host.url}#/work-orders/${job.id}`)
  const managersPanel = page.getByTestId('work-order-claims')
  await expect(managersPanel.getByTestId('claim-state')).toHaveText('品牌已付款')
  await managersPanel.scrollIntoViewIfNeeded()
  await settled(page)
  await screenshot(page, 'claims-on-the-job')
  const deskPage = await staffPage(browser, host, desk.username, desk.password)
  await deskPage.setViewportSize({ width: 1366, height: 768 })
  await deskPage.goto(`${host.url}#/work-orders/${job.id}`)
  const panel = deskPage.getByTestId('work-order-claims')
  await expect(panel.getByTestId('claim-state')).toHaveText('品牌已付款')
  await expect(panel.locator('[data-test^=claim-mark-]')).toHaveCount(0)

  // The claims report counts it as settled, nothing owed: 360 claimed, 350 paid, 10 kept back.
  await page.goto(`${host.url}#/reports`)
  await page.getByTestId('report-tabs').locator('#tab-claims').click()
  await page.getByTestId('report-preset-month').click()
  await expect(page.locator('.report-body .el-loading-mask')).toHaveCount(0)
  // Each figure's value exactly, so 10.00 is not read in 110.00 nor 0.00 in 360.00.
  const figureValue = (key: string) => page.getByTestId(`figure-${key}`).locator('.report-figure__value')
  await expect(figureValue('paidFen')).toHaveText(/^¥?360\.00$/)
  await expect(figureValue('brandPaidFen')).toHaveText(/^¥?350\.00$/)
  await expect(figureValue('shortfallFen')).toHaveText(/^¥?10\.00$/)
  await expect(figureValue('outstandingFen')).toHaveText(/^¥?0\.00$/)
  await settled(page)
  await screenshot(page, 'claims-report-brand-paid')
  const byStatus = page.getByTestId('report-table-byStatus')
  await byStatus.scrollIntoViewIfNeeded()
  await expect(byStatus.locator('.el-table__row').filter({ hasText: '已结算' })).toContainText('350.00')
  await settled(page)
  await screenshot(page, 'claims-report-brand-paid-by-status')

  // The Excel file says the same.
  mkdirSync(OUT_DIR, { recursive: true })
  const download = page.waitForEvent('download')
  await page.getByTestId('report-export').click()
  const file = join(OUT_DIR, 'claims.xlsx')
  await (await download).saveAs(file)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const figures = new Map<string, unknown>()
  workbook.worksheets[0]!.eachRow((row, number) => {
    if (number > 1) figures.set(String(row.getCell(1).value), row.getCell(2).value)
  })
  expect([figures.get('已结算·申报额（元）'), figures.get('品牌实付（元）'), figures.get('已结算少付（元）')]).toEqual([
    360, 350, 10
  ])
})
