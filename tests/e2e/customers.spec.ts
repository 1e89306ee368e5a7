import { test, expect, screenshot, setUpShop, staffPage, hire } from './fixtures'

test('the desk finds customers by pinyin initials or phone digits, and a known mobile is offered instead of a duplicate', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const zhang = await host.rpc<{ id: string; updatedAt: string }>(
    'customers.create',
    { name: '张三丰', mobile: '13800138000', company: '武当科技' },
    adminToken
  )
  await host.rpc('customers.create', { name: '李四光', mobile: '13912345678' }, adminToken)

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-customers').click()
  const search = page.getByTestId('customer-search')
  const table = page.getByTestId('customers-table')

  await search.fill('zsf')
  await expect(table).toContainText('张三丰')
  await expect(table).not.toContainText('李四光')
  await search.fill('5678')
  await expect(table).toContainText('李四光')
  await expect(table).not.toContainText('张三丰')
  await screenshot(page, 'customers-search')

  // A new customer with a mobile the shop knows: the existing record is offered, nothing is duplicated.
  await page.getByTestId('new-customer').click()
  const dialog = page.getByTestId('customer-dialog')
  await dialog.locator('input[name=name]').fill('张三')
  await dialog.locator('input[name=mobile]').fill('138 0013 8000')
  await dialog.getByTestId('customer-save').click()
  await expect(dialog.getByTestId('duplicate-customer')).toContainText('张三丰')
  await screenshot(page, 'customers-duplicate-offered')
  await dialog.getByTestId('open-existing-customer').click()
  await expect(page.getByRole('heading', { name: '张三丰' })).toBeVisible()
  await expect(page.getByTestId('customer-card')).toContainText('13800138000')
  await screenshot(page, 'customers-file')

  const list = await host.rpc<{ total: number }>('customers.search', { query: '13800138000' }, adminToken)
  expect(list.total).toBe(1)

  // Two desks at one record: this desk's form was filled before another desk saved a change.
  await page.getByTestId('edit-customer').click()
  await dialog.locator('input[name=address]').fill('湖北省十堰市武当山')
  await host.rpc(
    'customers.update',
    { id: zhang.id, expectedUpdatedAt: zhang.updatedAt, name: '张三丰', mobile: '13800138000', company: '武当山科技' },
    adminToken
  )
  await dialog.getByTestId('customer-save').click()
  await expect(dialog.getByTestId('changed-elsewhere')).toContainText('另一台电脑刚保存过这条记录')
  // Nothing of the other desk's change is undone: the file shows it, and the typing is still in the form.
  await expect(page.getByTestId('customer-card')).toContainText('武当山科技')
  await expect(dialog.locator('input[name=address]')).toHaveValue('湖北省十堰市武当山')
  await screenshot(page, 'customers-changed-elsewhere')
  // Saving the form as it stands is refused again; the latest fills it, and the change is made on it.
  await dialog.getByTestId('customer-save').click()
  await expect(dialog.getByTestId('changed-elsewhere')).toBeVisible()
  await dialog.getByTestId('load-latest').click()
  await expect(dialog.getByTestId('changed-elsewhere')).toHaveCount(0)
  await expect(dialog.locator('input[name=company]')).toHaveValue('武当山科技')
  await dialog.locator('input[name=address]').fill('湖北省十堰市武当山')
  await dialog.getByTestId('customer-save').click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('customer-card')).toContainText('湖北省十堰市武当山')
  await expect(page.getByTestId('customer-card')).toContainText('武当山科技')
})
