import type { Browser, Page } from '@playwright/test'
import {
  test,
  expect,
  screenshot,
  setUpShop,
  staffPage,
  hire,
  scanKeys,
  settled,
  takeIn,
  type ShopHost
} from './fixtures'
import { deskAtTheCounter, waitingPaidJob } from './counterJobs'
import { stockedPart } from './stockedPart'

// The front desk works with a keyboard and a barcode scanner on a small screen: these tests use
// no mouse once the page is open (arranging the shop through the API).
test.use({ viewport: { width: 1366, height: 768 } })

const goTo = (page: Page, host: ShopHost, path: string) => page.goto(`${host.url}#${path}`)

type BrowserStorage = { localStorage: { setItem(key: string, value: string): void } }

/** The same page in English, for a look at the changed screen in the other language. */
async function inEnglish(page: Page): Promise<void> {
  await page.evaluate(() =>
    (globalThis as unknown as BrowserStorage).localStorage.setItem('service-center.locale', 'en')
  )
  await page.reload()
}

/** Presses Enter until `field` has the caret, as the desk steps through a form (at most `limit` times). */
async function enterUntil(page: Page, field: string, limit: number): Promise<void> {
  const target = page.locator(field)
  for (let i = 0; i < limit && !(await target.evaluate((el) => el === el.ownerDocument.activeElement)); i++) {
    await page.keyboard.press('Enter')
  }
  await expect(target).toBeFocused()
}

test('check-in by keyboard: a phone nobody has starts the new customer, Enter crosses the date fields, Ctrl+Enter saves from one', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const page = await staffPage(browser, host, desk.username, desk.password)
  await goTo(page, host, '/intake')
  const search = page.locator('input[name=customer-search]')
  await expect(search).toBeFocused()

  // The customer says their phone; nobody has it, so Enter starts a new customer with that number.
  await page.keyboard.type('13912345678')
  await page.keyboard.press('Enter')
  await expect(page.locator('input[name=customer-mobile]')).toHaveValue('13912345678')
  await expect(page.locator('input[name=customer-name]')).toBeFocused()
  await expect(search).toHaveValue('')
  await expect(page.getByTestId('intake-no-returning-customer')).toHaveText('· 没有找到老客户“13912345678”，已填入下面')
  await settled(page)
  await screenshot(page, 'keyboard-intake-new-customer-by-phone')
  await page.keyboard.type('陈小明')

  await enterUntil(page, 'input[name=serial]', 5)
  await scanKeys(page, 'SN-KB-0001')
  await expect(page.getByText('新设备，请填写品牌和型号')).toBeVisible()
  await expect(page.locator('input[name=device-brand]')).toBeFocused()
  await page.keyboard.type('小米')
  await page.keyboard.press('Enter')
  await page.keyboard.type('14')
  await enterUntil(page, 'input[name=device-purchaseDate]', 2)
  // A date field used to keep Enter for its calendar: the caret stayed there for good.
  await page.keyboard.type('2026-01-15')
  await page.keyboard.press('Enter')
  await expect(page.locator('input[name=device-purchaseDate]')).not.toBeFocused()
  await expect(page.locator('input[name=device-purchaseDate]')).toHaveValue('2026-01-15')
  await enterUntil(page, 'input[name=reported-fault]', 5)
  await page.keyboard.type('屏幕不亮')
  await enterUntil(page, 'input[name=faultDate]', 20)
  // Enter never saves a half-filled form; Ctrl+Enter saves, from a date field too.
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('created-number')).toHaveText(/^WO-\d{6}-0001$/)
  // The claim receipt every walk-in leaves with is one Enter away.
  await expect(page.getByTestId('created-print-claim')).toBeFocused()
  const created = await host.rpc<{ rows: { customerName: string; customerMobile: string | null }[] }>(
    'workOrders.list',
    {},
    adminToken
  )
  expect(created.rows[0]).toMatchObject({ customerName: '陈小明', customerMobile: '13912345678' })

  await page.keyboard.press('Escape')
  await expect(search).toBeFocused()
  await inEnglish(page)
  await expect(page.locator('input[name=customer-search]')).toBeFocused()
  await page.keyboard.type('Chen Daming')
  await page.keyboard.press('Enter')
  await expect(page.locator('input[name=customer-name]')).toHaveValue('Chen Daming')
  await expect(page.locator('input[name=customer-mobile]')).toBeFocused()
  await expect(page.getByTestId('intake-no-returning-customer')).toContainText(
    'no returning customer matches “Chen Daming”'
  )
  await settled(page)
  await screenshot(page, 'keyboard-intake-new-customer-by-name-en')
})

test('check-in by keyboard: a known device scanned brings its owner, and the caret goes on to the job', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  for (const [name, mobile, serial] of [
    ['王老五', '13800001111', 'SN-KNOWN-01'],
    ['赵六', '13800002222', 'SN-KNOWN-02']
  ] as const) {
    const earlier = await takeIn(host, adminToken, {
      customer: { name, mobile },
      device: { brand: '华为', model: 'P60', serial },
      serviceType: 'paid_repair',
      reportedFault: '电池鼓包'
    })
    // Out of the shop again: a device on an open job cannot be booked in a second time.
    await host.rpc(
      'workOrders.transition',
      { id: earlier.workOrder.id, to: 'cancelled', reason: '客户改天再来' },
      adminToken
    )
  }
  const page = await staffPage(browser, host, desk.username, desk.password)
  await goTo(page, host, '/intake')
  const search = page.locator('input[name=customer-search]')
  await expect(search).toBeFocused()
  // Enter in the empty search moves on like any field; on to the serial, and a scan.
  await page.keyboard.press('Enter')
  await expect(page.locator('input[name=customer-name]')).toBeFocused()
  await enterUntil(page, 'input[name=serial]', 6)
  await scanKeys(page, 'SN-KNOWN-01')
  await expect(page.getByTestId('known-device')).toContainText('华为 P60')
  await expect(page.getByTestId('chosen-customer')).toContainText('王老五')
  // The brand field the scan's Enter went to is gone with a known device: the caret was nowhere,
  // and the next scan opened the warranty lookup instead.
  await expect(page.getByTestId('service-type').locator('input[value=paid_repair]')).toBeFocused()
  await enterUntil(page, 'input[name=reported-fault]', 4)
  await page.keyboard.type('屏幕闪烁')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('created-number')).toHaveText(/^WO-\d{6}-0003$/)

  // The next walk-in's device is scanned straight into the first field, the customer search.
  await page.keyboard.press('Escape')
  await expect(search).toBeFocused()
  await scanKeys(page, 'SN-KNOWN-02')
  await expect(page.getByTestId('known-device')).toContainText('华为 P60')
  await expect(page.getByTestId('chosen-customer')).toContainText('赵六')
  await expect(page.getByTestId('service-type').locator('input[value=paid_repair]')).toBeFocused()
  await expect(page).toHaveURL(/#\/intake$/)
  await settled(page)
  await screenshot(page, 'keyboard-intake-known-device')
  await inEnglish(page)
  await expect(page.getByTestId('known-device')).toContainText('Known device')
  await settled(page)
  await screenshot(page, 'keyboard-intake-known-device-en')
})

test('pick-up by scanner: the claim receipt opens the job with its checkout in focus, cash with change, then the hand-over', async ({
  browser,
  host
}) => {
  const { job, page } = await deskAtTheCounter(browser, host, (token) => waitingPaidJob(host, token, '张三丰'))
  // The claim receipt's barcode is the work-order number.
  await scanKeys(page, job.number)
  await expect(page.getByTestId('work-order')).toBeVisible()
  await expect(page.getByTestId('checkout')).toBeFocused()
  await settled(page)
  await screenshot(page, 'keyboard-pickup-scanned-order')
  await page.keyboard.press('Enter')
  const cash = page.locator('input[name=tender-amount-0]')
  await expect(cash).toBeFocused()
  await page.keyboard.type('600')
  await expect(page.getByTestId('checkout-change')).toHaveText('¥70.00')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('print-receipt')).toBeFocused()

  // Back on the job, paid: the hand-over is next, and Esc closes its dialog while nothing is typed.
  await goTo(page, host, `/work-orders/${job.id}`)
  await expect(page.getByTestId('pickup')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.locator('input[name=claim-code]')).toBeFocused()
  // Saved before the device and accessories were checked: the caret goes to that confirmation.
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('pickup-confirm').locator('input')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.locator('input[name=claim-code]')).toBeHidden()

  await inEnglish(page)
  await expect(page.getByTestId('pickup')).toBeFocused()
  await settled(page)
  await screenshot(page, 'keyboard-pickup-paid-order-en')

  // By keyboard alone: the code, Enter (to the confirmation), Enter ticks it, Ctrl+Enter hands over.
  await page.keyboard.press('Enter')
  await expect(page.locator('input[name=claim-code]')).toBeFocused()
  await page.keyboard.type(job.claimCode)
  await page.keyboard.press('Enter')
  const confirm = page.getByTestId('pickup-confirm').locator('input')
  await expect(confirm).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(confirm).toBeChecked()
  await page.keyboard.press('Enter')
  await expect(confirm).toBeChecked()
  await settled(page)
  await screenshot(page, 'keyboard-pickup-confirm-ticked-en')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByText('Handed over')).toBeVisible()
  await expect(page.getByTestId('pickup-dialog')).toBeHidden()
})

test('an unknown code is said and left selected, so the next scan replaces it: warranty, counter sale, refund', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  await stockedPart(host, adminToken, {
    partNumber: 'CHG-66W',
    name: '66W 快充充电器',
    barcodes: ['6901234567892'],
    priceFen: 12_900,
    costFen: 1_500,
    quantity: 5
  })
  const page = await staffPage(browser, host, boss.username, boss.password)

  // The lookup keeps its last query; coming back to it, a scan replaced it only after a click.
  await scanKeys(page, 'SN-NOBODY-1')
  await expect(page.getByTestId('warranty-unknown')).toContainText('SN-NOBODY-1')
  await goTo(page, host, '/')
  await goTo(page, host, '/warranty')
  const box = page.getByTestId('warranty-search')
  await expect(box).toBeFocused()
  await expect(box).toHaveValue('SN-NOBODY-1')
  await scanKeys(page, 'SN-NOBODY-2')
  await expect(page).toHaveURL(/q=SN-NOBODY-2$/)
  await expect(page.getByTestId('warranty-unknown')).toContainText('SN-NOBODY-2')

  await goTo(page, host, '/counter-sale')
  const scan = page.getByTestId('counter-scan')
  await expect(scan).toBeFocused()
  await scanKeys(page, '0000000000000')
  await expect(page.getByText('没有找到“0000000000000”')).toBeVisible()
  await settled(page)
  await screenshot(page, 'keyboard-counter-sale-unknown')
  await scanKeys(page, '6901234567892')
  await expect(page.getByTestId('counter-lines')).toContainText('66W 快充充电器')
  await expect(scan).toHaveValue('')
  await page.locator('input[name=counter-tender-0]').focus()
  await page.keyboard.type('130')
  // As at checkout, Ctrl+Enter takes the money from the amount itself.
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('counter-sale-paid')).toContainText(/INV-\d{6}-\d{4}/)
  const number = /INV-\d{6}-\d{4}/.exec((await page.getByTestId('counter-sale-paid').textContent()) ?? '')![0]

  await page.getByTestId('counter-refund-open').focus()
  await page.keyboard.press('Enter')
  const dialog = page.getByTestId('counter-refund-dialog')
  const receipt = dialog.getByTestId('counter-refund-number')
  await expect(receipt).toBeFocused()
  await scanKeys(page, 'INV-000000-0000')
  await expect(page.getByText('找不到该零售单')).toBeVisible()
  await scanKeys(page, number)
  await expect(dialog.getByTestId('counter-refund-lines')).toBeVisible()
  // The receipt found, its first line's quantity is next.
  await expect(dialog.getByTestId('counter-refund-quantity-0').locator('input')).toBeFocused()
  await settled(page)
  await screenshot(page, 'keyboard-counter-refund-found')

  await inEnglish(page)
  await expect(page.getByTestId('counter-scan')).toBeFocused()
  await scanKeys(page, 'NO-SUCH-CODE')
  await expect(page.getByText('Nothing found for “NO-SUCH-CODE”')).toBeVisible()
  await scanKeys(page, '6901234567892')
  await expect(page.getByTestId('counter-lines')).toContainText('66W 快充充电器')
  await settled(page)
  await screenshot(page, 'keyboard-counter-sale-en')
  await goTo(page, host, '/warranty')
  // A scan starting before the box has the caret would lose its first characters, at a desk as here.
  await expect(page.getByTestId('warranty-search')).toBeFocused()
  await scanKeys(page, 'SN-NOBODY-3')
  await expect(page.getByTestId('warranty-unknown')).toContainText('SN-NOBODY-3')
  await settled(page)
  await screenshot(page, 'keyboard-warranty-unknown-en')
})

type KeyWindow = {
  addEventListener(type: string, listener: (event: { key: string; defaultPrevented: boolean }) => void): void
}

test('function keys open the busiest screens the user may open, shown in the nav and in the help list; not while a dialog is open', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'wangfang', '王芳', 'front_desk')
  const page = await staffPage(browser, host, desk.username, desk.password)
  await goTo(page, host, '/')
  await expect(page.getByTestId('nav-intake')).toContainText('F1')
  await expect(page.getByTestId('nav-day-close')).toContainText('F6')
  // What the browser does with F1 (its help) is the page's to prevent: seen after the app's own handler.
  await page.evaluate(() => {
    const view = globalThis as unknown as KeyWindow & { prevented: Record<string, boolean> }
    view.prevented = {}
    view.addEventListener('keydown', (event) => (view.prevented[event.key] = event.defaultPrevented))
  })
  const prevented = (key: string) =>
    page.evaluate((name) => (globalThis as unknown as { prevented: Record<string, boolean> }).prevented[name], key)
  await page.keyboard.press('F1')
  await expect(page).toHaveURL(/#\/intake$/)
  await expect(page.locator('input[name=customer-search]')).toBeFocused()
  expect(await prevented('F1')).toBe(true)
  // From inside a field too.
  await page.keyboard.press('F2')
  await expect(page).toHaveURL(/#\/warranty/)
  await page.keyboard.press('F3')
  await expect(page).toHaveURL(/#\/work-orders$/)
  await page.keyboard.press('F4')
  await expect(page).toHaveURL(/#\/counter-sale$/)
  await page.keyboard.press('F6')
  await expect(page).toHaveURL(/#\/day-close$/)
  // A key the app does not use stays the browser's.
  await page.keyboard.press('F7')
  expect(await prevented('F7')).toBe(false)
  // The help list names them; while it (any dialog) is open, F1 does nothing.
  await page.getByTestId('keyboard-help').click()
  const help = page.getByTestId('keyboard-help-dialog')
  await expect(help).toBeVisible()
  await expect(help).toContainText('F1')
  await expect(help).toContainText('接待登记')
  await expect(help).toContainText('Ctrl+Enter')
  await settled(page)
  await screenshot(page, 'keyboard-function-keys-help')
  await page.keyboard.press('F1')
  await expect(help).toBeVisible()
  await expect(page).toHaveURL(/#\/day-close$/)
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  await inEnglish(page)
  await page.getByTestId('keyboard-help').click()
  await expect(help).toContainText('Check-in')
  await settled(page)
  await screenshot(page, 'keyboard-function-keys-help-en')

  // A warehouse clerk may not check devices in: F1 is not theirs, F3 (work orders) is.
  const clerk = await hire(host, adminToken, 'liuqiang', '刘强', 'warehouse_clerk')
  const warehouse = await staffPage(browser, host, clerk.username, clerk.password)
  await goTo(warehouse, host, '/parts')
  await expect(warehouse.getByTestId('nav-work-orders')).toContainText('F3')
  await warehouse.keyboard.press('F1')
  await warehouse.keyboard.press('F3')
  await expect(warehouse).toHaveURL(/#\/work-orders$/)
  await warehouse.keyboard.press('F2')
  await expect(warehouse).toHaveURL(/#\/work-orders$/)
})

/**
 * The front desk's 周敏 on an empty check-in form, the caret in the customer search; `focusedBox`
 * names the checkbox that has the caret, or null.
 */
async function deskAtCheckIn(browser: Browser, host: ShopHost) {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'zhoumin', '周敏', 'front_desk')
  const page = await staffPage(browser, host, desk.username, desk.password)
  await goTo(page, host, '/intake')
  await expect(page.locator('input[name=customer-search]')).toBeFocused()
  const focusedBox = () =>
    page.evaluate(() => {
      const active = (
        globalThis as unknown as {
          document: { activeElement: { closest(s: string): { textContent: string } | null } | null }
        }
      ).document.activeElement
      return active?.closest('.el-checkbox')?.textContent?.trim() ?? null
    })
  return { page, focusedBox }
}

test('check-in by keyboard: the condition and accessory checkboxes are one stop each, arrows and Space inside, Enter goes on', async ({
  browser,
  host
}) => {
  const { page, focusedBox } = await deskAtCheckIn(browser, host)
  await page.locator('input[name=reported-fault]').focus()
  await page.keyboard.type('进水不开机')
  await page.keyboard.press('Enter')
  expect(await focusedBox()).toBe('划痕')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  expect(await focusedBox()).toBe('进液痕迹')
  await page.keyboard.press('Space')
  // Enter leaves the group for its note, not for the next box.
  await page.keyboard.press('Enter')
  await expect(page.getByPlaceholder('外观备注')).toBeFocused()
  await page.keyboard.type('后盖有水渍')
  await page.keyboard.press('Enter')
  expect(await focusedBox()).toBe('充电器')
  await page.keyboard.press('Space')
  await page.keyboard.press('ArrowDown')
  expect(await focusedBox()).toBe('数据线')
  await screenshot(page, 'keyboard-intake-checkbox-focus')
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  // Round from the first to the last.
  expect(await focusedBox()).toBe('遥控器')
  await page.keyboard.press('Space')
  await page.keyboard.press('Enter')
  await expect(page.getByPlaceholder('其他附件')).toBeFocused()
  const checked = page.locator('.el-checkbox.is-checked')
  await expect(checked).toHaveText(['进液痕迹', '充电器', '遥控器'])
  await settled(page)
  await screenshot(page, 'keyboard-intake-checkbox-groups')
})

test('check-in by keyboard: Tab enters each checkbox group once, and Shift+Tab comes back to the box last used', async ({
  browser,
  host
}) => {
  const { page, focusedBox } = await deskAtCheckIn(browser, host)
  const conditionNote = page.getByPlaceholder('外观备注')
  const accessoriesNote = page.getByPlaceholder('其他附件')
  await page.locator('input[name=reported-fault]').focus()
  await page.keyboard.press('Tab')
  expect(await focusedBox()).toBe('划痕')
  // One Tab leaves the four condition boxes for their note; the next enters the accessories.
  await page.keyboard.press('Tab')
  await expect(conditionNote).toBeFocused()
  await page.keyboard.press('Tab')
  expect(await focusedBox()).toBe('充电器')
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('Space')
  expect(await focusedBox()).toBe('数据线')
  await page.keyboard.press('Tab')
  await expect(accessoriesNote).toBeFocused()
  // Back into the group on the box last used, and out again the other way in one step each.
  await page.keyboard.press('Shift+Tab')
  expect(await focusedBox()).toBe('数据线')
  await page.keyboard.press('Shift+Tab')
  await expect(conditionNote).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  expect(await focusedBox()).toBe('划痕')
  await page.keyboard.press('Shift+Tab')
  await expect(page.locator('input[name=reported-fault]')).toBeFocused()
  await expect(page.locator('.el-checkbox.is-checked')).toHaveText(['数据线'])
})
