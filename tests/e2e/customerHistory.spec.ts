import { test, expect, ADMIN, hire, screenshot, settled, setUpShop, staffPage } from './fixtures'
import { waitingPaidJob } from './counterJobs'
import { chooseLanguage } from './locale'
import { stockedPart } from './stockedPart'

interface PaidInvoice {
  id: string
  number: string
  lines: { id: string; kind: string }[]
}

test("the customer's file shows their complaints, follow-up calls and payments to the desk, and none of them to the bench", async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const tech = await hire(host, adminToken, 'wanggong', '王工', 'technician')

  // A repair paid, collected and called back with a low score (a complaint the manager took on),
  // ¥40 of its labour refunded, and a phone case sold over the counter to the customer picked.
  const job = await waitingPaidJob(host, adminToken, '欧阳娜娜')
  const { customer } = await host.rpc<{ customer: { id: string } }>('workOrders.get', { id: job.id }, adminToken)
  const invoice = await host.rpc<PaidInvoice>(
    'checkout.pay',
    { workOrderId: job.id, tenders: [{ method: 'wechat_pay', amountFen: 53_000 }] },
    adminToken
  )
  await host.rpc('workOrders.pickup', { id: job.id, claimCode: job.claimCode, confirmed: true }, adminToken)
  const calls = await host.rpc<{ rows: { id: string }[] }>('customerContact.followUps', { status: 'all' }, adminToken)
  const called = await host.rpc<{ complaint: { id: string; number: string } }>(
    'customerContact.recordCall',
    {
      followUpId: calls.rows[0]!.id,
      reached: true,
      scores: { attitude: 90, speed: 60, quality: 90, price: 70 },
      comment: '等得太久',
      complaint: ''
    },
    adminToken
  )
  await host.rpc(
    'customerContact.moveComplaint',
    { complaintId: called.complaint.id, to: 'handling', note: '店长回电致歉' },
    adminToken
  )
  const note = await host.rpc<{ number: string }>(
    'checkout.creditNote',
    {
      invoiceId: invoice.id,
      lines: [{ lineId: invoice.lines.find((line) => line.kind === 'labour')!.id, amountFen: 4_000 }],
      reason: '工时多收',
      refundMethod: 'cash'
    },
    adminToken
  )
  const phoneCase = await stockedPart(host, adminToken, {
    partNumber: 'CASE-01',
    name: '手机壳',
    priceFen: 3_000,
    costFen: 1_000,
    quantity: 2
  })
  const sale = await host.rpc<{ number: string }>(
    'counterSales.sell',
    {
      lines: [{ partId: phoneCase.id, quantity: 1 }],
      tenders: [{ method: 'cash', amountFen: 3_000 }],
      customerId: customer.id
    },
    adminToken
  )

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.getByTestId('nav-customers').click()
  await page.getByTestId('customer-search').fill('欧阳')
  await page.getByTestId('customers-table').getByText('欧阳娜娜').click()

  const complaints = page.getByTestId('customer-complaints')
  await expect(complaints).toContainText(called.complaint.number)
  await expect(complaints).toContainText(job.number)
  await expect(complaints).toContainText('回访评分低（平均 77.5）')
  await expect(complaints.getByTestId('complaint-status')).toHaveText('处理中')
  await expect(complaints).toContainText(ADMIN.displayName)
  const followUps = page.getByTestId('customer-follow-ups')
  await expect(followUps).toContainText('已接通')
  await expect(followUps).toContainText('77.5')
  const payments = page.getByTestId('customer-payments')
  await expect(payments.locator('tbody tr')).toHaveCount(3)
  // Newest first: the counter sale, the refund, the repair's payment.
  await expect(payments.locator('tbody tr').nth(0)).toContainText(sale.number)
  await expect(payments.locator('tbody tr').nth(1)).toContainText(note.number)
  await expect(payments.locator('tbody tr').nth(1).getByTestId('payment-kind')).toHaveText('退款')
  await expect(payments.locator('tbody tr').nth(1).getByTestId('payment-amount')).toHaveText('-¥40.00')
  await expect(payments.locator('tbody tr').nth(2).getByTestId('payment-amount')).toHaveText('¥530.00')
  await payments.scrollIntoViewIfNeeded()
  await settled(page)
  await screenshot(page, 'customer-history-zh')

  // The complaint's number opens it on the complaints page, whatever its status.
  await complaints.getByTestId('complaint-link').click()
  await expect(page.getByTestId('complaint-search')).toHaveValue(called.complaint.number)
  await expect(page.getByTestId('complaints')).toContainText('等得太久')

  await chooseLanguage(page, 'en')
  await page.goto(`${host.url}#/customers/${customer.id}`)
  await page.reload()
  await expect(page.getByTestId('customer-payments')).toContainText('Refund')
  await expect(page.getByTestId('customer-follow-ups')).toContainText('Reached')
  await expect(page.getByTestId('customer-complaints').getByTestId('complaint-status')).toHaveText('Being handled')
  await page.getByTestId('customer-payments').scrollIntoViewIfNeeded()
  await settled(page)
  await screenshot(page, 'customer-history-en')

  // The bench sees the customer and their jobs, not their money, complaints or calls.
  const bench = await staffPage(browser, host, tech.username, tech.password)
  await bench.goto(`${host.url}#/customers/${customer.id}`)
  await expect(bench.getByTestId('customer-work-orders')).toContainText(job.number)
  await expect(bench.getByTestId('customer-payments')).toHaveCount(0)
  await expect(bench.getByTestId('customer-complaints')).toHaveCount(0)
  await expect(bench.getByTestId('customer-follow-ups')).toHaveCount(0)
})
