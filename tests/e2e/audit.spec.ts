import {
  test,
  expect,
  ADMIN,
  hire,
  screenshot,
  setUpShop,
  settled,
  signIn,
  takeIn,
  tallScreenshot,
  type ShopHost
} from './fixtures'

/**
 * A shop with a walk-in job per customer (name, mobile, serial) and a technician, 王工, who was
 * assigned the first job and started diagnosing it.
 */
async function jobsOneDiagnosed(host: ShopHost, customers: [string, string, string][]) {
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
  const jobs = []
  for (const [name, mobile, serial] of customers) {
    const walkIn = {
      customer: { name, mobile },
      device: { brand: '华为', model: 'Mate 60', serial },
      serviceType: 'paid_repair' as const,
      reportedFault: '不开机'
    }
    jobs.push(await takeIn(host, adminToken, walkIn))
  }
  const [asked, other] = [jobs[0]!, jobs[1]!]
  await host.rpc('workOrders.assign', { id: asked.workOrder.id, technicianId }, adminToken)
  await host.rpc('workOrders.transition', { id: asked.workOrder.id, to: 'diagnosing' }, technicianToken)
  return { adminToken, technicianId, asked, other }
}

test('a manager asked who changed a job types its number on the audit log and sees that job’s rows, newest first', async ({
  page,
  host
}) => {
  const { adminToken, technicianId, asked, other } = await jobsOneDiagnosed(host, [
    ['王芳', '13812345678', 'SN-AUDIT-1'],
    ['李强', '13900001111', 'SN-AUDIT-2']
  ])
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

test('a work order links to its rows of the audit log, and the log narrows to one operator', async ({ page, host }) => {
  const { asked, other } = await jobsOneDiagnosed(host, [
    ['周敏', '13712345678', 'SN-AUDIT-3'],
    ['吴刚', '13600002222', 'SN-AUDIT-4']
  ])

  await signIn(page, host, ADMIN.username, ADMIN.password)
  // Signed in (the menu shows) before the job's page is opened by its address.
  await expect(page.getByTestId('nav-audit')).toBeVisible()
  await page.goto(`${host.url}#/work-orders/${asked.workOrder.id}`)
  await expect(page.getByTestId('work-order-audit-log')).toBeVisible()
  await settled(page)
  await screenshot(page, 'work-order-audit-link')
  await page.getByTestId('work-order-audit-log').click()
  // The job's rows only, its number in the search box, ready to change.
  await expect(page.getByTestId('audit-record')).toHaveValue(asked.workOrder.number)
  const table = page.getByTestId('audit-table')
  const rows = table.locator('.el-table__body > tbody > tr')
  await expect(rows).toHaveCount(3)
  await expect(table).not.toContainText(other.workOrder.number)

  // Who did it: the technician's rows alone, on this job and, with the job cleared, anywhere.
  await page.getByTestId('audit-actor').click()
  await page.getByRole('option', { name: '王工' }).click()
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('王工')
  await expect(rows.first()).toContainText(asked.workOrder.number)
  await settled(page)
  await tallScreenshot(page, 'audit-by-job-and-operator', 800)
  await page.getByTestId('audit-record').fill('')
  await expect(table).toContainText('登录')
  for (const row of await rows.all()) await expect(row).toContainText('王工')
})
