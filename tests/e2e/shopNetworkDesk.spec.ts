import type { Page } from '@playwright/test'
import { test, expect, settled, setUpShop, signIn, ADMIN } from './fixtures'
import { readmeShot } from './readmeShots'

/** Dialogs and pages once their transitions ended, for the README. */
async function settledShot(page: Page, name: string): Promise<void> {
  await settled(page)
  await readmeShot(page, name)
}

type BrowserStorage = { localStorage: { setItem(key: string, value: string): void } }

async function useEnglish(page: Page): Promise<void> {
  await page.evaluate(() =>
    (globalThis as unknown as BrowserStorage).localStorage.setItem('service-center.locale', 'en')
  )
  await page.reload()
}

test('first run asks what this PC is for; "connect" leads to pairing with the server’s code', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  await expect(page.getByTestId('install-kind')).toBeVisible()
  await expect(page.locator('input[name=shop-name]')).toBeFocused()
  await settledShot(page, 'first-run-choice')

  await page.getByTestId('install-connects').click()
  await expect(page.getByRole('heading', { name: '连接到店铺服务器' })).toBeVisible()
  await expect(page.getByTestId('server-address')).toHaveText(new URL(host.url).host)
  await page.locator('input[name=pairing-code]').fill('482913')
  await page.locator('input[name=desk-name]').fill('仓库')
  await settledShot(page, 'pair-desk')

  await useEnglish(page)
  await expect(page.getByRole('heading', { name: 'Connect to the shop server' })).toBeVisible()
  await settledShot(page, 'pair-desk-en')

  // Changed their mind: back to this PC's first-run setup.
  await page.getByTestId('keep-data-here').click()
  await expect(page.getByTestId('install-kind')).toBeVisible()
  await settledShot(page, 'first-run-choice-en')
})

test('an admin can later connect this desk to another shop server, after a clear warning', async ({ page, host }) => {
  await setUpShop(host)
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.goto(`${host.url}#/settings`)
  const card = page.getByTestId('this-desk-card')
  await expect(card).toBeVisible()
  await card.getByTestId('change-shop-server').click()
  const warning = page.getByRole('dialog')
  await expect(warning).toContainText('本工位将忘记当前的配对凭据')
  await settledShot(page, 'change-shop-server-warning')
  await warning.getByRole('button', { name: '取消' }).click()
  await expect(page.getByTestId('this-desk-card')).toBeVisible()

  await useEnglish(page)
  await page.getByTestId('this-desk-card').getByTestId('change-shop-server').click()
  await expect(page.getByRole('dialog')).toContainText('This desk will forget its pairing credential')
  await settledShot(page, 'change-shop-server-warning-en')
  await page.getByRole('dialog').getByRole('button', { name: 'Forget pairing and continue' }).click()
  await expect(page.getByRole('heading', { name: 'Connect to the shop server' })).toBeVisible()
})
