import type { Browser, Locator, Page } from '@playwright/test'
import {
  test,
  expect,
  screenshot,
  setUpShop,
  staffPage,
  hire,
  settled,
  tallScreenshot,
  type ShopHost
} from './fixtures'
import { chooseLanguage } from './locale'
import { stockedPart } from './stockedPart'
import { printToPdf } from './printedDocument'
import { shopDateDaysAgo } from './shopDates'

/** The print page's text as printed, with a PDF and PNGs for a person to look at. */
const slipPdf = async (page: Page, name: string) => (await printToPdf(page, name)).text

/**
 * A shop with manager 王芳, three Huawei 66W chargers on the shelf (the brand wants faulty ones back) and a registered Mate 60 Pro
 * bought `daysAgo` days ago.
 */
async function shopWithChargers(
  host: ShopHost,
  buyer: { serial: string; daysAgo: number; invoiceNumber: string; buyerName: string; buyerPhone: string }
) {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const charger = await stockedPart(host, adminToken, {
    partNumber: 'HW-CHG-66W',
    name: '华为 66W 超级快充充电器',
    barcodes: ['6941487233359'],
    priceFen: 14_900,
    costFen: 6_000,
    quantity: 3,
    // The brand wants faulty chargers back: one taken back under 三包 is owed to it.
    returnFaulty: true
  })
  const { unit } = await host.rpc<{ unit: { id: string } }>(
    'warranty.register',
    {
      serial: buyer.serial,
      brand: '华为',
      model: 'Mate 60 Pro',
      categoryKey: 'mobile_phone',
      purchaseDate: shopDateDaysAgo(buyer.daysAgo),
      invoiceNumber: buyer.invoiceNumber,
      buyerName: buyer.buyerName,
      buyerPhone: buyer.buyerPhone
    },
    adminToken
  )
  return { adminToken, boss, charger, unit }
}

/** The warranty lookup's verdict for a serial, as the manager's scanner enters it. */
async function lookUp(page: Page, serial: string) {
  await page.getByTestId('nav-warranty').click()
  await page.getByTestId('warranty-search').fill(serial)
  await page.getByTestId('warranty-search').press('Enter')
  return page.getByTestId('warranty-verdict')
}

/** The verdict again, for the charger as the faulty component. */
async function evaluateCharger(page: Page, verdict: Locator) {
  await verdict.getByTestId('claim-component').click()
  await page.getByRole('option', { name: '充电器', exact: true }).click()
  await verdict.getByTestId('claim-evaluate').click()
}

/**
 * A phone bought 40 days ago whose charger was exchanged under 三包 twice already, and its manager
 * at the lookup with the charger evaluated again (the refund is what is left to offer).
 */
async function managerAtChargerExchangedTwice(
  browser: Browser,
  host: ShopHost,
  buyer: { serial: string; invoiceNumber: string; buyerName: string; buyerPhone: string }
) {
  const { adminToken, boss, charger, unit } = await shopWithChargers(host, { ...buyer, daysAgo: 40 })
  const claim = { kind: 'performance', component: 'charger', faultCode: null, faultDate: null }
  for (let i = 0; i < 2; i++)
    await host.rpc('warranty.exchangeAccessory', { unitId: unit.id, claim, partId: charger.id }, adminToken)
  const page = await staffPage(browser, host, boss.username, boss.password)
  const verdict = await lookUp(page, buyer.serial)
  await evaluateCharger(page, verdict)
  return { page, verdict }
}

/** The 66W charger chosen in a remedy dialog by typing part of its number. */
async function pickCharger(page: Page, dialog: Locator) {
  await dialog.getByTestId('accessory-part').click()
  await page.keyboard.type('66W')
  const field = dialog.getByTestId('accessory-part')
  // The pick shows in the field. A click that lands as the newest search's answer redraws the list
  // picks nothing (a CI run saw it), so the option is clicked again until the field shows it.
  await expect(async () => {
    if (!((await field.textContent()) ?? '').includes('HW-CHG-66W'))
      await page.getByRole('option', { name: /HW-CHG-66W/ }).click({ timeout: 2_000 })
    await expect(field).toContainText('HW-CHG-66W', { timeout: 1_000 })
  }).toPass()
}

test('a manager exchanges a faulty charger from the warranty lookup: the new one leaves stock, the slip prints, the history shows it', async ({
  browser,
  host
}) => {
  // The whole counter workflow, two print previews and PDFs, and the faulty-part list: longer than 60 s on a busy machine.
  test.setTimeout(150_000)
  const { adminToken, boss, charger } = await shopWithChargers(host, {
    serial: 'HWM60P2026C3',
    daysAgo: 3,
    invoiceNumber: '44031999',
    buyerName: '赵敏',
    buyerPhone: '13700137000'
  })

  const page = await staffPage(browser, host, boss.username, boss.password)
  const verdict = await lookUp(page, 'HWM60P2026C3')
  await expect(verdict.getByTestId('verdict-text')).toHaveText('可退货')
  // The phone is refunded on day 3; nothing offers an accessory until the charger is the fault.
  await expect(verdict.getByTestId('exchange-accessory')).toHaveCount(0)
  await evaluateCharger(page, verdict)
  await expect(verdict.getByTestId('verdict-text')).toHaveText('免费更换附件')
  await expect(verdict.getByTestId('refund-unit')).toHaveCount(0)

  await verdict.getByTestId('exchange-accessory').click()
  const dialog = page.getByTestId('accessory-exchange-dialog')
  await expect(dialog).toContainText('HWM60P2026C3 的充电器在其三包期内出现性能故障')
  await pickCharger(page, dialog)
  await dialog.locator('input[name=faultySerial]').fill('chg-old-0042')
  await settled(page)
  await screenshot(page, 'warranty-accessory-dialog')
  await dialog.getByTestId('accessory-exchange-save').click()

  // Saved: the slip for the customer opens to print.
  const slip = page.getByTestId('accessory-slip')
  await expect(slip).toBeVisible()
  await expect(page.locator('body[data-print-ready="1"]')).toBeAttached()
  for (const text of ['三包配件更换单', 'HWM60P2026C3', '赵敏', '充电器', 'CHG-OLD-0042', 'HW-CHG-66W', '王芳'])
    await expect(slip).toContainText(text)
  await screenshot(page, 'warranty-accessory-slip')
  const printed = await slipPdf(page, 'warranty-accessory-slip-roll_80')
  expect(printed).toContain('三包配件更换单')
  expect(printed).toContain('HW-CHG-66W')
  const slipNumber = /PJ-\d{6}-\d{4}/.exec((await slip.textContent()) ?? '')![0]

  // Back at the lookup: the unit's history lists the exchange; the shelf has one charger fewer.
  await page.getByTestId('print-back').click()
  const history = verdict.getByTestId('accessory-remedies')
  await expect(history).toContainText(slipNumber)
  await expect(history).toContainText('充电器')
  await expect(history).toContainText('王芳')
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: charger.id }, adminToken)).onHand).toBe(2)
  // The phone's own verdict stands (the 7 days are the main unit's), and says what the charger got.
  await expect(verdict.getByTestId('verdict-text')).toHaveText('可退货')
  await expect(verdict.getByTestId('verdict-accessories')).toContainText(`充电器更换`)
  await expect(verdict.getByTestId('verdict-accessories')).toContainText(slipNumber)
  const reasons = verdict.getByTestId('verdict-reasons')
  await expect(reasons).toContainText(`充电器已于 ${shopDateDaysAgo(0)} 按三包更换（单号 ${slipNumber}）`)
  await expect(reasons).toContainText('附件的三包更换、退款不影响手机主机自己的 7 日退货、15 日换货')
  await tallScreenshot(page, 'warranty-accessory-history', 2100)

  // The faulty charger taken back is owed to the brand under the slip, with its serial.
  await page.getByTestId('nav-parts-faulty').click()
  const owed = page.getByTestId('owed-table')
  await expect(owed.getByTestId('faulty-slip')).toHaveText(slipNumber)
  await expect(owed).toContainText('三包配件换退')
  await expect(owed).toContainText('HW-CHG-66W')
  await expect(owed).toContainText('CHG-OLD-0042')
  await expect(owed).toContainText('待返还')
  await tallScreenshot(page, 'warranty-accessory-owed')
  // Packed for the brand like a job's part.
  await owed.locator('.el-table__body .el-checkbox').first().click()
  await page.getByTestId('pack-batch').click()
  await page.locator('.el-message-box').getByRole('button', { name: '装箱' }).click()
  await expect(page.getByText(/已装箱：批次 FR-\d{6}-0001，共 1 件/)).toBeVisible()
  await expect(owed).toContainText('已装箱')
  await page.getByTestId('nav-warranty').click()
  await page.getByTestId('warranty-search').fill('HWM60P2026C3')
  await page.getByTestId('warranty-search').press('Enter')
  await expect(verdict.getByTestId('accessory-remedies')).toContainText(slipNumber)

  // The same in English, and the slip on A4.
  await chooseLanguage(page, 'en')
  await page.reload()
  await expect(verdict.getByTestId('accessory-remedies')).toContainText('Charger')
  await expect(page.getByText('三包 accessory exchanges')).toBeVisible()
  await tallScreenshot(page, 'warranty-accessory-history-en', 2100)
  await verdict.getByTestId('accessory-print').click()
  await expect(page.getByTestId('accessory-slip')).toContainText('Faulty accessory')
  await expect(page.locator('body[data-print-ready="1"]')).toBeAttached()
  await screenshot(page, 'warranty-accessory-slip-en')
  await page.getByTestId('paper-a4').click()
  await expect(page.locator('body[data-print-ready="1"]')).toBeAttached()
  expect(await slipPdf(page, 'warranty-accessory-slip-a4-en')).toContain('HW-CHG-66W')
})

test('a charger exchanged twice fails again: the manager refunds its price by WeChat, the slip says so, the day close counts it', async ({
  browser,
  host
}) => {
  // The whole counter workflow, two print previews and PDFs, and the faulty-part list: longer than 60 s on a busy machine.
  test.setTimeout(150_000)
  const { page, verdict } = await managerAtChargerExchangedTwice(browser, host, {
    serial: 'HWM60P2026R9',
    invoiceNumber: '44032001',
    buyerName: '周芷若',
    buyerPhone: '13600136000'
  })
  await expect(verdict.getByTestId('verdict-text')).toHaveText('附件可退货')
  await expect(verdict.getByTestId('exchange-accessory')).toHaveCount(0)

  await verdict.getByTestId('refund-accessory').click()
  const dialog = page.getByTestId('accessory-refund-dialog')
  await expect(dialog).toContainText('HWM60P2026R9 的充电器已按三包更换两次')
  await pickCharger(page, dialog)
  await expect(dialog).toContainText('按目录售价 ¥149.00 退款')
  await dialog.getByTestId('accessory-refund-method').click()
  await page.getByRole('option', { name: '微信支付' }).click()
  await settled(page)
  await screenshot(page, 'warranty-accessory-refund-dialog')
  await dialog.getByTestId('accessory-refund-save').click()

  const slip = page.getByTestId('accessory-slip')
  await expect(slip).toBeVisible()
  for (const text of ['三包配件退货单', 'HWM60P2026R9', '周芷若', '充电器', '149.00', '微信支付', '王芳'])
    await expect(slip).toContainText(text)
  await expect(page.locator('body[data-print-ready="1"]')).toBeAttached()
  await expect(page.locator('.el-message')).toHaveCount(0)
  const printed = await slipPdf(page, 'warranty-accessory-refund-roll_80')
  expect(printed).toContain('三包配件退货单')
  expect(printed).toContain('149.00')

  // Back at the lookup: the refund stands in the history and is not offered again.
  await page.getByTestId('print-back').click()
  const history = verdict.getByTestId('accessory-remedies')
  await expect(history.locator('tbody tr')).toHaveCount(3)
  await expect(history).toContainText('¥149.00')
  await expect(verdict.getByTestId('verdict-accessories')).toContainText('充电器退款')
  await tallScreenshot(page, 'warranty-accessory-refund-history', 2100)
  // Asked about the charger again: refunded, its 三包 is fulfilled; nothing is offered.
  await verdict.getByTestId('claim-component').click()
  await page.getByRole('option', { name: '充电器', exact: true }).click()
  await verdict.getByTestId('claim-evaluate').click()
  await expect(verdict.getByTestId('verdict-text')).toHaveText('不在保修范围')
  await expect(verdict.getByTestId('verdict-reasons')).toContainText('按三包退货退款')
  await expect(verdict.getByTestId('refund-accessory')).toHaveCount(0)
  await expect(verdict.getByTestId('exchange-accessory')).toHaveCount(0)
  await tallScreenshot(page, 'warranty-accessory-refunded-again', 2100)

  // The money went out of the till: the day close counts the refund, by WeChat.
  await page.getByTestId('nav-day-close').click()
  await expect(page.getByTestId('report-refunds')).toContainText('149.00')
  await screenshot(page, 'warranty-accessory-refund-day-close')
})

// The refund dialog's first field is a drop-down searched as it is typed: a barcode typed the
// moment the dialog opens, before its opening animation ends, searches it and not the page behind.
test('a charger barcode typed the moment the refund dialog opens searches its part field', async ({
  browser,
  host
}) => {
  const { page, verdict } = await managerAtChargerExchangedTwice(browser, host, {
    serial: 'HWM60P2026S3',
    invoiceNumber: '44032002',
    buyerName: '张无忌',
    buyerPhone: '13700137000'
  })

  await verdict.getByTestId('refund-accessory').click()
  await page.keyboard.type('6941487233359')
  const dialog = page.getByTestId('accessory-refund-dialog')
  await expect(dialog.getByTestId('accessory-part').locator('input')).toHaveValue('6941487233359')
  await page.getByRole('option', { name: /HW-CHG-66W/ }).click()
  await expect(dialog).toContainText('按目录售价 ¥149.00 退款')
  await expect(page.getByTestId('warranty-search')).toHaveValue('HWM60P2026S3')
  await settled(page)
  await screenshot(page, 'warranty-accessory-refund-scanned-at-once')
})
