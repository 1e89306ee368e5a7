import { test, expect, ADMIN, hire, setUpShop, settled, signIn, takeIn, tallScreenshot } from './fixtures'

test('a manager asked who changed a job types its number on the audit log and sees that job’s rows, newest first', async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  const technician = await hire(host, adminToken, 'wanggong', '王工', 'technician')
  const technicianToken = (
    await host.rpc<{ token: string }>('auth.signIn', {
      username: technician.username,
      password: technician.password
    })
  ).token
  const staff = await host.rpc<{ rows: { id: string; username: string }[] }>('users.list', {}, adminToken)
  const technicianId = staff.rows.find((user) => user.username === technician.username)!.id
  const walkIn = (name: string, mobile: string, serial: string) => ({
    customer: { name, mobile },
    device: { brand: '华为', model: 'Mate 60', serial },
    serviceType: 'paid_repair' as const,
    reportedFault: '不开机'
  })
  const asked = await takeIn(host, adminToken, walkIn('王芳', '13812345678', 'SN-AUDIT-1'))
  const other = await takeIn(host, adminToken, walkIn('李强', '13900001111', 'SN-AUDIT-2'))
  await host.rpc('workOrders.assign', { id: asked.workOrder.id, technicianId }, adminToken)
  await host.rpc('workOrders.transition', { id: asked.workOrder.id, to: 'diagnosing' }, technicianToken)
  await host.rpc('workOrders.assign', { id: other.workOrder.id, technicianId }, adminToken)

  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-audit').click()
  const table = page.getByTestId('audit-table')
  await expect(table).toContainText(other.workOrder.number)

  // The number typed (in lower case, as a hurried hand does): only that job's rows, newest first.
  const record = page.getByTestId('audit-record')
  await expect(record).toBeFocused()
  await record.fill(asked.workOrder.number.toLowerCase())
  await expect(table).not.toContainText(other.workOrder.number)
  const rows = table.locator('.el-table__body > tbody > tr')
  await expect(rows).toHaveCount(3)
  await expect(rows.nth(0)).toContainText('王工')
  await expect(rows.nth(0)).toContainText(asked.workOrder.number)
  for (let index = 0; index < 3; index++) await expect(rows.nth(index)).toContainText(asked.workOrder.number)
  await expect(page.locator('.el-pagination')).toContainText('共 3 条')
  await settled(page)
  await tallScreenshot(page, 'audit-by-job', 800)

  // A customer's phone tail finds their record's rows; a number no record has finds none.
  await record.fill('1111')
  await expect(rows.first()).toContainText('李强')
  await expect(table).not.toContainText('王芳')
  await record.fill('WO-000000-0000')
  await expect(rows).toHaveCount(0)
  // Cleared: the whole log again.
  await record.fill('')
  await expect(table).toContainText(other.workOrder.number)
})
