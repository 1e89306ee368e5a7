import type { Page } from '@playwright/test'
import { shopLocalDate } from '../../src-shared/domain/timeZone'
import {
  switchLanguage,
  test,
  expect,
  hire,
  pageSessionToken,
  screenshot,
  settled,
  setUpShop,
  staffPage,
  tallScreenshot,
  type ShopHost
} from './fixtures'
import { finishedJob } from './counterJobs'
import { renderDocument } from './printedDocument'

const goTo = (page: Page, host: ShopHost, path: string) => page.goto(`${host.url}#${path}`)

interface Invoiced {
  id: string
  number: string
}

interface Closed {
  id: string
  number: string
  closedAt: string
}

/**
 * A shop with a manager and 李秀英's finished ¥200 job (and what `beforeTheCopy` adds); a copy; after
 * it the job paid ¥200 in cash and the day closed with that cash handed over; then the copy restored.
 */
async function paidAndClosedAfterTheCopy<T>(host: ShopHost, beforeTheCopy: (adminToken: string) => Promise<T>) {
  const adminToken = await setUpShop(host)
  const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
  const paidAgain = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '李秀英',
    labourFen: 8_000,
    partPriceFen: 12_000
  })
  const more = await beforeTheCopy(adminToken)
  const copy = await host.rpc<{ name: string }>('backups.takeNow', {}, adminToken)
  const dropped = await host.rpc<Invoiced>(
    'checkout.pay',
    { workOrderId: paidAgain.id, tenders: [{ method: 'cash', amountFen: 20_000 }] },
    adminToken
  )
  const kept = await host.rpc<Closed>('dayClose.close', { countedCashFen: 20_000, note: '' }, adminToken)
  await host.rpc('backups.restore', { name: copy.name }, adminToken)
  return { boss, paidAgain, more, dropped, kept }
}

test('a payment a kept day close counted, re-entered after a restore, is listed on the next close and not expected in the drawer again', async ({
  browser,
  host
}) => {
  // Two jobs through the counter, two closes and a restore: slow on a loaded machine.
  test.setTimeout(240_000)
  const {
    boss,
    paidAgain,
    dropped,
    kept,
    more: paidToday
  } = await paidAndClosedAfterTheCopy(host, (adminToken) =>
    finishedJob(host, adminToken, {
      serviceType: 'paid_repair',
      customer: '赵大海',
      labourFen: 3_000,
      partPriceFen: 7_000
    })
  )

  // The manager re-enters the payment at the checkout, over the dropped record.
  const bossPage = await staffPage(browser, host, boss.username, boss.password)
  await goTo(bossPage, host, `/work-orders/${paidAgain.id}`)
  await bossPage.getByTestId('checkout').click()
  await expect(bossPage.getByTestId('checkout-due')).toHaveText('¥200.00')
  await bossPage.getByTestId('dropped-checked').click()
  await bossPage.getByTestId('pay').click()
  await expect(bossPage.getByTestId('checkout-success')).toBeVisible()
  // Today's own money: the second job paid ¥100 in cash.
  await host.rpc(
    'checkout.pay',
    { workOrderId: paidToday.id, tenders: [{ method: 'cash', amountFen: 10_000 }] },
    (await pageSessionToken(bossPage))!
  )

  // The next close expects only today's ¥100, and says where the ¥200 was counted.
  await goTo(bossPage, host, '/day-close')
  await expect(bossPage.getByTestId('expected-cash')).toHaveText('¥100.00')
  await expect(bossPage.getByTestId('expected-excludes')).toHaveText('不含已清点的补录款 ¥200.00')
  await expect(bossPage.getByTestId('report-takings')).toHaveText('¥100.00')
  // The re-entry's receipt was counted by the kept close with the dropped one: only today's counts.
  await expect(bossPage.getByTestId('report-invoices')).toHaveText('1')
  await expect(bossPage.getByTestId('report-by-method')).toContainText('¥100.00')
  const keptDate = shopLocalDate(new Date(kept.closedAt), 'Asia/Shanghai')
  const line = bossPage.getByTestId('report-re-entered').getByTestId(`re-entered-${dropped.number}`)
  await expect(line).toHaveText(`已由 ${keptDate} 的日结 ${kept.number} 清点（恢复备份后补录）`)
  // In the payments list, the re-entered row is marked.
  await expect(bossPage.getByTestId('report-payments').locator('tr', { hasText: '¥200.00' })).toContainText(
    '恢复后补录'
  )
  await tallScreenshot(bossPage, 'day-close-re-entered-zh', 1300)
  await switchLanguage(bossPage, 'English')
  await expect(line).toHaveText(
    `already counted by the close of ${keptDate} (${kept.number}), re-entered after a restore`
  )
  await tallScreenshot(bossPage, 'day-close-re-entered-en', 1300)
  await switchLanguage(bossPage, '中文')

  // Counted ¥100, the drawer balances; the closed report keeps the line.
  await bossPage.locator('input[name=counted-cash]').fill('100')
  await expect(bossPage.getByTestId('live-difference')).toHaveText('相符')
  await bossPage.getByTestId('close-day').click()
  await bossPage.locator('.el-message-box').getByRole('button', { name: '日结' }).click()
  await expect(bossPage.getByTestId('day-close-closed')).toBeVisible()
  await expect(bossPage.getByTestId('closed-difference')).toHaveText('相符')
  await expect(bossPage.getByTestId('report-re-entered')).toContainText(kept.number)
  await settled(bossPage)
  await tallScreenshot(bossPage, 'day-close-re-entered-closed', 1300)

  // On paper too: the line, and the cash the drawer was asked for.
  const closeId = new URL(bossPage.url()).hash.split('/').pop()!
  for (const paper of ['a4', 'roll_80'] as const) {
    const printed = await renderDocument(
      bossPage,
      host,
      'day_close_report',
      closeId,
      paper,
      `day-close-re-entered-${paper}`
    )
    expect(printed.text).toContain('恢复备份后补录')
    expect(printed.text).toContain(dropped.number)
    expect(printed.text).toContain(kept.number)
  }
})

test('a payment a kept close counted, marked as not to be re-entered: the job charged later is new money the drawer is asked for', async ({
  browser,
  host
}) => {
  // A job through the counter, a close and a restore: slow on a loaded machine.
  test.setTimeout(240_000)
  const { boss, paidAgain: job, dropped, kept } = await paidAndClosedAfterTheCopy(host, async () => null)

  // The manager marks the dropped payment dealt with first: the dialog says where its cash was counted.
  const bossPage = await staffPage(browser, host, boss.username, boss.password)
  await goTo(bossPage, host, '/day-close')
  const record = bossPage.getByTestId('dropped-money').getByTestId(`dropped-${dropped.number}`)
  await record.getByTestId('dropped-dealt-with').click()
  const box = bossPage.locator('.el-message-box')
  const keptDate = shopLocalDate(new Date(kept.closedAt), 'Asia/Shanghai')
  await expect(box.getByTestId('dropped-counted-warning')).toContainText(
    `这笔款项已由 ${keptDate} 的日结 ${kept.number} 清点，现金已交接`
  )
  await box.locator('input').fill('客户说以后再来付')
  await settled(bossPage)
  await screenshot(bossPage, 'dropped-money-mark-counted-zh')
  await box.getByRole('button', { name: '不会重新录入，标记已处理' }).click()
  await expect(bossPage.getByText('已标记为已处理')).toBeVisible()
  await expect(bossPage.getByTestId('dropped-money')).toHaveCount(0)

  // The customer comes back and pays the job at the checkout: nothing stops it.
  await goTo(bossPage, host, `/work-orders/${job.id}`)
  await bossPage.getByTestId('checkout').click()
  await expect(bossPage.getByTestId('checkout-due')).toHaveText('¥200.00')
  await expect(bossPage.getByTestId('dropped-checked')).toHaveCount(0)
  await bossPage.getByTestId('pay').click()
  await expect(bossPage.getByTestId('checkout-success')).toBeVisible()

  // The manager said that money would not be re-entered: this is new cash, and the next close asks for it.
  await goTo(bossPage, host, '/day-close')
  await expect(bossPage.getByTestId('expected-cash')).toHaveText('¥200.00')
  await expect(bossPage.getByTestId('report-takings')).toHaveText('¥200.00')
  await expect(bossPage.getByTestId('report-invoices')).toHaveText('1')
  await expect(bossPage.getByTestId('expected-excludes')).toHaveCount(0)
  await expect(bossPage.getByTestId('report-re-entered')).toHaveCount(0)
  await bossPage.locator('input[name=counted-cash]').fill('200')
  await expect(bossPage.getByTestId('live-difference')).toHaveText('相符')
  await settled(bossPage)
  await tallScreenshot(bossPage, 'day-close-after-not-re-entered-zh', 1300)
})
