import { test, expect, hire, screenshot, settled, setUpShop, staffPage, takeIn } from './fixtures'
import { uniqueMobile, uniqueSerial } from './counterJobs'

test('a cancelled job’s notes read as they stood at the close; the desk adds a later call as a note after the close', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const { workOrder } = await takeIn(host, adminToken, {
    serviceType: 'paid_repair',
    customer: { name: '周敏', mobile: uniqueMobile() },
    device: { brand: '华为', model: 'P60', serial: uniqueSerial() },
    reportedFault: '充电口接触不良'
  })
  const id = workOrder.id
  await hire(host, adminToken, 'zhangwei', '张伟', 'technician')
  const users = await host.rpc<{ rows: { id: string; username: string }[] }>(
    'users.list',
    { search: 'zhangwei' },
    adminToken
  )
  const techId = users.rows.find((user) => user.username === 'zhangwei')!.id
  await host.rpc('workOrders.assign', { id, technicianId: techId }, adminToken)
  await host.rpc('workOrders.transition', { id, to: 'diagnosing' }, adminToken)
  await host.rpc(
    'workOrders.diagnose',
    { id, faultLocationCode: 'L01', faultCauseCode: 'C01', diagnosis: '尾插针脚氧化，充电时断时续' },
    adminToken
  )
  // A part still asked for when the job is cancelled is withdrawn with it.
  const part = await host.rpc<{ id: string }>(
    'parts.create',
    { partNumber: 'USB-P60', name: 'P60 尾插排线', barcodes: [], sellingPriceFen: 6_000, costPriceFen: 2_500 },
    adminToken
  )
  await host.rpc('workOrderParts.request', { workOrderId: id, partId: part.id, quantity: 1, note: '' }, adminToken)
  await host.rpc('workOrders.updateNotes', { id, internalNote: '尾插氧化', customerNote: '建议更换尾插' }, adminToken)
  await host.rpc('workOrders.transition', { id, to: 'cancelled', reason: '客户觉得太贵' }, adminToken)

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${host.url}#/work-orders/${id}`)
  // The bench's findings read as text, not as greyed-out boxes.
  const diagnosis = page.getByTestId('diagnosis-panel')
  await expect(diagnosis.getByTestId('read-fault-location')).toHaveText('L01 主板')
  await expect(diagnosis.getByTestId('read-fault-cause')).toHaveText('C01 元器件自然老化 / 失效')
  await expect(diagnosis.getByTestId('read-diagnosis')).toHaveText('尾插针脚氧化，充电时断时续')
  await expect(diagnosis.locator('textarea, input')).toHaveCount(0)
  await diagnosis.scrollIntoViewIfNeeded()
  await settled(page)
  await screenshot(page, 'work-order-closed-diagnosis')
  // The withdrawn request says so under its status, with the job's closing reason and who closed it.
  await expect(page.getByTestId('part-requests').getByTestId('request-cancellation')).toHaveText(
    /工单已取消，随之撤回\s*客户觉得太贵\s*赵建国/
  )
  await page.getByTestId('work-order-parts').scrollIntoViewIfNeeded()
  await settled(page)
  await screenshot(page, 'work-order-closed-parts-withdrawn')
  const notes = page.getByTestId('closed-notes')
  await expect(notes.getByTestId('notes-kept-at-close')).toContainText('工单已取消，备注保持结单时的内容')
  await expect(notes.getByTestId('closed-internal-note')).toHaveText('尾插氧化')
  await expect(notes.getByTestId('closed-customer-note')).toHaveText('建议更换尾插')
  // No box offers to rewrite them.
  await expect(page.locator('textarea[name=internal-note]')).toHaveCount(0)
  await expect(page.locator('textarea[name=customer-note]')).toHaveCount(0)

  const call = '客户来电：考虑后愿意修，下周带来'
  await expect(notes.getByTestId('add-note-after-close')).toBeDisabled()
  await notes.locator('textarea[name=note-after-close]').fill(call)
  await notes.getByTestId('add-note-after-close').click()
  const added = notes.getByTestId('note-after-close')
  await expect(added).toHaveCount(1)
  await expect(added).toContainText('结单后添加')
  await expect(added).toContainText('李婷')
  await expect(added).toContainText(call)
  await expect(notes.locator('textarea[name=note-after-close]')).toHaveValue('')
  // The closed notes themselves are unchanged, and the timeline has the line.
  await expect(notes.getByTestId('closed-internal-note')).toHaveText('尾插氧化')
  await expect(page.getByText('结单后补充备注').first()).toBeVisible()
  await notes.scrollIntoViewIfNeeded()
  await settled(page)
  await screenshot(page, 'work-order-closed-notes')

  const order = await host.rpc<{ internalNote: string; events: { kind: string; note: string }[] }>(
    'workOrders.get',
    { id },
    adminToken
  )
  expect(order.internalNote).toBe('尾插氧化')
  expect(order.events.filter((event) => event.kind === 'note_after_close').map((event) => event.note)).toEqual([call])
})
