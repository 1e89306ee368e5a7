import { test, expect, screenshot, setUpShop, signIn, ADMIN } from './fixtures'

test('the language switches to English and back, Element Plus texts included', async ({ page, host }) => {
  const adminToken = await setUpShop(host)
  // An action of every screen reads in words in the log, not as its code (a backup taken here).
  await host.rpc('backups.takeNow', {}, adminToken)
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-audit').click()
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible()
  await expect(page.locator('.el-pagination')).toContainText('共')

  await page.getByTestId('language-switch').click()
  await page.getByRole('option', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()
  await expect(page.getByTestId('main-nav')).toContainText('Users')
  await expect(page.getByTestId('audit-table')).toContainText('Signed in')
  await expect(page.getByTestId('audit-table')).toContainText('Backup taken')
  await expect(page.getByTestId('audit-table')).not.toContainText('backups.takeNow')
  // Element Plus's own component texts follow (pagination "Total").
  await expect(page.locator('.el-pagination')).toContainText('Total')
  await screenshot(page, 'language-english')

  // The choice survives a reload.
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible()

  await page.getByTestId('language-switch').click()
  await page.getByRole('option', { name: '中文' }).click()
  await expect(page.getByRole('heading', { name: '操作日志' })).toBeVisible()
  await expect(page.getByTestId('audit-table')).toContainText('登录')
  await expect(page.getByTestId('audit-table')).toContainText('立即备份')
  await screenshot(page, 'language-chinese')
})
