import type { Page } from '@playwright/test'
import { registerShop } from '../../src-hq/shops/service'
import { setLabourRates, upsertCatalogueParts } from '../../src-hq/seed/shared'
import { ADMIN, setUpShop, signIn, tallScreenshot } from './fixtures'
import { expect, signInAtHq, test } from './hqFixtures'
import { warrantyJobReadyForPickup } from './warrantyJobs'

/**
 * The whole claim round trip against the REAL HQ (src-hq on its embedded PostgreSQL, over HTTPS
 * with its own certificate): the shop's admin enrols on the sync page, the counter bills a
 * warranty job to the brand, "sync now" sends the claim, a reviewer approves it on HQ's claims
 * queue, and the next sync shows the approval on the shop's job.
 */

const PART_NUMBER = 'HW-SCR-M60'

/** "Sync now" on the shop's sync page, then waits until nothing is left to send. */
async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('nav-sync').click()
  await page.getByTestId('sync-now').click()
  await expect(page.getByTestId('sync-healthy')).toBeVisible({ timeout: 30_000 })
  await expect(page.getByTestId('sync-now')).toBeEnabled({ timeout: 30_000 })
  await expect(page.getByTestId('sync-waiting')).toHaveText('0')
}

test('a claim made at the shop’s checkout appears in HQ’s queue, is approved there, and the approval shows on the shop’s job', async ({
  page,
  browser,
  host,
  hqServer
}) => {
  test.setTimeout(120_000)
  const { hq } = hqServer
  // The brand's price list: 50 yuan labour for any category, 280 yuan for the screen.
  await setLabourRates(hq, [{ categoryKey: '*', labourFen: 5_000 }])
  await upsertCatalogueParts(hq, [
    {
      partNumber: PART_NUMBER,
      name: '屏幕总成 Mate 60 Pro',
      description: '',
      unit: 'piece',
      claimPriceFen: 28_000,
      retailPriceFen: 45_000,
      returnFaulty: false,
      serialTracked: false
    }
  ])
  const { code } = await registerShop(hq, '鑫诚天河店')
  const adminToken = await setUpShop(host)
  const job = await warrantyJobReadyForPickup(host, adminToken, {
    customer: { name: '李四', mobile: '13900003333' },
    serial: 'SNREALHQ0001',
    reportedFault: '屏幕无显示',
    part: { partNumber: PART_NUMBER, name: '屏幕总成', sellingPriceFen: 45_000, costPriceFen: 20_000 }
  })

  // The shop's admin enrols with HQ, checking the fingerprint HQ's network admin gave.
  await signIn(page, host, ADMIN.username, ADMIN.password)
  await page.getByTestId('nav-sync').click()
  await page.getByTestId('sync-hq-url').fill(hqServer.url)
  await page.getByTestId('sync-read-certificate').click()
  await expect(page.getByTestId('sync-fingerprint')).toHaveText(hqServer.fingerprint)
  await page.getByTestId('sync-confirm-fingerprint').click()
  await page.getByTestId('sync-code').fill(code)
  await page.getByTestId('sync-enrol-submit').click()
  await expect(page.getByTestId('sync-now')).toBeVisible()

  // At the counter the whole job goes to the brand: nothing to take, one click.
  await page.goto(`${host.url}#/work-orders/${job.id}/checkout`)
  await expect(page.getByTestId('checkout-brand')).toHaveText('¥510.00')
  await page.getByTestId('pay').click()
  await expect(page.getByTestId('checkout-success')).toBeVisible()
  await syncNow(page)

  // HQ's claims reviewer finds it in the queue, with the shop's evidence, and approves it.
  const hqPage = await browser.newPage({ ignoreHTTPSErrors: true })
  await signInAtHq(hqPage, hqServer.url)
  await hqPage.getByRole('tab', { name: '索赔队列' }).click()
  const queued = hqPage.getByRole('row', { name: new RegExp(job.number) })
  await expect(queued).toContainText('鑫诚天河店')
  await expect(queued).toContainText('SNREALHQ0001')
  await expect(queued).toContainText('¥510.00')
  await expect(hqPage.getByTestId(`hq-claim-status-${job.number}`)).toHaveText('待审')
  await tallScreenshot(hqPage, 'real-hq-claim-queued')
  await hqPage.getByTestId(`hq-approve-${job.number}`).click()
  // The dialog puts the shop's bill beside the brand's rates; the reviewer confirms the rates.
  const approval = hqPage.getByTestId('hq-approve-dialog')
  await expect(approval).toContainText('门店申请 ¥510.00，按总部标准 ¥330.00')
  await expect(approval.getByTestId('hq-approve-no-price')).toHaveCount(0)
  await approval.getByTestId('hq-approve-confirm').click()
  await expect(hqPage.getByTestId(`hq-claim-status-${job.number}`)).toHaveCount(0)
  await hqPage.close()

  // The next sync brings the decision back: the job says approved, at the brand's prices (50 + 280 yuan).
  await syncNow(page)
  await page.goto(`${host.url}#/work-orders/${job.id}`)
  const claims = page.getByTestId('work-order-claims')
  await expect(claims.getByTestId('claim-state')).toHaveText('已批准')
  await expect(claims).toContainText('330.00')
  await tallScreenshot(page, 'real-hq-claim-approved-on-job', 1300)
})
