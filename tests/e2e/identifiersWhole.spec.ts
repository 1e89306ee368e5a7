import type { Locator, Page } from '@playwright/test'
import { test, expect, screenshot, setUpShop, staffPage, ADMIN, type ShopHost } from './fixtures'

/**
 * Codes that name a row (part numbers, work-order numbers, serials) are read to their end: parts of
 * one model differ only there. On the smallest counter screen, 1280×720, none is cut or broken.
 */

/** Where a code's text is not whole: on more than one line, or running past the cell or card holding it. */
async function cutOrBroken(codes: Locator): Promise<string[]> {
  return codes.evaluateAll((elements) =>
    elements.flatMap((element) => {
      const doc = globalThis as unknown as {
        document: {
          createRange(): {
            selectNodeContents(node: unknown): void
            getClientRects(): Iterable<{ left: number; right: number; top: number }>
          }
        }
      }
      type Box = { left: number; right: number; top: number }
      const range = doc.document.createRange()
      range.selectNodeContents(element)
      const lines = new Set([...range.getClientRects()].map((rect: Box) => Math.round(rect.top)))
      const text = (element as { textContent: string | null }).textContent ?? ''
      const holder = (element as { closest(selector: string): { getBoundingClientRect(): Box } | null }).closest(
        'td, .card'
      )!
      const box = holder.getBoundingClientRect()
      const outside = [...range.getClientRects()].some(
        (rect: Box) => rect.left < box.left - 0.5 || rect.right > box.right + 0.5
      )
      return lines.size > 1 ? [`${text}: ${lines.size} lines`] : outside ? [`${text}: past its cell`] : []
    })
  )
}

async function newJob(host: ShopHost, token: string, serial: string, mobile: string): Promise<string> {
  const created = await host.rpc<{ workOrder: { number: string } }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '陈伟', mobile } },
      device: { kind: 'new', fields: { brand: '海尔', model: 'KFR-26GW/02KBB83U1', serial } },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '室内机往下滴水',
      condition: { scratches: false, cracks: false, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false }
    },
    token
  )
  return created.workOrder.number
}

async function at1280(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 })
}

test('part numbers, work-order numbers and serials show whole at 1280×720, the work-order list without sideways scroll', async ({
  browser,
  host
}) => {
  const token = await setUpShop(host)
  // One air conditioner's parts: the same long prefix, told apart only by their ends.
  const partNumbers = ['AK-KFR35GWBPR3AQJ600-4WV', 'AK-KFR35GWBPR3AQJ600-COMP', 'AK-KFR35GWBPR3AQJ600-ODFAN']
  for (const partNumber of partNumbers)
    await host.rpc(
      'parts.create',
      { partNumber, name: '奥克斯 KFR-35GW/BpR3AQJ600 配件', barcodes: [], sellingPriceFen: 10_000 },
      token
    )
  const numbers = [
    await newJob(host, token, '2152519V0250144709', '13900001001'),
    await newJob(host, token, '183971MF0L8727736', '13900001002')
  ]

  const page = await staffPage(browser, host, ADMIN.username, ADMIN.password)
  await at1280(page)

  await page.getByTestId('nav-parts').click()
  const partCells = page.getByTestId('parts-table').getByTestId('part-number')
  await expect(partCells).toHaveCount(3)
  for (const partNumber of partNumbers) await expect(partCells.filter({ hasText: partNumber })).toHaveText(partNumber)
  expect(await cutOrBroken(partCells.locator('.el-link__inner'))).toEqual([])
  await screenshot(page, 'identifiers-parts-1280')

  await page.getByTestId('nav-board').click()
  const boardNumbers = page.getByTestId('board-number')
  await expect(boardNumbers).toHaveCount(2)
  expect(await cutOrBroken(boardNumbers)).toEqual([])
  await screenshot(page, 'identifiers-board-1280')

  await page.getByTestId('nav-work-orders').click()
  const table = page.getByTestId('work-orders-table')
  for (const number of numbers) await expect(table).toContainText(number)
  expect(await cutOrBroken(table.locator('.number, .code-whole'))).toEqual([])
  // Whole codes and every column in view: the list does not scroll sideways at 1280, as the age
  // stands under the time received rather than in a column of its own.
  const body = table.locator('.el-table__body-wrapper .el-scrollbar__wrap')
  expect(await body.evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth)).toBeLessThanOrEqual(0)
  await expect(table.getByTestId('work-order-age')).toHaveText(['已耗时 0 天', '已耗时 0 天'])
  await screenshot(page, 'identifiers-work-orders-1280')
})
