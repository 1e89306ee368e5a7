import { test, expect, screenshot, settled, setUpShop, staffPage, hire, signIn, type ShopHost } from './fixtures'
import { shopDateDaysAgo } from './shopDates'

/** A phone sold 80 days ago: inside the whole unit's 12 months, past the 15-day exchange window. */
async function registerInWarranty(host: ShopHost, token: string, serial: string, buyerPhone: string) {
  await host.rpc(
    'warranty.register',
    {
      serial,
      brand: 'OPPO',
      model: 'Reno11',
      categoryKey: 'mobile_phone',
      cardNumber: '',
      purchaseDate: shopDateDaysAgo(80),
      invoiceNumber: '44031883',
      dealer: '苏宁易购天河店',
      buyerName: '黎伟鹏',
      buyerPhone
    },
    token
  )
}

test('a unit the registry repairs free is taken in as a warranty repair; booking it paid is said plainly before saving', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  await registerInWarranty(host, adminToken, 'OPR11-FREE-1', '15816345447')
  await registerInWarranty(host, adminToken, 'OPR11-FREE-2', '15816345448')
  const page = await staffPage(browser, host, desk.username, desk.password)
  const serviceType = page.getByTestId('service-type')
  const created = page.getByTestId('created-number')

  // The verdict sets the kind of job: the desk types the rest and saves, and it is a warranty repair.
  await page.getByTestId('nav-intake').click()
  await page.locator('input[name=customer-name]').fill('黎伟鹏')
  await page.locator('input[name=customer-mobile]').fill('15816345447')
  await page.locator('input[name=serial]').fill('OPR11-FREE-1')
  await page.locator('input[name=serial]').press('Enter')
  await expect(page.getByTestId('intake-warranty-verdict')).toHaveText('免费保修')
  await expect(serviceType.locator('input[value=warranty_repair]')).toBeChecked()
  await expect(page.getByTestId('paid-despite-free')).toHaveCount(0)
  await page.locator('input[name=reported-fault]').fill('不开机')
  await settled(page)
  await screenshot(page, 'intake-warranty-verdict-sets-service-type')
  await page.keyboard.press('Control+Enter')
  await expect(created).toHaveText(/^WO-\d{6}-0001$/)
  const first = await host.rpc<{ serviceType: string }>(
    'workOrders.get',
    { number: await created.innerText() },
    adminToken
  )
  expect(first.serviceType).toBe('warranty_repair')
  await page.keyboard.press('Escape')

  // The desk chooses paid repair against the verdict: told at once, and asked again on saving.
  await page.locator('input[name=customer-name]').fill('黎伟鹏')
  await page.locator('input[name=customer-mobile]').fill('15816345448')
  await page.locator('input[name=serial]').fill('OPR11-FREE-2')
  await page.locator('input[name=serial]').press('Enter')
  await expect(serviceType.locator('input[value=warranty_repair]')).toBeChecked()
  await serviceType.getByText('付费维修').click()
  await expect(page.getByTestId('paid-despite-free')).toContainText(
    '保修系统判定本机「免费保修」，现在却登记为付费维修'
  )
  await page.locator('input[name=reported-fault]').fill('屏幕摔碎')
  await page.keyboard.press('Control+Enter')
  const confirm = page.locator('.el-message-box')
  await expect(confirm).toContainText('确定按付费维修登记吗')
  await settled(page)
  await screenshot(page, 'intake-paid-despite-free-confirm')
  // Going back changes nothing: no job is opened.
  await confirm.getByRole('button', { name: '返回修改' }).click()
  await expect(confirm).toHaveCount(0)
  await expect(created).toHaveCount(0)
  await expect(serviceType.locator('input[value=paid_repair]')).toBeChecked()
  await page.keyboard.press('Control+Enter')
  await confirm.getByRole('button', { name: '按付费维修保存' }).click()
  await expect(created).toHaveText(/^WO-\d{6}-0002$/)
  const second = await host.rpc<{ serviceType: string }>(
    'workOrders.get',
    { number: await created.innerText() },
    adminToken
  )
  expect(second.serviceType).toBe('paid_repair')
})

test('a check-in booked paid against the verdict, back after the app closed, still says so and asks again', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  await registerInWarranty(host, adminToken, 'OPR11-FREE-3', '15816345449')
  const page = await staffPage(browser, host, desk.username, desk.password)
  const serviceType = page.getByTestId('service-type')
  await page.getByTestId('nav-intake').click()
  await page.locator('input[name=customer-name]').fill('黎伟鹏')
  await page.locator('input[name=customer-mobile]').fill('15816345449')
  await page.locator('input[name=serial]').fill('OPR11-FREE-3')
  await page.locator('input[name=serial]').press('Enter')
  await expect(serviceType.locator('input[value=warranty_repair]')).toBeChecked()
  await serviceType.getByText('付费维修').click()
  await page.locator('input[name=reported-fault]').fill('屏幕摔碎')
  await expect(page.getByTestId('paid-despite-free')).toBeVisible()
  // The app closes without a word (a crash, a power cut).
  const desktop = page.context()
  await page.close()

  // Back at the desk: the registry is asked again, the desk's choice of paid repair stands.
  const again = await desktop.newPage()
  await signIn(again, host, desk.username, desk.password)
  await again.getByTestId('nav-intake').click()
  await expect(again.getByTestId('intake-draft-kept')).toBeVisible()
  await expect(again.getByTestId('intake-warranty-verdict')).toHaveText('免费保修')
  await expect(again.getByTestId('paid-despite-free')).toContainText(
    '保修系统判定本机「免费保修」，现在却登记为付费维修'
  )
  await expect(again.getByTestId('service-type').locator('input[value=paid_repair]')).toBeChecked()
  await settled(again)
  await screenshot(again, 'intake-draft-restored-paid-despite-free')
  await again.locator('input[name=reported-fault]').press('Control+Enter')
  await expect(again.locator('.el-message-box')).toContainText('确定按付费维修登记吗')
})
