import type { Page } from '@playwright/test'
import { test, expect, screenshot, settled, setUpShop, signIn, ADMIN, takeIn, type ShopHost } from './fixtures'
import { chooseLanguage } from './locale'

// Nine screens in two languages.
test.describe.configure({ timeout: 180_000 })

/**
 * The column headers on screen that take more than one line, as "table: label": an Element Plus
 * table's header cells, and a plain table's (the count sheet).
 */
const wrappedHeaders = (page: Page) =>
  page.locator('th').evaluateAll((cells) => {
    type Box = { top: number }
    type Cell = {
      offsetParent: unknown
      textContent: string | null
      querySelector(selector: string): Cell | null
      closest(selector: string): { getAttribute(name: string): string | null } | null
    }
    const browser = globalThis as unknown as {
      document: { createRange(): { selectNodeContents(node: unknown): void; getClientRects(): Iterable<Box> } }
    }
    return (cells as unknown as Cell[]).flatMap((th) => {
      const cell = th.querySelector('.cell') ?? th
      const text = cell.textContent?.trim() ?? ''
      if (th.offsetParent === null || text === '') return []
      // A wrapped label is two or more line boxes: read them off a range over its text.
      const range = browser.document.createRange()
      range.selectNodeContents(cell)
      const lines = new Set([...range.getClientRects()].map((box) => Math.round(box.top)))
      if (lines.size <= 1) return []
      return [`${th.closest('[data-test]')?.getAttribute('data-test') ?? 'table'}: ${text}`]
    })
  })

/** The tables on screen wider than their place, which would hide their last columns behind a scroll bar. */
const overflowingTables = (page: Page) =>
  page.locator('.el-table').evaluateAll((tables) =>
    (tables as unknown as Table[]).flatMap((table) => {
      const body = table.querySelector('.el-table__body-wrapper .el-scrollbar__wrap')
      if (table.offsetParent === null || !body || body.scrollWidth <= body.clientWidth) return []
      return [table.getAttribute('data-test') ?? 'table']
    })
  )

interface Table {
  offsetParent: unknown
  getAttribute(name: string): string | null
  querySelector(selector: string): { scrollWidth: number; clientWidth: number } | null
}

/** A shop with something on every warehouse list: stock low and not, a job's request, a board owed to the brand, a count under way. */
async function stockedShop(host: ShopHost, adminToken: string) {
  const battery = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'BAT-M60P',
      name: 'Mate 60 Pro 电池',
      binLocation: 'A-01-03',
      barcodes: ['6901234567890'],
      sellingPriceFen: 18_000,
      costPriceFen: 9_000,
      reorderPoint: 5,
      reorderQuantity: 10
    },
    adminToken
  )
  const board = await host.rpc<{ id: string }>(
    'parts.create',
    {
      partNumber: 'MB-M60P',
      name: 'Mate 60 Pro 主板',
      binLocation: 'S-01-01',
      barcodes: ['6901234599990'],
      sellingPriceFen: 0,
      zeroPriceConfirmed: true,
      costPriceFen: 150_000,
      serialTracked: true,
      returnFaulty: true
    },
    adminToken
  )
  await host.rpc(
    'parts.receive',
    {
      reference: 'HQ-2026-1201',
      supplier: '华为授权配件中心',
      lines: [
        { partId: battery.id, quantity: 3, unitCostFen: 9_000 },
        { partId: board.id, quantity: 2, unitCostFen: 150_000, serials: ['MBSN2026A001', 'MBSN2026A002'] }
      ]
    },
    adminToken
  )
  const { workOrder } = await takeIn(host, adminToken, {
    customer: { name: '欧阳娜娜', mobile: '13600000001' },
    device: { brand: 'HUAWEI', model: 'Mate 60 Pro', serial: 'SNLAYOUT09' },
    serviceType: 'warranty_repair',
    reportedFault: '不开机'
  })
  await host.rpc(
    'workOrderParts.issue',
    { workOrderId: workOrder.id, partId: board.id, quantity: 1, serial: 'MBSN2026A001' },
    adminToken
  )
  await host.rpc('workOrderParts.request', { workOrderId: workOrder.id, partId: battery.id, quantity: 1 }, adminToken)
  const stocktake = await host.rpc<{ id: string }>(
    'stocktakes.start',
    { scope: { kind: 'all' }, note: '月末盘点' },
    adminToken
  )
  return { battery, board, stocktake }
}

for (const locale of ['zh-CN', 'en'] as const) {
  test(`every warehouse list reads its column headers on one line at 1366×768 (${locale})`, async ({ page, host }) => {
    const adminToken = await setUpShop(host)
    const { board, stocktake } = await stockedShop(host, adminToken)
    await page.setViewportSize({ width: 1366, height: 768 })
    await signIn(page, host, ADMIN.username, ADMIN.password)
    await expect(page.getByTestId('welcome')).toBeVisible()
    await chooseLanguage(page, locale)

    const screens: [name: string, path: string, tab?: string][] = [
      ['parts', 'parts'],
      ['part', `parts/${board.id}`],
      ['receive', 'parts/receive'],
      ['lists-low-stock', 'parts/lists'],
      ['lists-valuation', 'parts/lists', 'tab-valuation'],
      ['lists-adjustments', 'parts/lists', 'tab-adjustments'],
      ['issue', 'parts/issue'],
      ['faulty-owed', 'parts/faulty'],
      ['faulty-batches', 'parts/faulty', 'tab-batches'],
      ['stocktakes', 'parts/stocktakes'],
      ['stocktake', `parts/stocktakes/${stocktake.id}`]
    ]
    const wrapped: string[] = []
    const overflowing: string[] = []
    for (const [name, path, tab] of screens) {
      await page.goto(`${host.url}#/${path}`)
      await page.reload()
      // Receiving shows its table once a line is scanned.
      if (name === 'receive') {
        await page.getByTestId('receive-scan').pressSequentially('6901234599990', { delay: 5 })
        await page.getByTestId('receive-scan').press('Enter')
        await expect(page.getByTestId('receive-lines')).toContainText('MB-M60P')
      }
      await expect(page.locator('th').first()).toBeVisible()
      if (tab) await page.getByTestId(tab).click()
      await expect(page.locator('.el-loading-mask')).toHaveCount(0)
      await settled(page)
      await screenshot(page, `warehouse-${name}-${locale}`)
      wrapped.push(...(await wrappedHeaders(page)).map((header) => `${name} › ${header}`))
      overflowing.push(...(await overflowingTables(page)).map((table) => `${name} › ${table}`))
    }
    expect(wrapped).toEqual([])
    expect(overflowing).toEqual([])
  })
}
