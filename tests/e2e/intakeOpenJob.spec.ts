import { test, expect, screenshot, settled, setUpShop, staffPage, hire, takeIn } from './fixtures'

test('a device still in the shop is shown with its open job at check-in, and booking it again is refused', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const { workOrder } = await takeIn(host, adminToken, {
    customer: { name: '钱七', mobile: '13912348000' },
    device: { brand: '华为', model: 'Mate 60', serial: 'SN-IN-SHOP-1' },
    serviceType: 'warranty_repair',
    reportedFault: '不开机'
  })
  for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'])
    await host.rpc('workOrders.transition', { id: workOrder.id, to }, adminToken)

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.getByTestId('nav-intake').click()
  const serial = page.locator('input[name=serial]')
  await serial.fill('SN-IN-SHOP-1')
  await serial.press('Enter')
  // Told before anything else is typed: which job, where it stands, and the way to it.
  const notice = page.getByTestId('device-open-job')
  await expect(notice).toContainText(`工单 ${workOrder.number}（待取机）尚未结束`)
  await expect(page.getByTestId('free-comeback')).toHaveCount(0)
  await settled(page)
  await screenshot(page, 'intake-device-on-open-job')

  // Saving anyway is refused by the shop, naming the job; no second job is opened.
  await page.locator('input[name=reported-fault]').fill('又不开机')
  await page.keyboard.press('Control+Enter')
  await expect(page.locator('.el-message--error')).toContainText(`工单 ${workOrder.number} 尚未结束`)
  await expect(page.getByTestId('intake-created')).toHaveCount(0)
  await screenshot(page, 'intake-device-on-open-job-refused')

  await notice.getByTestId('device-open-job-link').click()
  await expect(page).toHaveURL(new RegExp(`/work-orders/${workOrder.id}$`))
  const list = await host.rpc<{ total: number }>('workOrders.list', {}, adminToken)
  expect(list.total).toBe(1)
})
