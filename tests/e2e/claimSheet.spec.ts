import ExcelJS from 'exceljs'
import { readFileSync } from 'node:fs'
import { test, expect, hire, screenshot, settled, setUpShop, staffPage } from './fixtures'
import { finishedJob } from './counterJobs'

test("a shop outside a brand network exports a period's claim sheet for the brand and records the whole period filed at once", async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const manager = await hire(host, adminToken, 'dianzhang', '钱店长', 'manager')
  const jobs = []
  for (const [customer, labourFen, partPriceFen] of [
    ['孙悦', 6_000, 30_000],
    ['周航', 4_000, 12_000]
  ] as const) {
    const job = await finishedJob(host, adminToken, {
      serviceType: 'warranty_repair',
      customer,
      labourFen,
      partPriceFen
    })
    // The first job's fault was found on the main board (location code L01).
    if (jobs.length === 0) {
      await host.rpc(
        'workOrders.diagnose',
        { id: job.id, faultLocationCode: 'L01', faultCauseCode: null, diagnosis: '' },
        adminToken
      )
    }
    await host.rpc('checkout.pay', { workOrderId: job.id, tenders: [] }, adminToken)
    jobs.push(job)
  }
  const { today } = await host.rpc<{ today: string }>('dashboard.get', {}, adminToken)

  const page = await staffPage(browser, host, manager.username, manager.password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByTestId('nav-claims').click()
  // Until days are chosen, the screen says how many are to file and how to send them.
  await expect(page.getByTestId('claims-to-file')).toContainText('共有 2 笔索赔待向品牌申报：选择日期')
  await expect(page.getByTestId('claims-file-all')).toHaveCount(0)

  // The month-end: the manager picks the days, the screen sums what is to file.
  const range = page.getByTestId('claims-days').locator('input')
  await range.first().fill(today)
  await range.last().fill(today)
  await range.last().press('Enter')
  await expect(page.getByTestId('claims-to-file')).toContainText('所选日期内有 2 笔索赔待向品牌申报，共 ¥520.00')

  // The claim sheet the brand reads: one row a claim, the unit, the parts, the money, a total.
  const download = page.waitForEvent('download')
  await page.getByTestId('claims-export').click()
  const file = await download
  expect(file.suggestedFilename()).toBe(`保修索赔单-鑫诚手机维修中心-${today}_${today}.xlsx`)
  const workbook = new ExcelJS.Workbook()
  const bytes = readFileSync(await file.path())
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
  const rows: unknown[][] = []
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
  expect(rows[0]).toEqual(expect.arrayContaining(['工单号', '序列号', '更换配件', '索赔金额（元）', '状态']))
  const column = (title: string) => (rows[0] as string[]).indexOf(title)
  expect(rows.slice(1).map((row) => row[column('工单号')])).toEqual([jobs[0]!.number, jobs[1]!.number, '合计'])
  expect(rows.slice(1).map((row) => row[column('索赔金额（元）')])).toEqual([360, 160, 520])
  expect(rows[1]![column('型号')]).toBe('Mate 60 Pro')
  expect(rows[1]![column('状态')]).toBe('待向品牌申报')
  // The brand reads the component in words, not the app's key.
  expect(rows.slice(1, 3).map((row) => row[column('故障部件')])).toEqual(['主板', ''])
  await settled(page)
  await screenshot(page, 'claims-period-to-file')

  // Sent: the whole period recorded as filed, with the brand's batch number.
  await page.getByTestId('claims-file-all').click()
  const dialog = page.getByTestId('claims-file-all-dialog')
  await expect(dialog.getByTestId('claims-file-all-summary')).toContainText(
    `${today} 至 ${today} 待申报的 2 笔索赔，共 ¥520.00`
  )
  await dialog.locator('input[name=claims-batch-note]').fill('品牌索赔批次 BR-2026-12')
  await settled(page)
  await screenshot(page, 'claims-file-all-dialog')
  await dialog.getByTestId('claims-file-all-save').click()
  await expect(dialog).toBeHidden()
  await expect(page.locator('.el-message').filter({ hasText: '已记录 2 笔索赔为已申报' })).toBeVisible()
  const table = page.getByTestId('claims-table')
  await expect(table.getByTestId('claim-state')).toHaveText(['已向品牌申报', '已向品牌申报'])
  await expect(table.getByTestId('claim-last-step')).toHaveText([
    /品牌索赔批次 BR-2026-12\s*钱店长 记录/,
    /品牌索赔批次 BR-2026-12\s*钱店长 记录/
  ])
  await expect(page.getByTestId('claims-to-file')).toHaveCount(0)
  await settled(page)
  await screenshot(page, 'claims-period-filed')
})
