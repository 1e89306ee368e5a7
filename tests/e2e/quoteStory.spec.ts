import { test, expect, setUpShop, staffPage, hire, takeIn, settled, screenshot } from './fixtures'

test('a quote starts from the diagnosis, labour and parts asked for; the timeline tells the quote and the parts in order', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const tech = await hire(host, adminToken, 'zhangwei', '张伟', 'technician')
  const screen = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'LCD-M60P',
      name: 'Mate 60 Pro 屏幕总成',
      barcodes: ['6901234500011'],
      sellingPriceFen: 120_000,
      costPriceFen: 60_000
    },
    adminToken
  )
  await host.rpc(
    'parts.receive',
    { reference: 'RK-LCD', lines: [{ partId: screen.id, quantity: 2, unitCostFen: 60_000 }] },
    adminToken
  )
  const { workOrder } = await takeIn(host, adminToken, {
    customer: { name: '陈伟', mobile: '13900001111' },
    device: { brand: '华为', model: 'Mate 60 Pro', serial: 'SN60PQUOTE1' },
    serviceType: 'paid_repair',
    reportedFault: '屏幕摔碎'
  })
  const users = await host.rpc<{ rows: { id: string; username: string }[] }>(
    'users.list',
    { search: tech.username },
    adminToken
  )
  await host.rpc('workOrders.assign', { id: workOrder.id, technicianId: users.rows[0]!.id }, adminToken)

  const page = await staffPage(browser, host, tech.username, tech.password)
  await page.goto(`${host.url}#/work-orders/${workOrder.id}`)
  await page.getByTestId('move-diagnosing').click()
  const form = page.getByTestId('quote-form')
  await expect(form.locator('input[name=quote-labour]')).toHaveValue('0.00')

  // What the technician records on the job fills the quote as it goes.
  await page.locator('textarea[name=diagnosis]').fill('内屏摔裂，触摸失灵')
  await page.getByTestId('save-diagnosis').click()
  await expect(form.locator('input[name=quote-note]')).toHaveValue('内屏摔裂，触摸失灵')
  await page.locator('input[name=labour-description]').fill('更换屏幕总成')
  await page.locator('input[name=labour-price]').fill('150')
  await page.locator('input[name=labour-description]').press('Enter')
  await expect(form.locator('input[name=quote-labour]')).toHaveValue('150.00')
  const parts = page.getByTestId('work-order-parts')
  await parts.getByTestId('part-request-select').click()
  await page.keyboard.type('LCD')
  await page.getByRole('option', { name: /LCD-M60P/ }).click()
  await parts.getByTestId('request-part').click()
  await expect(form.locator('input[name=quote-parts]')).toHaveValue('1200.00')
  await expect(form.locator('input[name=quote-note]')).toHaveValue(
    '内屏摔裂，触摸失灵 · LCD-M60P Mate 60 Pro 屏幕总成 ×1 · 更换屏幕总成'
  )
  await expect(form).toContainText('已按检测结论、工时和配件')

  // The technician only checks it, gives a discount, and sends it.
  await form.locator('input[name=quote-discount]').fill('50')
  await expect(form).toContainText('¥1,300.00')
  await settled(page)
  await page.getByTestId('quote-panel').screenshot({ path: 'test-results/screens/repairs-quote-prefilled.png' })
  await page.getByTestId('give-quote').click()
  await expect(page.getByTestId('quote-total')).toContainText('1,300.00')
  // Confirmed like a saved diagnosis, with whose word it waits for: above the limit, the manager's.
  await expect(page.locator('.el-message--success').filter({ hasText: '报价已提交' })).toHaveText(
    '报价已提交：超过审批额度，等待店长审批'
  )
  await screenshot(page, 'repairs-quote-submitted')

  // The customer says yes by phone and the manager approves: the timeline tells it all in order.
  await expect(page.getByTestId('status-tag').first()).toHaveText('待客户确认报价')
  await host.rpc('workOrders.customerDecision', { id: workOrder.id, approved: true, channel: 'phone' }, adminToken)
  // Agreed, yet above the approval limit: the job and its board card say it is the manager's word now.
  await page.reload()
  await expect(page.getByTestId('status-tag').first()).toHaveText('待店长审批')
  await settled(page)
  await screenshot(page, 'repairs-quote-awaiting-manager')
  await page.goto(`${host.url}#/board`)
  const card = page.getByTestId('board-awaiting_approval').locator('.card', { hasText: workOrder.number })
  await expect(card.getByTestId('board-quote-wait')).toHaveText('待店长审批')
  await settled(page)
  await screenshot(page, 'repairs-board-awaiting-manager')
  await host.rpc('workOrders.managerDecision', { id: workOrder.id, approved: true }, adminToken)
  await page.reload()
  await expect(card.getByTestId('board-quote-wait')).toHaveText('报价已同意，待开工')
  await page.goto(`${host.url}#/work-orders/${workOrder.id}`)
  await expect(page.getByTestId('status-tag').first()).toHaveText('报价已同意，待开工')
  await host.rpc('workOrderParts.issue', { workOrderId: workOrder.id, partId: screen.id, quantity: 1 }, adminToken)
  // A spare screen asked for by the counter is not needed after all: the technician cancels it.
  await host.rpc(
    'workOrderParts.request',
    { workOrderId: workOrder.id, partId: screen.id, quantity: 1, note: '备用' },
    adminToken
  )
  await page.reload()
  await parts.getByTestId('part-requests').getByTestId('cancel-request').click()
  // The cancel asks why: an arrow key picks a common reason, which stays editable, and is required.
  const cancelDialog = page.getByTestId('cancel-request-dialog')
  await expect(cancelDialog).toContainText('LCD-M60P')
  // The caret starts on the common reasons: the arrow keys pick one.
  await expect(cancelDialog.locator('input[type=radio]').first()).toBeFocused()
  await page.keyboard.press('ArrowRight')
  const reason = cancelDialog.locator('input[name=cancel-reason]')
  await expect(reason).toHaveValue('已有库存替代')
  await reason.fill('已有库存替代，用仓库旧屏')
  await settled(page)
  await screenshot(page, 'parts-cancel-request-reason')
  // Without a reason the cancel is refused and the request stays open.
  await reason.fill('')
  await cancelDialog.getByTestId('cancel-request-submit').click()
  await expect(cancelDialog).toContainText('必填')
  await expect(parts.getByTestId('part-requests')).not.toContainText('已取消')
  await reason.fill('已有库存替代，用仓库旧屏')
  await reason.press('Enter')
  await expect(cancelDialog).toBeHidden()
  await expect(parts.getByTestId('part-requests')).toContainText('已取消')
  await page.reload()
  const timeline = page.getByTestId('timeline')
  await expect(timeline.locator('.el-timeline-item strong')).toHaveText([
    '接收登记',
    '指派技师',
    '已接收 → 检测中',
    '记录检测结论',
    '添加工时',
    '申请配件',
    '提交报价',
    '客户同意报价',
    '店长批准报价',
    '配件出库领用',
    '申请配件',
    '取消配件申领'
  ])
  await expect(page.getByTestId('timeline-part_requested')).toHaveText([
    'LCD-M60P Mate 60 Pro 屏幕总成 × 1',
    'LCD-M60P Mate 60 Pro 屏幕总成 × 1 — 备用'
  ])
  await expect(page.getByTestId('timeline-quoted')).toContainText(
    '工时 ¥150.00 + 配件 ¥1,200.00 − 优惠 ¥50.00 = 合计 ¥1,300.00 — 超出审批限额，先交店长审批'
  )
  await expect(page.getByTestId('timeline-part_issued')).toHaveText('LCD-M60P Mate 60 Pro 屏幕总成 × 1')
  // Who cancelled the spare screen, beside what was cancelled and why.
  const cancelled = timeline.locator('.el-timeline-item', { has: page.getByTestId('timeline-part_request_cancelled') })
  await expect(cancelled.locator('.line')).toHaveText(/取消配件申领\s*张伟/)
  await expect(page.getByTestId('timeline-part_request_cancelled')).toHaveText(
    'LCD-M60P Mate 60 Pro 屏幕总成 × 1 — 已有库存替代，用仓库旧屏'
  )
  await page.setViewportSize({ width: 1280, height: 1800 })
  await settled(page)
  await page
    .locator('.el-card', { has: timeline })
    .screenshot({ path: 'test-results/screens/repairs-timeline-story.png' })
})
