import { test, expect, screenshot } from './fixtures'

test('first run asks for the shop profile and the first administrator, then signs them in', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: '首次使用：建立门店' })).toBeVisible()
  // The first field has the caret, so the installer can start typing at once.
  await expect(page.locator('input[name=shop-name]')).toBeFocused()

  await page.locator('input[name=shop-name]').fill('鑫诚家电手机维修服务中心')
  await page.locator('input[name=shop-address]').fill('广州市天河区天河路 385 号 2 楼')
  await page.locator('input[name=shop-phone]').fill('020-38886688')
  await page.locator('input[name=shop-tax-number]').fill('91440106MA5D8XK27Q')
  await page.locator('input[name=admin-username]').fill('admin')
  await page.locator('input[name=admin-display-name]').fill('赵建国')
  await page.locator('input[name=admin-password]').fill('short')
  await page.locator('input[name=admin-confirm-password]').fill('short')
  await page.locator('input[name=admin-confirm-password]').press('Enter')
  // The server's rule (8 characters at least) comes back as a translated message on the field.
  await expect(page.getByText('至少 8 个字符')).toBeVisible()
  await screenshot(page, 'setup-validation')

  await page.locator('input[name=admin-password]').fill('admin-pass-2026')
  await page.locator('input[name=admin-confirm-password]').fill('admin-pass-2026')
  await page.locator('input[name=admin-confirm-password]').press('Enter')

  await expect(page.getByTestId('welcome')).toHaveText('赵建国，您好')
  await expect(page.locator('.brand-name')).toHaveText('鑫诚家电手机维修服务中心')
  await screenshot(page, 'setup-done-home')

  // First run happens once: coming back to it leads home, and the API refuses a second setup.
  await page.goto(`${host.url}#/setup`)
  await expect(page.getByTestId('welcome')).toBeVisible()
  await expect(
    host.rpc('setup.initialize', {
      shop: { name: 'x', address: '', phone: '', taxNumber: '', logo: null, timeZone: 'Asia/Shanghai' },
      admin: { username: 'other', displayName: 'x', password: 'another-pass-1' }
    })
  ).rejects.toThrow(/ALREADY_INITIALIZED/)
})
