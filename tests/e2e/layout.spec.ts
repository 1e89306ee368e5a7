import { test, expect, screenshot, setUpShop, signIn, ADMIN, hire } from './fixtures'
import type { Locator } from '@playwright/test'

/** Whether an element shows all of its content: nothing scrolled away, nothing cut with an ellipsis. */
const showsAll = (locator: Locator) =>
  locator.evaluate(
    (element) => element.scrollHeight <= element.clientHeight && element.scrollWidth <= element.clientWidth
  )

test('the sidebar groups its entries by desk and fits a 1366×768 screen; English labels are not cut', async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  // A technician, so the work-order list offers its technician filter.
  await hire(host, adminToken, 'zhangwei', '张伟', 'technician')
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, ADMIN.username, ADMIN.password)
  const nav = page.getByTestId('main-nav')
  await expect(nav).toBeVisible()
  const groups: [string, string][] = [
    ['frontDesk', '前台'],
    ['workshop', '维修车间'],
    ['warehouse', '仓库'],
    ['cash', '收银'],
    ['admin', '管理']
  ]
  for (const [desk, title] of groups) {
    await expect(page.getByTestId(`nav-group-${desk}`)).toContainText(title)
  }
  await expect(page.getByTestId('nav-group-warehouse')).toContainText('盘点')
  // Every entry of the admin, the one who sees them all, without scrolling the sidebar.
  expect(await showsAll(nav)).toBe(true)
  await expect(page.getByTestId('nav-settings')).toBeInViewport()
  await screenshot(page, 'layout-sidebar-1366x768')

  await page.getByTestId('language-switch').click()
  await page.getByRole('option', { name: 'English' }).click()
  await page.getByTestId('nav-work-orders').click()
  const technicianFilter = page.locator('.toolbar .el-select').filter({ hasText: 'Any technician' })
  await expect(technicianFilter).toBeVisible()
  expect(await showsAll(technicianFilter.locator('.el-select__placeholder span'))).toBe(true)
  await screenshot(page, 'layout-work-orders-english')

  // The audit log's refresh button stands clear of the date range.
  await page.getByTestId('nav-audit').click()
  const picker = page.locator('.toolbar .el-date-editor')
  const refresh = page.locator('.toolbar').getByRole('button', { name: 'Refresh' })
  // The page is fetched on first visit: measure once both stand.
  await expect(picker).toBeVisible()
  await expect(refresh).toBeVisible()
  const pickerBox = (await picker.boundingBox())!
  const refreshBox = (await refresh.boundingBox())!
  expect(refreshBox.x - (pickerBox.x + pickerBox.width)).toBeGreaterThanOrEqual(8)
  await screenshot(page, 'layout-audit-english')
})
