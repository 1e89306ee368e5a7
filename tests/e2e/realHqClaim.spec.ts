import type { Page } from '@playwright/test'
import { registerShop } from '../../src-hq/shops/service'
import { setLabourRates, upsertCatalogueParts } from '../../src-hq/seed/shared'
import { ADMIN, setUpShop, signIn, tallScreenshot, type ShopHost } from './fixtures'
import { expect, signInAtHq, test } from './hqFixtures'

/**
 * The whole claim round trip against the REAL HQ (src-hq on its embedded PostgreSQL, over HTTPS
 * with its own certificate): the shop's admin enrols on the sync page, the counter bills a
 * warranty job to the brand, "sync now" sends the claim, a reviewer approves it on HQ's claims
 * queue, and the next sync shows the approval on the shop's job.
 */

const PART_NUMBER = 'HW-SCR-M60'

/** A warranty job ready at the counter: 40 minutes' labour and the brand's screen, arranged through the API. */
async function warrantyJobAtTheCounter(host: ShopHost, token: string): Promise<{ id: string; number: string }> {
  const { workOrder } = await host.rpc<{ workOrder: { id: string; number: string } }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '李四', mobile: '13900003333' } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial: 'SNREALHQ0001' } },
      serviceType: 'warranty_repair',
      intakeChannel: 'walk_in',
      reportedFault: '屏幕无显示',
      symptomCode: 'S01',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false, value: '' },
      depositFen: 0,
      depositMethod: 'cash'
    },
    token
  )
  const id = workOrder.id
  const move = (to: string) => host.rpc('workOrders.transition', { id, to }, token)
  await move('diagnosing')
  await move('repairing')
  await host.rpc('workOrders.addLabour', { id, description: '更换屏幕', minutes: 40, priceFen: 6_000 }, token)
  const part = await host.rpc<{ id: string }>(
    'parts.create',
    { partNumber: PART_NUMBER, name: '屏幕总成', barcodes: [], sellingPriceFen: 45_000, costPriceFen: 20_000 },
    token
  )
  await host.rpc(
    'parts.receive',
    { reference: 'HQ-1', lines: [{ partId: part.id, quantity: 1, unitCostFen: 20_000 }] },
    token
  )
  await host.rpc('workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, token)
  await move('quality_check')
  await move('ready_for_pickup')
  return workOrder
}

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
  const job = await warrantyJobAtTheCounter(host, adminToken)

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
