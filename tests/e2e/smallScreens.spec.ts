import type { Locator, Page } from '@playwright/test'
import { test, expect, screenshot, settled, setUpShop, staffPage, hire, typeWalkIn, type ShopHost } from './fixtures'
import { deskAtTheCounter, finishedJob, fiveFigureJob, waitingPaidJob } from './counterJobs'

/**
 * The counter's PCs are 1366×768 laptops and 1280×720 all-in-ones at 100 %: on each screen of the
 * counter's day the button that finishes the task is in the window as the screen opens, with no
 * scrolling, and stays there when the page is scrolled to its far end.
 */
const SCREENS = [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 }
] as const

const goTo = (page: Page, host: ShopHost, path: string) => page.goto(`${host.url}#${path}`)

/**
 * Each code on one line, never broken inside: cut with an ellipsis where its column is narrower,
 * the whole code in its title for the mouse.
 */
async function expectWholeCodes(codes: Locator, expected: string[]): Promise<void> {
  await expect(codes).toHaveCount(expected.length)
  for (const [index, code] of (await codes.all()).entries()) {
    await expect(code).toHaveAttribute('title', expected[index]!)
    const lines = await code.evaluate((element) => {
      const style = (
        globalThis as unknown as { getComputedStyle(e: unknown): { lineHeight: string } }
      ).getComputedStyle(element)
      return Math.round((element as unknown as { clientHeight: number }).clientHeight / parseFloat(style.lineHeight))
    })
    expect(lines).toBe(1)
  }
}

/** In the window now, and still in it with the page (or dialog) scrolled to the end and back. */
async function staysInView(page: Page, action: Locator): Promise<void> {
  await expect(action).toBeInViewport({ ratio: 1 })
  const window = page.viewportSize()!
  await page.mouse.move(window.width / 2, window.height / 2)
  await page.mouse.wheel(0, 5000)
  await expect(action).toBeInViewport({ ratio: 1 })
  await page.mouse.wheel(0, -5000)
  await expect(action).toBeInViewport({ ratio: 1 })
}

/** Wholly in the window and above the pay bar fixed at the page's foot, not under it. */
async function expectAboveTheBar(page: Page, shown: Locator): Promise<void> {
  await expect(shown).toBeInViewport({ ratio: 1 })
  const box = (await shown.boundingBox())!
  const bar = (await page.locator('.action-bar').boundingBox())!
  expect(box.y + box.height).toBeLessThanOrEqual(bar.y)
}

for (const size of SCREENS) {
  const tag = `${size.width}x${size.height}`

  test(`at ${tag} the checkout's Pay, the counter sale's Pay and check-in's Save are in view`, async ({
    browser,
    host
  }) => {
    const { adminToken, job, page } = await deskAtTheCounter(
      browser,
      host,
      (token) => fiveFigureJob(host, token, '欧阳娜娜'),
      size
    )
    // A basket of eight accessories with part numbers as long as the brand's get.
    const accessories = Array.from({ length: 8 }, (_, n) => ({
      partNumber: `CHG-66W-HUAWEI-SUPERCHARGE-${2020 + n}`,
      barcode: `69012345678${10 + n}`
    }))
    for (const accessory of accessories) {
      const part = await host.rpc<{ id: string }>(
        'parts.create',
        {
          partNumber: accessory.partNumber,
          name: '66W 快充充电器',
          barcodes: [accessory.barcode],
          sellingPriceFen: 1_234_500,
          costPriceFen: 1_500
        },
        adminToken
      )
      await host.rpc(
        'parts.receive',
        { reference: 'HQ-1', lines: [{ partId: part.id, quantity: 3, unitCostFen: 1_500 }] },
        adminToken
      )
    }

    await goTo(page, host, `/work-orders/${job.id}`)
    await page.getByTestId('checkout').click()
    await expect(page.getByTestId('checkout-due')).toHaveText('¥12,695.00')
    // The caret starts in the cash amount, and the cashier sees it: above the bar, not under it.
    const cash = page.locator('input[name=tender-amount-0]')
    await expect(cash).toBeFocused()
    await expect(cash).toBeInViewport({ ratio: 1 })
    await settled(page)
    await expectAboveTheBar(page, cash)
    await screenshot(page, `small-checkout-${tag}`)
    await staysInView(page, page.getByTestId('pay'))

    await goTo(page, host, '/counter-sale')
    const scan = page.getByTestId('counter-scan')
    await expect(scan).toBeFocused()
    for (const accessory of accessories) {
      await scan.fill(accessory.barcode)
      await scan.press('Enter')
      await expect(scan).toHaveValue('')
    }
    await expect(page.getByTestId('counter-lines').locator('tbody tr')).toHaveCount(8)
    await expect(page.getByTestId('counter-total')).toContainText('¥98,760.00')
    await expectWholeCodes(
      page.getByTestId('counter-lines').locator('.code-cut'),
      accessories.map((a) => a.partNumber)
    )
    await settled(page)
    await staysInView(page, page.getByTestId('counter-pay'))
    await screenshot(page, `small-counter-sale-${tag}`)

    await goTo(page, host, '/intake')
    await typeWalkIn(page, {
      customer: { name: '张三丰', mobile: '13800138000' },
      device: { brand: 'HUAWEI', model: 'Mate 60 Pro+', serial: 'SNSMALL0001' },
      reportedFault: '屏幕摔碎，触摸失灵'
    })
    await settled(page)
    await staysInView(page, page.getByTestId('intake-submit'))
    await screenshot(page, `small-intake-${tag}`)
  })

  test(`at ${tag} the cashier sees the cash typed, the tendered total and the change while taking it`, async ({
    browser,
    host
  }) => {
    // A quoted repair: the quote the customer agreed to sits above the totals, pushing the payment down.
    const { job, page } = await deskAtTheCounter(
      browser,
      host,
      (token) => waitingPaidJob(host, token, '黄琳涵', 4_000),
      size
    )
    await goTo(page, host, `/work-orders/${job.id}/checkout`)
    const cash = page.locator('input[name=tender-amount-0]')
    await expect(cash).toBeFocused()
    await page.keyboard.type('200')
    await expect(page.getByTestId('checkout-change')).toHaveText('¥80.00')
    await settled(page)
    for (const shown of [cash, page.getByTestId('checkout-tendered'), page.getByTestId('checkout-change')])
      await expectAboveTheBar(page, shown)
    await page.screenshot({ path: `test-results/screens/small-checkout-change-${tag}.png` })
  })

  test(`at ${tag} the part dialog's Save and the credit note's Confirm are in view`, async ({ browser, host }) => {
    const adminToken = await setUpShop(host)
    const boss = await hire(host, adminToken, 'wangfang', '王芳', 'manager')
    const job = await fiveFigureJob(host, adminToken, '张三丰')
    const invoice = await host.rpc<{ id: string }>(
      'checkout.pay',
      { workOrderId: job.id, tenders: [{ method: 'bank_card', amountFen: 1_269_500 }] },
      adminToken
    )
    const page = await staffPage(browser, host, boss.username, boss.password)
    await page.setViewportSize(size)

    await goTo(page, host, `/invoices/${invoice.id}`)
    await page.getByTestId('open-credit').click()
    const credit = page.getByTestId('credit-dialog')
    await expect(credit.locator('input[name=credit-amount-0]')).toBeFocused()
    await settled(page)
    await staysInView(page, credit.getByTestId('credit-confirm'))
    await screenshot(page, `small-credit-note-${tag}`)
    await page.keyboard.press('Escape')
    await expect(credit).toBeHidden()

    const longCode = 'BAT-MATE60PRO-PLUS-5000MAH-HW-2026-A1'
    await host.rpc(
      'parts.create',
      { partNumber: longCode, name: '电池', barcodes: [], sellingPriceFen: 19_900, costPriceFen: 8_000 },
      adminToken
    )
    await goTo(page, host, '/parts')
    // The part-number column is as wide as the longest code: shown whole, on one line.
    const partNumber = page.getByTestId('parts-table').getByTestId('part-number').filter({ hasText: 'BAT-' })
    await expect(partNumber).toHaveText(longCode)
    expect(
      await partNumber.locator('.el-link__inner').evaluate((element) => {
        const inner = element as unknown as { scrollWidth: number; clientWidth: number; clientHeight: number }
        return inner.scrollWidth <= inner.clientWidth && inner.clientHeight < 30
      })
    ).toBe(true)
    await screenshot(page, `small-parts-list-${tag}`)
    await page.getByTestId('new-part').click()
    const part = page.getByTestId('part-dialog')
    await expect(part.locator('input[name=partNumber]')).toBeFocused()
    await settled(page)
    await staysInView(page, part.getByTestId('part-save'))
    await screenshot(page, `small-part-dialog-${tag}`)
  })

  test(`at ${tag} a long delivery's 确认入库 and the tallest hand-over dialog's buttons are in view`, async ({
    browser,
    host
  }) => {
    const adminToken = await setUpShop(host)
    const clerk = await hire(host, adminToken, 'chenjing', '陈静', 'warehouse_clerk')
    const desk = await hire(host, adminToken, 'liting', '李婷', 'front_desk')
    const codes = Array.from({ length: 16 }, (_, n) => `KIT-${String(n + 1).padStart(2, '0')}`)
    for (const [n, partNumber] of codes.entries()) {
      await host.rpc(
        'parts.create',
        { partNumber, name: `维修配件 ${n + 1}`, barcodes: [], sellingPriceFen: 1_000, costPriceFen: 500 },
        adminToken
      )
    }
    const job = await finishedJob(host, adminToken, {
      serviceType: 'paid_repair',
      customer: '周敏',
      labourFen: 8_000,
      partPriceFen: 45_000
    })

    // Sixteen lines run past the window's bottom; the totals and 确认入库 stay in view over them.
    const page = await staffPage(browser, host, clerk.username, clerk.password)
    await page.setViewportSize(size)
    await page.getByTestId('nav-parts-receive').click()
    await page.locator('input[name=reference]').fill('SF1400999001')
    const scan = page.getByTestId('receive-scan')
    for (const code of codes) {
      await scan.pressSequentially(code, { delay: 5 })
      await scan.press('Enter')
    }
    const lines = page.getByTestId('receive-lines').getByTestId('line-part-number')
    await expect(lines).toHaveCount(codes.length)
    await expect(lines.last()).not.toBeInViewport()
    await expect(page.getByTestId('receive-totals')).toBeInViewport({ ratio: 1 })
    await settled(page)
    await screenshot(page, `small-receive-${tag}`)
    await staysInView(page, page.getByTestId('receive-post'))

    // The hand-over of an unpaid job with a manager's leave asked: its longest form.
    const deskPage = await staffPage(browser, host, desk.username, desk.password)
    await deskPage.setViewportSize(size)
    await goTo(deskPage, host, `/work-orders/${job.id}`)
    await deskPage.getByTestId('pickup').click()
    const pickup = deskPage.getByTestId('pickup-dialog')
    await expect(pickup.getByTestId('pickup-not-billed')).toBeVisible()
    await pickup.getByTestId('pickup-unpaid-override').click()
    await expect(pickup.locator('input[name=unpaid-manager-password]')).toBeVisible()
    await settled(deskPage)
    await screenshot(deskPage, `small-pickup-unpaid-${tag}`)
    await staysInView(deskPage, pickup.getByTestId('pickup-submit'))
    await expect(pickup.getByRole('button', { name: '取消' })).toBeInViewport({ ratio: 1 })
  })
}
