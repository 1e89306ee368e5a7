import { switchLanguage, test, expect, screenshot, setUpShop, staffPage, hire, tallScreenshot } from './fixtures'
import { shopDateDaysAgo } from './shopDates'

test('a phone waiting for parts: the job, the board and the lookup show the day an exchange becomes due (2001 art. 16)', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  await host.rpc(
    'warranty.register',
    {
      serial: 'HWP60WAIT01',
      brand: '华为',
      model: 'P60',
      categoryKey: 'mobile_phone',
      purchaseDate: shopDateDaysAgo(40),
      invoiceNumber: '44031999',
      dealer: '苏宁易购天河店',
      buyerName: '王芳',
      buyerPhone: '13800138011'
    },
    adminToken
  )
  const { workOrder } = (await host.rpc(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '王芳', mobile: '13800138011' } },
      device: { kind: 'new', fields: { brand: '华为', model: 'P60', serial: 'HWP60WAIT01' } },
      serviceType: 'warranty_repair',
      intakeChannel: 'walk_in',
      reportedFault: '不开机',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false }
    },
    adminToken
  )) as { workOrder: { id: string } }
  // Brought in today: more than 60 days without parts entitles the customer to an exchange on day 61.
  const entitledOn = shopDateDaysAgo(-61)

  const page = await staffPage(browser, host, boss.username, boss.password)
  await page.goto(`${page.url().split('#')[0]}#/work-orders/${workOrder.id}`)
  const panel = page.getByTestId('waiting-panel')
  await expect(panel).toContainText('未记录待修原因')
  await panel.getByTestId('waiting-save').click()
  await expect(panel.getByTestId('job-entitled-on')).toHaveText(entitledOn)
  await expect(panel).toContainText('厂家未供应配件')
  await expect(panel).toContainText('自送修之日起超过 60 日未修好即可换货')
  await tallScreenshot(page, 'warranty-job-waiting', 1500)
  // In English the chosen cause is read whole, not cut off by its select.
  await switchLanguage(page, 'English')
  const cause = panel.getByTestId('waiting-cause').locator('.el-select__placeholder')
  await expect(cause).toHaveText('The maker has not supplied parts')
  expect(await cause.evaluate((item) => item.scrollWidth <= item.clientWidth)).toBe(true)
  await switchLanguage(page, '中文')
  await expect(panel).toContainText('厂家未供应配件')

  await page.getByTestId('nav-board').click()
  await expect(page.getByTestId('board-entitled-on')).toHaveText(`${entitledOn} 起可换货`)
  await tallScreenshot(page, 'warranty-board-waiting', 900)

  await page.getByTestId('nav-warranty').click()
  await page.getByTestId('warranty-search').fill('HWP60WAIT01')
  await page.getByTestId('warranty-search').press('Enter')
  const verdict = page.getByTestId('warranty-verdict')
  await expect(verdict.getByTestId('verdict-text')).toHaveText('免费保修')
  await expect(verdict.getByTestId('waiting-entitled-on')).toHaveText(entitledOn)
  await expect(verdict.getByTestId('verdict-reasons')).toContainText(
    `《移动电话机商品修理更换退货责任规定》第十六条），${entitledOn} 起可换（还有 61 天）`
  )
  await tallScreenshot(page, 'warranty-lookup-waiting', 1600)
})

test('recording the fault date changes the verdict on screen (2001 art. 11 and 12)', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const bought = shopDateDaysAgo(10)
  await host.rpc(
    'warranty.register',
    {
      serial: 'MI14FAULT01',
      brand: '小米',
      model: '14',
      categoryKey: 'mobile_phone',
      purchaseDate: bought,
      invoiceNumber: '31299871',
      dealer: '小米之家',
      buyerName: '陈伟',
      buyerPhone: '13912345670'
    },
    adminToken
  )
  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-warranty').click()
  await page.getByTestId('warranty-search').fill('MI14FAULT01')
  await page.getByTestId('warranty-search').press('Enter')
  const verdict = page.getByTestId('warranty-verdict')
  // Day 10 after the sale: the exchange window.
  await expect(verdict.getByTestId('verdict-text')).toHaveText('可换货')

  // The fault appeared on day 7, the last day of the refund window.
  const faultDate = shopDateDaysAgo(3)
  const field = verdict.locator('input[name=faultDate]')
  await field.fill(faultDate)
  await field.press('Enter')
  await verdict.getByTestId('claim-evaluate').click()
  await expect(verdict.getByTestId('verdict-text')).toHaveText('可退货')
  await expect(verdict.getByTestId('judged-on')).toHaveText(faultDate)
  await expect(verdict.getByTestId('verdict-reasons')).toContainText(
    `按故障出现日期 ${faultDate} 判定（今天是 ${shopDateDaysAgo(0)}）。`
  )
  await tallScreenshot(page, 'warranty-fault-date-verdict', 1600)

  // A day in the future is refused, in words.
  await field.fill(shopDateDaysAgo(-1))
  await field.press('Enter')
  await verdict.getByTestId('claim-evaluate').click()
  await expect(page.getByText('故障出现日期不能晚于今天').first()).toBeVisible()

  // Check-in asks for the fault date too (empty: today).
  await page.getByTestId('nav-intake').click()
  const intakeFaultDate = page.locator('input[name=faultDate]')
  // The page is fetched on first visit: wait for it to stand before scrolling to the field.
  await expect(intakeFaultDate).toHaveAttribute('placeholder', '今天')
  await expect(page.locator('input[name=customer-search]')).toBeFocused()
  await intakeFaultDate.scrollIntoViewIfNeeded()
  await screenshot(page, 'warranty-intake-fault-date')
})
