import { printRoute } from '../../src-shared/domain/paper'
import { test, expect, screenshot, setUpShop } from './fixtures'

/**
 * The print page kept ready between documents (the desktop shell's print window, driven here the
 * way the shell drives it): loaded once on the standby route, it draws each document asked for
 * into itself, without loading the app again, and each drawing is of that document alone.
 */

type Globals = {
  sessionStorage: { setItem(key: string, value: string): void }
  keptSince?: number
  serviceCenterPrintPage?: { render(route: string): Promise<{ pageHeightMm: number }> }
  document: { querySelector(selector: string): { innerText: string } | null }
}

async function openOrder(
  host: Parameters<typeof setUpShop>[0],
  token: string,
  name: string,
  mobile: string,
  serial: string
) {
  const created = await host.rpc<{ workOrder: { id: string; number: string } }>(
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name, mobile } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial } },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '屏幕碎裂',
      symptomCode: null,
      condition: { scratches: false, cracks: true, liquidMarks: false },
      accessories: { items: [] },
      passcode: { consent: false }
    },
    token
  )
  return created.workOrder
}

test('a print page kept ready draws one document after another without loading the app again', async ({
  page,
  host
}) => {
  const token = await setUpShop(host)
  const first = await openOrder(host, token, '张三丰', '13800138000', 'KEPT-0001')
  const second = await openOrder(host, token, '李四海', '13900139000', 'KEPT-0002')

  await page.goto(host.url)
  await page.evaluate((value) => {
    ;(globalThis as unknown as Globals).sessionStorage.setItem('service-center.token', value)
  }, token)
  // A fresh load on the standby route, as the shell's print window is loaded.
  await page.goto('about:blank')
  await page.goto(`${host.url}#/print`)
  await page.waitForFunction(() => (globalThis as unknown as Globals).serviceCenterPrintPage !== undefined)
  await page.evaluate(() => ((globalThis as unknown as Globals).keptSince = Date.now()))
  const render = (route: string) =>
    page.evaluate((r) => (globalThis as unknown as Globals).serviceCenterPrintPage!.render(r), route)
  // What the paper says (the preview's toolbar is not printed).
  const text = () =>
    page.evaluate(
      () => (globalThis as unknown as Globals).document.querySelector('[data-test="print-sheet"]')?.innerText ?? ''
    )

  const receipt = await render(printRoute('claim_receipt', first.id, 'a5', 1))
  expect(receipt.pageHeightMm).toBe(210)
  expect(await text()).toContain(first.number)
  expect(await text()).toContain('张三丰')
  expect(await text()).not.toContain('副本')

  await render(printRoute('claim_receipt', second.id, 'a5', 1))
  expect(await text()).toContain(second.number)
  expect(await text()).not.toContain(first.number)
  expect(await text()).not.toContain('张三丰')

  // The same document again, as its second print: drawn afresh, as a copy.
  await render(printRoute('claim_receipt', second.id, 'a5', 2))
  expect(await text()).toContain('副本')
  await screenshot(page, 'kept-print-page-copy')

  // A document that cannot be drawn is refused; the page draws the next one all the same.
  await expect(render(printRoute('claim_receipt', 'no-such-order', 'a5', 1))).rejects.toThrow('could not be drawn')
  await render(printRoute('device_label', first.id, 'label_50x30', 1))
  expect(await text()).toContain(first.number)

  // All of it in the page loaded at the start.
  expect(await page.evaluate(() => (globalThis as unknown as Globals).keptSince)).toBeGreaterThan(0)
})
