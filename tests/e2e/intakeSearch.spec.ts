import { test, expect, screenshot, settled, setUpShop, staffPage, hire, type ShopHost } from './fixtures'

async function checkIn(host: ShopHost, token: string, customer: string, mobile: string, serial: string) {
  const created = await host.rpc<{ workOrder: { id: string; number: string } }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: customer, mobile } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial } },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '屏幕摔碎',
      symptomCode: 'S01',
      condition: { scratches: false, cracks: true, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false, value: '' },
      depositFen: 0,
      depositMethod: 'cash'
    },
    token
  )
  return created.workOrder
}

test('a fast typist finds a returning customer by the last digits of the phone; Enter picks the right one', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  // Checked in first, so it is the older record: only the phone-tail ranking puts it first.
  await checkIn(host, adminToken, '钱七', '13912348000', 'SN-QIAN-1')
  await checkIn(host, adminToken, '孙八', '13880001234', 'SN-SUN-1')

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-intake').click()
  const search = page.locator('input[name=customer-search]')
  await expect(search).toBeFocused()
  // A list for "1" is on screen (both customers) when the rest is typed and Enter follows at once.
  await search.press('1')
  await expect(page.getByTestId('customer-search-results')).toContainText('孙八')
  await search.pressSequentially('2348000', { delay: 5 })
  await search.press('Enter')
  await expect(page.getByTestId('chosen-customer')).toContainText('钱七')
  // The device comes next: the cursor is in the serial field, and the customer's device is offered.
  await expect(page.locator('input[name=serial]')).toBeFocused()
  await expect(page.getByRole('button', { name: /SN-QIAN-1/ })).toBeVisible()
  await screenshot(page, 'intake-returning-customer')

  // Typing the tail of a number lists endings first; arrows and Enter pick from that list.
  await page.getByText('更换客户').click()
  await search.fill('8000')
  const results = page.getByTestId('customer-search-results').getByRole('option')
  await expect(results).toHaveCount(2)
  await expect(results.first()).toContainText('钱七')
  await screenshot(page, 'intake-customer-search-list')
  await search.press('ArrowDown')
  await search.press('Enter')
  await expect(page.getByTestId('chosen-customer')).toContainText('孙八')
})

test('the work-order list searches as you type', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  await checkIn(host, adminToken, '钱七', '13912348000', 'SN-QIAN-1')
  await checkIn(host, adminToken, '孙八', '13880001234', 'SN-SUN-1')

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-work-orders').click()
  const table = page.locator('.el-table')
  await expect(table).toContainText('钱七')
  await expect(table).toContainText('孙八')
  await page.locator('input[name=work-order-search]').pressSequentially('孙八', { delay: 20 })
  await expect(table).not.toContainText('钱七')
  await expect(table).toContainText('孙八')
})

test('F3 puts the cursor in the search; a full work-order number and Enter opens that job', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const first = await checkIn(host, adminToken, '钱七', '13912348000', 'SN-QIAN-1')
  const second = await checkIn(host, adminToken, '孙八', '13880001234', 'SN-SUN-1')

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.keyboard.press('F3')
  const search = page.locator('input[name=work-order-search]')
  await expect(page.locator('.el-table')).toContainText('钱七')
  await settled(page)
  await expect(search).toBeFocused()
  await screenshot(page, 'work-orders-search-focused')
  // A part of a number only filters: both jobs share the day's prefix.
  await page.keyboard.type(first.number.slice(0, 9))
  await page.keyboard.press('Enter')
  await expect(page.locator('.el-table')).toContainText('孙八')
  await expect(page).toHaveURL(/#\/work-orders$/)
  // The whole number, lower case as a person may type it, opens the job.
  await search.fill(second.number.toLowerCase())
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`#/work-orders/${second.id}$`))
  await expect(page.getByTestId('work-order')).toContainText(second.number)
})
