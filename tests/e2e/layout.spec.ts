import { switchLanguage, test, expect, screenshot, settled, setUpShop, signIn, ADMIN, hire, takeIn } from './fixtures'
import type { Locator } from '@playwright/test'

/** Whether an element shows all of its content: nothing scrolled away, nothing cut with an ellipsis. */
const showsAll = (locator: Locator) =>
  locator.evaluate(
    (element) => element.scrollHeight <= element.clientHeight && element.scrollWidth <= element.clientWidth
  )

test('the sidebar groups its entries by desk and fits a 1366×768 screen; English labels are not cut', async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  // A technician, so the work-order list offers its technician filter.
  await hire(host, adminToken, 'zhangwei', '张伟', 'technician')
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, ADMIN.username, ADMIN.password)
  const nav = page.getByTestId('main-nav')
  await expect(nav).toBeVisible()
  const groups: [string, string][] = [
    ['frontDesk', '前台'],
    ['workshop', '维修车间'],
    ['warehouse', '仓库'],
    ['cash', '收银'],
    ['admin', '管理']
  ]
  for (const [desk, title] of groups) {
    await expect(page.getByTestId(`nav-group-${desk}`)).toContainText(title)
  }
  await expect(page.getByTestId('nav-group-warehouse')).toContainText('盘点')
  // Every entry of the admin, the one who sees them all, without scrolling the sidebar.
  expect(await showsAll(nav)).toBe(true)
  await expect(page.getByTestId('nav-settings')).toBeInViewport()
  await screenshot(page, 'layout-sidebar-1366x768')

  await switchLanguage(page, 'English')
  await page.getByTestId('nav-work-orders').click()
  const technicianFilter = page.locator('.toolbar .el-select').filter({ hasText: 'Any technician' })
  await expect(technicianFilter).toBeVisible()
  expect(await showsAll(technicianFilter.locator('.el-select__placeholder span'))).toBe(true)
  await screenshot(page, 'layout-work-orders-english')

  // The audit log's refresh button stands clear of the date range.
  await page.getByTestId('nav-audit').click()
  const picker = page.locator('.toolbar .el-date-editor')
  const refresh = page.locator('.toolbar').getByRole('button', { name: 'Refresh' })
  // The page is fetched on first visit: measure once both stand.
  await expect(picker).toBeVisible()
  await expect(refresh).toBeVisible()
  const pickerBox = (await picker.boundingBox())!
  const refreshBox = (await refresh.boundingBox())!
  expect(refreshBox.x - (pickerBox.x + pickerBox.width)).toBeGreaterThanOrEqual(8)
  await screenshot(page, 'layout-audit-english')
})

test('the board shows every open status within 1366×768 in both languages; complaints sit under the follow-up calls', async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  for (let n = 1; n <= 2; n++) {
    const { workOrder } = await takeIn(host, adminToken, {
      customer: { name: `欧阳娜娜${n}`, mobile: `1360000000${n}` },
      device: { brand: 'HUAWEI', model: 'Mate 60 Pro+ 12GB/1TB', serial: `SNLAYOUT0${n}` },
      serviceType: 'warranty_repair',
      reportedFault: '屏幕摔碎，触摸失灵，偶尔自动重启'
    })
    for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'].slice(0, n * 2)) {
      await host.rpc('workOrders.transition', { id: workOrder.id, to }, adminToken)
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, ADMIN.username, ADMIN.password)
  for (const language of ['中文', 'English']) {
    if (language === 'English') {
      await switchLanguage(page, 'English')
    }
    await page.getByTestId('nav-board').click()
    const board = page.getByTestId('board')
    await expect(board.locator('.card')).toHaveCount(2)
    // No column cut at the window's edge and no sideways scrolling: the last column ends inside.
    expect(await board.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true)
    const boardBox = (await board.boundingBox())!
    const lastColumn = (await page.getByTestId('board-ready_for_pickup').boundingBox())!
    expect(lastColumn.x + lastColumn.width).toBeLessThanOrEqual(boardBox.x + boardBox.width)
    expect(lastColumn.x + lastColumn.width).toBeLessThanOrEqual(1366)
    // Each card shows its number whole.
    for (const number of await board.locator('.card .number').all()) expect(await showsAll(number)).toBe(true)
    // The age says what it counts, not a bare number.
    await expect(board.getByTestId('board-age').first()).toHaveText(
      language === 'English' ? 'in for 0 d' : '已收机 0 天'
    )
    await screenshot(page, `layout-board-${language === 'English' ? 'en' : 'zh'}`)
  }

  // Complaints, reached from the follow-up calls, keep that entry highlighted; the header names the page.
  await page.getByTestId('nav-follow-ups').click()
  await expect(page.locator('.shell-header .page-title')).toHaveText('Follow-up calls')
  await page.getByTestId('open-complaints').click()
  await expect(page).toHaveURL(/\/complaints$/)
  await expect(page.getByTestId('nav-follow-ups')).toHaveClass(/is-active/)
  await expect(page.locator('.shell-header .page-title')).toHaveText('Complaints')
  await expect(page.locator('.page-header h1')).toHaveText('Complaints')
})

type MeasuringWindow = {
  getComputedStyle(
    element: unknown
  ): Record<'fontWeight' | 'fontSize' | 'fontFamily' | 'paddingLeft' | 'paddingRight', string>
  document: {
    createElement(tag: 'canvas'): {
      getContext(kind: '2d'): { font: string; measureText(text: string): { width: number } }
    }
  }
}

/** Whether an input's placeholder fits its box (the browser cuts a long one without an ellipsis). */
const placeholderFits = (locator: Locator) =>
  locator.evaluate((element) => {
    const browser = globalThis as unknown as MeasuringWindow
    const input = element as unknown as { placeholder: string; clientWidth: number }
    const style = browser.getComputedStyle(input)
    const context = browser.document.createElement('canvas').getContext('2d')
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
    return context.measureText(input.placeholder).width <= room
  })

test('the warehouse screens and the warranty policies read whole in English at 1366×768; a scan over the limit is kept and refused', async ({
  page,
  host
}) => {
  const adminToken = await setUpShop(host)
  const part = await host.rpc<{ id: string }>(
    'parts.create',
    { partNumber: 'BAT-M60P', name: 'Mate 60 Pro 电池', binLocation: 'A-01-03', sellingPriceFen: 18_000 },
    adminToken
  )
  await host.rpc(
    'parts.receive',
    { reference: 'INIT-1', supplier: '', lines: [{ partId: part.id, quantity: 5, unitCostFen: 9_000 }] },
    adminToken
  )
  await host.rpc('stocktakes.start', { scope: { kind: 'all' }, note: '月末盘点' }, adminToken)
  await host.rpc(
    'warranty.register',
    {
      serial: 'OPPOFX8LAY01',
      brand: 'OPPO',
      model: 'Find X8',
      categoryKey: 'mobile_phone',
      purchaseDate: '2026-01-10',
      invoiceNumber: 'INV-LAYOUT',
      buyerName: '刘洋',
      buyerPhone: '13711112222'
    },
    adminToken
  )
  const { workOrder } = await takeIn(host, adminToken, {
    customer: { name: '欧阳娜娜', mobile: '13600000001' },
    device: { brand: 'HUAWEI', model: 'Mate 60 Pro', serial: 'SNLAYOUT09' },
    serviceType: 'paid_repair',
    reportedFault: '屏幕摔碎'
  })
  await page.setViewportSize({ width: 1366, height: 768 })
  await signIn(page, host, ADMIN.username, ADMIN.password)
  // Signed in and settled on the home page before the language menu opens (it moved under the click).
  await expect(page.getByTestId('welcome')).toBeVisible()
  await settled(page)
  await switchLanguage(page, 'English')

  // The stocktakes list: the status tag whole ("Counting" was cut to "Counti…").
  await page.getByTestId('nav-parts-stocktakes').click()
  const status = page.locator('.el-table__body .cell').filter({ hasText: 'Counting' })
  await expect(status).toBeVisible()
  expect(await showsAll(status)).toBe(true)
  await screenshot(page, 'layout-stocktakes-english')

  // Issuing: the work-order box shows its whole hint.
  await page.getByTestId('nav-parts-issue').click()
  const workOrderBox = page.locator('input[name=issue-work-order]')
  await expect(workOrderBox).toHaveAttribute('placeholder', 'Scan or type a work order number')
  expect(await placeholderFits(workOrderBox)).toBe(true)
  await screenshot(page, 'layout-issue-english')

  // The search boxes over the lists, and the customer search at check-in, show their whole hint.
  for (const [entry, box] of [
    ['nav-parts', '.toolbar input[placeholder^="Scan a barcode"]'],
    ['nav-warranty', 'input[placeholder^="Scan or type a serial"]'],
    ['nav-work-orders', 'input[name=work-order-search]'],
    ['nav-users', '.toolbar input[placeholder^="Name, user name"]'],
    ['nav-intake', 'input[placeholder^="Returning customer"]']
  ] as const) {
    await page.getByTestId(entry).click()
    await expect(page.locator(box)).toBeVisible()
    expect(await placeholderFits(page.locator(box)), entry).toBe(true)
  }

  // A unit's verdict: the fault's date says whole that it is today unless an earlier day is picked.
  await page.getByTestId('nav-warranty').click()
  await page.getByTestId('warranty-search').fill('OPPOFX8LAY01')
  await page.getByTestId('warranty-search').press('Enter')
  const faultDate = page.locator('[data-test=claim-form] input[name=faultDate]')
  await expect(faultDate).toHaveAttribute('placeholder', /^Today/)
  expect(await placeholderFits(faultDate)).toBe(true)
  // Its counts read as English counts: "35 days left", "12 months", not "day(s)", "month(s)".
  await expect(page.getByTestId('warranty-verdict')).toContainText(/\(\d+ days left\)/)
  await expect(page.getByTestId('verdict-policy')).toContainText('12 months')
  await expect(page.locator('.shell-main')).not.toContainText('(s)')
  await screenshot(page, 'layout-warranty-fault-date-english')

  // A work order's actions: the technician picker and the note for the move say all they hint.
  await page.goto(`${host.url}#/work-orders/${workOrder.id}`)
  const actions = page.getByTestId('work-order-actions')
  await expect(actions.locator('.el-select__placeholder span')).toHaveText('Assign technician')
  expect(await showsAll(actions.locator('.el-select__placeholder span'))).toBe(true)
  expect(await placeholderFits(actions.locator('input[name=move-note]'))).toBe(true)
  // Its check-in facts: money as ¥ with two decimals, the customer's name in one piece.
  await expect(page.getByTestId('estimate')).toHaveText('¥0.00')
  await expect(page.getByTestId('deposit')).toHaveText('¥0.00')
  const name = page.locator('.el-descriptions a', { hasText: '欧阳娜娜' })
  expect((await name.boundingBox())!.height).toBeLessThan(30)
  await screenshot(page, 'layout-work-order-actions-english')

  // Receiving: a code scanned over the limit is not cut to 64 characters and saved wrong: it stays
  // whole, and the field says it is too long.
  await page.getByTestId('nav-parts-receive').click()
  const scan = page.getByTestId('receive-scan')
  await scan.fill('X'.repeat(70))
  await expect(scan).toHaveValue('X'.repeat(70))
  await expect(page.getByTestId('length-error')).toHaveText('At most 64 characters')
  await screenshot(page, 'layout-receive-too-long-english')

  // The policies seeded at first start carry Chinese notes; unedited, they read in English.
  await page.goto(`${host.url}#/warranty/policies`)
  const phone = page.getByTestId('policy-mobile_phone')
  await expect(phone.locator('.el-descriptions')).toContainText('National 三包 legal minimum')
  await expect(page.locator('.shell-main')).not.toContainText('国家三包法定最低标准')
  await screenshot(page, 'layout-policies-english')
})
