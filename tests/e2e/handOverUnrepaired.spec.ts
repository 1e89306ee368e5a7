import { test, expect, screenshot, setUpShop, staffPage, hire, settled } from './fixtures'

test('a cancelled job’s device leaves through the hand-over: claim code checked, recorded on the timeline', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'desk', '王前台', 'front_desk')
  const { workOrder, claimCode } = await host.rpc<{ workOrder: { id: string }; claimCode: string }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '李秋水', mobile: '13912345678' } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial: 'SNHO000001' } },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '屏幕闪烁',
      symptomCode: 'S01',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false, value: '' }
    },
    adminToken
  )

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.goto(`${host.url}#/work-orders/${workOrder.id}`)
  // The customer changes their mind at the counter: the job is cancelled with a reason.
  await page.getByTestId('move-cancelled').click()
  const reason = page.getByTestId('reason-dialog')
  await reason.locator('[name=reason]').fill('客户不修了')
  await reason.locator('[name=reason]').press('Enter')
  await expect(page.getByTestId('status-tag').first()).toHaveText('已取消')
  // Closed, but the device is still here: the hand-over is offered.
  await expect(page.getByTestId('awaits-hand-over')).toBeVisible()
  await settled(page)
  await screenshot(page, 'hand-over-cancelled-waiting')

  await page.getByTestId('pickup').click()
  const pickup = page.getByTestId('pickup-dialog')
  await pickup.locator('input[name=claim-code]').fill(claimCode === '000000' ? '111111' : '000000')
  await pickup.getByTestId('pickup-confirm').click()
  await pickup.getByTestId('pickup-submit').click()
  await expect(page.getByText('取机码不正确')).toBeVisible()
  await pickup.locator('input[name=claim-code]').fill(claimCode)
  await pickup.getByTestId('pickup-submit').click()
  await expect(pickup).toBeHidden()
  await expect(page.getByTestId('status-tag').first()).toHaveText('已取消')
  await expect(page.getByTestId('awaits-hand-over')).toHaveCount(0)
  await expect(page.getByTestId('pickup')).toHaveCount(0)
  await expect(page.getByTestId('timeline')).toContainText('设备已交还客户（未修复）')
  await expect(page.getByTestId('timeline')).toContainText('取机码')
  await settled(page)
  await screenshot(page, 'hand-over-cancelled-done')
})
