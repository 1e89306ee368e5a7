import { test, expect, screenshot, settled, setUpShop, staffPage, hire } from './fixtures'

test('bad input is refused with a message under the field, never silently changed', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'wangqiang', '王强', 'warehouse_clerk')
  const page = await staffPage(browser, host, clerk.username, clerk.password)
  await page.getByTestId('nav-parts').click()
  await page.getByTestId('new-part').click()
  const dialog = page.getByTestId('part-dialog')
  await dialog.locator('input[name=partNumber]').fill('SCREW-M1')
  // A pasted name longer than the 120 characters allowed is kept whole and marked, not cut.
  const longName = '十字螺丝'.repeat(31)
  await dialog.locator('input[name=name]').fill(longName)
  await expect(dialog.locator('input[name=name]')).toHaveValue(longName)
  await expect(dialog.getByText('不能超过 120 个字符')).toBeVisible()
  await dialog.locator('input[name=name]').fill('十字螺丝 M1.4')

  // A negative price stays negative and the server says why it cannot be saved.
  await dialog.locator('input[name=sellingPrice]').fill('-5')
  await dialog.getByTestId('part-save').click()
  await expect(dialog.getByText('不能小于 0')).toBeVisible()
  await expect(dialog.locator('input[name=sellingPrice]')).toHaveValue('-5.00')

  // ¥0 is a part given away: the save asks for the free-of-charge box to be ticked.
  await dialog.locator('input[name=sellingPrice]').fill('0')
  await dialog.getByTestId('part-save').click()
  await expect(dialog.getByText('售价为 0 元：如确实免费提供，请勾选“免费提供”')).toBeVisible()
  await settled(page)
  await screenshot(page, 'parts-zero-price-refused')
  await dialog.getByTestId('part-free-of-charge').click()
  await dialog.getByTestId('part-save').click()
  await expect(page).toHaveURL(/#\/parts\/[0-9a-f-]{36}$/)
})
