import type { Page } from '@playwright/test'
import { test, expect, screenshot, setUpShop, staffPage, hire, settled, takeIn, type ShopHost } from './fixtures'

/** An accessory on the shelf, received through the API. */
async function shelfItem(
  host: ShopHost,
  token: string,
  fields: { partNumber: string; name: string; barcode: string; priceFen: number; onHand: number }
): Promise<{ id: string }> {
  const part = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: fields.partNumber,
      name: fields.name,
      barcodes: [fields.barcode],
      sellingPriceFen: fields.priceFen,
      costPriceFen: 1_500
    },
    token
  )
  await host.rpc(
    'parts.receive',
    { reference: 'HQ-1', lines: [{ partId: part.id, quantity: fields.onHand, unitCostFen: 1_500 }] },
    token
  )
  return part
}

const onHandOf = async (host: ShopHost, token: string, id: string) =>
  (await host.rpc<{ onHand: number }>('parts.get', { id }, token)).onHand

const goTo = (page: Page, host: ShopHost, path: string) => page.goto(`${host.url}#${path}`)

/** How an element of the given class would be drawn on paper (the page emulating print media). */
const printedDisplayOf = (page: Page, className: string) =>
  page.evaluate((name) => {
    const doc = (globalThis as unknown as { document: PrintDocument }).document
    const probe = doc.createElement('div')
    probe.className = name
    doc.body.append(probe)
    const display = (globalThis as unknown as PrintWindow).getComputedStyle(probe).display
    probe.remove()
    return display
  }, className)

type PrintElement = { className: string; remove(): void }
type PrintDocument = { createElement(tag: string): PrintElement; body: { append(element: PrintElement): void } }
type PrintWindow = { getComputedStyle(element: PrintElement): { display: string } }

test('a counter sale: scan a charger, search a screen protector, take cash, print the receipt', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'lixiao', '李晓', 'front_desk')
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const charger = await shelfItem(host, adminToken, {
    partNumber: 'CHG-66W',
    name: '66W 快充充电器',
    barcode: '6901234567892',
    priceFen: 12_900,
    onHand: 5
  })
  const film = await shelfItem(host, adminToken, {
    partNumber: 'FILM-M60',
    name: 'Mate 60 钢化膜',
    barcode: '6901234567908',
    priceFen: 3_500,
    onHand: 10
  })
  // Two customers of one name: the sale is the one picked at the till's, not the namesake's.
  const buyer = await host.rpc<{ id: string }>('customers.create', { name: '王伟', mobile: '13800001234' }, adminToken)
  const namesake = await host.rpc<{ id: string }>(
    'customers.create',
    { name: '王伟', mobile: '13900005678' },
    adminToken
  )

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByRole('menuitem', { name: '零售收银' }).click()
  const scan = page.getByTestId('counter-scan')
  await expect(scan).toBeFocused()
  // A scanner types the barcode and presses Enter.
  await scan.fill('6901234567892')
  await scan.press('Enter')
  await expect(page.getByTestId('counter-lines')).toContainText('66W 快充充电器')
  await expect(scan).toHaveValue('')
  // A name is searched, and the match picked.
  await scan.fill('钢化膜')
  await scan.press('Enter')
  await page.getByTestId('counter-match-FILM-M60').click()
  await page.getByTestId('counter-quantity-1').locator('input').fill('2')
  await page.getByTestId('counter-quantity-1').locator('input').press('Tab')
  await expect(page.getByTestId('counter-total')).toContainText('¥199.00')
  // The buyer is on record: found by the last digits of their phone, picked with Enter.
  const customerSearch = page.locator('input[name=counter-customer-search]')
  await customerSearch.fill('1234')
  await expect(page.getByTestId('customer-search-results')).toContainText('13800001234')
  await customerSearch.press('Enter')
  await expect(page.getByTestId('counter-customer-chosen')).toContainText('王伟')
  await expect(page.getByTestId('counter-customer-chosen')).toContainText('13800001234')
  await page.locator('input[name=counter-tender-0]').fill('200')
  await expect(page.getByTestId('counter-change')).toContainText('¥1.00')
  await settled(page)
  await screenshot(page, 'counter-sale-basket')
  await page.getByTestId('counter-pay').click()

  await expect(page.getByTestId('counter-sale-paid')).toContainText(/INV-\d{6}-\d{4}/)
  await expect(page.getByTestId('counter-sale-change')).toContainText('¥1.00')
  const number = /INV-\d{6}-\d{4}/.exec((await page.getByTestId('counter-sale-paid').textContent()) ?? '')![0]
  await screenshot(page, 'counter-sale-paid')
  expect(await onHandOf(host, adminToken, charger.id)).toBe(4)
  expect(await onHandOf(host, adminToken, film.id)).toBe(8)

  await page.getByTestId('counter-print').click()
  const receipt = page.getByTestId('counter-receipt')
  await expect(receipt).toBeVisible()
  await expect(receipt.getByTestId('receipt-line')).toHaveCount(2)
  await expect(receipt).toContainText('Mate 60 钢化膜')
  await expect(receipt.getByTestId('receipt-due')).toContainText('¥199.00')
  await expect(receipt).toContainText('王伟')
  await expect(page.locator('body[data-print-ready="1"]')).toBeAttached()
  await screenshot(page, 'counter-sale-receipt')
  // The screen's toasts ("收款完成", still showing when the clerk prints at once) stay off the paper.
  await page.emulateMedia({ media: 'print' })
  expect(await printedDisplayOf(page, 'el-message')).toBe('none')
  expect(await printedDisplayOf(page, 'el-notification')).toBe('none')
  await expect(page.locator('.el-message')).toBeHidden()
  await page.emulateMedia({ media: 'screen' })
  // The same receipt on the narrow roll and on A4.
  const saleId = /counter_receipt\/([^?]+)/.exec(page.url())![1]!
  for (const paper of ['roll_58', 'a4']) {
    await goTo(page, host, `/print/counter_receipt/${saleId}?paper=${paper}`)
    await expect(page.locator('body[data-print-ready="1"]')).toBeAttached()
    await expect(page.getByTestId('counter-receipt').getByTestId('receipt-line')).toHaveCount(2)
    await screenshot(page, `counter-sale-receipt-${paper}`)
  }

  // The buyer's page lists the sale; the namesake's does not.
  await goTo(page, host, `/customers/${buyer.id}`)
  await expect(page.getByTestId('customer-payments')).toContainText(number)
  await page.getByTestId('customer-payments').scrollIntoViewIfNeeded()
  await settled(page)
  await screenshot(page, 'counter-sale-buyer-page')
  await goTo(page, host, `/customers/${namesake.id}`)
  await expect(page.getByTestId('customer-payments')).toContainText('尚无收付款记录')
  await expect(page.getByTestId('customer-payments')).not.toContainText(number)

  // The sale is in the day close.
  await goTo(page, host, '/day-close')
  await expect(page.getByTestId('report-counter-sales')).toContainText('1')
  await expect(page.getByTestId('report-takings')).toContainText('¥199.00')
  await screenshot(page, 'counter-sale-day-close')

  // A manager takes one screen protector back to the shelf.
  const manager = await staffPage(browser, host, boss.username, boss.password)
  await goTo(manager, host, '/counter-sale')
  await manager.getByTestId('counter-refund-open').click()
  const dialog = manager.getByTestId('counter-refund-dialog')
  // A scanned receipt number ends with Enter: it looks the sale up once, not once per key event.
  const lookups: string[] = []
  manager.on('request', (request) => {
    if (request.url().endsWith('/rpc/counterSales.get')) lookups.push(request.url())
  })
  await dialog.getByTestId('counter-refund-number').fill(number)
  await dialog.getByTestId('counter-refund-number').press('Enter')
  await expect(dialog.getByTestId('counter-refund-lines')).toBeVisible()
  await settled(manager)
  expect(lookups).toHaveLength(1)
  await dialog.getByTestId('counter-refund-quantity-1').locator('input').fill('1')
  await dialog.getByTestId('counter-refund-quantity-1').locator('input').press('Tab')
  await dialog.locator('input[name=counter-refund-reason]').fill('买错型号')
  await expect(dialog.getByTestId('counter-refund-total')).toHaveText('¥35.00')
  await settled(manager)
  await screenshot(manager, 'counter-sale-refund-dialog')
  await dialog.getByTestId('counter-refund-confirm').click()
  await expect(manager.getByText(/已退货：CN-/)).toBeVisible()
  expect(await onHandOf(host, adminToken, film.id)).toBe(9)
  // The day close counts the refund it handed out, beside the sale (as its printed report does).
  await goTo(manager, host, '/day-close')
  await expect(manager.getByTestId('report-takings')).toContainText('¥164.00')
  await expect(manager.getByTestId('report-counter-sales')).toContainText('1')
  await expect(manager.getByTestId('report-counter-refunds')).toContainText('1')
  await screenshot(manager, 'counter-sale-refund-day-close')
})

test('a credit note takes a part the customer handed back into stock', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const { workOrder } = await takeIn(host, adminToken, {
    customer: { name: '张三丰', mobile: '13900000001' },
    device: { brand: '华为', model: 'Mate 60 Pro', serial: 'SNCS000001' },
    serviceType: 'paid_repair',
    reportedFault: '电池鼓包'
  })
  const id = workOrder.id
  const move = (to: string) => host.rpc('workOrders.transition', { id, to }, adminToken)
  await move('diagnosing')
  await host.rpc('workOrders.quote', { id, labourFen: 5_000, partsFen: 20_000, discountFen: 0 }, adminToken)
  await host.rpc('workOrders.customerDecision', { id, approved: true, channel: 'in_person' }, adminToken)
  await move('repairing')
  await host.rpc('workOrders.addLabour', { id, description: '更换电池', minutes: 30, priceFen: 5_000 }, adminToken)
  const battery = await shelfItem(host, adminToken, {
    partNumber: 'BAT-M60',
    name: 'Mate 60 电池',
    barcode: '6901234567915',
    priceFen: 20_000,
    onHand: 1
  })
  await host.rpc('workOrderParts.issue', { workOrderId: id, partId: battery.id, quantity: 1 }, adminToken)
  await move('quality_check')
  await move('ready_for_pickup')
  const invoice = await host.rpc<{ id: string }>(
    'checkout.pay',
    { workOrderId: id, discountFen: 2_500, discountReason: '老客户', tenders: [{ method: 'cash', amountFen: 22_500 }] },
    adminToken
  )
  expect(await onHandOf(host, adminToken, battery.id)).toBe(0)

  const page = await staffPage(browser, host, boss.username, boss.password)
  await goTo(page, host, `/invoices/${invoice.id}`)
  await page.getByTestId('open-credit').click()
  const dialog = page.getByTestId('credit-dialog')
  await dialog.getByTestId('credit-full-1').click()
  await dialog.getByTestId('handed-back-quantity-1').locator('input').fill('1')
  await dialog.getByTestId('handed-back-quantity-1').locator('input').press('Tab')
  await dialog.locator('input[name=credit-reason]').fill('客户换回原电池，新电池未损坏')
  // ¥25 off ¥250 is 10 %: the ¥200 battery was paid ¥180.
  await expect(dialog.getByTestId('credit-refund')).toHaveText('¥180.00')
  await settled(page)
  await screenshot(page, 'credit-note-handed-back')
  await dialog.getByTestId('credit-confirm').click()
  await expect(page.getByText(/已开具红字发票 CN-|CN-/).first()).toBeVisible()
  await expect.poll(() => onHandOf(host, adminToken, battery.id)).toBe(1)
})

test('a serial-tracked phone is sold by the serial scanned at the counter, and its refund puts that serial back on the shelf', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'lixiao', '李晓', 'front_desk')
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const phone = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'PH-NOVA12',
      name: 'nova 12 备用机',
      barcodes: ['6901234567922'],
      sellingPriceFen: 99_900,
      costPriceFen: 60_000,
      serialTracked: true
    },
    adminToken
  )
  await host.rpc(
    'parts.receive',
    {
      reference: 'HQ-PH-1',
      lines: [{ partId: phone.id, quantity: 2, unitCostFen: 60_000, serials: ['PHSN2026B001', 'PHSN2026B002'] }]
    },
    adminToken
  )
  const serialsOnHand = async () =>
    (await host.rpc<{ serial: string }[]>('parts.serialsOnHand', { partId: phone.id }, adminToken)).map(
      (row) => row.serial
    )

  const page = await staffPage(browser, host, desk.username, desk.password)
  await goTo(page, host, '/counter-sale')
  await page.getByTestId('counter-scan').fill('6901234567922')
  await page.getByTestId('counter-scan').press('Enter')
  // The unit sold is named by its serial: until it is scanned the sale waits.
  const serial = page.getByTestId('counter-serial-0')
  await expect(serial).toBeVisible()
  await expect(page.getByTestId('counter-serial-missing')).toBeVisible()
  await expect(page.getByTestId('counter-pay')).toBeDisabled()
  await settled(page)
  await screenshot(page, 'counter-sale-serial-missing')
  await serial.click()
  await expect(page.getByRole('option', { name: 'PHSN2026B001' })).toBeVisible()
  await serial.locator('input').pressSequentially('PHSN2026B002', { delay: 5 })
  await serial.locator('input').press('Enter')
  await expect(serial).toContainText('PHSN2026B002')
  await expect(page.getByTestId('counter-serial-missing')).toBeHidden()
  await expect(page.getByTestId('counter-total')).toContainText('¥999.00')
  await page.getByTestId('counter-total').click()
  await settled(page)
  await screenshot(page, 'counter-sale-serial')
  await page.getByTestId('counter-pay').click()
  await expect(page.getByTestId('counter-sale-paid')).toContainText(/INV-\d{6}-\d{4}/)
  const number = /INV-\d{6}-\d{4}/.exec((await page.getByTestId('counter-sale-paid').textContent()) ?? '')![0]
  expect(await serialsOnHand()).toEqual(['PHSN2026B001'])
  await page.getByTestId('counter-print').click()
  await expect(page.getByTestId('counter-receipt')).toContainText('PHSN2026B002')
  await expect(page.locator('body[data-print-ready="1"]')).toBeAttached()
  await screenshot(page, 'counter-sale-serial-receipt')

  // Handed back unopened, that very phone is on the shelf again.
  const manager = await staffPage(browser, host, boss.username, boss.password)
  await goTo(manager, host, '/counter-sale')
  await manager.getByTestId('counter-refund-open').click()
  const dialog = manager.getByTestId('counter-refund-dialog')
  await dialog.getByTestId('counter-refund-number').fill(number)
  await dialog.getByTestId('counter-refund-number').press('Enter')
  await expect(dialog.getByTestId('counter-refund-lines')).toContainText('序列号 PHSN2026B002')
  await dialog.getByTestId('counter-refund-quantity-0').locator('input').fill('1')
  await dialog.getByTestId('counter-refund-quantity-0').locator('input').press('Tab')
  await dialog.locator('input[name=counter-refund-reason]').fill('七天无理由退货')
  await settled(manager)
  await screenshot(manager, 'counter-sale-serial-refund')
  await dialog.getByTestId('counter-refund-confirm').click()
  await expect(manager.getByText(/已退货：CN-/)).toBeVisible()
  expect(await serialsOnHand()).toEqual(['PHSN2026B001', 'PHSN2026B002'])
})
