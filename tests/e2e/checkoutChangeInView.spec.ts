import type { Locator, Page } from '@playwright/test'
import { test, expect, setUpShop, staffPage, hire, settled } from './fixtures'
import { finishedJob } from './counterJobs'

/** Fully inside the window and above the pay bar that stays fixed at the page's foot. */
async function expectInView(page: Page, element: Locator): Promise<void> {
  const box = await element.boundingBox()
  const bar = await page.locator('.action-bar').boundingBox()
  const window = page.viewportSize()
  expect(box && bar && window).toBeTruthy()
  expect(box!.y).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height).toBeLessThanOrEqual(bar!.y)
  expect(bar!.y + bar!.height).toBeLessThanOrEqual(window!.height)
}

for (const size of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 }
])
  test(`at ${size.width}×${size.height} the cashier sees the cash typed and the change while taking it`, async ({
    browser,
    host
  }) => {
    const adminToken = await setUpShop(host)
    const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
    const job = await finishedJob(host, adminToken, {
      serviceType: 'paid_repair',
      customer: '黄琳涵',
      labourFen: 8_000,
      partPriceFen: 4_000
    })
    const page = await staffPage(browser, host, desk.username, desk.password)
    await page.setViewportSize(size)
    await page.goto(`${host.url}#/work-orders/${job.id}/checkout`)
    const cash = page.locator('input[name=tender-amount-0]')
    await cash.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('200')
    await expect(page.getByTestId('checkout-change')).toHaveText('¥80.00')
    await settled(page)
    await expectInView(page, cash)
    await expectInView(page, page.getByTestId('checkout-tendered'))
    await expectInView(page, page.getByTestId('checkout-change'))
    await page.screenshot({ path: `test-results/screens/checkout-change-in-view-${size.width}.png` })
  })
