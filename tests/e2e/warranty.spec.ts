import { readFileSync } from 'node:fs'
import {
  switchLanguage,
  test,
  expect,
  screenshot,
  setUpShop,
  staffPage,
  hire,
  scanKeys,
  settled,
  takeIn,
  tallScreenshot
} from './fixtures'
import { shopDateDaysAgo } from './shopDates'

test('a serial scanned on any page opens the warranty lookup with the verdict and its reasons', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const bought = shopDateDaysAgo(3)
  await host.rpc(
    'warranty.register',
    {
      serial: 'HWM60P2026A7',
      brand: '华为',
      model: 'Mate 60 Pro',
      categoryKey: 'mobile_phone',
      cardNumber: 'KA-8810023',
      purchaseDate: bought,
      invoiceNumber: '44031882',
      dealer: '苏宁易购天河店',
      buyerName: '王芳',
      buyerPhone: '13800138000'
    },
    adminToken
  )

  const page = await staffPage(browser, host, desk.username, desk.password)
  // A person typing on the home page is not a scanner: nothing happens.
  await page.keyboard.type('hello123', { delay: 120 })
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('welcome')).toBeVisible()
  expect(new URL(page.url()).hash).toBe('#/')
  // A scanner on the home page: fast keystrokes and Enter, no field focused.
  await scanKeys(page, 'HWM60P2026A7')
  await expect(page).toHaveURL(/#\/warranty\?q=HWM60P2026A7$/)
  const verdict = page.getByTestId('warranty-verdict')
  await expect(verdict.getByTestId('verdict-text')).toHaveText('可退货')
  const reasons = verdict.getByTestId('verdict-reasons')
  await expect(reasons).toContainText(`保修期自购机发票日期 ${bought} 起算。`)
  await expect(reasons).toContainText('未说明故障：按整机性能故障判定。')
  await expect(reasons).toContainText(
    `自 ${bought} 起 7 日内出现性能故障可以退货，退货期至 ${shopDateDaysAgo(-4)}（还剩 4 天）。`
  )
  await expect(verdict.getByTestId('verdict-dates')).toContainText('购机发票日期')
  await expect(verdict.getByTestId('verdict-unit')).toContainText('苏宁易购天河店')
  await expect(verdict.getByTestId('verdict-policy')).toContainText('电池 6 个月')
  // The desk may not exchange or refund units; that is for managers.
  await expect(verdict.getByTestId('exchange-unit')).toHaveCount(0)
  await expect(verdict.getByTestId('refund-unit')).toHaveCount(0)
  await tallScreenshot(page, 'warranty-scan-verdict', 1500)

  // A cracked screen the customer caused is no reason for a refund: judged again as appearance damage.
  await verdict.getByTestId('claim-kind').getByText('外观损坏').click()
  await verdict.getByTestId('claim-evaluate').click()
  // A cosmetic fault is no listed performance fault: no 三包 remedy at all, even within the 7 days.
  await expect(verdict.getByTestId('verdict-text')).toHaveText('不在保修范围')
  await expect(reasons).toContainText('外观问题不属于性能故障，即使在退货、换货期内')
  await tallScreenshot(page, 'warranty-claim-appearance', 1500)

  // Typing into a field is not a scan: the search box keeps its text and the page stays.
  await page.getByTestId('warranty-search').fill('')
  await page.getByTestId('warranty-search').pressSequentially('13800138000', { delay: 5 })
  await page.getByTestId('warranty-search').press('Enter')
  await expect(page).toHaveURL(/#\/warranty\?q=13800138000$/)
  await expect(verdict.getByTestId('verdict-unit')).toContainText('HWM60P2026A7')

  // Check-in: a serial the shop has never repaired, but the registry knows, brings brand, model and verdict.
  await page.getByTestId('nav-intake').click()
  await page.locator('input[name=serial]').pressSequentially('hwm60p2026a7', { delay: 5 })
  await page.locator('input[name=serial]').press('Enter')
  await expect(page.getByTestId('intake-warranty-verdict')).toHaveText('可退货')
  await expect(page.locator('input[name=device-brand]')).toHaveValue('华为')
  await expect(page.locator('input[name=device-model]')).toHaveValue('Mate 60 Pro')
  await settled(page)
  await screenshot(page, 'warranty-intake-verdict')
})

test('an unknown serial is not out of warranty: the desk registers it from the invoice and gets the verdict', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const page = await staffPage(browser, host, desk.username, desk.password)

  await page.getByTestId('nav-warranty').click()
  const search = page.getByTestId('warranty-search')
  await expect(search).toBeFocused()
  await search.fill('mi14u88330021')
  await search.press('Enter')
  const unknown = page.getByTestId('warranty-unknown')
  await expect(unknown).toContainText('未找到该序列号 MI14U88330021 的保修登记')
  await expect(unknown).toContainText('不按过保处理')
  await settled(page)
  await screenshot(page, 'warranty-unknown')

  await unknown.getByTestId('register-unit').click()
  const dialog = page.getByTestId('register-unit-dialog')
  await expect(dialog.locator('input[name=serial]')).toHaveValue('MI14U88330021')
  await dialog.getByTestId('register-category').click()
  await page.getByRole('option', { name: '手机' }).click()
  await dialog.locator('input[name=brand]').fill('小米')
  await dialog.locator('input[name=model]').fill('14 Ultra')
  const bought = shopDateDaysAgo(400)
  await dialog.locator('input[name=purchaseDate]').fill(bought)
  await dialog.locator('input[name=invoiceNumber]').fill('31299870')
  await dialog.locator('input[name=dealer]').fill('小米之家正佳广场店')
  await dialog.locator('input[name=buyerName]').fill('陈伟')
  await dialog.locator('input[name=buyerPhone]').fill('13912345678')
  await settled(page)
  await screenshot(page, 'warranty-register-dialog')
  // An invoice dated after today (a year typed one too far) is no sale: refused, never judged.
  await dialog.locator('input[name=purchaseDate]').fill(shopDateDaysAgo(-35))
  await dialog.locator('input[name=invoiceNumber]').click()
  await dialog.getByTestId('register-save').click()
  await expect(dialog.locator('.el-form-item__error')).toHaveText(['不能晚于今天'])
  await settled(page)
  await screenshot(page, 'warranty-register-future-date')
  await dialog.locator('input[name=purchaseDate]').fill(bought)
  await dialog.locator('input[name=invoiceNumber]').click()
  await dialog.getByTestId('register-save').click()
  await expect(dialog).toBeHidden()

  const verdict = page.getByTestId('warranty-verdict')
  await expect(verdict.getByTestId('verdict-text')).toHaveText('付费维修')
  await expect(verdict.getByTestId('verdict-reasons')).toContainText(`保修期自购机发票日期 ${bought} 起算。`)
  await expect(verdict.getByTestId('verdict-reasons')).toContainText('整机保修已于')
  await expect(page).toHaveURL(/#\/warranty\?q=MI14U88330021$/)
  await tallScreenshot(page, 'warranty-registered-verdict', 1500)
})

test('an import of a dealer file reports each rejected row with its line and imports the rest', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const page = await staffPage(browser, host, boss.username, boss.password)

  const csv = [
    '序列号,品牌,型号,品类,购买日期,发票号,经销商,客户姓名,电话',
    'SN-IMP-0001,华为,Mate 60 Pro,手机,2026-01-23,1001,国美电器,张三,13800000001',
    'SN-IMP-0002,华为,nova 12,手机,2026/1/5,1002,国美电器,李四,13800000002',
    ',华为,nova 12,手机,2026-02-01,1003,国美电器,王五,13800000003',
    'SN-IMP-0004,美的,KFR-35GW,空调,2026-13-45,1004,苏宁易购,赵六,13800000004',
    'SN-IMP-0001,华为,Mate 60 Pro,手机,2026-01-24,1005,国美电器,孙七,13800000005',
    'SN-IMP-0006,海尔,BCD-470,冰箱,2026年3月8日,1006,苏宁易购,周八,13800000006'
  ].join('\r\n')

  await page.getByTestId('nav-warranty').click()
  await page.getByTestId('open-import').click()
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: '经销商登记.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8') })
  const preview = page.getByTestId('import-preview')
  await expect(preview.getByTestId('import-encoding')).toHaveText('UTF-8（带 BOM）')
  await expect(page.getByTestId('import-sample')).toContainText('SN-IMP-0001')
  // The Chinese headers were recognised: serial and purchase date are already mapped.
  await expect(preview.getByTestId('map-serial')).toContainText('第 1 列：序列号')
  await expect(preview.getByTestId('map-purchaseDate')).toContainText('第 5 列：购买日期')
  await settled(page)
  await screenshot(page, 'warranty-import-mapping')

  await preview.getByTestId('import-run').click()
  await expect(page.getByTestId('import-outcome')).toContainText('导入完成')
  await expect(page.getByTestId('count-imported')).toContainText('3')
  await expect(page.getByTestId('count-rejected')).toContainText('3')
  const rejected = page.getByTestId('import-rejected')
  await expect(rejected.locator('tbody tr')).toHaveCount(3)
  await expect(rejected.locator('tbody tr').nth(0)).toContainText('4')
  await expect(rejected.locator('tbody tr').nth(0)).toContainText('缺少序列号')
  await expect(rejected.locator('tbody tr').nth(1)).toContainText('5')
  await expect(rejected.locator('tbody tr').nth(1)).toContainText('购买日期（发票日期）不是有效日期：“2026-13-45”')
  await expect(rejected.locator('tbody tr').nth(2)).toContainText('6')
  await expect(rejected.locator('tbody tr').nth(2)).toContainText('序列号 SN-IMP-0001 在文件中重复（与第 2 行相同）')
  await tallScreenshot(page, 'warranty-import-result', 1500)

  const rejectedFile = async () => {
    const download = page.waitForEvent('download')
    await page.getByTestId('save-rejected').click()
    const file = await download
    return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') }
  }
  const chinese = await rejectedFile()
  expect(chinese.name).toBe('经销商登记-被拒绝的行.csv')
  expect(chinese.text.split('\r\n')[0]).toMatch(/,错误原因$/)
  expect(chinese.text).toContain('第4行：缺少序列号')
  // Saved by someone reading English, the file's header and reasons are English (its rows stay as typed).
  await switchLanguage(page, 'English')
  await expect(page.getByTestId('import-outcome')).toContainText('Import finished')
  const english = await rejectedFile()
  expect(english.name).toBe('经销商登记-rejected.csv')
  expect(english.text.split('\r\n')[0]).toMatch(/,Reason$/)
  expect(english.text).toContain('Line 4: Serial missing')
  expect(english.text).toContain('Line 5: Purchase date is not a valid date: 2026-13-45')
  expect(english.text).not.toContain('错误原因')
  await switchLanguage(page, '中文')

  // The imported units are in the registry.
  const lookup = await host.rpc<{ kind: string }>('warranty.lookup', { query: 'SN-IMP-0006' }, adminToken)
  expect(lookup.kind).toBe('found')

  // The same file again changes nothing.
  await page.getByTestId('import-restart').click()
  await page
    .getByTestId('import-file')
    .setInputFiles({ name: '经销商登记.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8') })
  await page.getByTestId('import-preview').getByTestId('import-run').click()
  await expect(page.getByTestId('import-outcome')).toContainText('导入完成')
  await expect(page.getByTestId('count-imported')).toContainText('0')
  await expect(page.getByTestId('count-unchanged')).toContainText('3')
  await expect(page.getByTestId('count-rejected')).toContainText('3')
})

test('a large import shows its progress and a cancel leaves the registry as it was', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const page = await staffPage(browser, host, boss.username, boss.password)

  // Big enough that even a fast machine is still working on it when the cancel is confirmed,
  // and below the 50 MB Playwright can hand to a file input.
  const lines = ['serial,brand,model,category,purchase date']
  for (let i = 0; i < 600_000; i++)
    lines.push(`BULK${String(i).padStart(8, '0')},Midea,KFR-35GW,air_conditioner,2026-03-01`)
  const file = Buffer.from(lines.join('\n'), 'utf8')
  expect(file.length).toBeGreaterThan(20 * 1024 * 1024)

  await page.goto(`${host.url}#/warranty/import`)
  await page.getByTestId('import-file').setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: file })
  const preview = page.getByTestId('import-preview')
  // Uploading 20 MB in chunks takes a while on a busy 2-core machine before the preview shows.
  await expect(preview.getByTestId('import-encoding')).toHaveText('UTF-8', { timeout: 60_000 })
  await preview.getByTestId('import-run').click()
  const running = page.getByTestId('import-running')
  await expect(running.getByTestId('import-progress')).toContainText(/已处理 [1-9][\d,]* \/ 600,000 行/)
  await screenshot(page, 'warranty-import-running')
  await running.getByTestId('import-cancel').click()
  await page.getByRole('dialog').getByRole('button', { name: '取消导入' }).click()
  await expect(page.getByTestId('import-outcome')).toContainText('已取消，登记数据保持原样')
  await settled(page)
  await screenshot(page, 'warranty-import-cancelled')
  const lookup = await host.rpc<{ kind: string }>('warranty.lookup', { query: 'BULK00000001' }, adminToken)
  expect(lookup.kind).toBe('unknown')
})

test('a manager picks one of a buyer’s units, exchanges it, and adds a policy version', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const unit = (serial: string, model: string, purchaseDate: string) => ({
    serial,
    brand: 'OPPO',
    model,
    categoryKey: 'mobile_phone',
    purchaseDate,
    invoiceNumber: `INV-${serial}`,
    buyerName: '刘洋',
    buyerPhone: '13711112222'
  })
  await host.rpc('warranty.register', unit('OPPOFX8A0001', 'Find X8', shopDateDaysAgo(10)), adminToken)
  await host.rpc('warranty.register', unit('OPPOR13B0002', 'Reno 13', shopDateDaysAgo(200)), adminToken)
  const page = await staffPage(browser, host, boss.username, boss.password)

  // The buyer's phone finds both units; the desk picks the one on the counter.
  await page.getByTestId('nav-warranty').click()
  await page.getByTestId('warranty-search').fill('137 1111 2222')
  await page.getByTestId('warranty-search').press('Enter')
  const units = page.getByTestId('warranty-units')
  await expect(units.locator('tbody tr')).toHaveCount(2)
  await settled(page)
  await screenshot(page, 'warranty-several')
  await units.getByText('OPPOFX8A0001').click()
  const verdict = page.getByTestId('warranty-verdict')
  await expect(verdict.getByTestId('verdict-text')).toHaveText('可换货')

  // Exchange within the window: the new serial's period restarts today.
  await verdict.getByTestId('exchange-unit').click()
  const dialog = page.getByTestId('exchange-dialog')
  await dialog.locator('input[name=newSerial]').fill('oppofx8a0099')
  await dialog.getByTestId('exchange-save').click()
  await expect(dialog).toBeHidden()
  await expect(page).toHaveURL(/#\/warranty\?q=OPPOFX8A0099$/)
  await expect(verdict.getByTestId('verdict-unit')).toContainText('OPPOFX8A0001')
  await expect(verdict.getByTestId('verdict-reasons')).toContainText(
    `本机是 ${shopDateDaysAgo(0)} 换货所得的新机，保修期自换货之日重新起算。`
  )
  // The refund and exchange windows stay the original sale's (自售出之日起): day 10 after the sale
  // is past the refund window, still inside the exchange window; the exchange opens no new refund.
  await expect(verdict.getByTestId('verdict-reasons')).toContainText(
    `退货、换货期按原机售出之日 ${shopDateDaysAgo(10)} 计算（退货至 ${shopDateDaysAgo(3)}，换货至 ${shopDateDaysAgo(-5)}），不因换货重新起算。`
  )
  await expect(verdict.getByTestId('verdict-text')).toHaveText('可换货')
  await settled(page)
  await screenshot(page, 'warranty-exchanged-unit')
  // The new unit cannot have failed before the customer had it.
  const claim = verdict.getByTestId('claim-form')
  await claim.locator('input[name=faultDate]').fill(shopDateDaysAgo(1))
  // Enter takes the typed date and closes the calendar, which opens with the caret and, drawn a
  // moment later, could take the click meant for the button under it.
  await claim.locator('input[name=faultDate]').press('Enter')
  await claim.getByTestId('claim-evaluate').click()
  await expect(claim).toContainText(`本机是 ${shopDateDaysAgo(0)} 换货所得，故障出现日期不能早于换机日期`)
  await expect(verdict.getByTestId('verdict-text')).toHaveText('可换货')
  await settled(page)
  await screenshot(page, 'warranty-exchanged-fault-date')

  // Policies: a new phone policy version from today, with a longer battery period.
  await page.getByTestId('open-policies').click()
  const phones = page.getByTestId('policy-mobile_phone')
  await expect(phones).toContainText('电池 6 个月')
  // The seeded default, replaced by the legal minimum from the same day, never judged a unit: it is
  // not listed as history beside the version in force.
  await expect(phones.getByTestId('policy-standing')).toHaveCount(0)
  await phones.getByTestId('new-policy-mobile_phone').click()
  const policy = page.getByTestId('policy-dialog')
  await expect(policy.locator('input[name=repairMonths]')).toHaveValue('12')
  await policy.getByTestId('policy-components').locator('.el-input-number input').first().fill('12')
  await policy.locator('input[name=note]').fill('厂家 2026 年新保修卡：电池一年')
  await settled(page)
  await screenshot(page, 'warranty-policy-dialog')
  await policy.getByTestId('policy-save').click()
  await expect(policy).toBeHidden()
  await expect(phones).toContainText('电池 12 个月')
  await expect(phones.getByTestId('policy-standing')).toHaveText(['已被取代'])
  await tallScreenshot(page, 'warranty-policies', 1500)
})

test('a manager takes a TV back for a refund within 7 days; the unit then shows the refund and its rule', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  await host.rpc(
    'warranty.register',
    {
      serial: 'HS65E7K00031',
      brand: '海信',
      model: '65E7K',
      categoryKey: 'tv',
      purchaseDate: shopDateDaysAgo(5),
      invoiceNumber: '44100231',
      buyerName: '陈静',
      buyerPhone: '13912345678'
    },
    adminToken
  )
  const page = await staffPage(browser, host, boss.username, boss.password)
  await page.getByTestId('nav-warranty').click()
  await page.getByTestId('warranty-search').fill('HS65E7K00031')
  await page.getByTestId('warranty-search').press('Enter')
  const verdict = page.getByTestId('warranty-verdict')
  await expect(verdict.getByTestId('verdict-text')).toHaveText('可退货')

  // Within the 7 days the verdict offers both; the customer wants the money back.
  await expect(verdict.getByTestId('exchange-unit')).toBeVisible()
  await verdict.getByTestId('refund-unit').click()
  const dialog = page.getByTestId('refund-dialog')
  await expect(dialog).toContainText('HS65E7K00031 按三包规定退货，依据：退货期内性能故障退货。')
  await settled(page)
  await screenshot(page, 'warranty-refund-dialog')
  await dialog.getByTestId('refund-save').click()
  await expect(dialog).toBeHidden()

  // The unit is given back: no remedy is offered any more, and the unit card says when and why.
  await expect(verdict.getByTestId('verdict-text')).toHaveText('不在保修范围')
  await expect(verdict.getByTestId('verdict-reasons')).toContainText(
    `本机已于 ${shopDateDaysAgo(0)} 退货，三包责任已经履行，本机不再享受保修。`
  )
  await expect(verdict.getByTestId('verdict-unit')).toContainText(`${shopDateDaysAgo(0)} 退货（退货期内性能故障退货）`)
  await expect(verdict.getByTestId('refund-unit')).toHaveCount(0)
  await expect(verdict.getByTestId('exchange-unit')).toHaveCount(0)
  await tallScreenshot(page, 'warranty-refunded', 1500)
})

test('check-in of a device the shop has repaired before still shows its 三包 verdict from the registry', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  // A phone bought 80 days ago: within the whole unit's 12 months, past the 15-day exchange window.
  await host.rpc(
    'warranty.register',
    {
      serial: 'OPR11A2026B3',
      brand: 'OPPO',
      model: 'Reno11',
      categoryKey: 'mobile_phone',
      cardNumber: 'KA-8810024',
      purchaseDate: shopDateDaysAgo(80),
      invoiceNumber: '44031883',
      dealer: '苏宁易购天河店',
      buyerName: '黎伟鹏',
      buyerPhone: '15816345447'
    },
    adminToken
  )
  // The shop took it in once before (the job was cancelled): the serial is a device on its books.
  const earlier = await takeIn(host, adminToken, {
    customer: { name: '黎伟鹏', mobile: '15816345447' },
    device: { brand: 'OPPO', model: 'Reno11', serial: 'OPR11A2026B3' },
    serviceType: 'paid_repair',
    reportedFault: '屏幕摔碎'
  })
  await host.rpc(
    'workOrders.transition',
    { id: earlier.workOrder.id, to: 'cancelled', reason: '客户改天再来' },
    adminToken
  )

  // Now it will not charge: the desk scans it at check-in and is told it is under 三包.
  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-intake').click()
  await page.locator('input[name=serial]').pressSequentially('OPR11A2026B3', { delay: 5 })
  await page.locator('input[name=serial]').press('Enter')
  await expect(page.getByTestId('known-device')).toContainText('OPPO Reno11')
  await expect(page.getByTestId('intake-warranty-verdict')).toHaveText('免费保修')
  await settled(page)
  await screenshot(page, 'warranty-intake-known-device-verdict')
})
