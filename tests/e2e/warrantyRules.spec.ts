import { test, expect, setUpShop, staffPage, hire, settled, tallScreenshot } from './fixtures'
import { shopDateDaysAgo } from './shopDates'

const sold = (serial: string, categoryKey: string, brand: string, model: string, purchaseDate: string) => ({
  serial,
  brand,
  model,
  categoryKey,
  cardNumber: '',
  purchaseDate,
  invoiceNumber: `INV-${serial}`,
  dealer: '苏宁易购天河店',
  buyerName: '王芳',
  buyerPhone: '13800138000'
})

test('void and cosmetic verdicts say what they mean; components and categories have names', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  // A phone bought 3 days ago whose serial does not match its card: 不实行三包，可以收费修理, even within the 7 days.
  await host.rpc(
    'warranty.register',
    sold('HWM60P2026V1', 'mobile_phone', '华为', 'Mate 60 Pro', shopDateDaysAgo(3)),
    adminToken
  )
  await host.rpc(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '王芳', mobile: '13800138000' } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial: 'HWM60P2026V1' } },
      serviceType: 'warranty_repair',
      intakeChannel: 'walk_in',
      reportedFault: '不开机',
      condition: { scratches: false, cracks: false, liquidMarks: false, serialMismatch: true, note: '' },
      accessories: { items: [] },
      passcode: { consent: false }
    },
    adminToken
  )
  await host.rpc('warranty.register', sold('HX65E7K2026C1', 'tv', '海信', '65E7K', shopDateDaysAgo(2)), adminToken)
  await host.rpc(
    'warranty.register',
    sold('TPX1C2026L1', 'laptop_computer', '联想', 'ThinkPad X1', shopDateDaysAgo(40)),
    adminToken
  )

  const page = await staffPage(browser, host, boss.username, boss.password)
  await page.getByTestId('nav-warranty').click()
  const search = page.getByTestId('warranty-search')
  const verdict = page.getByTestId('warranty-verdict')
  const reasons = verdict.getByTestId('verdict-reasons')

  await search.fill('HWM60P2026V1')
  await search.press('Enter')
  await expect(verdict.getByTestId('verdict-text')).toHaveText('付费维修')
  await expect(reasons).toContainText('接机时记录了"序列号或保修卡涂改、与机器不符"：不实行三包，可以收费修理。')
  await expect(verdict).toContainText('不实行三包，可以收费修理')
  await tallScreenshot(page, 'warranty-void-paid-repair', 1500)

  await search.fill('HX65E7K2026C1')
  await search.press('Enter')
  await expect(verdict.getByTestId('verdict-text')).toHaveText('可退货')
  await verdict.getByTestId('claim-kind').getByText('外观损坏').click()
  await verdict.getByTestId('claim-evaluate').click()
  await expect(verdict.getByTestId('verdict-text')).toHaveText('不在保修范围')
  await expect(reasons).toContainText('外观问题不属于性能故障，即使在退货、换货期内')
  await expect(reasons).toContainText('外观问题不是规定所列的性能故障，不属于三包范围')
  await tallScreenshot(page, 'warranty-cosmetic-not-covered', 1500)

  // A laptop's main components, by name: no raw keys on screen.
  await search.fill('TPX1C2026L1')
  await search.press('Enter')
  await expect(verdict.getByTestId('verdict-policy')).toContainText('电源适配器 24 个月')
  await verdict.getByTestId('claim-component').click()
  for (const name of ['CPU', '主板', '内存', '硬盘', '显示器 / 显示屏', '键盘', '电源适配器'])
    await expect(page.getByRole('option', { name, exact: true })).toBeVisible()
  await settled(page)
  await tallScreenshot(page, 'warranty-laptop-components', 1500)
  await expect(page.locator('body')).not.toContainText('power_adapter')
  await page.keyboard.press('Escape')

  // The policies: desktops and laptops apart, every category on the legal minimum.
  await page.getByTestId('open-policies').click()
  await expect(page.getByText('笔记本电脑').first()).toBeVisible()
  await expect(page.getByText('台式电脑').first()).toBeVisible()
  await expect(page.locator('body')).toContainText('行输出变压器 36 个月')
  await expect(page.locator('body')).not.toContainText('flyback_transformer')
  await expect(page.getByTestId('policy-tv')).toContainText('不实行三包（收费修理）')
  await expect(page.getByTestId('policy-mobile_phone')).toContainText('只免费修理，不退不换')
  await tallScreenshot(page, 'warranty-policies-legal-minimum', 2600)

  // A new version: what a unit without invoice gets is a setting; a past date says who may enter it.
  await page.getByTestId('new-policy-tv').click()
  const dialog = page.getByTestId('policy-dialog')
  await expect(dialog.getByTestId('policy-no-invoice')).toContainText('不实行三包（收费修理）')
  await dialog.locator('input[name=effectiveFrom]').fill('2025-01-01')
  await dialog.locator('input[name=effectiveFrom]').press('Enter')
  await expect(dialog.getByTestId('policy-backdated')).toContainText('只有管理员可以补录')
  await settled(page)
  await tallScreenshot(page, 'warranty-policy-dialog-backdated', 1300)
  await page.keyboard.press('Escape')
  await page.locator('.el-message-box').getByRole('button', { name: '关闭，不保存' }).click()
  await expect(dialog).toBeHidden()

  // Check-in asks whether the serial or warranty card was altered or does not match the unit.
  await page.getByTestId('nav-intake').click()
  await expect(page.getByText('序列号或保修卡涂改、与机器不符')).toBeVisible()
  await tallScreenshot(page, 'intake-serial-mismatch', 1500)
})

test('a phone battery repaired twice for the same fault fails again: the battery is refunded, not the phone (2001 art. 13 is the main unit’s)', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  await host.rpc(
    'warranty.register',
    sold('HWP70B2026A1', 'mobile_phone', '华为', 'P70', shopDateDaysAgo(60)),
    adminToken
  )
  // Two warranty repairs of the battery (fault location L03) for the same symptom (S01), both handed back.
  type Party = { kind: 'existing'; id: string } | { kind: 'new'; fields: Record<string, string> }
  type Opened = { workOrder: { id: string; customer: { id: string }; device: { id: string } }; claimCode: string }
  let device: Party = { kind: 'new', fields: { brand: '华为', model: 'P70', serial: 'HWP70B2026A1' } }
  let customer: Party = { kind: 'new', fields: { name: '王芳', mobile: '13800138000' } }
  for (let visit = 0; visit < 2; visit++) {
    const opened: Opened = await host.rpc<Opened>(
      'workOrders.create',
      {
        customer,
        device,
        serviceType: 'warranty_repair',
        intakeChannel: 'walk_in',
        reportedFault: '充满电后很快关机',
        symptomCode: 'S01',
        condition: { scratches: false, cracks: false, liquidMarks: false, serialMismatch: false, note: '' },
        accessories: { items: [] },
        passcode: { consent: false }
      },
      adminToken
    )
    const { workOrder, claimCode } = opened
    const id = workOrder.id
    await host.rpc('workOrders.transition', { id, to: 'diagnosing' }, adminToken)
    await host.rpc(
      'workOrders.diagnose',
      { id, faultLocationCode: 'L03', faultCauseCode: 'C01', diagnosis: '电池' },
      adminToken
    )
    for (const to of ['repairing', 'quality_check', 'ready_for_pickup'])
      await host.rpc('workOrders.transition', { id, to }, adminToken)
    await host.rpc('workOrders.pickup', { id, claimCode, confirmed: true }, adminToken)
    customer = { kind: 'existing', id: workOrder.customer.id }
    device = { kind: 'existing', id: workOrder.device.id }
  }

  const page = await staffPage(browser, host, boss.username, boss.password)
  await page.getByTestId('nav-warranty').click()
  await page.getByTestId('warranty-search').fill('HWP70B2026A1')
  await page.getByTestId('warranty-search').press('Enter')
  const verdict = page.getByTestId('warranty-verdict')
  await expect(verdict.getByTestId('verdict-text')).toHaveText('免费保修')
  await verdict.getByTestId('claim-component').click()
  await page.getByRole('option', { name: '电池', exact: true }).click()
  await verdict.getByTestId('claim-fault').click()
  await page.getByRole('option', { name: /^S01 / }).click()
  await verdict.getByTestId('claim-evaluate').click()
  await expect(verdict.getByTestId('verdict-reasons')).toContainText(
    '电池是手机附件：故障 S01 虽已修理 2 次，两次修理后换机只适用于主机；附件在其保修期内免费更换同型号的附件。'
  )
  // Exchanged twice under 三包 and failing again, the battery alone is refunded (the accessories' rule).
  await expect(verdict.getByTestId('verdict-reasons')).toContainText(
    '电池已在三包期内更换 2 次（最近一次 ' // …交还）仍不能正常使用：电池免费退货…
  )
  await expect(verdict.getByTestId('verdict-text')).toHaveText('附件可退货')
  await expect(verdict.getByTestId('exchange-unit')).toHaveCount(0)
  // The phone's own refund is not offered for its accessory.
  await expect(verdict.getByTestId('refund-unit')).toHaveCount(0)
  await settled(page)
  await tallScreenshot(page, 'warranty-accessory-repaired-twice', 1500)
})
