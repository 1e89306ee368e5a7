import type { Page } from '@playwright/test'
import { test, expect, setUpShop, staffPage, hire } from './fixtures'
import { readmeShot } from './readmeShots'

type BrowserStorage = { localStorage: { setItem(key: string, value: string): void } }

/** The shop server stops answering this desk (its calls and its event stream are refused). */
async function loseServer(page: Page): Promise<void> {
  await page.route('**/rpc/**', (route) => route.abort('connectionrefused'))
  await page.route('**/events**', (route) => route.abort('connectionrefused'))
}

async function serverBack(page: Page): Promise<void> {
  await page.unroute('**/rpc/**')
  await page.unroute('**/events**')
}

test('when the shop server cannot be reached the desk says so, keeps the typed form and saves it once when it is back', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-customers').click()
  await page.getByTestId('new-customer').click()
  const dialog = page.getByTestId('customer-dialog')
  await dialog.locator('input[name=name]').fill('王小明')
  await dialog.locator('input[name=mobile]').fill('13700001111')

  await loseServer(page)
  await dialog.getByTestId('customer-save').click()
  const banner = page.getByTestId('connection-banner')
  await expect(banner).toContainText(/店铺服务器无法连接，自 \d\d:\d\d 起，正在重试/)
  // The save waits for the server; what was typed stays on screen.
  await expect(dialog.locator('input[name=name]')).toHaveValue('王小明')
  await expect(dialog.locator('input[name=mobile]')).toHaveValue('13700001111')
  // The save button's spinner never settles: wait out the dialog's own transition instead.
  await page.waitForTimeout(500)
  await readmeShot(page, 'offline-banner-zh')

  await serverBack(page)
  await expect(banner).toBeHidden({ timeout: 20_000 })
  // Saved: the desk moves on to the new customer's file, as it always does.
  await expect(page.getByRole('heading', { name: '王小明' })).toBeVisible()
  const found = await host.rpc<{ total: number }>('customers.search', { query: '13700001111' }, adminToken)
  expect(found.total).toBe(1)

  // In English, and a new form cannot be saved while the server is away.
  await page.evaluate(() =>
    (globalThis as unknown as BrowserStorage).localStorage.setItem('service-center.locale', 'en')
  )
  await page.reload()
  await page.getByTestId('nav-customers').click()
  await page.getByTestId('new-customer').click()
  await dialog.locator('input[name=name]').fill('Li Lei')
  await loseServer(page)
  await page.getByTestId('customer-search').fill('137')
  await expect(banner).toContainText(/The shop server cannot be reached since \d\d:\d\d; retrying/)
  await expect(dialog.getByTestId('customer-save')).toBeDisabled()
  // The search waiting for the server spins: wait out the transitions by time.
  await page.waitForTimeout(500)
  await readmeShot(page, 'offline-banner-en')
  await serverBack(page)
  await expect(banner).toBeHidden({ timeout: 20_000 })
  await expect(dialog.getByTestId('customer-save')).toBeEnabled()
})
