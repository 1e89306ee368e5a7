import type { Page } from '@playwright/test'
import { switchLanguage, test, expect, screenshot, setUpShop, signIn, ADMIN } from './fixtures'

type MeasuringDocument = {
  document: {
    createElement(tag: 'span'): { textContent: string; getBoundingClientRect(): { width: number }; remove(): void }
  }
}

/** How wide a run of `character` is in the page's text face, against as many CJK characters. */
const widthAgainstCjk = (page: Page, character: string) =>
  page.locator('body').evaluate((body, character) => {
    const browser = globalThis as unknown as MeasuringDocument
    const widthOf = (text: string) => {
      const span = browser.document.createElement('span')
      span.textContent = text
      ;(body as unknown as { appendChild(node: unknown): void }).appendChild(span)
      const width = span.getBoundingClientRect().width
      span.remove()
      return width
    }
    return widthOf(character.repeat(10)) / widthOf('中'.repeat(10))
  }, character)

test('the language switches to English and back, Element Plus texts included', async ({ page, host }) => {
  const adminToken = await setUpShop(host)
  // An action of every screen reads in words in the log, not as its code (a backup taken here).
  await host.rpc('backups.takeNow', {}, adminToken)
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-audit').click()
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible()
  await expect(page.locator('.el-pagination')).toContainText('共')

  await switchLanguage(page, 'English')
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()
  await expect(page.getByTestId('main-nav')).toContainText('Users')
  await expect(page.getByTestId('audit-table')).toContainText('Signed in')
  await expect(page.getByTestId('audit-table')).toContainText('Backup taken')
  await expect(page.getByTestId('audit-table')).not.toContainText('backups.takeNow')
  // Element Plus's own component texts follow (pagination "Total").
  await expect(page.locator('.el-pagination')).toContainText('Total')
  // An English apostrophe is a narrow Latin one (a third of a CJK character), not the CJK face's
  // wide mark that read "Won’ t" (0.55 of one).
  await expect.poll(() => widthAgainstCjk(page, '’')).toBeLessThan(0.45)
  await screenshot(page, 'language-english')

  // The choice survives a reload.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()

  await switchLanguage(page, '中文')
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible()
  await expect(page.getByTestId('audit-table')).toContainText('登录')
  await expect(page.getByTestId('audit-table')).toContainText('立即备份')
  await screenshot(page, 'language-chinese')
})
