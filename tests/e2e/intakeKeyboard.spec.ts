import type { Browser } from '@playwright/test'
import { test, expect, screenshot, settled, setUpShop, staffPage, hire, typeWalkIn, type ShopHost } from './fixtures'

/** A new shop's front desk on the empty check-in form. */
async function deskAtIntake(browser: Browser, host: ShopHost) {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-intake').click()
  return page
}

test('the symptom list takes the first match on Enter, and the next Enter moves on to the fault', async ({
  browser,
  host
}) => {
  const page = await deskAtIntake(browser, host)
  const symptom = page.getByTestId('symptom')
  await symptom.click()
  await page.keyboard.type('触摸')
  await settled(page)
  await screenshot(page, 'intake-symptom-typed')
  await page.keyboard.press('Enter')
  await expect(symptom).toContainText('触摸失灵')
  await page.keyboard.press('Enter')
  await expect(page.locator('input[name=reported-fault]')).toBeFocused()
  await page.keyboard.type('屏幕右下角点不动')
  await expect(page.locator('input[name=reported-fault]')).toHaveValue('屏幕右下角点不动')
  await expect(symptom).toContainText('触摸失灵')
  await settled(page)
  await screenshot(page, 'intake-symptom-picked')
})

test('Enter on the passcode consent moves on and never gives the consent; Space gives it', async ({
  browser,
  host
}) => {
  const page = await deskAtIntake(browser, host)
  const consent = page.getByRole('switch')
  await consent.focus()
  await page.keyboard.press('Enter')
  // Element Plus keeps the switch's state in aria-checked (the hidden checkbox's own may lag).
  await expect(consent).toHaveAttribute('aria-checked', 'false')
  await expect(page.locator('input[name=estimate]')).toBeFocused()
  await expect(page.locator('input[name=passcode]')).toHaveCount(0)

  await consent.focus()
  await page.keyboard.press('Space')
  await expect(consent).toHaveAttribute('aria-checked', 'true')
  await expect(page.locator('input[name=passcode]')).toBeVisible()
  await settled(page)
  await screenshot(page, 'intake-consent-by-space')
})

test('a save refused for a short mobile number puts the caret in the mobile field', async ({ browser, host }) => {
  const page = await deskAtIntake(browser, host)
  await page.locator('input[name=customer-name]').fill('周九')
  await page.locator('input[name=customer-mobile]').fill('1381234')
  await page.locator('input[name=serial]').fill('SN-SHORT-PHONE')
  await page.locator('input[name=serial]').press('Enter')
  await expect(page.getByText('新设备，请填写品牌和型号')).toBeVisible()
  await page.locator('input[name=device-brand]').fill('华为')
  await page.locator('input[name=device-model]').fill('P60')
  await page.locator('input[name=reported-fault]').fill('不开机')
  await page.keyboard.press('Control+Enter')
  await expect(page.locator('.el-message--error')).toBeVisible()
  await expect(page.locator('input[name=customer-mobile]')).toBeFocused()
  await screenshot(page, 'intake-refused-caret-in-mobile')
  // Corrected where the caret is, the check-in goes through.
  await page.keyboard.press('End')
  await page.keyboard.type('5678')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByTestId('created-number')).toHaveText(/^WO-\d{6}-0001$/)
})

test('a Ctrl+Enter on the form behind the "registered" dialog is the dialog\'s: the emptied form does not try to save', async ({
  browser,
  host
}) => {
  const page = await deskAtIntake(browser, host)
  const saves: string[] = []
  page.on('request', (request) => {
    if (request.url().endsWith('/rpc/workOrders.create')) saves.push(request.url())
  })
  await typeWalkIn(page, {
    customer: { name: '吴十', mobile: '13912345678' },
    device: { brand: '华为', model: 'nova 12', serial: 'SN-BEHIND-0001' },
    reportedFault: '充不进电'
  })
  await page.getByTestId('intake-submit').click()
  await expect(page.getByTestId('created-number')).toHaveText(/^WO-\d{6}-0001$/)
  // The dialog open, and done taking the caret in (its own focus as it opens would take it back).
  await expect(page.locator('.el-overlay :focus')).toHaveCount(1)
  await settled(page)
  // Something on the page takes the caret back to the form behind the dialog (emptied for the next
  // walk-in), and the desk presses Ctrl+Enter: the dialog on top takes the key. The form used to
  // save itself and come back refused, its errors over the dialog.
  await page.locator('input[name=reported-fault]').focus()
  await expect(page.locator('input[name=reported-fault]')).toBeFocused()
  await page.keyboard.press('Control+Enter')
  await settled(page)
  await screenshot(page, 'intake-ctrl-enter-behind-registered')
  await page.getByTestId('open-created').click()
  await expect(page.getByTestId('work-order-number')).toHaveText(/^WO-\d{6}-0001$/)
  expect(saves).toHaveLength(1)
})
