import { readFileSync } from 'node:fs'
import JSZip from 'jszip'
import {
  switchLanguage,
  test,
  expect,
  hire,
  screenshot,
  settled,
  setUpShop,
  staffPage,
  ADMIN,
  type ShopHost
} from './fixtures'

const NAME = '欧阳娜娜'
const MOBILE = '13912345678'

async function checkIn(host: ShopHost, token: string) {
  await host.rpc(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: NAME, mobile: MOBILE, address: '北京市海淀区中关村大街1号' } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60', serial: 'SN-E2E-ERASE' } },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '不开机',
      symptomCode: 'S01',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: true, value: '2468' }
    },
    token
  )
  await host.rpc('customers.create', { name: '=1+2', mobile: '13700000009' }, token)
}

test('the admin exports the whole shop as one archive of CSV files', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  await checkIn(host, adminToken)
  const page = await staffPage(browser, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-settings').click()
  const card = page.getByTestId('shop-export-card')
  await card.scrollIntoViewIfNeeded()
  await expect(card).toContainText('导出全店数据')
  await settled(page)
  await screenshot(page, 'data-export-settings')

  const download = page.waitForEvent('download')
  await card.getByTestId('export-shop').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^shop-export-\d{4}-\d{2}-\d{2}\.zip$/)
  const zip = await JSZip.loadAsync(readFileSync((await file.path())!))
  const names = Object.keys(zip.files)
  for (const name of ['README.txt', 'customers.csv', 'devices.csv', 'work_orders.csv', 'payments.csv', 'invoices.csv'])
    expect(names).toContain(name)
  for (const name of ['parts.csv', 'stock_movements.csv', 'warranty_units.csv', 'users.csv', 'audit_log.csv'])
    expect(names).toContain(name)
  const customers = await zip.file('customers.csv')!.async('string')
  expect(customers.startsWith('\uFEFF客户ID,姓名')).toBe(true)
  expect(customers).toContain(NAME)
  expect(customers).toContain("'=1+2")
  expect(customers.split('\r\n').filter(Boolean)).toHaveLength(3)
  const everything = (await Promise.all(names.map((name) => zip.file(name)!.async('string')))).join('\n')
  // The passcode is in no field (ids and times are hex and digits, and may hold the digits anywhere).
  expect(everything).not.toMatch(/(^|[,"])2468(?=[,"\r\n]|$)/m)
  expect(everything).not.toMatch(/scrypt|argon|\$2[aby]\$/)
  expect(await zip.file('README.txt')!.async('string')).toContain('work_orders.csv')
  // The shop profile leaves with the shop, so a new system need not be told its name again.
  const settings = await zip.file('shop_settings.csv')!.async('string')
  expect(settings).toContain('shop.profile')
  expect(settings).toContain('鑫诚手机维修中心')
})

test('a manager exports a customer’s data, then erases them, and search no longer finds them', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  await checkIn(host, adminToken)
  const manager = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const page = await staffPage(browser, host, manager.username, manager.password)
  await page.getByTestId('nav-customers').click()
  const search = page.getByTestId('customer-search')
  const table = page.getByTestId('customers-table')
  await search.fill(MOBILE)
  await expect(table).toContainText(NAME)
  await expect(table).not.toContainText('=1+2')
  await table.getByTestId('customer-name').filter({ hasText: NAME }).click()
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible()
  await settled(page)
  await screenshot(page, 'data-export-customer-file')

  const download = page.waitForEvent('download')
  await page.getByTestId('export-customer-data').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^customer-data-\d{4}-\d{2}-\d{2}\.zip$/)
  const zip = await JSZip.loadAsync(readFileSync((await file.path())!))
  const customers = await zip.file('customers.csv')!.async('string')
  expect(customers).toContain(NAME)
  expect(customers).not.toContain('13700000009')

  await page.getByTestId('erase-customer').click()
  const confirmation = page.getByTestId('erase-confirmation')
  await expect(confirmation).toContainText('将删除')
  await expect(confirmation).toContainText('将保留')
  await settled(page)
  await screenshot(page, 'data-export-erase-confirm')
  await page.getByRole('button', { name: '删除个人信息' }).last().click()
  await expect(page.getByTestId('customer-erased')).toBeVisible()
  await expect(page.getByTestId('customer-card')).not.toContainText(MOBILE)
  await expect(page.getByRole('heading', { name: '已删除客户' })).toBeVisible()
  await expect(page.getByTestId('erase-customer')).toHaveCount(0)
  await settled(page)
  await screenshot(page, 'data-export-erased-file')

  await page.getByTestId('back-to-customers').click()
  for (const query of [MOBILE, '欧阳', '已删除']) {
    await search.fill(query)
    await expect(table).not.toContainText(NAME)
    await expect(table).toContainText('没有') // the empty text
  }
  await screenshot(page, 'data-export-erased-search')
})

test('in English an erased customer reads "Erased customer" on the job list, the job, its claim receipt and their file', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  await checkIn(host, adminToken)
  const found = await host.rpc<{ rows: { id: string }[] }>(
    'customers.search',
    { query: MOBILE, page: 1, pageSize: 10 },
    adminToken
  )
  const customerId = found.rows[0]!.id
  await host.rpc('customers.erase', { id: customerId }, adminToken)
  const page = await staffPage(browser, host, ADMIN.username, ADMIN.password)
  await switchLanguage(page, 'English')

  await page.getByTestId('nav-work-orders').click()
  const table = page.getByTestId('work-orders-table')
  await expect(table.locator('tbody tr')).toHaveCount(1)
  await settled(page)
  await screenshot(page, 'erased-customer-en-list')
  await expect(table).toContainText('Erased customer')
  await expect(table).not.toContainText('已删除客户')

  await table.locator('tbody tr').first().click()
  await expect(page.getByText('SN-E2E-ERASE').first()).toBeVisible()
  await settled(page)
  await screenshot(page, 'erased-customer-en-job')
  await expect(page.locator('.name').first()).toHaveText('Erased customer')
  await expect(page.locator('main')).not.toContainText('已删除客户')
  // So does the claim receipt printed from it.
  await page.getByTestId('print-claim_receipt').click()
  await expect(page.getByTestId('print-sheet')).toContainText('Erased customer')
  await expect(page.getByTestId('print-sheet')).not.toContainText('已删除客户')
  await screenshot(page, 'erased-customer-en-claim-receipt')
  await page.goBack()

  await page.locator('.name').first().click()
  await expect(page.getByTestId('customer-erased')).toBeVisible()
  await settled(page)
  await screenshot(page, 'erased-customer-en-file')
  await expect(page.getByRole('heading', { name: 'Erased customer' })).toBeVisible()
  // Switching back, the page already open reads it in Chinese again.
  await switchLanguage(page, '中文')
  await expect(page.getByRole('heading', { name: '已删除客户' })).toBeVisible()
})
