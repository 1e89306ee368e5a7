import type { Page } from '@playwright/test'
import {
  switchLanguage,
  test,
  expect,
  ADMIN,
  hire,
  pageSessionToken,
  screenshot,
  settled,
  setUpShop,
  signIn,
  staffPage,
  type ShopHost
} from './fixtures'
import { finishedJob } from './counterJobs'

const goTo = (page: Page, host: ShopHost, path: string) => page.goto(`${host.url}#${path}`)

/** A shop with a front desk and a manager beside its admin. */
async function staffedShop(host: ShopHost) {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'qianduan', '前台小李', 'front_desk')
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  return { adminToken, desk, boss }
}

interface Invoiced {
  id: string
  number: string
  lines: { id: string; kind: string }[]
}

test('a restore names the money it drops; the counter sees it on the day close and the job, and charging or refunding again asks first', async ({
  page,
  host,
  browser
}) => {
  // Two jobs through the counter, a restore and three desks: slow on a loaded machine.
  test.setTimeout(240_000)
  const { adminToken, desk, boss } = await staffedShop(host)
  const jobA = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '张三丰',
    labourFen: 10_000,
    partPriceFen: 20_000
  })
  const invoiceA = await host.rpc<Invoiced>(
    'checkout.pay',
    { workOrderId: jobA.id, tenders: [{ method: 'cash', amountFen: 30_000 }] },
    adminToken
  )
  const jobB = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '李秀英',
    labourFen: 8_000,
    partPriceFen: 12_000
  })
  await host.rpc('backups.takeNow', {}, adminToken)

  // After the copy: part of A's labour refunded in cash, B paid by WeChat and taken home.
  const labour = invoiceA.lines.find((line) => line.kind === 'labour')!
  const note = await host.rpc<Invoiced>(
    'checkout.creditNote',
    {
      invoiceId: invoiceA.id,
      lines: [{ lineId: labour.id, amountFen: 4_000 }],
      reason: '工时多收',
      refundMethod: 'cash'
    },
    adminToken
  )
  const invoiceB = await host.rpc<Invoiced>(
    'checkout.pay',
    { workOrderId: jobB.id, tenders: [{ method: 'wechat_pay', amountFen: 20_000 }] },
    adminToken
  )

  // Before confirming, the admin reads which money the restore drops.
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-backups').click()
  await page.getByTestId('backup-list').getByRole('button', { name: '恢复' }).click()
  const dropped = page.getByTestId('restore-money').getByTestId('restore-money-dropped')
  await expect(dropped).toContainText(`退款 ${note.number} -¥40.00`)
  await expect(dropped).toContainText(`收款 ${invoiceB.number} ¥200.00`)
  await expect(dropped).toContainText('收入 200.00 元，付出 40.00 元')
  await settled(page)
  await screenshot(page, 'backups-restore-money-preview')
  await page.getByTestId('confirm-restore').click()
  await expect(page.getByTestId('sign-in-notice')).toContainText('从备份恢复')

  // The front desk meets both on the day close, and B's on its job.
  const deskPage = await staffPage(browser, host, desk.username, desk.password)
  await goTo(deskPage, host, '/day-close')
  const alert = deskPage.getByTestId('dropped-money')
  await expect(alert).toContainText('恢复备份时丢失了 2 笔收付款记录')
  await expect(alert.getByTestId(`dropped-${note.number}`)).toContainText(`工单 ${jobA.number}`)
  await expect(alert.getByTestId(`dropped-${invoiceB.number}`)).toContainText('微信支付')
  await expect(alert.getByTestId('dropped-dealt-with')).toHaveCount(0)
  await settled(deskPage)
  await screenshot(deskPage, 'day-close-dropped-money')
  await goTo(deskPage, host, `/work-orders/${jobB.id}`)
  await expect(deskPage.getByTestId('work-order').getByTestId('dropped-money')).toContainText(invoiceB.number)
  await settled(deskPage)
  await screenshot(deskPage, 'work-order-dropped-money')

  // Charging B again stops, naming the payment; once checked, a manager approves it on the spot.
  await deskPage.getByTestId('checkout').click()
  await expect(deskPage.getByTestId('checkout-due')).toHaveText('¥200.00')
  await expect(deskPage.getByTestId('checkout-form').getByTestId('dropped-money')).toContainText(invoiceB.number)
  await deskPage.getByTestId('pay').click()
  await expect(deskPage.locator('.el-message--error')).toContainText(
    `恢复备份时丢失了此单的收付款记录：${invoiceB.number}`
  )
  await deskPage.getByTestId('dropped-checked').click()
  await settled(deskPage)
  await screenshot(deskPage, 'checkout-dropped-payment-checked')
  await deskPage.getByTestId('pay').click()
  const approval = deskPage.getByTestId('approval-dialog')
  await expect(approval.getByTestId('approval-dropped-money')).toBeVisible()
  await approval.locator('input[name=approval-username]').fill(boss.username)
  await approval.locator('input[name=approval-password]').fill(boss.password)
  await approval.locator('input[name=approval-password]').press('Enter')
  await expect(deskPage.getByTestId('checkout-success')).toBeVisible()

  // Refunding A again: the manager reads the dropped refund on the receipt and is asked before going on.
  const bossPage = await staffPage(browser, host, boss.username, boss.password)
  await goTo(bossPage, host, `/invoices/${invoiceA.id}`)
  await expect(bossPage.getByTestId('invoice-page').getByTestId('dropped-money')).toContainText(note.number)
  await settled(bossPage)
  await screenshot(bossPage, 'invoice-dropped-refund')
  await bossPage.getByTestId('open-credit').click()
  const dialog = bossPage.getByTestId('credit-dialog')
  await dialog.locator('input[name=credit-amount-0]').fill('40')
  await dialog.locator('input[name=credit-reason]').fill('工时多收')
  await dialog.getByTestId('credit-confirm').click()
  const ask = bossPage.locator('.el-message-box')
  await expect(ask).toContainText(note.number)
  await screenshot(bossPage, 'credit-note-dropped-refund-ask')
  await ask.getByRole('button', { name: '仍要继续' }).click()
  await expect(bossPage.getByText(/已开具退款单 CN-/)).toBeVisible()

  // Both were dealt with at the counter: the day close no longer warns.
  await goTo(bossPage, host, '/day-close')
  await expect(bossPage.getByTestId('day-close-page')).toBeVisible()
  await expect(bossPage.getByTestId('invoice-page')).toHaveCount(0)
  await expect(bossPage.getByTestId('dropped-money')).toHaveCount(0)
})

test('a manager marks a dropped record dealt with on the day close, with a note; an erased customer on it reads in the reader’s language', async ({
  browser,
  host
}) => {
  const { adminToken, boss } = await staffedShop(host)
  const job = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '王建军',
    labourFen: 5_000,
    partPriceFen: 5_000
  })
  const copy = await host.rpc<{ name: string }>('backups.takeNow', {}, adminToken)
  const invoice = await host.rpc<Invoiced>(
    'checkout.pay',
    { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 10_000 }] },
    adminToken
  )
  const { customer } = await host.rpc<{ customer: { id: string } }>('workOrders.get', { id: job.id }, adminToken)
  await host.rpc('backups.restore', { name: copy.name }, adminToken)

  const bossPage = await staffPage(browser, host, boss.username, boss.password)
  // The customer asks to be erased: the dropped payment names them by the placeholder alone.
  await host.rpc('customers.erase', { id: customer.id }, (await pageSessionToken(bossPage))!)
  await goTo(bossPage, host, '/day-close')
  const alert = bossPage.getByTestId('dropped-money')
  const record = alert.getByTestId(`dropped-${invoice.number}`)
  await expect(record).toContainText('客户 已删除客户')
  await settled(bossPage)
  await screenshot(bossPage, 'day-close-dropped-money-erased-zh')
  // An English reader reads the placeholder in English, not the Chinese it is stored as.
  await switchLanguage(bossPage, 'English')
  await expect(record).toContainText('customer Erased customer')
  await expect(record).not.toContainText('已删除客户')
  await settled(bossPage)
  await screenshot(bossPage, 'day-close-dropped-money-erased-en')
  await switchLanguage(bossPage, '中文')
  await expect(record).toContainText('客户 已删除客户')
  await alert.getByTestId(`dropped-${invoice.number}`).getByTestId('dropped-dealt-with').click()
  const box = bossPage.locator('.el-message-box')
  await box.locator('input').fill('客户已付现金，重新收款')
  await settled(bossPage)
  await screenshot(bossPage, 'day-close-dropped-money-mark')
  await box.getByRole('button', { name: '已处理' }).click()
  await expect(bossPage.getByText('已标记为已处理')).toBeVisible()
  await expect(alert).toHaveCount(0)
})
