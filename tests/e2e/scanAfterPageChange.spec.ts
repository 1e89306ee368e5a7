import type { Page } from '@playwright/test'
import { test, expect, setUpShop, staffPage, hire, takeIn, screenshot } from './fixtures'

/** Sends keys as a scanner does, each stamped 5 ms after the one before from `start` (seconds), as fixtures' scanKeys does. */
async function scannerKeys(page: Page, keys: { key: string; text?: string; code?: string }[], start: number, from = 0) {
  const cdp = await page.context().newCDPSession(page)
  for (const [i, key] of keys.entries()) {
    const timestamp = start + (from + i) * 0.005
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', timestamp, ...key })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', timestamp, key: key.key })
  }
  await cdp.detach()
}

// A claim receipt scanned right after F3 (or a click) asked for the work-order list: the page is
// still being drawn when the scanner starts, and its search box takes the caret part way through
// the number. The keys that came before go into the search box too; the job opens.
test('a work-order number scanned while the list page is still opening reaches its search box whole', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const { workOrder } = await takeIn(host, adminToken, {
    customer: { name: '郑七', mobile: '13800007777' },
    device: { brand: '华为', model: 'Mate 60', serial: 'SN-SCAN-EARLY' },
    serviceType: 'paid_repair',
    reportedFault: '无法开机'
  })
  const page = await staffPage(browser, host, desk.username, desk.password)

  // The list's code is slow to arrive: the page is not drawn until it is let through.
  let letPageThrough: () => void = () => undefined
  const pageHeld = new Promise<void>((held) =>
    page.route('**/assets/WorkOrdersView-*.js', (route) => {
      letPageThrough = () => void route.continue()
      held()
    })
  )
  await page.getByTestId('nav-work-orders').click()
  await pageHeld

  const keys = [
    ...[...workOrder.number].map((char) => ({ key: char, text: char })),
    { key: 'Enter', code: 'Enter', text: '\r', windowsVirtualKeyCode: 13 }
  ]
  const start = Date.now() / 1000
  const before = 5
  await scannerKeys(page, keys.slice(0, before), start)
  letPageThrough()
  const search = page.locator('input[name=work-order-search]')
  await expect(search).toBeFocused()
  await scannerKeys(page, keys.slice(before), start, before)

  await expect(page.getByTestId('work-order-number')).toHaveText(workOrder.number)
  await screenshot(page, 'scan-while-page-opens')
})
