import {
  switchLanguage,
  test,
  expect,
  screenshot,
  setUpShop,
  staffPage,
  hire,
  settled,
  takeIn,
  type ShopHost
} from './fixtures'

type BrowserClipboard = { navigator: { clipboard: { readText(): Promise<string> } } }

/**
 * A warranty job (nothing for the customer to pay) taken in and repaired through the API; or,
 * `cancelled`, taken in and cancelled, the device waiting to go back unrepaired.
 */
async function readyJob(
  host: ShopHost,
  adminToken: string,
  ending: 'repaired' | 'cancelled' = 'repaired'
): Promise<{ id: string; number: string; claimCode: string }> {
  const { workOrder, claimCode } = await takeIn(host, adminToken, {
    customer: { name: '李秋水', mobile: '13912345678' },
    device: { brand: '华为', model: 'Mate 60 Pro', serial: 'SNCC000001' },
    serviceType: 'warranty_repair',
    reportedFault: '无法充电'
  })
  const path = ending === 'repaired' ? ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'] : ['cancelled']
  for (const to of path)
    await host.rpc(
      'workOrders.transition',
      { id: workOrder.id, to, reason: ending === 'cancelled' ? '客户不修了' : '' },
      adminToken
    )
  return { ...workOrder, claimCode }
}

test('the desk tells the customer the device is ready, calls back after pick-up, and a low score reaches the manager as a complaint', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'desk', '王前台', 'front_desk')
  const manager = await hire(host, adminToken, 'boss', '李店长', 'manager')
  const job = await readyJob(host, adminToken)
  // The shop calls back the same day, so the call is due at once.
  const settings = await host.rpc<Record<string, unknown>>('customerContact.settings', {}, adminToken)
  await host.rpc('customerContact.saveSettings', { ...settings, followUpDays: 0 }, adminToken)

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.goto(`${host.url}#/work-orders/${job.id}`)
  const notice = page.getByTestId('ready-notice')
  // Whoever stands at the counter sees the message with the code masked…
  await expect(notice.getByTestId('ready-text')).toHaveValue(new RegExp(`李秋水您好.*${job.number}.*取机码 \\*{6}，`))
  await expect(notice.getByTestId('ready-text')).not.toHaveValue(new RegExp(job.claimCode))
  await notice.getByRole('radio', { name: 'English' }).check({ force: true })
  await expect(notice.getByTestId('ready-text')).toHaveValue(
    new RegExp(`Hello 李秋水.*${job.number}.*claim code is \\*{6};`)
  )
  // …and only the copy, which the audit log records, carries it to the customer.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.url })
  await notice.getByTestId('ready-copy').click()
  await expect(page.getByText('已复制，可粘贴到短信或微信')).toBeVisible()
  const copied = await page.evaluate(() => (globalThis as unknown as BrowserClipboard).navigator.clipboard.readText())
  expect(copied).toMatch(new RegExp(`Hello 李秋水.*claim code is ${job.claimCode};`))
  await notice.getByTestId('ready-channel').click()
  await page.getByRole('option', { name: '微信' }).click()
  await notice.getByTestId('ready-mark').click()
  await expect(notice.getByTestId('ready-notices')).toContainText('王前台')
  await expect(notice.getByTestId('ready-notices')).toContainText('微信')
  await expect(page.getByTestId('timeline')).toContainText('已通知客户取机')
  await settled(page)
  await screenshot(page, 'contact-ready-notice')

  await host.rpc('workOrders.pickup', { id: job.id, claimCode: job.claimCode, confirmed: true }, adminToken)

  await page.goto(`${host.url}#/follow-ups`)
  const list = page.getByTestId('follow-ups')
  await expect(list).toContainText(job.number)
  await list.getByTestId('follow-up-call-0').click()
  const dialog = page.getByRole('dialog')
  // No score is given for the customer: saving before asking is refused, under the scores.
  for (const aspect of ['attitude', 'speed', 'quality', 'price'])
    await expect(dialog.getByTestId(`score-${aspect}`).locator('input')).toHaveValue('')
  await dialog.getByTestId('follow-up-save').click()
  await expect(dialog.getByText('联系上客户时请填写四项评分')).toBeVisible()
  await settled(page)
  await screenshot(page, 'call-dialog-empty')
  await dialog.getByTestId('score-attitude').locator('input').fill('90')
  await dialog.getByTestId('score-speed').locator('input').fill('40')
  await dialog.getByTestId('score-quality').locator('input').fill('90')
  await dialog.getByTestId('score-price').locator('input').fill('60')
  await dialog.locator('textarea[name=follow-up-comment]').click()
  await expect(dialog.getByTestId('follow-up-average')).toContainText('70')
  await expect(dialog.getByTestId('follow-up-will-complain')).toBeVisible()
  await dialog.locator('textarea[name=follow-up-comment]').fill('修了一周才好')
  await settled(page)
  await screenshot(page, 'contact-follow-up-call')
  await dialog.getByTestId('follow-up-save').click()
  await expect(page.getByText(/已生成投诉单 CP-/)).toBeVisible()
  await expect(list).not.toContainText(job.number)

  const boss = await staffPage(browser, host, manager.username, manager.password)
  await boss.setViewportSize({ width: 1280, height: 720 })
  await boss.goto(`${host.url}#/complaints`)
  const complaints = boss.getByTestId('complaints')
  await expect(complaints).toContainText(job.number)
  // The header names the page; the complaint's number reads whole, on one line.
  await expect(boss.locator('.shell-header .page-title')).toHaveText('投诉')
  const number = complaints.locator('.code-cut').first()
  await expect(number).toHaveText(/^CP-\d{6}-\d{4}$/)
  expect(await number.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
  expect(await number.evaluate((element) => element.getClientRects().length)).toBe(1)
  // The customer rings about it and gives the end of their mobile: the manager finds the case by it.
  const search = boss.getByTestId('complaint-search')
  await search.fill('0000')
  await search.press('Enter')
  await expect(complaints).toContainText('没有投诉')
  await search.fill('5678')
  await search.press('Enter')
  await expect(complaints).toContainText(job.number)
  await settled(boss)
  await screenshot(boss, 'contact-complaints')
  await expect(complaints).toContainText('回访评分低（平均 70）')
  await expect(complaints).toContainText('修了一周才好')
  await complaints.getByTestId('complaint-handle').click()
  await boss.locator('textarea[name=complaint-note]').fill('已致电客户道歉，说明等配件原因')
  await boss.getByTestId('complaint-move-save').click()
  await expect(complaints.getByTestId('complaint-status')).toHaveText('处理中')
  await complaints.getByTestId('complaint-close').click()
  await boss.locator('textarea[name=complaint-note]').fill('赠送钢化膜一张，客户接受')
  await boss.getByTestId('complaint-move-save').click()
  await expect(complaints).not.toContainText(job.number)
  await boss.getByRole('tab', { name: '已结案' }).click()
  await expect(complaints).toContainText(job.number)
  await complaints.locator('.el-table__expand-icon').first().click()
  await expect(complaints).toContainText('赠送钢化膜一张，客户接受')
  await expect(complaints).toContainText('李店长')
  await settled(boss)
  await screenshot(boss, 'contact-complaint-closed')

  // The front desk sees the call as done, with its score.
  await page.getByRole('tab', { name: '已回访' }).click()
  await expect(list).toContainText('平均 70')
  await expect(list).toContainText('不满意')
  await settled(page)
  await screenshot(page, 'contact-follow-ups-done')

  await switchLanguage(page, 'English')
  await expect(list).toContainText('Average 70')
  await settled(page)
  await screenshot(page, 'contact-follow-ups-done-en')
  await switchLanguage(boss, 'English')
  await boss.getByRole('tab', { name: 'All' }).click()
  await expect(complaints).toContainText('Low follow-up score (average 70)')
  await settled(boss)
  await screenshot(boss, 'contact-complaints-en')
})

test('the manager changes how many days after pick-up the desk calls back, and the message for a device going back unrepaired', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const manager = await hire(host, adminToken, 'lidianzhang', '李店长', 'manager')
  const page = await staffPage(browser, host, manager.username, manager.password)

  await page.goto(`${host.url}#/follow-ups`)
  await page.getByRole('button', { name: '消息模板与回访设置' }).click()
  const days = page.locator('input[name=follow-up-days]')
  await days.fill('5')
  await days.press('Tab')
  await page.getByTestId('contact-settings-save').click()
  await expect(page.locator('input[name=follow-up-days]')).toBeHidden()

  const settings = await host.rpc<{ followUpDays: number }>('customerContact.settings', {}, adminToken)
  expect(settings.followUpDays).toBe(5)

  // A cancelled job's device goes back unrepaired: its message never says it was repaired.
  const cancelled = await readyJob(host, adminToken, 'cancelled')
  await page.goto(`${host.url}#/work-orders/${cancelled.id}`)
  const text = page.getByTestId('ready-notice').getByTestId('ready-text')
  await expect(text).toHaveValue(new RegExp(`${cancelled.number}）本次未维修，可以取回了`))
  await expect(text).not.toHaveValue(/修好/)

  await page.goto(`${host.url}#/follow-ups`)
  await page.getByRole('button', { name: '消息模板与回访设置' }).click()
  const template = page.locator('textarea[name=unrepaired-template-zh-CN]')
  await template.fill('{customer}您好，工单 {number} 未维修，请凭取机码 {claimCode} 取回。')
  await settled(page)
  await screenshot(page, 'contact-settings-unrepaired')
  await page.getByTestId('contact-settings-save').click()
  await expect(template).toBeHidden()
  await page.goto(`${host.url}#/work-orders/${cancelled.id}`)
  await expect(text).toHaveValue(`李秋水您好，工单 ${cancelled.number} 未维修，请凭取机码 ****** 取回。`)

  // A misspelt field would reach the customer as typed, and a message without the code is no use
  // at pick-up: both are refused under the template, and the saved one stays.
  const before = await host.rpc<{ readyTemplates: Record<string, string> }>('customerContact.settings', {}, adminToken)
  await page.goto(`${host.url}#/follow-ups`)
  await page.getByRole('button', { name: '消息模板与回访设置' }).click()
  const ready = page.locator('textarea[name=ready-template-zh-CN]')
  await ready.fill('{customer}您好，工单 {number} 已修好，取机码 {claimCodeX}，详询 {unknown}。')
  await page.getByTestId('contact-settings-save').click()
  await expect(page.getByText('模板里有不认识的占位符：{claimCodeX} {unknown}（可用字段见上方）')).toBeVisible()
  await settled(page)
  await screenshot(page, 'template-refused')
  await ready.fill('{customer}您好，工单 {number} 已修好，请到店取机。')
  await page.getByTestId('contact-settings-save').click()
  await expect(page.getByText('取机消息必须包含取机码 {claimCode}：客户凭它取机')).toBeVisible()
  const after = await host.rpc<{ readyTemplates: Record<string, string> }>('customerContact.settings', {}, adminToken)
  expect(after.readyTemplates).toEqual(before.readyTemplates)
})
