import type { Page } from '@playwright/test'
import {
  switchLanguage,
  test,
  expect,
  screenshot,
  setUpShop,
  staffPage,
  hire,
  typeWalkIn,
  ADMIN,
  type ShopHost
} from './fixtures'
import { deskAtTheCounter, finishedJob, uniqueMobile, uniqueSerial, waitingPaidJob } from './counterJobs'

async function setApprovalThreshold(host: ShopHost, token: string, approvalThresholdFen: number): Promise<void> {
  const settings = await host.rpc<Record<string, unknown>>('settings.get', {}, token)
  await host.rpc('settings.update', { ...settings, approvalThresholdFen }, token)
}

const goTo = (page: Page, host: ShopHost, path: string) => page.goto(`${host.url}#${path}`)

test('the counter takes a repair’s money in cash and WeChat Pay, gives change and prints the receipt', async ({
  browser,
  host
}) => {
  const { adminToken, job, page } = await deskAtTheCounter(browser, host, (token) =>
    waitingPaidJob(host, token, '张三丰')
  )
  await goTo(page, host, `/work-orders/${job.id}`)
  await expect(page.getByTestId('checkout')).toBeVisible()
  await screenshot(page, 'checkout-work-order-button')
  await page.getByTestId('checkout').click()
  await expect(page.getByTestId('checkout-due')).toHaveText('¥530.00')
  // The caret waits in the amount, which asks for exactly what is due, in cash.
  const cash = page.locator('input[name=tender-amount-0]')
  await expect(cash).toBeFocused()
  await expect(cash).toHaveValue('530.00')
  await screenshot(page, 'checkout-paid-repair')

  // The customer hands over ¥200 in cash and pays the rest by WeChat.
  await cash.fill('200')
  await expect(page.getByTestId('tender-message')).toHaveText('还差 ¥330.00')
  await expect(page.getByTestId('pay')).toBeDisabled()
  await page.getByTestId('add-tender').click()
  const wechat = page.locator('input[name=tender-amount-1]')
  await expect(wechat).toBeFocused()
  await expect(page.getByTestId('tender-method-1')).toContainText('微信支付')
  await expect(wechat).toHaveValue('330.00')
  // Non-cash cannot be more than is due: only cash gives change.
  await wechat.fill('600')
  await expect(page.getByTestId('tender-message')).toHaveText('非现金合计 ¥600.00 超过应收 ¥530.00：只有现金可以找零')
  await screenshot(page, 'checkout-non-cash-over')
  await wechat.fill('400')
  await expect(page.getByTestId('tender-message')).toHaveCount(0)
  await expect(page.getByTestId('checkout-tendered')).toHaveText('¥600.00')
  await expect(page.getByTestId('checkout-change')).toHaveText('¥70.00')
  await screenshot(page, 'checkout-split-payment')
  await wechat.press('Control+Enter')

  await expect(page.getByTestId('checkout-success')).toBeVisible()
  await expect(page.getByTestId('success-change')).toContainText('¥70.00')
  await expect(page.getByTestId('invoice-number')).toHaveText(/^INV-\d{6}-0001$/)
  await expect(page.getByTestId('invoice-payments')).toContainText('微信支付')
  await expect(page.getByTestId('invoice-payments')).toContainText('¥130.00')
  await expect(page.getByTestId('print-receipt')).toBeFocused()
  await screenshot(page, 'checkout-success')

  await page.getByTestId('print-receipt').click()
  await expect(page).toHaveURL(/#\/print\/payment_receipt\//)
  await expect(page.getByTestId('print-sheet')).toContainText('530.00')
  await screenshot(page, 'checkout-receipt-preview')

  // A job still on the bench has no checkout yet.
  const { workOrder: onBench } = await host.rpc<{ workOrder: { id: string } }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '刘备', mobile: uniqueMobile() } },
      device: { kind: 'new', fields: { brand: '小米', model: '14', serial: uniqueSerial() } },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '不开机',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false, value: '' }
    },
    adminToken
  )
  await goTo(page, host, `/work-orders/${onBench.id}`)
  await expect(page.getByTestId('work-order')).toBeVisible()
  await expect(page.getByTestId('checkout')).toHaveCount(0)
  await goTo(page, host, `/work-orders/${onBench.id}/checkout`)
  await expect(page.getByText('该工单暂不能结账')).toBeVisible()
  await expect(page.getByTestId('pay')).toHaveCount(0)
  await screenshot(page, 'checkout-blocked')

  // Back on the work order, the job shows its invoice instead of a checkout button.
  await goTo(page, host, `/work-orders/${job.id}`)
  await expect(page.getByTestId('view-invoice')).toBeVisible()
  await expect(page.getByTestId('checkout')).toHaveCount(0)
  await page.getByTestId('view-invoice').click()
  await expect(page.getByTestId('invoice-page')).toBeVisible()
  await expect(page.getByTestId('invoice-due')).toHaveText('¥530.00')
  await expect(page.getByTestId('open-credit')).toHaveCount(0)
  await screenshot(page, 'checkout-invoice')
})

test('a warranty job: one line is the customer’s, the rest is claimed from the brand; a full warranty job costs nothing', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const job = await finishedJob(host, adminToken, {
    serviceType: 'warranty_repair',
    customer: '李四',
    labourFen: 6_000,
    partPriceFen: 30_000
  })
  const free = await finishedJob(host, adminToken, {
    serviceType: 'warranty_repair',
    customer: '王五',
    labourFen: 5_000,
    partPriceFen: 20_000
  })

  const page = await staffPage(browser, host, desk.username, desk.password)
  await goTo(page, host, `/work-orders/${job.id}/checkout`)
  // Warranty: the brand pays everything until the counter says otherwise.
  await expect(page.getByTestId('nothing-due')).toBeVisible()
  await expect(page.getByTestId('checkout-brand')).toHaveText('¥360.00')
  await page.getByTestId(`payer-${job.labourId}`).getByText('客户付').click()
  await expect(page.getByTestId('checkout-brand')).toHaveText('¥300.00')
  await expect(page.getByTestId('checkout-due')).toHaveText('¥60.00')
  // And a case the customer buys on top.
  await page.getByTestId('add-charge').click()
  await expect(page.locator('input[name=charge-description-0]')).toBeFocused()
  await page.locator('input[name=charge-description-0]').fill('手机壳')
  await page.locator('input[name=charge-price-0]').fill('25')
  await expect(page.getByTestId('checkout-due')).toHaveText('¥85.00')
  await expect(page.locator('input[name=tender-amount-0]')).toHaveValue('85.00')
  await page.getByTestId('tender-method-0').click()
  await page.getByRole('option', { name: '支付宝' }).click()
  await screenshot(page, 'checkout-warranty-split')
  await page.getByTestId('pay').click()

  await expect(page.getByTestId('checkout-success')).toBeVisible()
  const lines = page.getByTestId('invoice-lines')
  await expect(lines.getByRole('row', { name: /更换屏幕/ })).toContainText('客户')
  await expect(lines.getByRole('row', { name: /屏幕总成/ })).toContainText('保修（厂家付）')
  await expect(page.getByTestId('invoice-totals')).toContainText('¥300.00')
  await expect(page.getByTestId('invoice-payments')).toContainText('支付宝')
  await screenshot(page, 'checkout-warranty-success')

  // The whole job on warranty: nothing to take, one click.
  await goTo(page, host, `/work-orders/${free.id}/checkout`)
  await expect(page.getByTestId('pay')).toHaveText('确认（客户无需付款）')
  await expect(page.getByTestId('pay')).toBeFocused()
  await page.getByTestId('pay').click()
  await expect(page.getByTestId('checkout-success')).toBeVisible()
  await expect(page.getByTestId('invoice-due')).toHaveText('¥0.00')

  // The same screen in English.
  const other = await finishedJob(host, adminToken, {
    serviceType: 'warranty_repair',
    customer: '赵六',
    labourFen: 5_000,
    partPriceFen: 20_000
  })
  await goTo(page, host, `/work-orders/${other.id}/checkout`)
  await switchLanguage(page, 'English')
  await page.getByTestId(`payer-${other.labourId}`).getByText('Customer').click()
  await expect(page.getByTestId('pay')).toHaveText('Take ¥50.00')
  await screenshot(page, 'checkout-warranty-english')
})

test('a discount above the approval limit needs a manager’s name and password at the counter', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const job = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '张三丰',
    labourFen: 8_000,
    partPriceFen: 45_000
  })
  await setApprovalThreshold(host, adminToken, 5_000)

  const page = await staffPage(browser, host, desk.username, desk.password)
  await goTo(page, host, `/work-orders/${job.id}/checkout`)
  await page.locator('input[name=discount]').fill('80')
  await page.locator('input[name=discount-reason]').fill('老客户')
  await expect(page.getByTestId('discount-needs-manager')).toContainText('¥50.00')
  await expect(page.getByTestId('checkout-due')).toHaveText('¥450.00')
  await expect(page.locator('input[name=tender-amount-0]')).toHaveValue('450.00')
  // More than the customer's lines is not a discount.
  await page.locator('input[name=discount]').fill('600')
  await expect(page.getByText('优惠不能超过客户应付的 ¥530.00')).toBeVisible()
  await expect(page.getByTestId('pay')).toBeDisabled()
  await page.locator('input[name=discount]').fill('80')
  await page.locator('input[name=tender-amount-0]').press('Control+Enter')

  const dialog = page.getByTestId('approval-dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.locator('input[name=approval-username]')).toBeFocused()
  await dialog.locator('input[name=approval-username]').fill(boss.username)
  await dialog.locator('input[name=approval-username]').press('Enter')
  await expect(dialog.locator('input[name=approval-password]')).toBeFocused()
  await dialog.locator('input[name=approval-password]').fill('wrong-password')
  await dialog.locator('input[name=approval-password]').press('Enter')
  await expect(dialog).toContainText('用户名或密码错误')
  await expect(dialog.locator('input[name=approval-password]')).toHaveValue('')
  await screenshot(page, 'checkout-manager-approval')
  await dialog.locator('input[name=approval-password]').fill(boss.password)
  await dialog.locator('input[name=approval-password]').press('Enter')

  await expect(page.getByTestId('checkout-success')).toBeVisible()
  await expect(page.getByTestId('invoice')).toContainText('王芳')
  await expect(page.getByTestId('invoice')).toContainText('老客户')
  await expect(page.getByTestId('invoice-due')).toHaveText('¥450.00')
})

test('a manager’s credit note refunds part of an invoice', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const job = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '张三丰',
    labourFen: 10_000,
    partPriceFen: 20_000
  })
  const invoice = await host.rpc<{ id: string; number: string }>(
    'checkout.pay',
    { workOrderId: job.id, tenders: [{ method: 'bank_card', amountFen: 30_000 }] },
    adminToken
  )

  const page = await staffPage(browser, host, boss.username, boss.password)
  await goTo(page, host, `/invoices/${invoice.id}`)
  // The invoice page sits under the work orders: their entry is highlighted and names the page.
  await expect(page.getByTestId('nav-work-orders')).toHaveClass(/is-active/)
  await expect(page.locator('.shell-header .page-title')).toHaveText('工单')
  await page.getByTestId('open-credit').click()
  const dialog = page.getByTestId('credit-dialog')
  await expect(dialog.locator('input[name=credit-amount-0]')).toBeFocused()
  // The refund goes back the way the customer paid, unless the manager says otherwise.
  await expect(dialog.getByTestId('refund-method')).toContainText('银行卡')
  await dialog.locator('input[name=credit-amount-0]').fill('150')
  await dialog.locator('input[name=credit-reason]').fill('工时多收')
  await dialog.getByTestId('credit-confirm').click()
  await expect(dialog.getByText('最多 ¥100.00')).toBeVisible()
  await dialog.locator('input[name=credit-amount-0]').fill('40')
  await expect(dialog.getByTestId('credit-refund')).toHaveText('¥40.00')
  await screenshot(page, 'checkout-credit-note-dialog')
  await dialog.locator('input[name=credit-reason]').press('Control+Enter')

  await expect(page.getByText(/已开具退款单 CN-/)).toBeVisible()
  const notes = page.getByTestId('credit-notes')
  await expect(notes).toContainText('工时多收')
  await expect(notes).toContainText('¥40.00')
  await screenshot(page, 'checkout-invoice-with-credit-note')
  await notes.getByText(/^CN-/).click()
  await expect(page.getByTestId('invoice-number')).toHaveText(/^CN-/)
  await expect(page.getByTestId('invoice-refunded')).toHaveText('¥40.00')
  await expect(page.getByTestId('corrects-link')).toHaveText(invoice.number)
  await expect(page.getByTestId('open-credit')).toHaveCount(0)
  await expect(page.getByTestId('nav-work-orders')).toHaveClass(/is-active/)
  await screenshot(page, 'checkout-credit-note')
})

test('the manager closes the day with a cash shortfall and sees the difference', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const job = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '张三丰',
    labourFen: 8_000,
    partPriceFen: 45_000
  })
  await host.rpc('checkout.pay', { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 60_000 }] }, adminToken)
  const other = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '李四',
    labourFen: 5_000,
    partPriceFen: 10_000
  })
  await host.rpc(
    'checkout.pay',
    { workOrderId: other.id, tenders: [{ method: 'alipay', amountFen: 15_000 }] },
    adminToken
  )

  const page = await staffPage(browser, host, boss.username, boss.password)
  await page.getByTestId('nav-day-close').click()
  await expect(page.getByTestId('report-takings')).toHaveText('¥680.00')
  await expect(page.getByTestId('report-expected-cash')).toHaveText('¥530.00')
  await expect(page.getByTestId('report-invoices')).toHaveText('2')
  await expect(page.getByTestId('report-by-method')).toContainText('支付宝')
  await expect(page.getByTestId('report-by-cashier')).toContainText(ADMIN.displayName)
  const counted = page.locator('input[name=counted-cash]')
  await expect(counted).toBeFocused()
  // Nothing is short before the cash is counted, and the day cannot close on an uncounted drawer.
  await expect(page.getByTestId('live-difference')).toHaveText('待清点')
  await page.getByTestId('close-day').click()
  await expect(page.getByTestId('count-cash')).toContainText('请先清点现金并填写实点金额')
  await counted.fill('520')
  await expect(page.getByTestId('live-difference')).toHaveText('短款 ¥10.00')
  // A difference is explained before the manager is asked to confirm the close.
  await page.getByTestId('close-day').click()
  await expect(page.getByTestId('count-cash')).toContainText('实点现金与应有现金不符，请在备注中说明原因')
  await expect(page.locator('.el-message-box')).toHaveCount(0)
  await expect(page.locator('input[name=close-note]')).toBeFocused()
  await page.locator('input[name=close-note]').fill('少了一张十元')
  await expect(page.getByTestId('count-cash')).not.toContainText('请在备注中说明原因')
  await screenshot(page, 'day-close-preview')
  await page.getByTestId('close-day').click()
  await expect(page.locator('.el-message-box')).toContainText('短款 ¥10.00')
  // The box fades in; the picture is taken once it has.
  await page.waitForTimeout(400)
  await screenshot(page, 'day-close-confirm')
  await page.locator('.el-message-box').getByRole('button', { name: '日结' }).click()

  await expect(page.getByTestId('day-close-closed')).toBeVisible()
  await expect(page.getByTestId('closed-difference')).toHaveText('短款 ¥10.00')
  await expect(page.getByTestId('closed-counted')).toHaveText('¥520.00')
  await expect(page.getByTestId('day-close-closed')).toContainText('少了一张十元')
  await screenshot(page, 'day-close-closed')

  // The new period starts empty; the close is listed and opens read-only.
  await page.getByTestId('nav-day-close').click()
  await expect(page.getByTestId('report-takings')).toHaveText('¥0.00')
  // Nothing taken since: the page says so instead of asking for a count it would refuse.
  await expect(page.getByTestId('nothing-to-close')).toHaveText('自上次日结以来没有任何收付款或开票，无需日结')
  await expect(page.locator('input[name=counted-cash]')).toHaveCount(0)
  await expect(page.getByTestId('day-close-history')).toContainText('短款 ¥10.00')
  await screenshot(page, 'day-close-after')
  await page.getByTestId('day-close-history').getByText(/^DC-/).click()
  await expect(page.getByTestId('closed-difference')).toHaveText('短款 ¥10.00')
  await page.getByTestId('print-report').click()
  await expect(page).toHaveURL(/#\/print\/day_close_report\//)
  await expect(page.getByTestId('print-sheet')).toContainText('530.00')
  await screenshot(page, 'day-close-report-preview')
})

test('a deposit taken by Alipay at check-in shows in the day close as a deposit taken', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  // Another job's deposit was more than its bill: checkout applies it and hands the rest back.
  const job = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '李四',
    labourFen: 8_000,
    partPriceFen: 45_000,
    depositFen: 60_000,
    depositMethod: 'alipay'
  })

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-intake').click()
  await typeWalkIn(page, {
    customer: { name: '张三丰', mobile: '138 0013 8000' },
    device: { brand: '华为', model: 'Mate 60 Pro', serial: 'SN-DEP-001' },
    reportedFault: '换电池'
  })
  await expect(page.getByTestId('deposit-method')).toHaveCount(0)
  await page.locator('input[name=deposit]').fill('100')
  await expect(page.getByTestId('deposit-method')).toBeVisible()
  await page.getByTestId('deposit-method').getByText('支付宝').click()
  await expect(page.getByTestId('deposit-method').locator('.is-active')).toHaveText('支付宝')
  await screenshot(page, 'intake-deposit-method')
  await page.getByTestId('intake-submit').click()
  await expect(page.getByTestId('intake-created')).toBeVisible()
  await page.keyboard.press('Escape')

  await goTo(page, host, `/work-orders/${job.id}/checkout`)
  await expect(page.getByTestId('checkout-totals')).toContainText('已收定金 ¥600.00')
  await expect(page.getByTestId('checkout-due')).toHaveText('¥0.00')
  await expect(page.getByTestId('checkout-payment')).toContainText('定金多出 ¥70.00，收款后退还客户')
  await screenshot(page, 'checkout-deposit-left-over')
  await page.getByTestId('pay').click()
  await expect(page.getByTestId('checkout-success')).toContainText('退还定金 ¥70.00（支付宝）')
  await screenshot(page, 'checkout-deposit-returned')

  await page.getByTestId('nav-day-close').click()
  await expect(page.getByTestId('report-deposits')).toContainText('¥530.00')
  await expect(page.getByTestId('report-deposits')).toContainText('¥70.00')
  await expect(page.getByTestId('report-deposits-taken')).toHaveText('¥700.00')
  await expect(page.getByTestId('report-by-method')).toContainText('支付宝')
  await expect(page.getByTestId('report-expected-cash')).toHaveText('¥0.00')
  await expect(page.getByTestId('report-payments')).toContainText('定金')
  // The counter sees the figures; closing is for a manager.
  await expect(page.getByTestId('close-day')).toHaveCount(0)
  await screenshot(page, 'day-close-front-desk')
})

test('a bill that changed while the counter took the money is not taken: the new one is shown, then paid', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'zhaoli', '赵丽', 'manager')
  const job = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '欧阳锋',
    labourFen: 8_000,
    partPriceFen: 45_000
  })
  const page = await staffPage(browser, host, boss.username, boss.password)
  await goTo(page, host, `/work-orders/${job.id}/checkout`)
  await expect(page.getByTestId('checkout-due')).toHaveText('¥530.00')

  // The technician adds a rush fee while the customer hands over ¥600 for the ¥530 on the screen.
  await host.rpc('workOrders.addLabour', { id: job.id, description: '加急', minutes: 10, priceFen: 5_000 }, adminToken)
  await page.locator('input[name=tender-amount-0]').fill('600')
  await page.getByTestId('pay').click()
  await expect(page.getByText('结账期间工单的收费项目有变化，本单已变为 ¥580.00')).toBeVisible()
  await expect(page.getByTestId('checkout-success')).toHaveCount(0)
  await expect(page.getByTestId('checkout-due')).toHaveText('¥580.00')
  await screenshot(page, 'checkout-bill-changed')

  // Told the new amount, the customer pays it.
  await page.getByTestId('pay').click()
  await expect(page.getByTestId('checkout-success')).toBeVisible()
  await expect(page.getByTestId('success-change')).toContainText('¥20.00')
})

test('a job already checked out opens at the counter as paid, with its invoice one press away', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const job = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '王芳',
    labourFen: 8_000,
    partPriceFen: 45_000
  })
  const invoice = await host.rpc<{ number: string }>(
    'checkout.pay',
    { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 53_000 }] },
    adminToken
  )
  const page = await staffPage(browser, host, ADMIN.username, ADMIN.password)
  await page.goto(`${host.url}#/work-orders/${job.id}/checkout`)
  await expect(page.getByText('该工单已结账')).toBeVisible()
  await expect(page.getByTestId('checkout-form')).toHaveCount(0)
  await screenshot(page, 'checkout-already-paid')
  await page.getByTestId('already-paid-invoice').click()
  await expect(page.getByTestId('invoice-number')).toHaveText(invoice.number)
})
