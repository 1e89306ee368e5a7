import { test, expect, setUpShop, staffPage, hire, screenshot } from './fixtures'

// A scanner or a quick hand types the moment a dialog is asked to open, before its opening
// animation ends (0.3 s): the keys go to its first field, not to the page behind it.
test('what is typed at once into a dialog that is opening lands in its first field', async ({ browser, host }) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-customers').click()
  await expect(page.getByTestId('customers-table')).toBeVisible()
  await page.getByTestId('new-customer').click()
  await page.keyboard.type('王小明', { delay: 5 })
  const dialog = page.getByTestId('customer-dialog')
  await expect(dialog.locator('input[name=name]')).toHaveValue('王小明')
  await expect(dialog.locator('input[name=name]')).toBeFocused()
  await expect(page.getByTestId('customer-search')).toHaveValue('')
  await screenshot(page, 'dialog-typed-at-once')
})
