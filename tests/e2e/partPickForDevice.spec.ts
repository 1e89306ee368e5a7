import { test, expect, hire, screenshot, settled, setUpShop, staffPage, takeIn, type ShopHost } from './fixtures'
import { stockedPart } from './stockedPart'

/** A catalogue model, made as the shop gets one: a unit of it entered in the warranty registry. */
async function catalogueModel(host: ShopHost, token: string, brand: string, model: string, categoryKey: string) {
  await host.rpc('warranty.register', { serial: `REG-${model.replace(/\W/g, '')}`, brand, model, categoryKey }, token)
  const models = await host.rpc<{ id: string; brand: string; model: string }[]>(
    'warranty.models',
    { categoryKey },
    token
  )
  return models.find((found) => found.brand === brand && found.model === model)!.id
}

test('on a Mate 40 job, typing 屏 offers the Mate 40 screen first, tagged as fitting, and Enter takes it', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const tech = await hire(host, adminToken, 'zhangwei', '张伟', 'technician')
  const mate40 = await catalogueModel(host, adminToken, '华为', 'Mate 40', 'mobile_phone')
  const iphone = await catalogueModel(host, adminToken, 'Apple', 'iPhone 15', 'mobile_phone')
  const macbook = await catalogueModel(host, adminToken, 'Apple', 'MacBook Air M2', 'laptop_computer')
  // By part number the other devices' screens come first, as in the catalogue the issue was seen on.
  const parts = [
    { partNumber: 'A-IP15-LCD', name: 'iPhone 15 屏幕总成', models: [iphone], priceFen: 150_000 },
    { partNumber: 'A-MBA-LCD', name: 'MacBook Air M2 屏幕总成', models: [macbook], priceFen: 280_000 },
    { partNumber: 'HW-M40-LCD', name: 'Mate 40 屏幕总成', models: [mate40], priceFen: 90_000 },
    { partNumber: 'Z-FILM', name: '屏幕保护膜', models: [], priceFen: 3_000 }
  ]
  for (const part of parts)
    await stockedPart(host, adminToken, {
      partNumber: part.partNumber,
      name: part.name,
      priceFen: part.priceFen,
      costFen: part.priceFen / 2,
      quantity: 3,
      compatibleModelIds: part.models
    })
  // The device's model typed in lower case at check-in: it still fits.
  const { workOrder } = await takeIn(host, adminToken, {
    customer: { name: '陈伟', mobile: '13912345678' },
    device: { brand: '华为', model: 'mate 40', serial: 'SNM40PICK01' },
    serviceType: 'paid_repair',
    reportedFault: '屏幕碎裂，触摸失灵'
  })

  const page = await staffPage(browser, host, tech.username, tech.password)
  await page.goto(`${host.url}#/work-orders/${workOrder.id}`)
  const panel = page.getByTestId('work-order-parts')
  await panel.getByTestId('part-request-select').click()
  await page.keyboard.type('屏')
  const options = page.getByRole('option')
  await expect(options).toHaveCount(4)
  await expect(options.first()).toContainText('HW-M40-LCD')
  await expect(options.first().getByTestId('part-fits')).toHaveText('适用本机')
  // Only the part for this device is tagged; the others follow by part number.
  await expect(page.getByTestId('part-fits')).toHaveCount(1)
  await expect(options.nth(1)).toContainText('A-IP15-LCD')
  await settled(page)
  await screenshot(page, 'part-pick-fitting')

  await page.keyboard.press('Enter')
  await expect(panel.getByTestId('part-request-select')).toContainText('HW-M40-LCD')
  await panel.getByTestId('request-part').click()
  await expect(panel.getByTestId('part-requests')).toContainText('HW-M40-LCD')
})
