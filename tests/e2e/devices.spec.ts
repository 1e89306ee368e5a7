import { test, expect, screenshot, setUpShop, staffPage, hire, settled } from './fixtures'

test("the desk registers and edits a customer's devices, and a known serial is named instead of duplicated", async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const customer = await host.rpc<{ id: string }>(
    'customers.create',
    { name: '王芳', mobile: '13800138000' },
    adminToken
  )
  // Another customer's phone came in for repair, so its serial is on file with a history.
  await host.rpc(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '陈伟', mobile: '13912345678' } },
      device: { kind: 'new', fields: { brand: 'Apple', model: 'iPhone 13', serial: 'F2LXK0QJ1234' } },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '屏幕碎裂',
      condition: { scratches: false, cracks: true, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false }
    },
    adminToken
  )

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.goto(`${host.url}#/customers/${customer.id}`)
  await expect(page.getByRole('heading', { name: '王芳' })).toBeVisible()
  const devices = page.getByTestId('customer-devices')
  const dialog = page.getByTestId('device-dialog')

  // Esc leaves the dialog without saving anything.
  await page.getByTestId('add-device').click()
  await expect(dialog.locator('input[name=brand]')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  // Add: the serial is stored in capitals, Enter saves.
  await page.getByTestId('add-device').click()
  await expect(dialog.locator('input[name=brand]')).toBeFocused()
  await dialog.locator('input[name=brand]').fill('华为')
  await dialog.locator('input[name=model]').fill('Mate 60 Pro')
  await dialog.locator('input[name=serial]').fill('hw-m60-0001')
  await dialog.locator('input[name=colour]').fill('雅川青')
  await dialog.locator('input[name=purchaseDate]').fill('2025-03-15')
  await dialog.locator('input[name=colour]').press('Enter')
  await expect(dialog).toBeHidden()
  await expect(devices).toContainText('HW-M60-0001')
  await expect(devices).toContainText('2025-03-15')
  await expect(devices).toContainText('雅川青')

  // Edit the colour: the device stays with this customer.
  await devices.getByTestId('edit-device').click()
  await expect(dialog.locator('input[name=serial]')).toHaveValue('HW-M60-0001')
  await dialog.locator('input[name=colour]').fill('白色')
  await dialog.getByTestId('device-save').click()
  await expect(dialog).toBeHidden()
  await expect(devices).toContainText('白色')
  await expect(devices).not.toContainText('雅川青')
  await expect(devices.locator('tbody tr')).toHaveCount(1)

  // The same serial again: the dialog names the device this customer already has, no second record.
  await page.getByTestId('add-device').click()
  await dialog.locator('input[name=brand]').fill('华为')
  await dialog.locator('input[name=model]').fill('Mate 60')
  await dialog.locator('input[name=serial]').fill('HW-M60-0001')
  await dialog.getByTestId('device-save').click()
  const warning = dialog.getByTestId('duplicate-device')
  await expect(warning).toContainText('华为 Mate 60 Pro')
  await expect(warning).toContainText('HW-M60-0001')
  await expect(dialog.locator('input[name=serial]')).toBeFocused()
  // Refused, but not with a toast: the earlier "saved" message fades and nothing takes its place.
  await expect(page.locator('.el-message')).toHaveCount(0)
  await settled(page)
  await screenshot(page, 'devices-duplicate-serial')

  // A serial registered to another customer: the warning leads to that customer and the device's history.
  await dialog.locator('input[name=serial]').fill('f2lxk0qj1234')
  await dialog.locator('input[name=serial]').press('Enter')
  await expect(warning).toContainText('Apple iPhone 13')
  await expect(warning).toContainText('F2LXK0QJ1234')
  await expect(warning.getByTestId('open-device-owner')).toBeFocused()
  await settled(page)
  await screenshot(page, 'devices-serial-elsewhere')
  await warning.getByTestId('open-device-owner').click()
  await expect(page.getByRole('heading', { name: '陈伟' })).toBeVisible()
  await expect(devices).toContainText('F2LXK0QJ1234')
  await devices.getByTestId('device-history').click()
  const history = page.getByRole('dialog', { name: '维修历史' })
  await expect(history).toContainText('屏幕碎裂')
  await settled(page)
  await screenshot(page, 'devices-history')

  const file = await host.rpc<{ devices: { colour: string; customerId: string }[] }>(
    'customers.get',
    { id: customer.id },
    adminToken
  )
  expect(file.devices).toEqual([expect.objectContaining({ colour: '白色', customerId: customer.id })])
})
