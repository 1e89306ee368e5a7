import { execFileSync } from 'node:child_process'
import { test, expect, screenshot, settled, setUpShop, staffPage, hire } from './fixtures'
import { fiveFigureJob } from './counterJobs'
import { renderDocument } from './printedDocument'

/**
 * A five-figure repair reads at a glance wherever its money shows: thousands grouped on the
 * checkout, the invoice, the receipt on every paper and the day-close report, while the money
 * field the cashier types in keeps plain digits.
 */
test('a ¥12,345 repair shows its thousands grouped on screen and on paper, its money field in plain digits', async ({
  browser,
  host
}) => {
  test.setTimeout(180_000)
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const job = await fiveFigureJob(host, adminToken, '欧阳娜娜')

  const page = await staffPage(browser, host, desk.username, desk.password)
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${host.url}#/work-orders/${job.id}`)
  await page.getByTestId('checkout').click()
  await expect(page.getByTestId('checkout-due')).toHaveText('¥12,695.00')
  await expect(page.getByTestId('checkout-form')).toContainText('¥12,345.00')
  await expect(page.getByTestId('pay')).toHaveText('收款 ¥12,695.00')
  // What the cashier types back is plain digits, and plain digits are taken.
  const cash = page.locator('input[name=tender-amount-0]')
  await expect(cash).toHaveValue('12695.00')
  await cash.fill('13000')
  await expect(page.getByTestId('checkout-change')).toHaveText('¥305.00')
  await settled(page)
  await screenshot(page, 'grouped-money-checkout')
  await page.getByTestId('pay').click()
  await expect(page.getByTestId('checkout-success')).toBeVisible()
  await page.getByTestId('open-invoice').click()
  await expect(page).toHaveURL(/\/invoices\/[^/]+$/)
  const invoiceId = /\/invoices\/([^/?]+)/.exec(page.url())![1]!
  await expect(page.getByTestId('invoice-lines')).toContainText('12,345.00')
  await settled(page)
  await screenshot(page, 'grouped-money-invoice')

  const viewing = await staffPage(browser, host, boss.username, boss.password)
  for (const paper of ['roll_58', 'roll_80', 'a4'] as const) {
    const receipt = await renderDocument(viewing, host, 'payment_receipt', invoiceId, paper, `grouped-receipt-${paper}`)
    expect(receipt.text).toContain('12,345.00')
    expect(receipt.text).toContain('12,795.00')
    execFileSync('pdftoppm', ['-png', '-r', '60', receipt.file, receipt.file.replace(/\.pdf$/, '-60dpi')])
  }
  for (const paper of ['roll_80', 'a4'] as const) {
    const report = await renderDocument(viewing, host, 'day_close_report', 'open', paper, `grouped-day-close-${paper}`)
    // The day's takings: the ¥100 deposit at intake and ¥12,695 at the counter.
    expect(report.text).toContain('12,795.00')
    execFileSync('pdftoppm', ['-png', '-r', '60', report.file, report.file.replace(/\.pdf$/, '-60dpi')])
  }

  await viewing.setViewportSize({ width: 1366, height: 768 })
  await viewing.goto(`${host.url}#/day-close`)
  await expect(viewing.getByTestId('day-close-page')).toContainText('¥12,795.00')
  await settled(viewing)
  await screenshot(viewing, 'grouped-money-day-close')
})
