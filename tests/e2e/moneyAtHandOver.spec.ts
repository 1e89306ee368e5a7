import { execFileSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, screenshot, setUpShop, staffPage, hire, takeIn, settled, type ShopHost } from './fixtures'
import { printRoute } from '../../src-shared/domain/paper'

let sequence = 0

/**
 * A paid repair the customer accepted at ¥350 (labour 50 + parts 300) that bills ¥390: the
 * technician entered ¥90 of labour. Arranged through the API as the admin.
 */
async function jobBillingMoreThanQuoted(host: ShopHost, token: string) {
  sequence += 1
  const { workOrder, claimCode } = await host.rpc<{ workOrder: { id: string; number: string }; claimCode: string }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '钱多多', mobile: `1377700${String(sequence).padStart(4, '0')}` } },
      device: {
        kind: 'new',
        fields: { brand: '小米', model: '14 Pro', serial: `SNMA${String(sequence).padStart(6, '0')}` }
      },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '屏幕碎裂',
      symptomCode: 'S01',
      condition: { scratches: false, cracks: true, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false, value: '' }
    },
    token
  )
  const id = workOrder.id
  const move = (to: string) => host.rpc('workOrders.transition', { id, to }, token)
  await move('diagnosing')
  await host.rpc('workOrders.quote', { id, labourFen: 5_000, partsFen: 30_000, discountFen: 0 }, token)
  await host.rpc('workOrders.customerDecision', { id, approved: true, channel: 'in_person' }, token)
  await move('repairing')
  await host.rpc('workOrders.addLabour', { id, description: '更换屏幕及排线', minutes: 60, priceFen: 9_000 }, token)
  const part = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: `LCD-${sequence}`,
      name: '屏幕总成',
      barcodes: [`6911100000${String(sequence).padStart(3, '0')}`],
      sellingPriceFen: 30_000,
      costPriceFen: 18_000
    },
    token
  )
  await host.rpc(
    'parts.receive',
    { reference: 'HQ-7', lines: [{ partId: part.id, quantity: 1, unitCostFen: 18_000 }] },
    token
  )
  await host.rpc('workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, token)
  await move('quality_check')
  await move('ready_for_pickup')
  return { id, number: workOrder.number, claimCode }
}

test('an unpaid device is not handed over; checkout shows the bill against the accepted quote and records the customer’s yes', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'zhaomin', '赵敏', 'front_desk')
  const job = await jobBillingMoreThanQuoted(host, adminToken)
  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.goto(`${host.url}#/work-orders/${job.id}`)

  // The hand-over refuses while the job is not checked out, even with the right claim code.
  await page.getByTestId('pickup').click()
  const pickup = page.getByTestId('pickup-dialog')
  await expect(pickup.getByTestId('pickup-not-billed')).toContainText('该工单尚未结账')
  await pickup.locator('input[name=claim-code]').fill(job.claimCode)
  await pickup.getByTestId('pickup-confirm').click()
  await pickup.getByTestId('pickup-submit').click()
  await expect(page.getByText('该工单还未结账，不能交机')).toBeVisible()
  await screenshot(page, 'money-hand-over-refused')
  await expect(page.getByTestId('status-tag').first()).toHaveText('待取机')

  // To checkout: ¥390 against the ¥350 the customer accepted.
  await pickup.getByTestId('pickup-go-checkout').click()
  const compare = page.getByTestId('quote-compare')
  await expect(compare.getByTestId('quote-accepted')).toHaveText('¥350.00')
  await expect(compare.getByTestId('quote-billed')).toHaveText('¥390.00')
  await expect(compare.getByTestId('quote-differs')).toContainText('¥390.00')
  await screenshot(page, 'money-checkout-differs-from-quote')

  // Without the customer's yes the counter is asked for a manager.
  await page.getByTestId('pay').click()
  const approval = page.getByTestId('approval-dialog')
  await expect(approval.getByTestId('approval-new-amount')).toBeVisible()
  await screenshot(page, 'money-checkout-needs-manager')
  await page.keyboard.press('Escape')
  await expect(approval).toBeHidden()

  // The customer agrees on the phone: recorded with the payment.
  await compare.getByTestId('new-amount-accepted').click()
  await compare.getByText('电话', { exact: true }).click()
  await page.getByTestId('pay').click()
  await expect(page.getByTestId('checkout-success')).toBeVisible()
  await screenshot(page, 'money-checkout-paid')

  // The receipt on screen: the cashier records the number of a tax invoice issued elsewhere.
  await page.getByTestId('open-invoice').click()
  await page.getByTestId('record-tax-invoice').click()
  const prompt = page.locator('.el-message-box')
  await expect(prompt).toContainText('本单据是收款收据，不是税务发票')
  await prompt.locator('input').fill('44001234')
  await prompt.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('tax-invoice-number')).toHaveText('44001234')
  await screenshot(page, 'money-receipt-tax-invoice-number')

  // The receipt: a payment receipt, not a tax invoice.
  const invoices = await host.rpc<{ id: string }[]>('checkout.forWorkOrder', { workOrderId: job.id }, adminToken)
  const receipt = page
  await receipt.goto('about:blank')
  await receipt.goto(`${host.url}#${printRoute('payment_receipt', invoices[0]!.id, 'a4', 0)}`)
  await receipt.locator('body[data-print-ready="1"]').waitFor({ state: 'attached' })
  await expect(receipt.getByTestId('payment-receipt')).toContainText('收款收据')
  await expect(receipt.getByTestId('receipt-not-tax-invoice')).toHaveText('本单据为收款收据，不是税务发票')
  await screenshot(receipt, 'money-receipt-a4')
  const dir = join('test-results', 'screens')
  mkdirSync(dir, { recursive: true })
  await receipt.emulateMedia({ media: 'print' })
  await receipt.pdf({ path: join(dir, 'money-receipt-a4.pdf'), preferCSSPageSize: true, printBackground: true })
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    join(dir, 'money-receipt-a4.pdf'),
    join(dir, 'money-receipt-a4-pdf')
  ])
  await receipt.emulateMedia({ media: 'screen' })

  // Checked out: the device goes.
  await page.goto(`${host.url}#/work-orders/${job.id}`)
  await page.getByTestId('pickup').click()
  await expect(pickup.getByTestId('pickup-not-billed')).toHaveCount(0)
  await pickup.locator('input[name=claim-code]').fill(job.claimCode)
  await pickup.getByTestId('pickup-confirm').click()
  await pickup.getByTestId('pickup-submit').click()
  await expect(page.getByTestId('status-tag').first()).toHaveText('已取机')
})

test('a device a manager let go unpaid shows on the day close with who approved it and why', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangqiang', '王强', 'manager')
  const job = await jobBillingMoreThanQuoted(host, adminToken)
  const bossToken = (
    await host.rpc<{ token: string }>('auth.signIn', { username: boss.username, password: boss.password })
  ).token
  await host.rpc(
    'workOrders.pickup',
    { id: job.id, claimCode: job.claimCode, confirmed: true, unpaidOverride: { reason: '老客户，明天转账' } },
    bossToken
  )

  const page = await staffPage(browser, host, boss.username, boss.password)
  await page.getByTestId('nav-day-close').click()
  const unpaid = page.getByTestId('report-unpaid-hand-overs')
  await expect(unpaid).toContainText(job.number)
  await expect(unpaid).toContainText('¥390.00')
  await expect(unpaid).toContainText('王强')
  await expect(unpaid).toContainText('老客户，明天转账')
  await screenshot(page, 'money-day-close-unpaid-hand-over')
})

/**
 * A paid job whose customer left a ¥50 deposit and accepted a ¥510 quote (¥80 labour, ¥450 parts,
 * ¥20 off), then waited for the part; `diagnosisFen` of labour entered while it was diagnosed.
 */
async function quotedJobWaitingForParts(host: ShopHost, token: string, diagnosisFen: number) {
  sequence += 1
  const { workOrder, claimCode } = await takeIn(host, token, {
    customer: { name: '孙不二', mobile: `1366600${String(sequence).padStart(4, '0')}` },
    device: { brand: '荣耀', model: 'Magic 6', serial: `SNUR${String(sequence).padStart(6, '0')}` },
    serviceType: 'paid_repair',
    reportedFault: '屏幕碎裂',
    depositFen: 5_000
  })
  const id = workOrder.id
  await host.rpc('workOrders.transition', { id, to: 'diagnosing' }, token)
  if (diagnosisFen > 0)
    await host.rpc('workOrders.addLabour', { id, description: '检测', minutes: 20, priceFen: diagnosisFen }, token)
  await host.rpc('workOrders.quote', { id, labourFen: 8_000, partsFen: 45_000, discountFen: 2_000 }, token)
  await host.rpc('workOrders.customerDecision', { id, approved: true, channel: 'in_person' }, token)
  await host.rpc('workOrders.transition', { id, to: 'awaiting_parts' }, token)
  return { id, claimCode }
}

test('a job that leaves unrepaired is not billed its quote, and a cancelled one goes back without a checkout', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'zhouzhi', '周芷', 'front_desk')
  const page = await staffPage(browser, host, desk.username, desk.password)

  // The part never came: the device goes back unrepaired. Its checkout bills nothing of the quote
  // (no quoted labour, no quoted discount, no quote to compare with) and returns the whole deposit.
  const returned = await quotedJobWaitingForParts(host, adminToken, 0)
  await host.rpc(
    'workOrders.transition',
    { id: returned.id, to: 'returned_unrepaired', reason: '配件缺货' },
    adminToken
  )
  await page.goto(`${host.url}#/work-orders/${returned.id}/checkout`)
  await expect(page.getByTestId('checkout-customer-lines')).toHaveText('¥0.00')
  await expect(page.getByTestId('checkout-due')).toHaveText('¥0.00')
  await expect(page.getByTestId('checkout-totals')).toContainText('50.00')
  await expect(page.getByTestId('quote-compare')).toHaveCount(0)
  await settled(page)
  await screenshot(page, 'money-returned-unrepaired-checkout')
  await page.getByTestId('pay').click()
  await expect(page.getByTestId('checkout-success')).toBeVisible()

  // Cancelled after a ¥30 check: it owes nothing (its deposit went back as it was cancelled), so
  // the device leaves on its claim code without a checkout that could never happen.
  const cancelled = await quotedJobWaitingForParts(host, adminToken, 3_000)
  await host.rpc('workOrders.transition', { id: cancelled.id, to: 'cancelled', reason: '客户不修了' }, adminToken)
  await page.goto(`${host.url}#/work-orders/${cancelled.id}`)
  await page.getByTestId('pickup').click()
  const pickup = page.getByTestId('pickup-dialog')
  await expect(pickup).toBeVisible()
  await expect(pickup.getByTestId('pickup-not-billed')).toHaveCount(0)
  await pickup.locator('input[name=claim-code]').fill(cancelled.claimCode)
  await pickup.getByTestId('pickup-confirm').click()
  await pickup.getByTestId('pickup-submit').click()
  await expect(pickup).toBeHidden()
  await expect(page.getByTestId('awaits-hand-over')).toHaveCount(0)
  await expect(page.getByTestId('timeline')).toContainText('设备已交还客户（未修复）')
})
