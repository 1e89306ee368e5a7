import { switchLanguage, test, expect, hire, screenshot, setUpShop, signIn, staffPage, type ShopHost } from './fixtures'

let sequence = 0
const uniqueMobile = () => `137${String(++sequence).padStart(8, '0')}`
const uniqueSerial = () => `SNDB${String(++sequence).padStart(6, '0')}`

/** A job checked in through the API; `to` walks it along the warranty path (no quote needed). */
async function job(
  host: ShopHost,
  token: string,
  options: { to?: 'ready_for_pickup' | 'diagnosing' | 'awaiting_parts'; promisedDate?: string; depositFen?: number }
): Promise<string> {
  const { workOrder } = await host.rpc<{ workOrder: { id: string } }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '王芳', mobile: uniqueMobile() } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60', serial: uniqueSerial() } },
      serviceType: 'warranty_repair',
      intakeChannel: 'walk_in',
      reportedFault: '不开机',
      symptomCode: 'S01',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false, value: '' },
      promisedDate: options.promisedDate ?? null,
      depositFen: options.depositFen ?? 0,
      depositMethod: 'cash'
    },
    token
  )
  const path = {
    ready_for_pickup: ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'],
    diagnosing: ['diagnosing'],
    awaiting_parts: ['diagnosing', 'awaiting_parts']
  }
  for (const to of options.to ? path[options.to] : []) {
    await host.rpc('workOrders.transition', { id: workOrder.id, to }, token)
  }
  return workOrder.id
}

test('the front desk and the manager open the home on their own tiles, and a tile opens its list', async ({
  page,
  host,
  browser
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'qiantai', '前台小李', 'front_desk')
  const boss = await hire(host, adminToken, 'jingli', '王经理', 'manager')
  const { today } = await host.rpc<{ today: string }>('dashboard.get', {}, adminToken)
  await job(host, adminToken, { to: 'ready_for_pickup' })
  await job(host, adminToken, { to: 'ready_for_pickup', depositFen: 5_000 })
  await job(host, adminToken, { promisedDate: today })
  // On the bench but promised for no day: the promised-today tile and its list leave it out.
  await job(host, adminToken, {})

  const deskPage = await staffPage(browser, host, desk.username, desk.password)
  await deskPage.setViewportSize({ width: 1366, height: 768 })
  const counter = deskPage.getByTestId('tiles-front-desk')
  await expect(counter.getByTestId('tile-ready')).toContainText('2')
  await expect(counter.getByTestId('tile-promised-today')).toContainText('1')
  await expect(counter.getByTestId('tile-intakes')).toContainText('4')
  await expect(counter.getByTestId('longest-waits').locator('a')).toHaveCount(2)
  await expect(counter.getByTestId('waited-days')).toHaveText(['已待取 0 天', '已待取 0 天'])
  await expect(deskPage.getByTestId('tiles-manager')).toHaveCount(0)
  await screenshot(deskPage, 'dashboard-front-desk-zh')

  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, boss.username, boss.password)
  const shop = page.getByTestId('tiles-manager')
  // Money with its sign: the day's total and each payment method's line.
  await expect(shop.getByTestId('tile-takings')).toContainText('¥50.00')
  await expect(shop.getByTestId('tile-takings')).toContainText('现金 ¥50.00')
  await expect(shop.getByTestId('tile-stuck')).toContainText('0')
  await expect(shop).toContainText('今日收款')
  await expect(page.getByTestId('tiles-front-desk').getByTestId('tile-ready')).toContainText('2')
  await expect(page.getByTestId('tiles-warehouse')).toBeVisible()
  await expect(page.getByTestId('tiles-technician')).toHaveCount(0)
  await screenshot(page, 'dashboard-manager-zh')
  await switchLanguage(page, 'English')
  await expect(shop).toContainText("Today's takings")
  await screenshot(page, 'dashboard-manager-en')

  // The stuck tile opens the jobs it counts (none here), not the whole bench.
  await shop.getByTestId('tile-stuck').click()
  await expect(page).toHaveURL(/\/work-orders$/)
  await expect(page.getByTestId('queue-chip-stuck')).toContainText('No change for 7+ days')
  await expect(page.getByTestId('work-orders-table').locator('tbody tr')).toHaveCount(0)
  await page.getByTestId('nav-home').click()

  await shop.getByTestId('tile-takings').click()
  await expect(page).toHaveURL(/\/day-close$/)

  await switchLanguage(deskPage, 'English')
  await expect(counter).toContainText('Ready for pick-up')
  await screenshot(deskPage, 'dashboard-front-desk-en')

  await counter.getByTestId('tile-ready').click()
  await expect(deskPage).toHaveURL(/\/work-orders$/)
  const rows = deskPage.getByTestId('work-orders-table').locator('tbody tr')
  await expect(rows).toHaveCount(2)
  // The tile's filter is shown in words before the select was ever opened.
  await expect(deskPage.getByTestId('status-filter')).toContainText('Ready for pickup')
  await expect(deskPage.getByTestId('status-filter')).not.toContainText('ready_for_pickup')
  // At the counter's 1366 pixels the row fits without scrolling sideways, its English status included.
  const bodyWrap = deskPage.getByTestId('work-orders-table').locator('.el-table__body-wrapper .el-scrollbar__wrap')
  expect(await bodyWrap.evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth)).toBeLessThanOrEqual(0)
  const statusTag = (await rows.first().getByTestId('status-tag').boundingBox())!
  const statusCell = (await rows.first().locator('td').nth(1).boundingBox())!
  expect(statusTag.x + statusTag.width).toBeLessThanOrEqual(statusCell.x + statusCell.width)

  // The list opens from the keyboard too: the table is one Tab stop (its first row), the arrows
  // move between rows, Enter opens the row.
  const secondNumber = (await rows.nth(1).locator('.number').innerText()).trim()
  await expect(rows.first()).toHaveAttribute('tabindex', '0')
  await expect(rows.nth(1)).toHaveAttribute('tabindex', '-1')
  await rows.first().focus()
  await deskPage.keyboard.press('ArrowDown')
  await expect(rows.nth(1)).toBeFocused()
  await expect(rows.nth(1)).toHaveAttribute('tabindex', '0')
  await expect(rows.first()).toHaveAttribute('tabindex', '-1')
  await screenshot(deskPage, 'work-orders-keyboard-row')
  await deskPage.keyboard.press('Enter')
  await expect(deskPage.getByTestId('work-order-number')).toHaveText(secondNumber)

  // The promised-today tile opens exactly the jobs it counts, its filter a chip that can be removed.
  await deskPage.getByTestId('nav-home').click()
  const promised = counter.getByTestId('tile-promised-today')
  await expect(promised).toContainText('1')
  await promised.click()
  await expect(deskPage.getByTestId('queue-chip-promisedToday')).toHaveText('Promised today')
  await expect(rows).toHaveCount(1)
  await screenshot(deskPage, 'work-orders-promised-today')
  await deskPage.getByTestId('queue-chip-promisedToday').locator('.el-tag__close').click()
  await expect(deskPage.getByTestId('queue-chip-promisedToday')).toHaveCount(0)
  await expect(rows).toHaveCount(4)
})

test("a technician's home counts each of their jobs once: work they can do now, or waiting for parts", async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  const tech = await hire(host, adminToken, 'jishi', '张技师', 'technician')
  const technicians = await host.rpc<{ id: string; displayName: string }[]>('workOrders.technicians', {}, adminToken)
  const technicianId = technicians.find((technician) => technician.displayName === '张技师')!.id
  for (const to of ['diagnosing', 'awaiting_parts'] as const) {
    const id = await job(host, adminToken, { to })
    await host.rpc('workOrders.assign', { id, technicianId }, adminToken)
  }

  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, tech.username, tech.password)
  const bench = page.getByTestId('tiles-technician')
  await expect(bench.getByTestId('tile-my-queue')).toContainText('1')
  await expect(bench.getByTestId('tile-waiting-parts')).toContainText('1')
  await screenshot(page, 'dashboard-technician-zh')

  // Each tile opens the one job it counts.
  const rows = page.getByTestId('work-orders-table').locator('tbody tr')
  await bench.getByTestId('tile-my-queue').click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first().getByTestId('status-tag')).toHaveText('检测中')
  await page.getByTestId('nav-home').click()
  await bench.getByTestId('tile-waiting-parts').click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first().getByTestId('status-tag')).toHaveText('待配件')
})
