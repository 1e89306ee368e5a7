import { test, expect, screenshot, setUpShop, submitSignIn, ADMIN } from './fixtures'

test('a wrong password is refused with a clear message, the right one signs in', async ({ page, host }) => {
  await setUpShop(host)
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: '员工登录' })).toBeVisible()
  await expect(page.getByText('鑫诚手机维修中心')).toBeVisible()
  await expect(page.locator('input[name=username]')).toBeFocused()

  await submitSignIn(page, host, ADMIN.username, 'not-the-password')
  await expect(page.getByTestId('sign-in-error')).toContainText('用户名或密码错误')
  // The password field is cleared for the next try; the user name is kept.
  await expect(page.locator('input[name=password]')).toHaveValue('')
  await expect(page.locator('input[name=username]')).toHaveValue(ADMIN.username)
  await screenshot(page, 'sign-in-wrong-password')

  await page.locator('input[name=password]').fill(ADMIN.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByTestId('welcome')).toHaveText(`${ADMIN.displayName}，您好`)
  await screenshot(page, 'sign-in-home')

  // Signing out returns to the sign-in page, and the old session no longer works after a reload.
  await page.getByTestId('account-menu').click()
  await page.getByTestId('sign-out').click()
  await expect(page.getByRole('heading', { name: '员工登录' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: '员工登录' })).toBeVisible()
})

test('five wrong passwords make this computer wait, with when to retry, and lock no account', async ({
  page,
  host
}) => {
  await setUpShop(host)
  for (let attempt = 0; attempt < 5; attempt++) {
    await submitSignIn(page, host, ADMIN.username, `wrong-${attempt}`)
    await expect(page.getByTestId('sign-in-error')).toContainText('用户名或密码错误')
  }
  // Throttled before any password is checked, even the right one: the message says how long to wait.
  await submitSignIn(page, host, ADMIN.username, ADMIN.password)
  await expect(page.getByTestId('sign-in-error')).toContainText('请 1 分钟后再试')
  await expect(page.getByTestId('sign-in-error')).toContainText('账号本身未被锁定')
  await screenshot(page, 'sign-in-throttled')
})
