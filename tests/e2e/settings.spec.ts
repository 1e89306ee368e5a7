import { test, expect, screenshot, settled, setUpShop, signIn, pageSessionToken, ADMIN } from './fixtures'

test('the admin edits the shop profile with a logo, and the change is in the audit log', async ({ page, host }) => {
  const token = await setUpShop(host)
  // A work order opened through the API: the log names it by its number.
  const opened = await host.rpc<{ workOrder: { number: string } }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '陈伟', mobile: '13900002001' } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60', serial: 'AUDITSN0001' } },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '屏幕不亮',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false }
    },
    token
  )
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-settings').click()
  await expect(page.locator('input[name=shop-name]')).toHaveValue('鑫诚手机维修中心')
  // The time zone reads in words, its code after it.
  await expect(page.locator('.el-form-item', { has: page.locator('input[name=shop-time-zone]') })).toContainText(
    '中国标准时间（Asia/Shanghai）'
  )

  await page.locator('input[name=shop-name]').fill('鑫诚家电手机维修服务中心（天河店）')
  await page.locator('input[name=shop-tax-number]').fill('91440106MA5D8XK27Q')
  await page.getByTestId('logo-file').setInputFiles('resources/icon.png')
  await expect(page.locator('.logo-preview img')).toBeVisible()
  await page.locator('input[name=idle-lock-minutes]').fill('5')
  await page.locator('input[name=shop-tax-number]').press('Enter')
  await expect(page.getByText('已保存')).toBeVisible()
  await expect(page.locator('.brand-name')).toHaveText('鑫诚家电手机维修服务中心（天河店）')
  await expect(page.locator('.brand-logo')).toBeVisible()
  await screenshot(page, 'settings-saved')

  await page.getByTestId('nav-audit').click()
  const row = page
    .getByTestId('audit-table')
    .getByRole('row', { name: /修改门店设置/ })
    .first()
  await row.locator('.el-table__expand-icon').click()
  await expect(page.getByTestId('audit-table')).toContainText('"idleLockMinutes": 5')
  await expect(page.getByTestId('audit-table')).toContainText(`工单 · ${opened.workOrder.number}`)
  await screenshot(page, 'audit-settings-change')
})

test('leaving the settings with changes not saved asks first; staying keeps them to save', async ({ page, host }) => {
  const token = await setUpShop(host)
  const stored = await host.rpc<{ profile: { phone: string }; approvalThresholdFen: number }>('settings.get', {}, token)
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-settings').click()
  const phone = page.locator('input[name=shop-phone]')
  await expect(phone).toHaveValue(stored.profile.phone)
  // Looking is not editing: with nothing changed the menu leaves at once.
  await page.getByTestId('nav-home').click()
  await expect(page.getByTestId('welcome')).toBeVisible()

  await page.getByTestId('nav-settings').click()
  await phone.fill('020-87654321')
  await page.locator('input[name=approval-threshold]').fill('800')
  await page.getByTestId('nav-home').click()
  const box = page.locator('.el-message-box').filter({ hasText: '关闭后，这里已填写的内容不会保存。确定关闭？' })
  await expect(box).toBeVisible()
  await settled(page)
  await screenshot(page, 'settings-leave')
  await box.getByRole('button', { name: '继续填写' }).click()
  await expect(box).toBeHidden()
  await expect(phone).toHaveValue('020-87654321')
  await expect(page.getByTestId('nav-settings')).toHaveClass(/is-active/)

  // Told again, the person lets the edits go: nothing was saved.
  await page.getByTestId('nav-home').click()
  await box.getByRole('button', { name: '关闭，不保存' }).click()
  await expect(page.getByTestId('welcome')).toBeVisible()
  const after = await host.rpc<typeof stored>('settings.get', {}, token)
  expect(after.profile.phone).toBe(stored.profile.phone)
  expect(after.approvalThresholdFen).toBe(stored.approvalThresholdFen)
  await page.getByTestId('nav-settings').click()
  await expect(phone).toHaveValue(stored.profile.phone)

  // Saved, the page leaves without asking.
  await phone.fill('020-87654321')
  await phone.press('Enter')
  await expect(page.getByText('已保存')).toBeVisible()
  await page.getByTestId('nav-home').click()
  await expect(page.getByTestId('welcome')).toBeVisible()
})

test('an idle screen locks itself and unlocks with the password', async ({ page, host }) => {
  await setUpShop(host)
  await page.clock.install()
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await expect(page.getByTestId('welcome')).toBeVisible()

  // The shop's default idle limit is 10 minutes.
  await page.clock.fastForward('10:30')
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await expect(page.locator('input[name=unlock-password]')).toBeFocused()
  // What was on screen is hidden and out of reach while locked.
  await expect(page.locator('.shell')).toHaveAttribute('inert', '')
  await screenshot(page, 'idle-locked')

  // While locked, the main process refuses ordinary calls for this session.
  const token = await pageSessionToken(page)
  const response = await page.request.post(`${host.url}rpc/settings.get`, {
    data: {},
    headers: { Authorization: `Bearer ${token}` }
  })
  expect((await response.json()).error.code).toBe('SESSION_LOCKED')

  await page.locator('input[name=unlock-password]').fill('wrong-password')
  await page.locator('input[name=unlock-password]').press('Enter')
  await expect(page.getByTestId('lock-screen')).toContainText('用户名或密码错误')
  await page.locator('input[name=unlock-password]').fill(ADMIN.password)
  await page.locator('input[name=unlock-password]').press('Enter')
  await expect(page.getByTestId('lock-screen')).toBeHidden()
  await expect(page.getByTestId('welcome')).toBeVisible()
  // The app underneath is usable again.
  await page.getByTestId('nav-users').click()
  await expect(page.getByRole('heading', { name: '用户管理' })).toBeVisible()
})

test('guessing at the lock screen is throttled like a sign-in, with the minutes to wait', async ({ page, host }) => {
  await setUpShop(host)
  await page.clock.install()
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await expect(page.getByTestId('welcome')).toBeVisible()
  await page.clock.fastForward('10:30')
  await expect(page.getByTestId('lock-screen')).toBeVisible()

  const password = page.locator('input[name=unlock-password]')
  for (let i = 0; i < 5; i++) {
    await password.fill(`guess-${i}`)
    await password.press('Enter')
    // A failed try clears what was typed.
    await expect(password).toHaveValue('')
    await expect(page.getByTestId('unlock-error')).toContainText('用户名或密码错误')
  }
  // Past this computer's free tries even the right password waits, and the screen says how long.
  await password.fill(ADMIN.password)
  await password.press('Enter')
  await expect(page.getByTestId('unlock-error')).toContainText('这台电脑输错密码次数过多，请 1 分钟后再试')
  await expect(page.getByTestId('lock-screen')).toBeVisible()
  await screenshot(page, 'unlock-throttled')
})
