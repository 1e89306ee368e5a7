import { test, expect, hire, screenshot, settled, setUpShop, staffPage } from './fixtures'

test('a manager marks a fault cause of the shop’s own as voiding the warranty, and the list shows it', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const page = await staffPage(browser, host, boss.username, boss.password)

  await page.goto(`${host.url}#/codes`)
  await page.getByTestId('code-list-fault_cause').click()
  const table = page.getByTestId('codes-table')
  // The causes that always voided it say so, with the reason.
  await expect(table.locator('tr', { hasText: 'C03' }).getByTestId('code-voids-warranty')).toHaveText('进液')

  await page.getByTestId('new-code').click()
  const dialog = page.getByTestId('code-dialog')
  await dialog.locator('input[name=code]').fill('C20')
  await dialog.locator('input[name=label]').fill('私自刷机')
  await dialog.getByTestId('code-voids-warranty').click()
  await page.getByRole('option', { name: '是：第三方拆修' }).click()
  await settled(page)
  await screenshot(page, 'codes-voiding-cause')
  await dialog.getByTestId('code-save').click()
  await expect(dialog).toBeHidden()
  await expect(table.locator('tr', { hasText: 'C20' }).getByTestId('code-voids-warranty')).toHaveText('第三方拆修')

  const causes = await host.rpc<{ code: string; voidsWarranty: string | null }[]>(
    'codes.list',
    { list: 'fault_cause' },
    adminToken
  )
  expect(causes.find((c) => c.code === 'C20')?.voidsWarranty).toBe('third_party_repair')

  // Another desk adds C21 while this list is on screen: adding C21 here is refused, not overwritten.
  await host.rpc(
    'codes.save',
    { list: 'fault_cause', code: 'C21', label: '主板进液', active: true, sortOrder: 210, adding: true },
    adminToken
  )
  await page.getByTestId('new-code').click()
  await dialog.locator('input[name=code]').fill('C21')
  await dialog.locator('input[name=label]').fill('其他')
  await dialog.getByTestId('code-save').click()
  await expect(dialog.getByText('该列表中已有此代码，请直接编辑它')).toBeVisible()
  await expect(dialog).toBeVisible()
  const after = await host.rpc<{ code: string; label: string }[]>('codes.list', { list: 'fault_cause' }, adminToken)
  expect(after.find((c) => c.code === 'C21')?.label).toBe('主板进液')
})
