import {
  switchLanguage,
  test,
  expect,
  screenshot,
  settled,
  setUpShop,
  signIn,
  submitSignIn,
  pageSessionToken,
  hire,
  ADMIN
} from './fixtures'

test('the admin creates a technician, who signs in and cannot reach user management', async ({ page, host }) => {
  await setUpShop(host)
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-users').click()
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible()

  await page.getByTestId('new-user').click()
  const dialog = page.getByTestId('user-dialog')
  await expect(dialog.locator('input[name=username]')).toBeFocused()
  await dialog.locator('input[name=username]').fill('zhangwei')
  await dialog.locator('input[name=display-name]').fill('张伟')
  await dialog.locator('input[name=phone]').fill('13660412298')
  await dialog.getByTestId('role-technician').click()
  await dialog.locator('input[name=password]').fill('tech-pass-2026')
  await screenshot(page, 'users-create-dialog')
  await dialog.locator('input[name=password]').press('Enter')

  const row = page.getByTestId('users-table').getByRole('row', { name: /张伟/ })
  await expect(row).toContainText('维修技师')
  await expect(row).toContainText('正常')
  await expect(dialog).toBeHidden()
  await screenshot(page, 'users-list')

  // A second user with the same name (in any case) is refused on the field.
  await page.getByTestId('new-user').click()
  await dialog.locator('input[name=username]').fill('ZhangWei')
  await dialog.locator('input[name=display-name]').fill('另一个张伟')
  await dialog.locator('input[name=password]').fill('tech-pass-2026')
  await dialog.getByTestId('user-save').click()
  await expect(dialog.getByText('该用户名已被使用')).toBeVisible()
  // Esc in a dialog with typing in it asks first; keeping it keeps every field as typed.
  await dialog.press('Escape')
  const ask = page.locator('.el-message-box')
  await expect(ask).toContainText('已填写的内容不会保存')
  await ask.getByRole('button', { name: '继续填写' }).click()
  await expect(ask).toBeHidden()
  await expect(dialog.locator('input[name=display-name]')).toHaveValue('另一个张伟')
  await dialog.press('Escape')
  await ask.getByRole('button', { name: '关闭，不保存' }).click()
  await expect(dialog).toBeHidden()

  await page.getByTestId('account-menu').click()
  await page.getByTestId('sign-out').click()
  await signIn(page, host, 'zhangwei', 'tech-pass-2026')
  await expect(page.getByTestId('welcome')).toHaveText('张伟，您好')
  await expect(page.getByText('当前角色：维修技师')).toBeVisible()
  // No menu entry, and typing the address sends the technician home with a notice.
  await expect(page.getByTestId('nav-users')).toHaveCount(0)
  await expect(page.getByTestId('nav-audit')).toHaveCount(0)
  await page.goto(`${host.url}#/users`)
  await expect(page.getByText('您的角色无权访问该页面')).toBeVisible()
  await expect(page.getByTestId('welcome')).toBeVisible()
  await screenshot(page, 'technician-home')

  // The main process refuses the call itself, whatever the screen shows.
  const token = await pageSessionToken(page)
  const response = await page.request.post(`${host.url}rpc/users.list`, {
    data: {},
    headers: { Authorization: `Bearer ${token}` }
  })
  expect(response.status()).toBe(403)
  expect((await response.json()).error.code).toBe('FORBIDDEN')
})

test('disabling a user signs them out at once', async ({ page, host, browser }) => {
  const adminToken = await setUpShop(host)
  await host.rpc(
    'users.create',
    { username: 'liting', displayName: '李婷', phone: '', role: 'front_desk', password: 'desk-pass-2026' },
    adminToken
  )

  const deskPage = await browser.newPage()
  await signIn(deskPage, host, 'liting', 'desk-pass-2026')
  await expect(deskPage.getByTestId('welcome')).toBeVisible()

  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-users').click()
  const row = page.getByTestId('users-table').getByRole('row', { name: /李婷/ })
  await row.getByRole('button', { name: '停用' }).click()
  await page.getByRole('dialog').getByRole('button', { name: '停用' }).click()
  await expect(row).toContainText('已停用')
  await screenshot(page, 'users-disabled')

  // The front desk's next action finds the session gone.
  await deskPage.reload()
  await expect(deskPage.getByRole('heading', { name: '员工登录' })).toBeVisible()
  await submitSignIn(deskPage, host, 'liting', 'desk-pass-2026')
  await expect(deskPage.getByTestId('sign-in-error')).toContainText('该账号已停用')
  await deskPage.close()
})

test('in English at 1366×768 each user’s actions stand on one line', async ({ page, host }) => {
  const adminToken = await setUpShop(host)
  await hire(host, adminToken, 'zhangwei', '张伟', 'technician')
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, ADMIN.username, ADMIN.password)
  // The sign-in page has a language switch too: wait for the signed-in shell, or the pick lands on a page going away.
  await expect(page.getByTestId('nav-users')).toBeVisible()
  await switchLanguage(page, 'English')
  await page.getByTestId('nav-users').click()
  const row = page.getByTestId('users-table').getByRole('row', { name: /张伟/ })
  await expect(row.getByRole('button', { name: 'Disable' }).first()).toBeVisible()
  await settled(page)
  await screenshot(page, 'users-list-english-1366')
  const top = async (name: string) => (await row.getByRole('button', { name }).first().boundingBox())!.y
  expect(await top('Disable')).toBe(await top('Edit'))
})
