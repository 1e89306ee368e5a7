import type { Page } from '@playwright/test'
import { test, expect, hire, screenshot, settled, setUpShop, staffPage } from './fixtures'
import { finishedJob } from './counterJobs'

/** The smallest counter screen the shop runs on. */
const SMALL_SCREEN = { width: 1280, height: 720 }

async function smallScreenPage(...args: Parameters<typeof staffPage>): Promise<Page> {
  const page = await staffPage(...args)
  await page.setViewportSize(SMALL_SCREEN)
  return page
}

test('on a 1280×720 screen a long delivery keeps its post button in view, without scrolling to the end', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
  const codes: string[] = []
  for (let n = 1; n <= 16; n++) {
    const partNumber = `KIT-${String(n).padStart(2, '0')}`
    await host.rpc(
      'parts.create',
      { partNumber, name: `维修配件 ${n}`, barcodes: [], sellingPriceFen: 1_000 * n, costPriceFen: 500 * n },
      adminToken
    )
    codes.push(partNumber)
  }

  const page = await smallScreenPage(browser, host, clerk.username, clerk.password)
  await page.getByTestId('nav-parts-receive').click()
  await page.locator('input[name=reference]').fill('SF1400999001')
  const scanBox = page.getByTestId('receive-scan')
  for (const code of codes) {
    await scanBox.pressSequentially(code, { delay: 5 })
    await scanBox.press('Enter')
  }
  const lines = page.getByTestId('receive-lines')
  await expect(lines.getByTestId('line-part-number')).toHaveCount(codes.length)
  await expect(page.getByTestId('receive-totals')).toContainText(`${codes.length} 种配件`)
  // The lines run past the window's bottom; the post button and the totals stay in view over them.
  await expect(lines.getByTestId('line-part-number').last()).not.toBeInViewport()
  await expect(page.getByTestId('receive-post')).toBeInViewport({ ratio: 1 })
  await expect(page.getByTestId('receive-totals')).toBeInViewport({ ratio: 1 })
  await settled(page)
  await screenshot(page, 'small-screen-receive-long-delivery')

  await page.getByTestId('receive-post').click()
  await expect(lines.getByTestId('line-part-number')).toHaveCount(0)
})

test('on a 1280×720 screen the hand-over dialog at its tallest (unpaid, a manager’s leave asked) keeps its buttons in view', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
  const job = await finishedJob(host, adminToken, {
    serviceType: 'paid_repair',
    customer: '周敏',
    labourFen: 8_000,
    partPriceFen: 45_000
  })

  const page = await smallScreenPage(browser, host, desk.username, desk.password)
  await page.goto(`${host.url}#/work-orders/${job.id}`)
  await page.getByTestId('pickup').click()
  const pickup = page.getByTestId('pickup-dialog')
  await expect(pickup.getByTestId('pickup-not-billed')).toBeVisible()
  await pickup.getByTestId('pickup-unpaid-override').click()
  await expect(pickup.locator('input[name=unpaid-manager-password]')).toBeVisible()
  await settled(page)
  await screenshot(page, 'small-screen-pickup-unpaid')
  await expect(pickup.getByTestId('pickup-submit')).toBeInViewport({ ratio: 1 })
  await expect(pickup.getByRole('button', { name: '取消' })).toBeInViewport({ ratio: 1 })
})
