import { test, expect, setUpShop, staffPage, hire, settled } from './fixtures'
import { readmeShot } from './readmeShots'

type Marked = { liveScreensMarker?: string }

test("two desks: the warehouse's queue shows a part request made at the bench within 1 s, without a reload", async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const tech = await hire(host, adminToken, 'zhangwei', '张伟', 'technician')
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  const part = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'BAT-M60P',
      name: 'Mate 60 Pro 电池',
      binLocation: 'A-01-03',
      barcodes: ['6901234567892'],
      sellingPriceFen: 18_000,
      costPriceFen: 9_000
    },
    adminToken
  )
  await host.rpc(
    'parts.receive',
    { reference: 'RK-1', lines: [{ partId: part.id, quantity: 3, unitCostFen: 9_000 }] },
    adminToken
  )
  const created = await host.rpc<{ workOrder: { id: string; number: string } }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '陈伟', mobile: '13912345678' } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial: 'SN60P00001' } },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '电池续航短',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false }
    },
    adminToken
  )
  const users = await host.rpc<{ rows: { id: string; username: string }[] }>(
    'users.list',
    { search: 'zhangwei' },
    adminToken
  )
  await host.rpc(
    'workOrders.assign',
    { id: created.workOrder.id, technicianId: users.rows.find((user) => user.username === 'zhangwei')!.id },
    adminToken
  )

  // The warehouse desk opens its queue: nothing is waiting yet. A marker on the page tells a reload apart.
  const warehouse = await staffPage(browser, host, clerk.username, clerk.password)
  await warehouse.getByTestId('nav-parts-issue').click()
  const queue = warehouse.getByTestId('issue-queue')
  await expect(queue).not.toContainText('BAT-M60P')
  await warehouse.evaluate(() => ((globalThis as Marked).liveScreensMarker = 'same page'))

  // The bench desk, in its own browser context, asks for the battery.
  const bench = await staffPage(browser, host, tech.username, tech.password)
  await bench.goto(`${host.url}#/work-orders/${created.workOrder.id}`)
  const panel = bench.getByTestId('work-order-parts')
  await panel.getByTestId('part-request-select').click()
  await bench.keyboard.type('BAT')
  await bench.getByRole('option', { name: /BAT-M60P/ }).click()
  await panel.getByTestId('request-part').click()
  await expect(panel.getByTestId('part-requests')).toContainText('BAT-M60P')

  await expect(queue).toContainText('BAT-M60P', { timeout: 1_000 })
  await expect(queue).toContainText(created.workOrder.number)
  expect(await warehouse.evaluate(() => (globalThis as Marked).liveScreensMarker)).toBe('same page')
  await settled(warehouse)
  await readmeShot(warehouse, 'live-issue-queue')

  // The other way: the bench's open job follows the warehouse's issue and another desk's status
  // change without a reload, and a note being typed there stays as typed.
  await bench.evaluate(() => ((globalThis as Marked).liveScreensMarker = 'same page'))
  await bench.locator('textarea[name=internal-note]').fill('客户说电池鼓包')
  await host.rpc(
    'workOrderParts.issue',
    { workOrderId: created.workOrder.id, partId: part.id, quantity: 1 },
    adminToken
  )
  await expect(panel.getByTestId('request-status')).toHaveText('已发料', { timeout: 1_000 })
  await host.rpc('workOrders.transition', { id: created.workOrder.id, to: 'diagnosing' }, adminToken)
  await expect(bench.getByTestId('work-order').locator('.head')).toContainText('检测中', { timeout: 1_000 })
  await expect(bench.locator('textarea[name=internal-note]')).toHaveValue('客户说电池鼓包')
  expect(await bench.evaluate(() => (globalThis as Marked).liveScreensMarker)).toBe('same page')
})
