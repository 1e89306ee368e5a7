import { switchLanguage, test, expect, screenshot, setUpShop, staffPage, hire } from './fixtures'
import { collectedPaidJob, finishJob } from './counterJobs'

test('a paid repair back with the same fault: the manager reopens it under the shop’s warranty, the shop bears it and the receipt says so', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const manager = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const paid = await collectedPaidJob(host, adminToken, '张三丰')

  // The manager reopens the collected job; the dialog says who pays before anything is opened.
  const page = await staffPage(browser, host, manager.username, manager.password)
  await page.goto(`${host.url}#/work-orders/${paid.id}`)
  await page.getByTestId('reopen').click()
  const dialog = page.getByTestId('reason-dialog')
  await expect(dialog.getByTestId('reason-hint')).toContainText('在本店维修保修期内')
  await expect(dialog.getByTestId('reason-hint')).toContainText('不向厂家索赔')
  await dialog.locator('textarea[name=reason], input[name=reason]').fill('屏幕又出现花屏')
  await screenshot(page, 'shop-warranty-reopen')
  await dialog.getByRole('button', { name: '确定' }).click()
  // The comeback's claim code, shown this once.
  const claimCodeBox = page.locator('.el-message-box')
  await expect(claimCodeBox).toContainText('取机码')
  await claimCodeBox.getByRole('button').last().click()
  await expect(page).not.toHaveURL(new RegExp(`${paid.id}$`))
  await expect(page.getByTestId('work-order')).toContainText('本店保修维修')
  await screenshot(page, 'shop-warranty-comeback')
  const comebackId = page.url().split('/').pop()!

  // The bench redoes the screen; at the counter the shop bears it all and the customer pays nothing.
  const comeback = await finishJob(host, adminToken, comebackId, {
    serviceType: 'shop_warranty_repair',
    labourFen: 5_000,
    partPriceFen: 30_000
  })
  const counter = await staffPage(browser, host, desk.username, desk.password)
  await counter.goto(`${host.url}#/work-orders/${comeback.id}/checkout`)
  await expect(counter.getByTestId('checkout-payer-hint')).toContainText('本店保修维修')
  await expect(counter.getByTestId('checkout-shop')).toContainText('¥350.00')
  await expect(counter.getByTestId(`payer-${comeback.partLineId}`)).toContainText('本店保修')
  await expect(counter.getByTestId(`payer-${comeback.partLineId}`)).not.toContainText('保修·')
  await expect(counter.getByTestId('pay')).toHaveText('确认（客户无需付款）')
  await screenshot(counter, 'shop-warranty-checkout')
  await counter.getByTestId('pay').click()
  await expect(counter.getByTestId('checkout-success')).toBeVisible()
  await expect(counter.getByTestId('invoice-lines').getByRole('row', { name: /屏幕总成/ })).toContainText('本店承担')
  await expect(counter.getByTestId('invoice-totals')).toContainText('本店保修（本店承担）')
  await expect(counter.getByTestId('invoice-due')).toHaveText('¥0.00')

  await counter.getByTestId('print-receipt').click()
  await expect(counter).toHaveURL(/#\/print\/payment_receipt\//)
  await expect(counter.getByTestId('print-sheet')).toContainText('本店保修承担')
  await expect(counter.getByTestId('print-sheet')).toContainText('-350.00')
  await screenshot(counter, 'shop-warranty-receipt')
  // The same in English, on the job and its invoice.
  await counter.goto(`${host.url}#/work-orders/${comeback.id}`)
  await switchLanguage(counter, 'English')
  await expect(counter.getByTestId('work-order')).toContainText('Shop-warranty repair')
  await counter.getByTestId('view-invoice').click()
  await expect(counter.getByTestId('invoice-totals')).toContainText('Shop warranty (shop bears it)')
  await expect(counter.getByTestId('invoice-lines')).toContainText('Shop bears it')
  await screenshot(counter, 'shop-warranty-invoice-english')
  // No claim to the brand for the shop's own work.
  const claims = await host.rpc<{ rows: unknown[] }>('checkout.claims', { workOrderId: comeback.id }, adminToken)
  expect(claims.rows).toEqual([])

  // The manager's day close shows what the shop bore, apart from the brand's claims, and prints it.
  await page.getByTestId('nav-day-close').click()
  await expect(page.getByTestId('report-shop-warranty')).toHaveText('¥350.00')
  await expect(page.getByTestId('report-warranty-claims')).toHaveText('¥0.00')
  await page.locator('input[name=counted-cash]').fill('530')
  await page.getByTestId('close-day').click()
  await page.locator('.el-message-box').getByRole('button', { name: '日结' }).click()
  await expect(page.getByTestId('day-close-closed')).toBeVisible()
  await expect(page.getByTestId('report-shop-warranty')).toHaveText('¥350.00')
  await screenshot(page, 'shop-warranty-day-close')
  await page.getByTestId('print-report').click()
  await expect(page).toHaveURL(/#\/print\/day_close_report\//)
  await expect(page.getByTestId('print-sheet')).toContainText('本店保修承担')
  await expect(page.getByTestId('print-sheet')).toContainText('350.00')
  await screenshot(page, 'shop-warranty-day-close-print')
})

test('the counter scans a device the shop repaired last week: told the shop’s warranty covers a comeback, with the way to the earlier job', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'zhoujie', '周杰', 'front_desk')
  const paid = await collectedPaidJob(host, adminToken, '李四光')
  const { device } = await host.rpc<{ device: { serial: string } }>('workOrders.get', { id: paid.id }, adminToken)

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-intake').click()
  await page.locator('input[name=serial]').fill(device.serial)
  await page.locator('input[name=serial]').press('Enter')
  await expect(page.getByTestId('known-device')).toBeVisible()
  const notice = page.getByTestId('free-comeback')
  await expect(notice).toContainText(`本机上次维修 ${paid.number}`)
  await expect(notice).toContainText('仍在本店维修保修期内')
  await expect(notice).toContainText('客户免费')
  await screenshot(page, 'shop-warranty-intake-notice')
  await switchLanguage(page, 'English')
  await expect(notice).toContainText('still under the shop’s repair warranty')
  await screenshot(page, 'shop-warranty-intake-notice-english')
  await notice.getByTestId('free-comeback-job').click()
  await expect(page).toHaveURL(new RegExp(`#/work-orders/${paid.id}$`))
  await expect(page.getByTestId('work-order')).toContainText(paid.number)
  await expect(page.getByTestId('reopen')).toHaveCount(0)
})
