import type { Locator, Page } from '@playwright/test'
import {
  switchLanguage,
  test,
  expect,
  screenshot,
  setUpShop,
  staffPage,
  hire,
  type ShopHost,
  settled,
  tallScreenshot
} from './fixtures'
import { stockedPart } from './stockedPart'
import { renderDocument } from './printedDocument'

const PT_PER_MM = 72 / 25.4

/** A barcode scanner: fast keystrokes ending in Enter. */
async function scan(field: Locator, code: string): Promise<void> {
  await field.pressSequentially(code, { delay: 5 })
  await field.press('Enter')
}

async function workOrder(
  host: ShopHost,
  token: string,
  serviceType: 'paid_repair' | 'warranty_repair',
  serial: string
): Promise<{ id: string; number: string }> {
  const created = await host.rpc<{ workOrder: { id: string; number: string } }>(
    'workOrders.create',
    {
      customer: {
        kind: 'new',
        fields: { name: '陈伟', mobile: `139${serial.slice(-8).replace(/\D/g, '0').padStart(8, '0')}` }
      },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial } },
      serviceType,
      intakeChannel: 'walk_in',
      reportedFault: '电池续航短，机身发烫',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false }
    },
    token
  )
  return created.workOrder
}

/** A serial-tracked main board the brand wants back when it fails, one unit of each serial on the shelf. */
function returnedBoard(host: ShopHost, adminToken: string, serials: string[]) {
  return stockedPart(host, adminToken, {
    partNumber: 'MB-M60P',
    name: 'Mate 60 Pro 主板',
    bin: 'S-01-01',
    barcodes: ['6901234599990'],
    priceFen: 0,
    costFen: 150_000,
    quantity: serials.length,
    serialTracked: true,
    returnFaulty: true,
    serials
  })
}

/** Batteries the brand wants back when they fail, `quantity` of them on the shelf. */
function returnedBattery(host: ShopHost, adminToken: string, quantity: number) {
  return stockedPart(host, adminToken, {
    partNumber: 'BAT-P60',
    name: 'P60 电池',
    bin: 'A-02-01',
    barcodes: ['6901234511110'],
    priceFen: 0,
    costFen: 9_000,
    quantity,
    returnFaulty: true
  })
}

async function userId(host: ShopHost, token: string, username: string): Promise<string> {
  const users = await host.rpc<{ rows: { id: string; username: string }[] }>('users.list', { search: username }, token)
  return users.rows.find((user) => user.username === username)!.id
}

test('a technician requests parts on their job; the clerk issues by scanning; the job shows the line and its price', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const tech = await hire(host, adminToken, 'zhangwei', '张伟', 'technician')
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  await stockedPart(host, adminToken, {
    partNumber: 'BAT-M60P',
    name: 'Mate 60 Pro 电池',
    bin: 'A-01-03',
    barcodes: ['6901234567892'],
    priceFen: 18_000,
    costFen: 9_000,
    quantity: 5
  })
  await stockedPart(host, adminToken, {
    partNumber: 'LCD-M60P',
    name: 'Mate 60 Pro 屏幕总成',
    bin: 'B-02-01',
    barcodes: ['6901234500011'],
    priceFen: 120_000,
    costFen: 60_000,
    quantity: 1
  })
  await stockedPart(host, adminToken, {
    partNumber: 'CBL-USBC',
    name: 'USB-C 尾插排线',
    bin: 'C-11-07',
    barcodes: ['6901234500028'],
    priceFen: 3_000,
    costFen: 1_250,
    quantity: 8
  })
  const order = await workOrder(host, adminToken, 'paid_repair', 'SN60P00001')
  await host.rpc(
    'workOrders.assign',
    { id: order.id, technicianId: await userId(host, adminToken, tech.username) },
    adminToken
  )

  // Technician: two requests from their job's parts panel: search, pick, quantity, request.
  const techPage = await staffPage(browser, host, tech.username, tech.password)
  await techPage.goto(`${host.url}#/work-orders/${order.id}`)
  const panel = techPage.getByTestId('work-order-parts')
  await expect(panel).toContainText('尚未领用配件')
  await panel.getByTestId('part-request-select').click()
  await techPage.keyboard.type('BAT')
  await techPage.getByRole('option', { name: /BAT-M60P/ }).click()
  await panel.locator('input[name=request-note]').fill('电池鼓包')
  // Back to back, without waiting for the first answer (held on its way until the next part is
  // picked): the next pick survives that answer, which clears only what the first request used.
  let answerFirst = () => {}
  const firstAnswered = new Promise<void>((resolve) => (answerFirst = resolve))
  await techPage.route(
    '**/rpc/workOrderParts.request',
    async (route) => {
      const response = await route.fetch()
      await firstAnswered
      await route.fulfill({ response })
    },
    { times: 1 }
  )
  await panel.getByTestId('request-part').click()
  await panel.getByTestId('part-request-select').click()
  await techPage.keyboard.type('屏幕')
  await techPage.getByRole('option', { name: /LCD-M60P/ }).click()
  await expect(panel.getByTestId('part-request-select')).toContainText('LCD-M60P')
  answerFirst()
  await expect(panel.getByTestId('part-requests')).toContainText('BAT-M60P')
  await expect(panel.locator('input[name=request-note]')).toHaveValue('')
  await expect(panel.getByTestId('part-request-select')).toContainText('LCD-M60P')
  await panel.locator('input[name=request-quantity]').fill('2')
  await panel.getByTestId('request-part').click()
  await expect(panel.getByTestId('part-requests')).toContainText('LCD-M60P')
  await expect(panel.getByTestId('part-requests')).toContainText('待发料')
  await expect(panel.getByTestId('part-request-select')).not.toContainText('LCD-M60P')
  await panel.scrollIntoViewIfNeeded()
  await tallScreenshot(techPage, 'parts-work-order-requested', 1300)

  // Clerk: the queue has both requests, the oldest chosen; the caret waits in the scan field.
  const clerkPage = await staffPage(browser, host, clerk.username, clerk.password)
  await clerkPage.getByTestId('nav-parts-issue').click()
  const queue = clerkPage.getByTestId('issue-queue')
  await expect(queue).toContainText('BAT-M60P')
  await expect(queue).toContainText('LCD-M60P')
  const chosen = clerkPage.getByTestId('selected-request')
  await expect(chosen).toContainText(order.number)
  await expect(chosen).toContainText('BAT-M60P')
  const scanField = clerkPage.locator('input[name=issue-scan]')
  await expect(scanField).toBeFocused()

  // The wrong part is refused with a clear message, and the caret stays for the next scan.
  await scan(scanField, '6901234500028')
  const feedback = clerkPage.getByTestId('scan-feedback')
  await expect(feedback).toContainText('扫描的是 CBL-USBC USB-C 尾插排线，与申领的配件 BAT-M60P Mate 60 Pro 电池 不符')
  await expect(scanField).toBeFocused()
  await tallScreenshot(clerkPage, 'parts-issue-wrong-part')

  // The right barcode issues it; the job's other request is chosen next.
  await scan(scanField, '6901234567892')
  await expect(feedback).toContainText(`已发料：BAT-M60P Mate 60 Pro 电池 × 1 → 工单 ${order.number}`)
  await expect(queue).not.toContainText('BAT-M60P')
  await expect(chosen).toContainText('LCD-M60P')
  await expect(scanField).toBeFocused()
  await tallScreenshot(clerkPage, 'parts-issue-issued')

  // Two screens asked for, one on the shelf: refused with the numbers, and nothing changes.
  await scan(scanField, '6901234500011')
  await expect(feedback).toHaveText('库存不足：LCD-M60P 现有 1，需要 2')
  await expect(scanField).toBeFocused()
  await expect(queue).toContainText('LCD-M60P')
  await expect(chosen).toContainText('LCD-M60P')
  const screen = await host.rpc<{ onHand: number }>('parts.find', { code: 'LCD-M60P' }, adminToken)
  expect(screen.onHand).toBe(1)
  await tallScreenshot(clerkPage, 'parts-issue-insufficient')

  // Technician: the job shows the issued battery at its selling price; checkout will charge it.
  await techPage.reload()
  const issued = techPage.getByTestId('issued-parts')
  await expect(issued).toContainText('BAT-M60P')
  await expect(issued).toContainText('180.00')
  await expect(techPage.getByTestId('parts-total')).toHaveText('¥180.00')
  await expect(techPage.getByTestId('part-requests')).toContainText('已发料')
  // The technician cancels the screen request they no longer need.
  await techPage.getByTestId('part-requests').getByTestId('cancel-request').click()
  const cancelDialog = techPage.getByTestId('cancel-request-dialog')
  await cancelDialog.getByTestId('cancel-reason-requestedByMistake').click()
  await cancelDialog.getByTestId('cancel-request-submit').click()
  await expect(techPage.getByTestId('part-requests')).toContainText('已取消')
  // Why and by whom, under the status: the counter reads it without hovering.
  await expect(techPage.getByTestId('request-cancellation')).toHaveText(/申领错误\s*张伟/)
  await techPage.getByTestId('work-order-parts').scrollIntoViewIfNeeded()
  await tallScreenshot(techPage, 'parts-work-order-issued', 1300)

  // Clerk: the battery was not needed after all; it goes back to stock from the job.
  await clerkPage.goto(`${host.url}#/work-orders/${order.id}`)
  await clerkPage.getByTestId('issued-parts').getByTestId('return-line').click()
  const returnDialog = clerkPage.getByTestId('return-dialog')
  await expect(returnDialog.locator('input[name=return-quantity]')).toBeFocused()
  await settled(clerkPage)
  await screenshot(clerkPage, 'parts-return-dialog')
  await returnDialog.getByTestId('return-submit').click()
  await expect(clerkPage.getByTestId('parts-total')).toHaveText('¥0.00')
  const battery = await host.rpc<{ onHand: number }>('parts.find', { code: 'BAT-M60P' }, adminToken)
  expect(battery.onHand).toBe(5)
})

test('a warranty job’s replaced part is owed to the brand, packed into a batch and shipped with its tracking number', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  const board = await returnedBoard(host, adminToken, ['MBSN2026A001', 'MBSN2026A002'])
  const order = await workOrder(host, adminToken, 'warranty_repair', 'SN60P00002')
  await host.rpc('workOrderParts.request', { workOrderId: order.id, partId: board.id, quantity: 1 }, adminToken)

  // Clerk: a serial-tracked part asks for its serial after the barcode.
  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.getByTestId('nav-parts-issue').click()
  await expect(page.getByTestId('selected-request')).toContainText('MB-M60P')
  await scan(page.locator('input[name=issue-scan]'), '6901234599990')
  const serialField = page.locator('input[name=issue-serial]')
  await expect(serialField).toBeFocused()
  await tallScreenshot(page, 'parts-issue-serial')
  await scan(serialField, 'MBSN2026A001')
  await expect(page.getByTestId('scan-feedback')).toContainText(
    `已发料：MB-M60P Mate 60 Pro 主板 × 1 → 工单 ${order.number}`
  )
  await expect(page.locator('input[name=issue-scan]')).toBeFocused()

  // The old board is now owed to the brand.
  await page.getByTestId('nav-parts-faulty').click()
  const owed = page.getByTestId('owed-table')
  await expect(owed).toContainText(order.number)
  await expect(owed).toContainText('MB-M60P')
  await expect(owed).toContainText('MBSN2026A001')
  await expect(owed).toContainText('待返还')
  await expect(owed.getByTestId('age-days')).toHaveText('0 天')
  await tallScreenshot(page, 'parts-faulty-owed')

  // Saved as Excel with Chinese titles.
  const download = page.waitForEvent('download')
  await page.getByTestId('export-owed').click()
  expect((await download).suggestedFilename()).toMatch(/^待返还旧件-\d{4}-\d{2}-\d{2}\.xlsx$/)

  // Ticked and packed into a return batch.
  await owed.locator('.el-table__body .el-checkbox').first().click()
  await page.getByTestId('pack-batch').click()
  await page.locator('.el-message-box').getByRole('button', { name: '装箱' }).click()
  await expect(page.getByText(/已装箱：批次 FR-\d{6}-0001，共 1 件/)).toBeVisible()
  await expect(owed).toContainText('已装箱')

  // Shipped with the carrier and the waybill's tracking number.
  await page.getByTestId('tab-batches').click()
  const batches = page.getByTestId('batches-table')
  await expect(batches.getByTestId('batch-status')).toHaveText('已装箱')
  await batches.getByTestId('ship-batch').click()
  const dialog = page.getByTestId('batch-step-dialog')
  await expect(dialog.locator('input[name=carrier]')).toBeFocused()
  await dialog.locator('input[name=carrier]').fill('顺丰速运')
  await dialog.locator('input[name=carrier]').press('Enter')
  await expect(dialog.locator('input[name=tracking-number]')).toBeFocused()
  await dialog.locator('input[name=tracking-number]').fill('SF1234567890')
  await settled(page)
  await screenshot(page, 'parts-faulty-ship-dialog')
  await dialog.locator('input[name=tracking-number]').press('Enter')
  await expect(batches.getByTestId('batch-status')).toHaveText('已发出')
  await expect(batches).toContainText('SF1234567890')
  await expect(batches).toContainText('顺丰速运')
  await tallScreenshot(page, 'parts-faulty-batches')

  // In English the batch's next step fits its column too ("Mark credited" was cut short).
  await switchLanguage(page, 'English')
  const credit = batches.getByTestId('credit-batch')
  await expect(credit).toHaveText('Mark credited')
  const button = await credit.boundingBox()
  const cell = await credit.locator('xpath=ancestor::td[1]').boundingBox()
  expect(button!.x + button!.width).toBeLessThanOrEqual(cell!.x + cell!.width)
  await switchLanguage(page, '中文')
  await expect(credit).toHaveText('确认入账')

  // A click shows what is in the batch.
  await batches.getByText('SF1234567890').click()
  const detail = page.getByTestId('batch-detail')
  await expect(detail.getByTestId('batch-items')).toContainText('MBSN2026A001')
  await settled(page)
  await screenshot(page, 'parts-faulty-batch-detail')
  await page.keyboard.press('Escape')

  // Shipped, the board has left the shop: it is no longer on the owed tab, whose count agrees with home.
  await page.getByTestId('tab-owed').click()
  await expect(owed).not.toContainText('MBSN2026A001')
  await expect(page.getByTestId('tab-owed')).toContainText('(0)')
})

test('a stocktake over all parts: one count with a variance, a manager-sized one corrected, posted to the books', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  const battery = await stockedPart(host, adminToken, {
    partNumber: 'BAT-M60P',
    name: 'Mate 60 Pro 电池',
    bin: 'A-01-03',
    barcodes: ['6901234567892'],
    priceFen: 18_000,
    costFen: 9_000,
    quantity: 5
  })
  const screen = await stockedPart(host, adminToken, {
    partNumber: 'LCD-M60P',
    name: 'Mate 60 Pro 屏幕总成',
    bin: 'B-02-01',
    barcodes: ['6901234500011'],
    priceFen: 120_000,
    costFen: 60_000,
    quantity: 3
  })
  await stockedPart(host, adminToken, {
    partNumber: 'CBL-USBC',
    name: 'USB-C 尾插排线',
    bin: 'C-11-07',
    barcodes: ['6901234500028'],
    priceFen: 3_000,
    costFen: 1_250,
    quantity: 8
  })

  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.getByTestId('nav-parts-stocktakes').click()
  await page.getByTestId('start-stocktake').click()
  const start = page.getByTestId('start-stocktake-dialog')
  await start.locator('input[name=stocktake-note]').fill('月末盘点')
  await settled(page)
  await screenshot(page, 'parts-stocktake-start')
  await start.getByTestId('start-stocktake-submit').click()

  // The count sheet lists every part; the caret waits in the scan field.
  await expect(page.getByTestId('stocktake-status')).toHaveText('盘点中')
  await expect(page.getByTestId('stocktake-progress')).toHaveText('0 / 3')
  const scanField = page.locator('input[name=stocktake-scan]')
  await expect(scanField).toBeFocused()

  // Scanning the battery jumps to its line; 3 counted against 5 on the books, Enter saves.
  await scan(scanField, '6901234567892')
  const batteryLine = page.locator('tr[data-part="BAT-M60P"]')
  const batteryCount = batteryLine.getByTestId('count-input')
  await expect(batteryCount).toBeFocused()
  await batteryCount.fill('3')
  await batteryCount.press('Enter')
  await expect(batteryLine.getByTestId('line-variance')).toHaveText('-2')
  await expect(scanField).toBeFocused()
  await expect(page.getByTestId('stocktake-progress')).toHaveText('1 / 3')
  await expect(page.getByTestId('stocktake-variance')).toHaveText('-¥180.00')

  // A part number typed by hand works too; the cable matches its books.
  await scan(scanField, 'cbl-usbc')
  const cableCount = page.locator('tr[data-part="CBL-USBC"]').getByTestId('count-input')
  await expect(cableCount).toBeFocused()
  await cableCount.fill('8')
  await cableCount.press('Enter')
  await expect(page.getByTestId('stocktake-progress')).toHaveText('2 / 3')

  // A code no part has is said so, and the caret stays.
  await scan(scanField, 'NOSUCHPART')
  await expect(page.getByTestId('scan-error')).toHaveText('没有条码或料号为 NOSUCHPART 的配件')
  await expect(scanField).toBeFocused()

  // Two screens missing is worth more than a clerk may post alone.
  await scan(scanField, '6901234500011')
  const screenLine = page.locator('tr[data-part="LCD-M60P"]')
  await screenLine.getByTestId('count-input').fill('1')
  await screenLine.getByTestId('count-input').press('Enter')
  await expect(screenLine.getByTestId('line-variance')).toHaveText('-2')
  await tallScreenshot(page, 'parts-stocktake-sheet')
  await page.getByTestId('post-stocktake').click()
  const post = page.getByTestId('post-dialog')
  await expect(post.getByTestId('post-variances')).toContainText('BAT-M60P')
  await expect(post.getByTestId('post-variances')).toContainText('LCD-M60P')
  await settled(page)
  await screenshot(page, 'parts-stocktake-post-dialog')
  await post.getByTestId('post-confirm').click()
  await expect(page.getByText('盘点差异金额超过审批额度，需店长过账')).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('stocktake-status')).toHaveText('盘点中')

  // The screens were found on another shelf: the count is corrected and the rest posted.
  await scan(scanField, 'LCD-M60P')
  await expect(screenLine.getByTestId('count-input')).toBeFocused()
  await screenLine.getByTestId('count-input').fill('3')
  await screenLine.getByTestId('count-input').press('Enter')
  await expect(screenLine.getByTestId('line-variance')).toHaveText('0')
  await page.getByTestId('post-stocktake').click()
  await expect(post.getByTestId('post-variances')).not.toContainText('LCD-M60P')
  await post.getByTestId('post-confirm').click()
  await expect(page.getByTestId('stocktake-status')).toHaveText('已过账')
  await expect(page.getByTestId('count-input')).toHaveCount(0)
  await tallScreenshot(page, 'parts-stocktake-posted')

  // The books follow the count: the battery is down by two, the screens unchanged.
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: battery.id }, adminToken)).onHand).toBe(3)
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: screen.id }, adminToken)).onHand).toBe(3)

  await page.getByTestId('nav-parts-stocktakes').click()
  await expect(page.getByTestId('stocktakes-table')).toContainText('已过账')
  // The list shows the variance as money, as the count sheet does.
  await expect(page.getByTestId('stocktakes-table')).toContainText('-¥180.00')
  await tallScreenshot(page, 'parts-stocktakes-list', 800)
})

test('a blind stocktake: the clerk counts without the books; a part corrected after its count waits for a recount while the rest posts', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  const battery = await stockedPart(host, adminToken, {
    partNumber: 'BAT-M60P',
    name: 'Mate 60 Pro 电池',
    bin: 'A-01-03',
    barcodes: ['6901234567892'],
    priceFen: 18_000,
    costFen: 9_000,
    quantity: 5
  })
  const cable = await stockedPart(host, adminToken, {
    partNumber: 'CBL-USBC',
    name: 'USB-C 尾插排线',
    bin: 'C-11-07',
    barcodes: ['6901234500028'],
    priceFen: 3_000,
    costFen: 1_250,
    quantity: 8
  })

  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.getByTestId('nav-parts-stocktakes').click()
  await page.getByTestId('start-stocktake').click()
  const start = page.getByTestId('start-stocktake-dialog')
  await start.getByTestId('stocktake-blind').click()
  // The dialog promises what the count sheet keeps, and says the other parts screens show on-hand.
  await expect(start.getByTestId('stocktake-blind')).toContainText('盘点单上不显示账面数量')
  await expect(start.getByTestId('stocktake-blind-scope')).toHaveText(
    '仅盘点单隐藏账面：配件列表、配件详情和发料页面仍显示库存数量。'
  )
  await settled(page)
  await screenshot(page, 'blind-start')
  await start.getByTestId('start-stocktake-submit').click()

  // The sheet shows no books and no variances: only what is on the shelf is asked for.
  await expect(page.getByTestId('stocktake-status')).toHaveText('盘点中')
  await expect(page.getByTestId('stocktake-blind-stat')).toBeVisible()
  await expect(page.getByTestId('count-sheet')).not.toContainText('账面')
  await expect(page.getByTestId('line-variance')).toHaveCount(0)
  await expect(page.getByTestId('stocktake-variance')).toHaveCount(0)
  const scanField = page.locator('input[name=stocktake-scan]')
  await scan(scanField, '6901234567892')
  const batteryLine = page.locator('tr[data-part="BAT-M60P"]')
  await batteryLine.getByTestId('count-input').fill('4')
  await batteryLine.getByTestId('count-input').press('Enter')
  await expect(scanField).toBeFocused()
  await scan(scanField, '6901234500028')
  const cableLine = page.locator('tr[data-part="CBL-USBC"]')
  await cableLine.getByTestId('count-input').fill('7')
  await cableLine.getByTestId('count-input').press('Enter')
  await expect(page.getByTestId('stocktake-progress')).toHaveText('2 / 2')
  await tallScreenshot(page, 'parts-stocktake-blind-sheet')

  // Meanwhile the manager corrects the battery by hand: its count no longer fits the books.
  await host.rpc('parts.adjust', { partId: battery.id, kind: 'adjust', quantity: -1, reason: '发现短少' }, adminToken)
  await page.getByTestId('post-stocktake').click()
  const post = page.getByTestId('post-dialog')
  await expect(post.getByTestId('post-blind')).toBeVisible()
  await expect(post).toContainText('Ctrl+回车过账')
  await post.getByTestId('post-confirm').click()
  await expect(page.getByText('已过账 1 项；1 项清点后账面有变动，需复盘后再过账')).toBeVisible()
  await expect(page.getByTestId('stocktake-status')).toHaveText('盘点中')
  await expect(batteryLine.getByTestId('needs-recount')).toBeVisible()
  await expect(page.getByTestId('stocktake-recounts')).toContainText('1')
  await tallScreenshot(page, 'parts-stocktake-recount')
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: cable.id }, adminToken)).onHand).toBe(7)

  // The recount posts the battery and closes the stocktake; now the variances show. A quick hand
  // opens the post dialog before the shop server has answered the count: the answer leaves the
  // caret in the dialog (it had put it back in the scan field, behind the dialog, where the next
  // keys landed). The dialog has no field, and Ctrl+Enter posts, as every dialog's save does.
  let answerCount: () => void = () => undefined
  const countHeld = new Promise<void>((held) =>
    page.route('**/rpc/stocktakes.count', (route) => {
      answerCount = () => void route.continue()
      held()
    })
  )
  await batteryLine.getByTestId('count-input').fill('4')
  await batteryLine.getByTestId('count-input').press('Enter')
  await countHeld
  await page.getByTestId('post-stocktake').click()
  await expect(post.getByTestId('post-confirm')).toBeVisible()
  answerCount()
  await expect(batteryLine.getByTestId('needs-recount')).toBeHidden()
  await expect(scanField).not.toBeFocused()
  await page.keyboard.type('5')
  await expect(scanField).toHaveValue('')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('stocktake-status')).toHaveText('已过账')
  await expect(post).toBeHidden()
  await expect(cableLine.getByTestId('line-variance')).toHaveText('-1')
  await tallScreenshot(page, 'parts-stocktake-blind-posted')
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: battery.id }, adminToken)).onHand).toBe(4)
})

/** The Mate 60 Pro board, tracked by serial, received under `reference` with these serials. */
async function boardOnShelf(
  host: ShopHost,
  token: string,
  reference: string,
  serials: string[],
  { sellingPriceFen, costPriceFen } = { sellingPriceFen: 300_000, costPriceFen: 150_000 }
): Promise<{ id: string }> {
  const board = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'MB-M60P',
      name: 'Mate 60 Pro 主板',
      binLocation: 'S-01-01',
      barcodes: ['6901234599990'],
      sellingPriceFen,
      costPriceFen,
      serialTracked: true
    },
    token
  )
  const lines = [{ partId: board.id, quantity: serials.length, unitCostFen: costPriceFen, serials }]
  await host.rpc('parts.receive', { reference, lines }, token)
  return board
}

/** The board scanned on the open stocktake and counted: its line. */
async function countBoards(page: Page, count: number): Promise<Locator> {
  await scan(page.locator('input[name=stocktake-scan]'), '6901234599990')
  const boardLine = page.locator('tr[data-part="MB-M60P"]')
  await boardLine.getByTestId('count-input').fill(String(count))
  await boardLine.getByTestId('count-input').press('Enter')
  return boardLine
}

test('a serial-tracked board counted short: the posting asks which serials were not found, and they leave the shelf', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const board = await boardOnShelf(host, adminToken, 'HQ-MB-0601', ['MBSN2026A001', 'MBSN2026A002', 'MBSN2026A003'])
  const serialsOnHand = async () =>
    (await host.rpc<{ serial: string }[]>('parts.serialsOnHand', { partId: board.id }, adminToken)).map(
      (row) => row.serial
    )

  const page = await staffPage(browser, host, boss.username, boss.password)
  await page.getByTestId('nav-parts-stocktakes').click()
  await page.getByTestId('start-stocktake').click()
  await page.getByTestId('start-stocktake-dialog').getByTestId('start-stocktake-submit').click()
  await expect(page.getByTestId('stocktake-status')).toHaveText('盘点中')
  const boardLine = await countBoards(page, 1)
  await expect(boardLine.getByTestId('line-variance')).toHaveText('-2')

  // Posted without saying which two boards are gone, the posting is refused on the serial picker.
  await page.getByTestId('post-stocktake').click()
  const post = page.getByTestId('post-dialog')
  const picker = post.getByTestId('post-missing-serials-MB-M60P')
  await expect(post).toContainText('MB-M60P 盘亏 2 件：未找到的序列号')
  await post.getByTestId('post-confirm').click()
  await expect(post).toContainText('MB-M60P 盘亏：请选出未找到的序列号')
  await picker.click()
  await page.getByRole('option', { name: 'MBSN2026A002' }).click()
  await page.getByRole('option', { name: 'MBSN2026A003' }).click()
  await post.getByTestId('post-variances').click()
  await expect(page.getByRole('option', { name: 'MBSN2026A001' })).toBeHidden()
  await expect(picker).toContainText('MBSN2026A002')
  await expect(picker).toContainText('MBSN2026A003')
  await settled(page)
  await screenshot(page, 'parts-stocktake-missing-serials')
  await post.getByTestId('post-confirm').click()
  await expect(page.getByTestId('stocktake-status')).toHaveText('已过账')
  expect(await serialsOnHand()).toEqual(['MBSN2026A001'])
})

test('a serial-tracked board counted over: the posting asks for the serial of each board found, and they join the shelf', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const board = await boardOnShelf(host, adminToken, 'HQ-MB-0602', ['MBSN2026B001'])

  const page = await staffPage(browser, host, boss.username, boss.password)
  await page.getByTestId('nav-parts-stocktakes').click()
  await page.getByTestId('start-stocktake').click()
  await page.getByTestId('start-stocktake-dialog').getByTestId('start-stocktake-submit').click()
  await expect(page.getByTestId('stocktake-status')).toHaveText('盘点中')
  const boardLine = await countBoards(page, 3)
  await expect(boardLine.getByTestId('line-variance')).toHaveText('+2')

  // Two boards found behind the shelf: posted with one serial read, it is refused on the field.
  await page.getByTestId('post-stocktake').click()
  const post = page.getByTestId('post-dialog')
  const found = post.getByTestId('post-found-serials-MB-M60P')
  await expect(found).toContainText('MB-M60P 盘盈 2 件：逐件扫描找到的序列号')
  await found.locator('textarea').fill('mbsn2026b007')
  await expect(found.getByTestId('line-serials-count')).toHaveText('已录 1 / 2')
  await post.getByTestId('post-confirm').click()
  await expect(found).toContainText('MB-M60P 盘盈 2 件：请录入每件盘盈配件的序列号')
  await found.locator('textarea').fill('mbsn2026b007\nmbsn2026b008')
  await expect(found.getByTestId('line-serials-count')).toHaveText('已录 2 / 2')
  await settled(page)
  await screenshot(page, 'parts-stocktake-found-serials')
  await post.getByTestId('post-confirm').click()
  await expect(page.getByTestId('stocktake-status')).toHaveText('已过账')
  const onHand = await host.rpc<{ serial: string }[]>('parts.serialsOnHand', { partId: board.id }, adminToken)
  expect(onHand.map((row) => row.serial)).toEqual(['MBSN2026B001', 'MBSN2026B007', 'MBSN2026B008'])
})

test('a blind stocktake with a serial-tracked board off the books: the clerk is told a manager posts it, and the manager names the serial', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  // A refurbished board, cheap enough for a clerk to post its variance.
  const board = await boardOnShelf(host, adminToken, 'HQ-MB-0603', ['MBSN2026C001', 'MBSN2026C002'], {
    sellingPriceFen: 30_000,
    costPriceFen: 5_000
  })

  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.getByTestId('nav-parts-stocktakes').click()
  await page.getByTestId('start-stocktake').click()
  const start = page.getByTestId('start-stocktake-dialog')
  await start.getByTestId('stocktake-blind').click()
  await start.getByTestId('start-stocktake-submit').click()
  await expect(page.getByTestId('stocktake-status')).toHaveText('盘点中')
  await countBoards(page, 1)
  await expect(page.getByTestId('stocktake-progress')).toHaveText('1 / 1')

  // The clerk sees no variance, so cannot say which board is gone: a manager posts the count.
  await page.getByTestId('post-stocktake').click()
  const post = page.getByTestId('post-dialog')
  await expect(post.getByTestId('post-blind')).toBeVisible()
  await post.getByTestId('post-confirm').click()
  await expect(page.locator('.el-message--error')).toContainText('需店长过账并核对序列号')
  await expect(page.locator('.el-message--error')).not.toContainText('MB-M60P')
  await settled(page)
  await screenshot(page, 'parts-stocktake-blind-serials')
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: board.id }, adminToken)).onHand).toBe(2)

  const manager = await staffPage(browser, host, boss.username, boss.password)
  await manager.getByTestId('nav-parts-stocktakes').click()
  await manager.getByTestId('stocktakes-table').getByText('盘点中').click()
  await manager.getByTestId('post-stocktake').click()
  const managerPost = manager.getByTestId('post-dialog')
  // Picked at once: the serials on hand fill the picker as they arrive.
  await expect(managerPost).toContainText('MB-M60P 盘亏 1 件：未找到的序列号')
  await managerPost.getByTestId('post-missing-serials-MB-M60P').click()
  await manager.getByRole('option', { name: 'MBSN2026C002' }).click()
  await managerPost.getByTestId('post-variances').click()
  await managerPost.getByTestId('post-confirm').click()
  await expect(manager.getByTestId('stocktake-status')).toHaveText('已过账')
  const onHand = await host.rpc<{ serial: string }[]>('parts.serialsOnHand', { partId: board.id }, adminToken)
  expect(onHand.map((row) => row.serial)).toEqual(['MBSN2026C001'])
})

/** Presses Tab (or `key`) until `target` has the caret, as a keyboard user crosses a page (at most `limit` times). */
async function tabUntil(page: Page, target: Locator, limit: number, key = 'Tab'): Promise<void> {
  for (let i = 0; i < limit && !(await target.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
    await page.keyboard.press(key)
  await expect(target).toBeFocused()
}

test('faulty-part returns by keyboard alone: tick, pack, ship and credit the batch, open it', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  const battery = await returnedBattery(host, adminToken, 2)
  for (const serial of ['SNP60KB0001', 'SNP60KB0002']) {
    const order = await workOrder(host, adminToken, 'warranty_repair', serial)
    await host.rpc('workOrderParts.issue', { workOrderId: order.id, partId: battery.id, quantity: 1 }, adminToken)
  }
  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${host.url}#/parts/faulty`)
  const owed = page.getByTestId('owed-table')
  await expect(owed.locator('.el-table__body tr')).toHaveCount(2)
  // Tick both with Space, pack with Enter.
  const boxes = owed.locator('.el-table__body .el-checkbox input')
  await tabUntil(page, boxes.nth(0), 30)
  await page.keyboard.press('Space')
  await tabUntil(page, boxes.nth(1), 10)
  await page.keyboard.press('Space')
  const pack = page.getByTestId('pack-batch')
  await expect(pack).toContainText('2')
  await tabUntil(page, pack, 20, 'Shift+Tab')
  await page.keyboard.press('Enter')
  // The confirmation names the parts and jobs; Enter packs.
  await expect(page.locator('.el-message-box')).toContainText('将 2 件旧件装入一个新的返还批次')
  await page.keyboard.press('Enter')
  await expect(page.getByText(/已装箱：批次 FR-\d{6}-0001，共 2 件/)).toBeVisible()
  // To the batches tab with the arrow keys, into its table with Tab.
  await tabUntil(page, page.getByRole('tab', { name: /待返还/ }), 20, 'Shift+Tab')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Enter')
  const batches = page.getByTestId('batches-table')
  await expect(batches.getByTestId('batch-status')).toHaveText('已装箱')
  await tabUntil(page, batches.getByTestId('ship-batch'), 10)
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('batch-step-dialog')
  await expect(dialog.locator('input[name=carrier]')).toBeFocused()
  await page.keyboard.type('顺丰速运')
  await page.keyboard.press('Enter')
  await page.keyboard.type('SF5550001')
  await page.keyboard.press('Enter')
  await expect(batches.getByTestId('batch-status')).toHaveText('已发出')
  // The button pressed is gone (the batch's next step is credit): the caret is on its row, not
  // lost to the top of the page, and Tab goes on from there to the credit step.
  await expect(batches.locator('.el-table__body tr').first()).toBeFocused()
  await tabUntil(page, batches.getByTestId('credit-batch'), 3)
  await page.keyboard.press('Enter')
  await expect(dialog.locator('input[name=credit-reference]')).toBeFocused()
  await page.keyboard.type('HW-CR-0001')
  await page.keyboard.press('Enter')
  await expect(batches.getByTestId('batch-status')).toHaveText('已入账')
  // The row opens its batch with Enter; Esc closes it.
  await tabUntil(page, batches.locator('.el-table__body tr').first(), 30)
  await page.keyboard.press('Enter')
  const detail = page.getByTestId('batch-detail')
  await expect(detail.getByTestId('batch-items')).toContainText('BAT-P60')
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()
})

test('a wrong packing is caught and put right before shipping: asked first, a part taken out, the batch cancelled', async ({
  browser,
  host
}) => {
  // Packed, corrected, cancelled, looked at, packed again and shipped: a long story for one test.
  test.setTimeout(120_000)
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'zhoumin', '周敏', 'warehouse_clerk')
  const battery = await returnedBattery(host, adminToken, 3)
  const orders = []
  for (const serial of ['SNP60WP0001', 'SNP60WP0002', 'SNP60WP0003']) {
    const order = await workOrder(host, adminToken, 'warranty_repair', serial)
    await host.rpc('workOrderParts.issue', { workOrderId: order.id, partId: battery.id, quantity: 1 }, adminToken)
    orders.push(order)
  }
  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByTestId('nav-parts-faulty').click()
  const owed = page.getByTestId('owed-table')
  await expect(owed.locator('.el-table__body tr')).toHaveCount(3)
  await owed.locator('.el-table__header .el-checkbox').click()

  // 装箱 asks first, naming how many parts and which jobs; cancelled, nothing is packed.
  await page.getByTestId('pack-batch').click()
  const box = page.locator('.el-message-box')
  await expect(box).toContainText('将 3 件旧件装入一个新的返还批次')
  for (const order of orders) await expect(box).toContainText(order.number)
  await settled(page)
  await screenshot(page, 'faulty-pack-dialog')
  await box.getByRole('button', { name: '取消' }).click()
  await expect(owed).not.toContainText('已装箱')
  await page.getByTestId('pack-batch').click()
  await box.getByRole('button', { name: '装箱' }).click()
  await expect(page.getByText(/已装箱：批次 FR-\d{6}-0001，共 3 件/)).toBeVisible()

  // One part should not have gone in: taken out of the batch, it is owed again.
  await page.getByTestId('tab-batches').click()
  const batches = page.getByTestId('batches-table')
  await batches.locator('.el-table__body tr').first().click()
  const detail = page.getByTestId('batch-detail')
  await expect(detail.getByTestId('batch-packed-hint')).toBeVisible()
  const rows = detail.getByTestId('batch-items').locator('.el-table__body tr')
  await expect(rows).toHaveCount(3)
  await settled(page)
  await screenshot(page, 'faulty-batch-detail')
  await rows.filter({ hasText: orders[1]!.number }).getByTestId('batch-take-out').click()
  await expect(box).toContainText(orders[1]!.number)
  await box.getByRole('button', { name: '取出' }).click()
  await expect(page.getByText('已取出 BAT-P60 P60 电池，放回待返还旧件')).toBeVisible()
  await expect(rows).toHaveCount(2)
  await expect(detail.getByTestId('batch-items')).not.toContainText(orders[1]!.number)

  // The rest was packed wrongly too: the batch is cancelled and every part is owed again.
  await detail.getByTestId('batch-cancel').click()
  await expect(box).toContainText('其中 2 件旧件全部放回待返还旧件')
  await box.getByRole('button', { name: '撤销批次' }).click()
  const cancelledMessage = page.getByText(/批次 FR-\d{6}-0001 已撤销，2 件放回待返还旧件/)
  await expect(cancelledMessage).toBeVisible()
  await expect(detail).toBeHidden()
  // The batch is kept, as cancelled: its number may already be written on the box.
  const cancelledRow = batches.locator('.el-table__body tr')
  await expect(cancelledRow).toHaveCount(1)
  await expect(cancelledRow).toContainText(/FR-\d{6}-0001/)
  await expect(batches.getByTestId('batch-status')).toHaveText('已取消')
  await expect(batches.getByTestId('ship-batch')).toHaveCount(0)
  await expect(cancelledMessage).toBeHidden()
  await settled(page)
  await screenshot(page, 'batch-cancelled-list')
  // Its detail says when and by whom, and offers nothing more.
  await cancelledRow.first().click()
  await expect(detail.getByTestId('batch-cancelled-hint')).toContainText('周敏')
  await expect(detail.getByTestId('batch-cancelled-facts')).toContainText('已取消')
  await expect(detail.getByTestId('batch-cancelled-facts')).toContainText('周敏')
  await expect(detail.getByTestId('batch-cancel')).toHaveCount(0)
  await expect(detail.getByTestId('batch-print')).toHaveCount(0)
  await expect(detail.getByTestId('batch-take-out')).toHaveCount(0)
  await settled(page)
  await screenshot(page, 'batch-cancelled-detail')
  await page.keyboard.press('Escape')
  await expect(detail).toBeHidden()
  await page.getByTestId('tab-owed').click()
  await expect(owed.locator('.el-table__body tr').filter({ hasText: '待返还' })).toHaveCount(3)
  await expect(page.getByTestId('tab-owed')).toContainText('(3)')

  // A shipped batch offers neither: its parts have left with the courier.
  await owed.locator('.el-table__header .el-checkbox').click()
  await page.getByTestId('pack-batch').click()
  await box.getByRole('button', { name: '装箱' }).click()
  // Packed again under a new number: the cancelled one is never given out twice.
  await expect(page.getByText(/已装箱：批次 FR-\d{6}-0002，共 3 件/)).toBeVisible()
  await page.getByTestId('tab-batches').click()
  await batches.getByTestId('ship-batch').click()
  const step = page.getByTestId('batch-step-dialog')
  await step.locator('input[name=carrier]').fill('顺丰速运')
  await step.locator('input[name=tracking-number]').fill('SF5550009')
  await step.getByTestId('batch-step-submit').click()
  await expect(batches.getByTestId('batch-status')).toHaveText(['已发出', '已取消'])
  // The status filter shows the cancelled batch alone, or the others without it.
  const filter = page.getByTestId('batch-status-filter')
  await filter.click()
  await page.getByRole('option', { name: '已取消' }).click()
  await expect(batches.getByTestId('batch-status')).toHaveText(['已取消'])
  await expect(page.getByRole('option', { name: '已取消' })).toBeHidden()
  // Opened again the moment its list has closed, Element Plus's select can stay shut (its list
  // leaving as it is asked back): a person clicks again, and so does the test until it shows.
  await expect(async () => {
    await filter.click()
    await expect(page.getByRole('option', { name: '已发出' })).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 20_000 })
  await page.getByRole('option', { name: '已发出' }).click()
  await expect(batches.getByTestId('batch-status')).toHaveText(['已发出'])
  await batches.locator('.el-table__body tr').first().click()
  await expect(detail.getByTestId('batch-items').locator('.el-table__body tr')).toHaveCount(3)
  await expect(detail.getByTestId('batch-take-out')).toHaveCount(0)
  await expect(detail.getByTestId('batch-cancel')).toHaveCount(0)
})

test('a packing list goes in the box: printed right after packing and from the batch, with the barcode, lines, serials, faults and the count', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  const board = await returnedBoard(host, adminToken, ['MBSN2026P001'])
  const battery = await returnedBattery(host, adminToken, 2)
  const boardJob = await workOrder(host, adminToken, 'warranty_repair', 'SN60PPL0001')
  await host.rpc(
    'workOrders.diagnose',
    { id: boardJob.id, faultLocationCode: 'L01', faultCauseCode: 'C01', diagnosis: '' },
    adminToken
  )
  await host.rpc(
    'workOrderParts.issue',
    { workOrderId: boardJob.id, partId: board.id, quantity: 1, serial: 'MBSN2026P001' },
    adminToken
  )
  const batteryJob = await workOrder(host, adminToken, 'warranty_repair', 'SN60PPL0002')
  await host.rpc('workOrderParts.issue', { workOrderId: batteryJob.id, partId: battery.id, quantity: 2 }, adminToken)

  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.getByTestId('nav-parts-faulty').click()
  const owed = page.getByTestId('owed-table')
  await expect(owed.locator('.el-table__body tr')).toHaveCount(2)
  await owed.locator('.el-table__header .el-checkbox').click()
  await page.getByTestId('pack-batch').click()
  await page.locator('.el-message-box').getByRole('button', { name: '装箱' }).click()

  // Where the clerk is, at the box: the batch just packed, with its packing list to print.
  const notice = page.getByTestId('packed-notice')
  await expect(notice).toContainText(/批次 FR-\d{6}-0001 已装箱，共 2 件/)
  await settled(page)
  await screenshot(page, 'faulty-packed-notice')
  await notice.getByTestId('packed-print').click()
  const sheet = page.getByTestId('print-sheet')
  await expect(sheet).toContainText('旧件返还装箱单')
  await expect(sheet.locator('[data-barcode]')).toHaveAttribute('data-barcode', /^FR-\d{6}-0001$/)
  const lines = sheet.getByTestId('packing-lines').locator('tbody tr')
  await expect(lines).toHaveCount(2)
  await expect(lines.filter({ hasText: boardJob.number })).toContainText('MBSN2026P001')
  await expect(lines.filter({ hasText: boardJob.number })).toContainText('L01')
  await expect(lines.filter({ hasText: batteryJob.number })).toContainText('BAT-P60')
  await expect(sheet.getByTestId('packing-total')).toHaveText('合计 2 项，共 3 件')
  await expect(sheet).not.toContainText('快递单号')
  await page.getByTestId('print-back').click()
  await expect(owed).toContainText('已装箱')

  // Shipped, the batch's own print button prints it with the courier and tracking number.
  const [batch] = await host.rpc<{ id: string; number: string }[]>('faultyParts.batches', {}, adminToken)
  await host.rpc(
    'faultyParts.ship',
    { batchId: batch!.id, carrier: '顺丰速运', trackingNumber: 'SF7770001' },
    adminToken
  )
  await page.getByRole('button', { name: '刷新' }).click()
  await page.getByTestId('tab-batches').click()
  const batches = page.getByTestId('batches-table')
  await expect(batches.getByTestId('batch-status')).toHaveText('已发出')
  await batches.getByText(batch!.number).click()
  const detail = page.getByTestId('batch-detail')
  await expect(detail.getByTestId('batch-items')).toContainText('MBSN2026P001')
  await expect(page.locator('.el-message')).toHaveCount(0)
  await settled(page)
  await screenshot(page, 'batch-detail-print')
  await detail.getByTestId('batch-print').click()
  await expect(sheet).toContainText('SF7770001')
  await expect(sheet).toContainText('顺丰速运')
  // Back from the preview, the batches are where the clerk left them.
  await page.getByTestId('print-back').click()
  await expect(batches).toContainText(batch!.number)

  // On paper: one A4 page, saying what the box holds.
  const printed = await renderDocument(page, host, 'packing_list', batch!.id, 'a4', 'packing-list')
  expect(printed.pages).toBe(1)
  expect(Math.round(printed.widthPt / PT_PER_MM)).toBe(210)
  expect(Math.round(printed.heightPt / PT_PER_MM)).toBe(297)
  for (const text of [
    batch!.number,
    'MBSN2026P001',
    'MB-M60P',
    'BAT-P60',
    boardJob.number,
    'SF7770001',
    '收货人签字'
  ]) {
    expect(printed.text).toContain(text)
  }
})

test('receiving a part jobs are waiting for names those jobs, with a way to the issuing queue', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'zhoumin', '周敏', 'warehouse_clerk')
  const screen = await stockedPart(host, adminToken, {
    partNumber: 'LCD-MATE40',
    name: 'Mate 40 屏幕总成',
    bin: 'A-01-04',
    barcodes: ['6901234533330'],
    priceFen: 90_000,
    costFen: 60_000,
    quantity: 0
  })
  const orders = []
  for (const serial of ['SNM40WAIT01', 'SNM40WAIT02']) {
    const order = await workOrder(host, adminToken, 'paid_repair', serial)
    await host.rpc('workOrderParts.request', { workOrderId: order.id, partId: screen.id, quantity: 1 }, adminToken)
    orders.push(order)
  }
  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByTestId('nav-parts-receive').click()
  await page.locator('input[name=reference]').fill('SF7700001')
  await scan(page.getByTestId('receive-scan'), '6901234533330')
  await page.getByTestId('receive-post').click()
  const waiting = page.getByTestId('receive-waiting')
  await expect(waiting).toContainText('2 张工单在等此配件')
  await expect(waiting.getByTestId('receive-waiting-job')).toHaveText(
    orders.map((order) => `${order.number}（LCD-MATE40 × 1）`)
  )
  await settled(page)
  await screenshot(page, 'rcv-again')
  await waiting.getByTestId('receive-waiting-issue').click()
  await expect(page.getByTestId('selected-request')).toContainText('LCD-MATE40')
  await settled(page)
  await screenshot(page, 'clerk-parts_issue')
})

test('a stocktake by keyboard alone: started, counted by scan and down the sheet with the arrows, posted', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  for (const [partNumber, bin, barcode] of [
    ['KB-A', 'A-01-01', '6901234522221'],
    ['KB-B', 'A-01-02', '6901234522222'],
    ['KB-C', 'A-01-03', '6901234522223']
  ] as const)
    await stockedPart(host, adminToken, {
      partNumber,
      name: `键盘盘点 ${partNumber}`,
      bin,
      barcodes: [barcode],
      priceFen: 1_000,
      costFen: 500,
      quantity: 4
    })
  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${host.url}#/parts/stocktakes`)
  await tabUntil(page, page.getByTestId('start-stocktake'), 40)
  await page.keyboard.press('Enter')
  const start = page.getByTestId('start-stocktake-dialog')
  await expect(start.locator('input:focus')).toHaveCount(1)
  await tabUntil(page, start.locator('input[name=stocktake-note]'), 10)
  await page.keyboard.type('键盘盘点')
  await page.keyboard.press('Enter')
  const scanField = page.locator('input[name=stocktake-scan]')
  await expect(scanField).toBeFocused()
  // A scan jumps to the line; Enter saves and goes back to the scan field.
  await scan(scanField, '6901234522222')
  await page.keyboard.type('3')
  await page.keyboard.press('Enter')
  await expect(scanField).toBeFocused()
  await expect(page.getByTestId('stocktake-progress')).toHaveText('1 / 3')
  // Down the paper sheet: into the first line with Tab, the arrows between lines (leaving one saves it).
  const count = (part: string) => page.locator(`tr[data-part="${part}"]`).getByTestId('count-input')
  await tabUntil(page, count('KB-A'), 10)
  await page.keyboard.type('4')
  await page.keyboard.press('ArrowDown')
  await expect(count('KB-B')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.type('4')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('stocktake-progress')).toHaveText('3 / 3')
  await expect(scanField).toBeFocused()
  // Posted from the keyboard.
  await tabUntil(page, page.getByTestId('post-stocktake'), 20, 'Shift+Tab')
  await page.keyboard.press('Enter')
  const post = page.getByTestId('post-dialog')
  await expect(post.getByTestId('post-variances')).toContainText('KB-B')
  await tabUntil(page, post.getByTestId('post-confirm'), 20)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('stocktake-status')).toHaveText('已过账')
})
