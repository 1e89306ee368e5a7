import type { Locator } from '@playwright/test'
import { test, expect, hire, screenshot, settled, setUpShop, staffPage, takeIn } from './fixtures'
import { chooseLanguage } from './locale'
import { stockedPart } from './stockedPart'

/** Whether a table scrolls sideways: its body is wider than the room it is shown in. */
function scrollsSideways(table: Locator): Promise<boolean> {
  return table
    .locator('.el-table__body-wrapper .el-scrollbar__wrap')
    .evaluate((wrap) => wrap.scrollWidth > wrap.clientWidth + 1)
}

test('the job’s parts requests fit the work order’s narrow column at the counter’s screen sizes, in both languages', async ({
  browser,
  host
}) => {
  const adminToken = await setUpShop(host)
  const tech = await hire(host, adminToken, 'zhangwei', '张伟', 'technician')
  const battery = await stockedPart(host, adminToken, {
    partNumber: 'BAT-M60P-HIGH-CAPACITY',
    name: 'Mate 60 Pro 大容量电池（含背胶及排线）',
    priceFen: 18_000,
    costFen: 9_000,
    quantity: 5
  })
  const screen = await stockedPart(host, adminToken, {
    partNumber: 'LCD-P70',
    name: 'P70 屏幕总成',
    priceFen: 98_000,
    costFen: 49_000,
    quantity: 2
  })
  const cable = await stockedPart(host, adminToken, {
    partNumber: 'CBL-USBC',
    name: 'USB-C 尾插排线',
    priceFen: 3_000,
    costFen: 1_250,
    quantity: 8
  })
  // A job no technician has taken yet: the technician's to request parts for.
  const { workOrder } = await takeIn(host, adminToken, {
    customer: { name: '陈伟', mobile: '13912345678' },
    device: { brand: '华为', model: 'Mate 60 Pro', serial: 'SN60PFIT001' },
    serviceType: 'paid_repair',
    reportedFault: '电池续航短，充电口松动'
  })
  const orderId = workOrder.id
  // One request of each kind: open with a note, issued, cancelled with its reason.
  await host.rpc(
    'workOrderParts.request',
    { workOrderId: orderId, partId: battery.id, quantity: 2, note: '原电池鼓包，客户要求换大容量' },
    adminToken
  )
  await host.rpc('workOrderParts.request', { workOrderId: orderId, partId: screen.id, quantity: 1 }, adminToken)
  await host.rpc('workOrderParts.issue', { workOrderId: orderId, partId: screen.id, quantity: 1 }, adminToken)
  const parts = await host.rpc<{ requests: { id: string; partNumber: string }[] }>(
    'workOrderParts.request',
    { workOrderId: orderId, partId: cable.id, quantity: 1 },
    adminToken
  )
  const cableRequest = parts.requests.find((request) => request.partNumber === 'CBL-USBC')!
  await host.rpc(
    'workOrderParts.cancelRequest',
    { requestId: cableRequest.id, reason: '尾插清洁后正常，不需更换' },
    adminToken
  )

  const page = await staffPage(browser, host, tech.username, tech.password)
  for (const locale of ['zh-CN', 'en'] as const) {
    await chooseLanguage(page, locale)
    for (const [width, height] of [
      [1366, 768],
      [1280, 720]
    ] as const) {
      await page.setViewportSize({ width, height })
      await page.goto(`${host.url}#/work-orders/${orderId}`)
      await page.reload()
      const requests = page.getByTestId('part-requests')
      await expect(requests.getByTestId('request-status')).toHaveCount(3)
      await expect(requests).toContainText('原电池鼓包，客户要求换大容量')
      await expect(requests.getByTestId('request-cancellation')).toContainText('尾插清洁后正常，不需更换')
      await expect(requests).toContainText('1 / 1')
      await expect(requests.getByTestId('cancel-request')).toHaveCount(1)
      // Who asked and when, under the part (the admin asked, through the API).
      await expect(requests.getByTestId('request-requested-by').first()).toContainText(
        locale === 'en' ? 'Asked by 赵建国, ' : '赵建国 申领于 '
      )
      await requests.scrollIntoViewIfNeeded()
      await settled(page)
      expect(await scrollsSideways(requests)).toBe(false)
      expect(await scrollsSideways(page.getByTestId('issued-parts'))).toBe(false)
      await screenshot(page, `parts-requests-fit-${locale}-${width}`)
    }
  }
})
