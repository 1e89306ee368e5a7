import type { Browser, Page } from '@playwright/test'
import BetterSqlite3 from 'better-sqlite3'
import { join } from 'node:path'
import { DATABASE_FILE_NAME } from '../../src-main/app/openApp'
import {
  switchLanguage,
  test,
  expect,
  screenshot,
  setUpShop,
  staffPage,
  hire,
  type ShopHost,
  settled,
  tallScreenshot
} from './fixtures'
import { chooseLanguage } from './locale'
import { stockedPart } from './stockedPart'

// Each test walks several people through several screens: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 })

/** Opens a part's adjust dialog as a clerk does: the fields are used once it is open (its first field has the caret). */
async function openAdjust(page: Page): Promise<void> {
  await page.getByTestId('adjust-part').click()
  await expect(page.getByTestId('adjust-dialog').locator('input:focus')).toHaveCount(1)
}

/** What a barcode scanner does: the code typed fast, then Enter. */
async function scan(page: Page, testId: string, code: string): Promise<void> {
  await page.getByTestId(testId).pressSequentially(code, { delay: 5 })
  await page.getByTestId(testId).press('Enter')
}

test('a warehouse clerk creates a part, receives two deliveries by scanning and sees the moving-average cost and the ledger', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'wangqiang', '王强', 'warehouse_clerk')
  const page = await staffPage(browser, host, clerk.username, clerk.password)

  // The warehouse has its three pages in the menu.
  await expect(page.getByTestId('nav-parts')).toBeVisible()
  await expect(page.getByTestId('nav-parts-receive')).toBeVisible()
  await expect(page.getByTestId('nav-parts-lists')).toBeVisible()

  // A new part, its barcode scanned into the dialog (Enter adds it as a tag, it does not save).
  await page.getByTestId('nav-parts').click()
  await expect(page.getByTestId('part-search')).toBeFocused()
  await page.getByTestId('new-part').click()
  const dialog = page.getByTestId('part-dialog')
  await expect(dialog.locator('input[name=partNumber]')).toBeFocused()
  await dialog.locator('input[name=partNumber]').fill('BAT-M60P')
  await dialog.locator('input[name=name]').fill('Mate 60 Pro 电池')
  await dialog.locator('input[name=binLocation]').fill('A-01-03')
  await dialog.locator('input[name=sellingPrice]').fill('199')
  await dialog.locator('input[name=costPrice]').fill('80')
  await scan(page, 'part-barcode-input', '6901234567890')
  await scan(page, 'part-barcode-input', 'HW-BAT-0088')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByTestId('part-barcodes')).toContainText('6901234567890')
  await expect(dialog.getByTestId('part-barcodes')).toContainText('HW-BAT-0088')
  await expect(page.getByTestId('part-barcode-input')).toBeFocused()
  await dialog.locator('input[name=reorderPoint]').fill('5')
  await dialog.locator('input[name=reorderQuantity]').fill('10')
  await dialog.getByTestId('part-return-faulty').click()
  await settled(page)
  await screenshot(page, 'parts-new-part-dialog')
  await dialog.getByTestId('part-save').click()

  // Saved, the part's page opens: nothing on hand yet.
  await expect(page).toHaveURL(/#\/parts\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('part-on-hand')).toContainText('0')
  await expect(page.getByTestId('part-barcodes')).toContainText('6901234567890')

  // First delivery: reference, supplier, then the scanner; the same part scanned again counts up.
  await page.getByTestId('nav-parts-receive').click()
  const reference = page.locator('input[name=reference]')
  await expect(reference).toBeFocused()
  await reference.fill('SF1400228851')
  await reference.press('Enter')
  await expect(page.locator('input[name=supplier]')).toBeFocused()
  await page.locator('input[name=supplier]').fill('华为备件中心')
  await page.locator('input[name=supplier]').press('Enter')
  await expect(page.getByTestId('receive-scan')).toBeFocused()
  await scan(page, 'receive-scan', '6901234567890')
  const lines = page.getByTestId('receive-lines')
  await expect(lines.getByTestId('line-part-number')).toHaveText(['BAT-M60P'])
  await scan(page, 'receive-scan', 'HW-BAT-0088')
  await scan(page, 'receive-scan', 'BAT-M60P')
  await expect(lines.getByTestId('line-quantity').locator('input')).toHaveValue('3')
  // The cost starts at the part's cost: 80 yuan.
  await expect(lines.getByTestId('line-unit-cost').locator('input')).toHaveValue('80.00')
  await expect(page.getByTestId('receive-totals')).toContainText('1 种配件，3 件，金额 ¥240.00')
  // A code no part has: a clear message, and the scanner can go on at once.
  await scan(page, 'receive-scan', 'XX-UNKNOWN-404')
  await expect(page.getByTestId('receive-unknown')).toContainText('没有条码或料号为 XX-UNKNOWN-404 的配件')
  await expect(page.getByTestId('receive-scan')).toBeFocused()
  await expect(page.getByTestId('receive-scan')).toHaveValue('')
  await settled(page)
  await screenshot(page, 'parts-receive-scanned')
  // Ctrl+Enter posts; the form is cleared for the next delivery.
  await page.keyboard.press('Control+Enter')
  await expect(page.locator('.el-message--success').filter({ hasText: 'SF1400228851' })).toContainText(
    '已入库 SF1400228851：1 种配件共 3 件，金额 ¥240.00'
  )
  await expect(lines.getByTestId('line-part-number')).toHaveCount(0)
  await expect(reference).toHaveValue('')

  // Second delivery at a higher unit cost, typed over the default (not a round amount).
  await reference.fill('HQ-2026-0415')
  await scan(page, 'receive-scan', '6901234567890')
  await scan(page, 'receive-scan', '6901234567890')
  const cost = lines.getByTestId('line-unit-cost').locator('input')
  await cost.fill('92.5')
  await cost.press('Tab')
  await expect(lines.getByTestId('line-value')).toHaveText('¥185.00')
  await page.getByTestId('receive-post').click()
  await expect(page.locator('.el-message--success').filter({ hasText: 'HQ-2026-0415' })).toContainText(
    '已入库 HQ-2026-0415：1 种配件共 2 件，金额 ¥185.00'
  )

  // The catalogue: 5 on hand, moving-average cost (3 × 80 + 2 × 92.50) / 5 = 85.
  await page.getByTestId('nav-parts').click()
  await page.getByTestId('part-search').fill('dc')
  const row = page.getByTestId('parts-table').locator('.el-table__row').filter({ hasText: 'BAT-M60P' })
  // 5 on hand is at its reorder point of 5: shown in red as low.
  await expect(row.getByTestId('on-hand-low')).toHaveText('5')
  await expect(row).toContainText('¥85.00')
  await expect(row).toContainText('¥199.00')
  await settled(page)
  await screenshot(page, 'parts-catalogue')

  // A scan into the search box opens the part.
  await page.getByTestId('part-search').fill('')
  await scan(page, 'part-search', 'HW-BAT-0088')
  await expect(page).toHaveURL(/#\/parts\/[0-9a-f-]{36}$/)
  await expect(page.getByTestId('part-on-hand')).toContainText('5')
  await expect(page.getByTestId('part-average-cost')).toHaveText('¥85.00')
  await expect(page.getByTestId('part-stock-value')).toHaveText('¥425.00')
  const movements = page.getByTestId('movements-table')
  await expect(movements.getByTestId('movement-quantity')).toHaveText(['+2', '+3'])
  await expect(movements.getByTestId('movement-balance')).toHaveText(['5', '3'])
  await expect(movements.getByTestId('movement-unit-cost')).toHaveText(['¥92.50', '¥80.00'])
  await expect(movements.getByTestId('movement-kind-tag')).toHaveText(['收货入库', '收货入库'])
  await expect(movements).toContainText('华为备件中心 SF1400228851')
  await expect(movements).toContainText('王强')

  // A scrapped battery: under the approval threshold, posted at once.
  await openAdjust(page)
  const adjust = page.getByTestId('adjust-dialog')
  await adjust.getByTestId('adjust-kind-scrap').click()
  await adjust.locator('input[name=quantity]').fill('1')
  await adjust.locator('input[name=reason]').fill('外壳鼓包')
  await expect(adjust.getByTestId('adjust-preview')).toContainText('当前库存 5，调整后 4')
  await settled(page)
  await screenshot(page, 'parts-adjust-dialog')
  await adjust.getByTestId('adjust-save').click()
  await expect(page.locator('.el-message--success').filter({ hasText: '库存已调整' })).toBeVisible()
  await expect(page.getByTestId('part-on-hand')).toContainText('4')
  await expect(movements.getByTestId('movement-balance')).toHaveText(['4', '5', '3'])
  await expect(movements.getByTestId('movement-quantity').first()).toHaveText('-1')
  await expect(movements).toContainText('外壳鼓包')
  await expect(page.getByTestId('part-stock')).toContainText('已降到补货点 5 及以下')
  await expect(page.locator('.el-message')).toHaveCount(0, { timeout: 15_000 })
  await tallScreenshot(page, 'parts-part-page')

  // The ledger as an Excel file.
  const download = page.waitForEvent('download')
  await page.getByTestId('export-movements').click()
  expect((await download).suggestedFilename()).toMatch(/^出入库记录 BAT-M60P-\d{4}-\d{2}-\d{2}\.xlsx$/)

  // The kind filter narrows the ledger.
  await page.getByTestId('movement-kind').click()
  await page.getByRole('option', { name: '报废' }).click()
  await expect(movements.getByTestId('movement-kind-tag')).toHaveText(['报废'])

  // The same page in English.
  await switchLanguage(page, 'English')
  await expect(page.getByRole('heading', { name: 'Stock movements' })).toBeVisible()
  await expect(movements.getByTestId('movement-kind-tag')).toHaveText(['Scrapped'])
  await page.getByTestId('movement-kind').hover()
  await page.getByTestId('movement-kind').locator('.el-select__clear').click()
  await expect(movements.getByTestId('movement-kind-tag')).toHaveText(['Scrapped', 'Received', 'Received'])
  await tallScreenshot(page, 'parts-part-page-english')
})

test('stock reports: low stock with suggested orders, valuation with totals, Excel exports, and a large scrap waits for the manager', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'wangqiang', '王强', 'warehouse_clerk')
  const manager = await hire(host, adminToken, 'lijun', '李军', 'manager')
  const screenPart = await stockedPart(host, adminToken, {
    partNumber: 'LCD-M60P',
    name: 'Mate 60 Pro 屏幕总成',
    bin: 'B-02-01',
    reorderPoint: 2,
    reorderQuantity: 5,
    quantity: 3,
    priceFen: 120_000,
    costFen: 60_000
  })
  await stockedPart(host, adminToken, {
    partNumber: 'CBL-USBC',
    name: 'USB-C 尾插排线',
    bin: 'C-11-07',
    reorderPoint: 10,
    reorderQuantity: 20,
    quantity: 4,
    priceFen: 2_500,
    costFen: 1_250
  })
  // A model the shop knows from its warranty registry, for the manager to link the screen to.
  await host.rpc(
    'warranty.register',
    {
      serial: 'HWM60P2026A7',
      brand: '华为',
      model: 'Mate 60 Pro',
      categoryKey: 'mobile_phone',
      cardNumber: '',
      purchaseDate: '2026-01-05',
      invoiceNumber: '44031882',
      dealer: '',
      buyerName: '',
      buyerPhone: ''
    },
    adminToken
  )
  await stockedPart(host, adminToken, {
    partNumber: 'GLUE-B7000',
    name: 'B7000 胶水',
    bin: 'D-01-01',
    reorderPoint: 1,
    reorderQuantity: 3,
    quantity: 0,
    priceFen: 1_600,
    costFen: 800
  })

  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.getByTestId('nav-parts-lists').click()
  const low = page.getByTestId('low-stock-table')
  // USB-C: 4 on hand, reorder point 10: order 20 (its reorder quantity); the glue has none at all.
  await expect(low.locator('.el-table__row')).toHaveCount(2)
  const usb = low.locator('.el-table__row').filter({ hasText: 'CBL-USBC' })
  await expect(usb.getByTestId('low-on-hand')).toHaveText('4')
  await expect(usb.getByTestId('suggested-quantity')).toHaveText('20')
  await expect(usb).toContainText('¥250.00')
  await expect(page.getByTestId('low-stock-total')).toContainText('共 2 种配件需要补货，建议订货金额 ¥274.00')
  await settled(page)
  await screenshot(page, 'parts-lists-low-stock')
  let download = page.waitForEvent('download')
  await page.getByTestId('export-lowStock').click()
  expect((await download).suggestedFilename()).toMatch(/^低库存补货单-\d{4}-\d{2}-\d{2}\.xlsx$/)

  // Valuation: 3 × 600 + 4 × 12.50 = 1850.
  await page.getByTestId('tab-valuation').click()
  await expect(page.getByTestId('valuation-total')).toContainText('共 2 种配件，7 件，库存金额 ¥1,850.00')
  await expect(page.getByTestId('valuation-table').getByTestId('valuation-value')).toHaveText(['¥50.00', '¥1,800.00'])
  await settled(page)
  await screenshot(page, 'parts-lists-valuation')
  download = page.waitForEvent('download')
  await page.getByTestId('export-valuation').click()
  expect((await download).suggestedFilename()).toMatch(/^库存估值-\d{4}-\d{2}-\d{2}\.xlsx$/)
  await page.getByTestId('valuation-search').fill('屏幕')
  await expect(page.getByTestId('valuation-total')).toContainText('共 1 种配件，3 件，库存金额 ¥1,800.00')

  // Two broken screens are worth 1200 yuan, above the 1000 yuan threshold: the clerk's scrap waits.
  await page.getByTestId('nav-parts').click()
  await page.getByTestId('part-search').fill('LCD-M60P')
  await page.getByTestId('part-search').press('Enter')
  await expect(page.getByTestId('part-on-hand')).toContainText('3')
  await openAdjust(page)
  const adjust = page.getByTestId('adjust-dialog')
  await adjust.getByTestId('adjust-kind-scrap').click()
  await adjust.locator('input[name=quantity]').fill('2')
  await adjust.locator('input[name=reason]').fill('运输途中压碎')
  await adjust.getByTestId('adjust-save').click()
  await expect(page.locator('.el-message--warning').filter({ hasText: '已提交店长审批' })).toBeVisible()
  await expect(page.getByTestId('part-on-hand')).toContainText('3')

  // The manager approves it from the pending list; the stock moves then.
  const managerPage = await staffPage(browser, host, manager.username, manager.password)
  await managerPage.getByTestId('nav-parts-lists').click()
  await managerPage.getByTestId('tab-adjustments').click()
  const pending = managerPage.getByTestId('pending-adjustments')
  await expect(pending.locator('.el-table__row')).toHaveCount(1)
  await expect(pending).toContainText('运输途中压碎')
  await expect(pending).toContainText('王强')
  await expect(pending).toContainText('-¥1,200.00')
  await settled(managerPage)
  await screenshot(managerPage, 'parts-lists-pending')
  await pending.getByTestId('approve-adjustment').click()
  await managerPage.locator('.el-message-box').getByRole('button', { name: '批准' }).click()
  await expect(managerPage.locator('.el-message--success').filter({ hasText: '已批准' })).toBeVisible()
  await expect(pending.locator('.el-table__row')).toHaveCount(0)
  await managerPage.getByTestId('tab-valuation').click()
  await expect(managerPage.getByTestId('valuation-total')).toContainText('共 2 种配件，5 件，库存金额 ¥650.00')

  // The clerk's page shows the approved scrap once reloaded.
  await page.reload()
  await expect(page.getByTestId('part-on-hand')).toContainText('1')
  await expect(page.getByTestId('movements-table').getByTestId('movement-kind-tag').first()).toHaveText('报废')
  // Clerks do not keep the model list: the dialog shows the part's models without a picker.
  await page.getByTestId('edit-part').click()
  await expect(page.getByTestId('part-dialog')).toContainText('适用机型由店长或管理员维护')
  await expect(page.getByTestId('part-models')).toHaveCount(0)

  // A manager links the screen to the models it fits; the catalogue then finds it by model.
  await managerPage.getByTestId('nav-parts').click()
  await managerPage.getByTestId('part-search').fill('LCD-M60P')
  await managerPage.getByTestId('part-search').press('Enter')
  await managerPage.getByTestId('edit-part').click()
  const dialog = managerPage.getByTestId('part-dialog')
  await dialog.getByTestId('part-model-category').click()
  await managerPage.getByRole('option', { name: '手机' }).click()
  await dialog.getByTestId('part-models').click()
  await managerPage.getByRole('option', { name: '华为 Mate 60 Pro' }).click()
  await dialog.locator('input[name=name]').click()
  await settled(managerPage)
  await screenshot(managerPage, 'parts-edit-part-models')
  await dialog.getByTestId('part-save').click()
  await expect(dialog).toBeHidden()
  await expect(managerPage.getByTestId('part-info')).toContainText('华为 Mate 60 Pro')
  await managerPage.getByTestId('nav-parts').click()
  await managerPage.getByTestId('part-search').fill('华为')
  await expect(managerPage.getByTestId('parts-table').getByTestId('part-number')).toHaveText(['LCD-M60P'])

  // Two desks at one part: the clerk's form, still open, was filled before the manager linked the
  // model. Its save is refused (it would have dropped the model again), the typing kept.
  const clerkDialog = page.getByTestId('part-dialog')
  await clerkDialog.locator('input[name=binLocation]').fill('B-02-05')
  await clerkDialog.getByTestId('part-save').click()
  await expect(clerkDialog.getByTestId('changed-elsewhere')).toContainText('另一台电脑刚保存过这条记录')
  await expect(clerkDialog.locator('input[name=binLocation]')).toHaveValue('B-02-05')
  await settled(page)
  await screenshot(page, 'parts-changed-elsewhere')
  await clerkDialog.getByTestId('part-save').click()
  await expect(clerkDialog.getByTestId('changed-elsewhere')).toBeVisible()
  // Filled again from the latest, the bin is changed on it; a delivery booked meanwhile at another
  // desk moves only the stock, and does not refuse the edit.
  await clerkDialog.getByTestId('load-latest').click()
  await expect(clerkDialog.getByTestId('changed-elsewhere')).toHaveCount(0)
  await expect(clerkDialog.locator('input[name=binLocation]')).toHaveValue('B-02-01')
  await clerkDialog.locator('input[name=binLocation]').fill('B-02-05')
  await host.rpc(
    'parts.receive',
    { reference: 'SHIP-LATE', lines: [{ partId: screenPart.id, quantity: 1, unitCostFen: 60_000 }] },
    adminToken
  )
  await clerkDialog.getByTestId('part-save').click()
  await expect(clerkDialog).toBeHidden()
  await expect(page.getByTestId('part-info')).toContainText('B-02-05')
  await expect(page.getByTestId('part-info')).toContainText('华为 Mate 60 Pro')
})

test('a serial-tracked part is received with a serial per unit, and its page lists the serials on hand', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  const board = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'MB-M60P',
      name: 'Mate 60 Pro 主板',
      binLocation: 'S-01-01',
      barcodes: ['6901234599990'],
      // A brand-supplied board used only under warranty: priced ¥0 on purpose.
      sellingPriceFen: 0,
      zeroPriceConfirmed: true,
      costPriceFen: 150_000,
      serialTracked: true
    },
    adminToken
  )

  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.getByTestId('nav-parts-receive').click()
  await page.locator('input[name=reference]').fill('HQ-MB-0601')
  await scan(page, 'receive-scan', '6901234599990')
  await scan(page, 'receive-scan', '6901234599990')
  const lines = page.getByTestId('receive-lines')
  await expect(lines.getByTestId('line-quantity').locator('input')).toHaveValue('2')
  // One serial for two boards: the count shows it, and the server refuses the receipt.
  const serials = lines.locator('textarea[name=line-serials]')
  await serials.fill('mbsn2026a001')
  await expect(lines.getByTestId('line-serials-count')).toHaveText('已录 1 / 2')
  await page.getByTestId('receive-post').click()
  await expect(lines.getByTestId('line-serials')).toContainText('按序列号管理的配件入库时每件需录入一个序列号')
  await serials.fill('mbsn2026a001\nmbsn2026a002')
  await expect(lines.getByTestId('line-serials-count')).toHaveText('已录 2 / 2')
  await settled(page)
  await screenshot(page, 'parts-receive-serials')
  await page.getByTestId('receive-post').click()
  await expect(page.locator('.el-message--success').filter({ hasText: 'HQ-MB-0601' })).toBeVisible()

  await page.goto(`${host.url}#/parts/${board.id}`)
  const onHand = page.getByTestId('part-serials')
  await expect(onHand).toContainText('MBSN2026A001')
  await expect(onHand).toContainText('MBSN2026A002')
  await expect(onHand).toContainText('HQ-MB-0601')
  await tallScreenshot(page, 'parts-serials-on-hand')

  // A board dropped on the bench is scrapped by its serial; over the threshold it waits for a
  // manager with its serial, and once posted that serial is no longer on hand.
  await openAdjust(page)
  const adjust = page.getByTestId('adjust-dialog')
  await adjust.getByTestId('adjust-kind-scrap').click()
  await adjust.getByTestId('adjust-serial-offered').getByRole('button', { name: 'MBSN2026A001' }).click()
  await expect(adjust.locator('input[name=quantity]')).toHaveValue('1')
  await adjust.locator('input[name=reason]').fill('跌落损坏')
  await settled(page)
  await screenshot(page, 'parts-adjust-serial')
  await adjust.getByTestId('adjust-save').click()
  await expect(page.locator('.el-message--warning')).toBeVisible()
  const [pending] = await host.rpc<{ id: string; serial: string | null }[]>('parts.adjustments', {}, adminToken)
  expect(pending?.serial).toBe('MBSN2026A001')
  await host.rpc('parts.decideAdjustment', { id: pending!.id, approve: true }, adminToken)
  await page.reload()
  await expect(onHand).toContainText('MBSN2026A002')
  await expect(onHand).not.toContainText('MBSN2026A001')

  // Two boards found in a drawer: the dialog asks for a serial, and without one nothing is booked.
  await openAdjust(page)
  await adjust.locator('input[name=quantity]').fill('2')
  await adjust.locator('input[name=reason]').fill('抽屉里找到')
  const serialItem = adjust.locator('.el-form-item.serial')
  await expect(serialItem).toHaveClass(/is-required/)
  await adjust.getByTestId('adjust-save').click()
  await expect(serialItem).toContainText('该配件按序列号管理，请扫描序列号')
  await settled(page)
  await screenshot(page, 'parts-adjust-found-serial')
  // Named by its serial, one board comes onto the books at a time.
  await adjust.getByTestId('adjust-serial').click()
  await page.keyboard.type('mbsn2026a009')
  await page.keyboard.press('Enter')
  await expect(adjust.locator('input[name=quantity]')).toHaveValue('1')
  await adjust.getByTestId('adjust-save').click()
  await expect(page.locator('.el-message--warning')).toBeVisible()
  const [found] = await host.rpc<{ id: string; quantity: number; serial: string | null }[]>(
    'parts.adjustments',
    {},
    adminToken
  )
  expect(found).toMatchObject({ quantity: 1, serial: 'MBSN2026A009' })

  // A request saved before serials were required (two boards, no serial) cannot be approved: the
  // manager is told why and what to do, and rejects it.
  const shopDb = new BetterSqlite3(join(host.dataDir, DATABASE_FILE_NAME))
  shopDb.pragma('busy_timeout = 5000')
  shopDb.prepare('UPDATE stock_adjustments SET quantity = 2, serial = NULL WHERE id = ?').run(found!.id)
  shopDb.close()
  const manager = await hire(host, adminToken, 'zhouwei', '周伟', 'manager')
  const managerPage = await staffPage(browser, host, manager.username, manager.password)
  await managerPage.getByTestId('nav-parts-lists').click()
  await managerPage.getByTestId('tab-adjustments').click()
  const pendingList = managerPage.getByTestId('pending-adjustments')
  await pendingList.getByTestId('approve-adjustment').click()
  await managerPage.locator('.el-message-box').getByRole('button', { name: '批准' }).click()
  await expect(managerPage.locator('.el-message--error')).toContainText(
    '配件 MB-M60P 按序列号管理，该申请未填写序列号：请驳回后逐件填写序列号重新申请'
  )
  await settled(managerPage)
  await screenshot(managerPage, 'parts-lists-pending-needs-serial')
  await expect(pendingList.locator('.el-table__row')).toHaveCount(1)
})

test('a delivery received at another desk is refused when scanned again, naming who received it and when', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'zhaoli', '赵丽', 'warehouse_clerk')
  const battery = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'BAT-P60',
      name: 'P60 电池',
      binLocation: 'B-03-01',
      barcodes: ['6901234511110'],
      sellingPriceFen: 16_000,
      costPriceFen: 8_000
    },
    adminToken
  )
  // The admin received the delivery at the front desk a moment ago.
  await host.rpc(
    'parts.receive',
    { reference: 'SF1400228', supplier: '', lines: [{ partId: battery.id, quantity: 5, unitCostFen: 8_000 }] },
    adminToken
  )

  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.getByTestId('nav-parts-receive').click()
  await page.locator('input[name=reference]').fill('sf1400228')
  await scan(page, 'receive-scan', '6901234511110')
  await page.getByTestId('receive-post').click()
  const refusal = page.getByTestId('receive-received-before')
  await expect(refusal).toContainText('到货单 SF1400228 已于')
  await expect(refusal).toContainText('由 赵建国 入库（含 BAT-P60），不能重复入库')
  // Nothing was booked and the lines stay for the clerk to decide.
  await expect(page.getByTestId('receive-lines').getByTestId('line-part-number')).toHaveText(['BAT-P60'])
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: battery.id }, adminToken)).onHand).toBe(5)
  await settled(page)
  await screenshot(page, 'parts-receive-twice')

  // The rest of that delivery, arriving later, is received under the reference with a suffix.
  await page.locator('input[name=reference]').fill('SF1400228/2')
  await expect(refusal).toHaveCount(0)
  await page.getByTestId('receive-post').click()
  await expect(page.locator('.el-message--success').filter({ hasText: 'SF1400228/2' })).toBeVisible()
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: battery.id }, adminToken)).onHand).toBe(6)
})

test('the same delivery note is refused when its supplier was typed the first time and left blank the second', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'zhoumin', '周敏', 'warehouse_clerk')
  const mic = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'HW-NOVA11SE-MIC',
      name: '华为 nova 11 SE 送话器排线',
      binLocation: 'A-05-05',
      barcodes: ['6953039862474'],
      sellingPriceFen: 8_000,
      costPriceFen: 5_400
    },
    adminToken
  )
  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByTestId('nav-parts-receive').click()
  const receive = async (supplier: string) => {
    await page.locator('input[name=reference]').fill('SF1234567890')
    await page.locator('input[name=supplier]').fill(supplier)
    await scan(page, 'receive-scan', '6953039862474')
    await scan(page, 'receive-scan', '6953039862474')
    await expect(page.getByTestId('receive-lines').getByTestId('line-part-number')).toHaveText(['HW-NOVA11SE-MIC'])
  }
  await receive('华为授权配件中心')
  await settled(page)
  await screenshot(page, 'rcv-lines')
  await page.getByTestId('receive-post').click()
  await expect(page.locator('.el-message--success').filter({ hasText: 'SF1234567890' })).toBeVisible()

  // The delivery note scanned again at the desk, the supplier not typed this time.
  await receive('')
  await page.getByTestId('receive-post').click()
  const refusal = page.getByTestId('receive-received-before')
  await expect(refusal).toContainText('到货单 华为授权配件中心 SF1234567890 已于')
  await expect(refusal).toContainText('由 周敏 入库（含 HW-NOVA11SE-MIC），不能重复入库')
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: mic.id }, adminToken)).onHand).toBe(2)
  await settled(page)
  await screenshot(page, 'rcv-duplicate-post')

  // Another supplier's note that happens to carry the same number is another delivery.
  await page.locator('input[name=supplier]').fill('华南备件中心')
  await expect(refusal).toHaveCount(0)
  await page.getByTestId('receive-post').click()
  // The first delivery's message may still be showing (it stays 6 s), so the second is the last one.
  await expect(page.locator('.el-message--success').filter({ hasText: 'SF1234567890' }).last()).toBeVisible()
  await expect
    .poll(async () => (await host.rpc<{ onHand: number }>('parts.get', { id: mic.id }, adminToken)).onHand)
    .toBe(4)

  // The part's ledger shows the two deliveries once each.
  await page.getByTestId('nav-parts').click()
  await page.getByTestId('part-search').fill('HW-NOVA11SE-MIC')
  await page.getByTestId('part-search').press('Enter')
  await expect(page.getByTestId('part-on-hand')).toContainText('4')
  const movements = page.getByTestId('movements-table').locator('.el-table__row')
  await expect(movements).toHaveCount(2)
  await expect(movements.filter({ hasText: '华南备件中心 SF1234567890' })).toHaveCount(1)
  await expect(movements.filter({ hasText: '华为授权配件中心 SF1234567890' })).toHaveCount(1)
  await settled(page)
  await screenshot(page, 'part-double-receipt')
})

/** A page at the warehouse desk's screen size, in the given language. */
async function deskPage(browser: Browser, host: ShopHost, username: string, password: string, locale: 'zh-CN' | 'en') {
  const page = await staffPage(browser, host, username, password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await chooseLanguage(page, locale)
  return page
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`five boards found are scanned into one adjustment, a repeat and a serial on the shelf refused as scanned (${locale})`, async ({
    browser,
    host
  }) => {
    const adminToken = await setUpShop(host)
    const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
    const board = await host.rpc<{ id: string }>(
      'parts.create',
      {
        partNumber: 'MB-P70',
        name: 'P70 主板',
        sellingPriceFen: 0,
        zeroPriceConfirmed: true,
        costPriceFen: 100,
        serialTracked: true
      },
      adminToken
    )
    await host.rpc(
      'parts.receive',
      { reference: 'HQ-MB-0701', lines: [{ partId: board.id, quantity: 1, unitCostFen: 100, serials: ['MBP70-001'] }] },
      adminToken
    )
    const page = await deskPage(browser, host, clerk.username, clerk.password, locale)
    await page.goto(`${host.url}#/parts/${board.id}`)
    await page.reload()
    await openAdjust(page)
    const adjust = page.getByTestId('adjust-dialog')
    const field = adjust.getByTestId('adjust-serial')
    const serialItem = adjust.locator('.el-form-item.serial')
    await field.focus()
    for (const serial of ['mbp70-101', 'MBP70-102', 'MBP70-103']) await scan(page, 'adjust-serial', serial)
    // The same board scanned twice, and one already on the shelf: refused as scanned, the scan
    // selected for the next one, and the dialog still open.
    await scan(page, 'adjust-serial', 'MBP70-102')
    await expect(serialItem).toContainText(
      locale === 'en' ? 'Serial MBP70-102 is already on the list' : '序列号 MBP70-102 已在列表中'
    )
    await expect(field).toHaveValue('MBP70-102')
    await expect(field).toBeFocused()
    await scan(page, 'adjust-serial', 'MBP70-001')
    await expect(serialItem).toContainText(
      locale === 'en' ? 'Serial MBP70-001 is already on the shelf' : '序列号 MBP70-001 已在库'
    )
    await expect(adjust).toBeVisible()
    for (const serial of ['MBP70-104', 'MBP70-105']) await scan(page, 'adjust-serial', serial)
    await expect(field).toHaveValue('')
    await expect(serialItem).not.toHaveClass(/is-error/)
    const list = adjust.getByTestId('adjust-serial-list')
    await expect(list.locator('.el-tag')).toHaveCount(5)
    // The quantity follows the list.
    await expect(adjust.locator('input[name=quantity]')).toHaveValue('5')
    await expect(adjust.getByTestId('adjust-preview')).toContainText(
      locale === 'en' ? 'after the change 6' : '调整后 6'
    )
    // A chip taken off again, and scanned back.
    await list.locator('.el-tag').filter({ hasText: 'MBP70-103' }).locator('.el-tag__close').click()
    await expect(adjust.locator('input[name=quantity]')).toHaveValue('4')
    await expect(field).toBeFocused()
    await scan(page, 'adjust-serial', 'MBP70-103')
    await expect(adjust.locator('input[name=quantity]')).toHaveValue('5')
    // Keyboard only: Enter on the empty scan field goes on to the reason, Enter there saves
    // nothing half-filled; Ctrl+Enter saves.
    await page.keyboard.press('Enter')
    const reason = adjust.locator('input[name=reason]')
    await expect(reason).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(adjust).toBeVisible()
    await expect(adjust.locator('.el-form-item.is-error')).toHaveCount(0)
    await page.keyboard.type('抽屉里找到')
    await page.keyboard.press('Enter')
    await expect(adjust).toBeVisible()
    await settled(page)
    await screenshot(page, `parts-adjust-serial-list-${locale}`)
    await page.keyboard.press('Control+Enter')
    await expect(adjust).toBeHidden()
    const onHand = page.getByTestId('part-serials')
    for (const serial of ['MBP70-001', 'MBP70-101', 'MBP70-102', 'MBP70-103', 'MBP70-104', 'MBP70-105'])
      await expect(onHand).toContainText(serial)
    const adjustments = await host.rpc<{ serial: string; status: string }[]>(
      'parts.adjustments',
      { status: 'posted' },
      adminToken
    )
    expect(adjustments.map((row) => row.serial).sort()).toEqual([
      'MBP70-101',
      'MBP70-102',
      'MBP70-103',
      'MBP70-104',
      'MBP70-105'
    ])
  })
}

test('the last serial typed but not confirmed with Enter is added on save, or the save is refused with the reason; never dropped', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'zhaolei', '赵磊', 'warehouse_clerk')
  const board = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'MB-P80',
      name: 'P80 主板',
      sellingPriceFen: 0,
      zeroPriceConfirmed: true,
      costPriceFen: 100,
      serialTracked: true
    },
    adminToken
  )
  const page = await deskPage(browser, host, clerk.username, clerk.password, 'zh-CN')
  await page.goto(`${host.url}#/parts/${board.id}`)
  await page.reload()
  await openAdjust(page)
  const adjust = page.getByTestId('adjust-dialog')
  const field = adjust.getByTestId('adjust-serial')
  const serialItem = adjust.locator('.el-form-item.serial')
  await field.focus()
  await scan(page, 'adjust-serial', 'MBP80-101')
  await scan(page, 'adjust-serial', 'MBP80-102')
  // A repeat typed last, then 保存: refused with the field's own reason, the dialog open.
  await field.pressSequentially('MBP80-101', { delay: 5 })
  await adjust.locator('input[name=reason]').fill('抽屉里找到')
  await adjust.getByTestId('adjust-save').click()
  await expect(serialItem).toContainText('序列号 MBP80-101 已在列表中')
  await expect(adjust).toBeVisible()
  await expect(field).toBeFocused()
  await expect(field).toHaveValue('MBP80-101')
  await settled(page)
  await screenshot(page, 'parts-adjust-serial-typed-refused')
  // The last serial typed, not confirmed: 保存 adds it like a scan would, and saves three.
  await field.fill('MBP80-103')
  await adjust.getByTestId('adjust-save').click()
  await expect(adjust).toBeHidden()
  const adjustments = await host.rpc<{ serial: string }[]>('parts.adjustments', { status: 'posted' }, adminToken)
  expect(adjustments.map((row) => row.serial).sort()).toEqual(['MBP80-101', 'MBP80-102', 'MBP80-103'])
  await expect(page.getByTestId('part-serials')).toContainText('MBP80-103')
})

test('receiving: the last code typed into the scan box but not confirmed with Enter joins the delivery on posting, or stops it when no part has it', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'sunli', '孙丽', 'warehouse_clerk')
  const cable = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'CBL-P80',
      name: 'P80 尾插排线',
      barcodes: ['6901234533331'],
      sellingPriceFen: 3_000,
      costPriceFen: 1_000
    },
    adminToken
  )
  const page = await deskPage(browser, host, clerk.username, clerk.password, 'zh-CN')
  await page.goto(`${host.url}#/parts/receive`)
  await page.locator('input[name=reference]').fill('SF-RCV-0801')
  await scan(page, 'receive-scan', '6901234533331')
  await expect(page.getByTestId('receive-totals')).toContainText('1 种配件，1 件')
  // A code no part has, typed last: the posting stops and says so; nothing is received.
  await page.getByTestId('receive-scan').fill('XX-TYPO-0001')
  await page.getByTestId('receive-post').click()
  await expect(page.getByTestId('receive-unknown')).toContainText('没有条码或料号为 XX-TYPO-0001 的配件')
  await expect(page.getByTestId('receive-scan')).toBeFocused()
  await settled(page)
  await screenshot(page, 'parts-receive-typed-unknown')
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: cable.id }, adminToken)).onHand).toBe(0)
  // The right code typed last, not confirmed: Ctrl+Enter takes it as scanned and posts both units.
  await page.getByTestId('receive-scan').fill('6901234533331')
  await page.keyboard.press('Control+Enter')
  await expect(page.locator('.el-message--success').filter({ hasText: 'SF-RCV-0801' })).toBeVisible()
  expect((await host.rpc<{ onHand: number }>('parts.get', { id: cable.id }, adminToken)).onHand).toBe(2)
  await expect(page.getByTestId('receive-scan')).toHaveValue('')
})
