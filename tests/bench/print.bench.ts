/**
 * Printing benchmark: a demo-like shop (two weeks of repairs made through the contract, then a
 * finished job with labour and a part, paid in cash and WeChat Pay, and the day closed) served by
 * the browser-mode web host, and Debian's Chromium (the flags of playwright.config.ts) drawing
 * every document on every paper and rendering it to PDF, four ways side by side:
 *  - new page: a fresh page load of the print route, the way the desktop shell made a new print
 *    window per document before (wait for `body[data-print-ready="1"]`, then `page.pdf`);
 *  - kept page: the click's `printing.print` call, then the document drawn into a page kept ready
 *    on the print standby route (print/keptPage.ts, as the desktop shell's print window now
 *    does), then `page.pdf`: the receipt target of 150 ms is for this one;
 *  - in-app: a route change in a window already showing the app (the open preview), `page.pdf`;
 *  - raw: Chromium alone: the same drawn document as static HTML set into a blank page, `page.pdf`.
 * Prints p50/p95 per document after a warm-up; asserts nothing. Needs the built renderer
 * (`npm run build`).
 *
 *   npm run bench:print
 *   DOCS=payment_receipt npm run bench:print     # only some document types
 *   KEPT_ONLY=1 npm run bench:print              # the kept page (and its steps) and Chromium alone only
 *   BEFORE=/tmp/renderer-before npm run bench:print  # also that build's kept page, timed in turns with this one
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import config from '../../playwright.config'
import { closeApp, openApp } from '../../src-main/app/openApp'
import { startWebHost } from '../../src-main/host/web/server'
import { handlers } from '../../src-main/rpc/handlers'
import { Counter, DAY, HOUR, SimulatedClock, startOfShopDay } from '../../tools/demo/counter'
import { Random } from '../../tools/demo/random'
import { planHistory, runHistory } from '../../tools/demo/repairs'
import { planTill } from '../../tools/demo/till'
import { createShop, DEMO_PASSWORD, must } from '../../tools/demo/shop'
import { shopLocalDate } from '../../src-shared/domain/timeZone'
import { addDays } from '../../src-shared/domain/warranty/policy'
import {
  DOCUMENT_PAPERS,
  PAPERS,
  PRINT_STANDBY_ROUTE,
  printRoute,
  type DocumentType,
  type Paper
} from '../../src-shared/domain/paper'
import type { AppContext } from '../../src-main/app/context'

const RUNS = 20
const WARM_UP = 3
const TARGET_RECEIPT_MS = 150
const HISTORY = { days: 14, customers: 150, workOrders: 200 }
const RENDERER_DIR = resolve('out/renderer')
const BEFORE_DIR = process.env.BEFORE ? resolve(process.env.BEFORE) : undefined

/**
 * One print, and where its time went (marks the print page sets): the page loading to its load
 * event, the session and the document's data (print:data), drawing (print:ready), the PDF.
 */
interface Timing {
  total: number
  load: number
  data: number
  draw: number
  pdf: number
}

/**
 * One print from the kept page and its steps: the `printing.print` call, the route change to the
 * document (standby, then the print route and its guard), its data (print:fetch to print:data),
 * Vue drawing it (to print:rendered), settling (fonts, images, the page measured: print:ready), the handoff (the page
 * telling the driver it is drawn, over the DevTools protocol here, IPC in the shell), the PDF.
 */
interface KeptTiming {
  total: number
  call: number
  route: number
  data: number
  draw: number
  settle: number
  handoff: number
  pdf: number
}

/** Each step's median over the runs (and the total's): the steps need not add up to the total. */
function keptSteps(timings: KeptTiming[]): KeptTiming {
  const median = (pick: (timing: KeptTiming) => number) =>
    percentile(
      timings.map(pick).sort((a, b) => a - b),
      50
    )
  return {
    total: median((timing) => timing.total),
    call: median((timing) => timing.call),
    route: median((timing) => timing.route),
    data: median((timing) => timing.data),
    draw: median((timing) => timing.draw),
    settle: median((timing) => timing.settle),
    handoff: median((timing) => timing.handoff),
    pdf: median((timing) => timing.pdf)
  }
}

/** A table in columns: the first left-aligned, the figures right-aligned. */
function printTable(header: string[], lines: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)))
  const format = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')
  console.log(`\n${format(header)}`)
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const line of lines) console.log(format(line))
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/** A paid repair at the counter (as tests/unit/checkout/fixtures.ts makes one), and the day closed. */
async function printedJob(
  app: AppContext,
  token: string
): Promise<{
  workOrderId: string
  invoiceId: string
  dayCloseId: string
  counterSaleId: string
  accessoryRemedyId: string
  returnBatchId: string
}> {
  const { workOrder } = await must(
    app,
    'workOrders.create',
    {
      customer: { kind: 'new', fields: { name: '张三丰', mobile: '13800138000' } },
      device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60 Pro', serial: 'BENCH-PRINT-0001' } },
      serviceType: 'paid_repair',
      intakeChannel: 'walk_in',
      reportedFault: '摔过一次后屏幕碎裂，触摸失灵',
      symptomCode: null,
      condition: { scratches: true, cracks: true, liquidMarks: false, note: '' },
      accessories: { items: ['charger'], note: '' },
      passcode: { consent: false, value: '' },
      estimateFen: 58_000,
      depositFen: 5_000,
      depositMethod: 'cash',
      promisedDate: null
    },
    token
  )
  const id = workOrder.id
  const move = (to: 'diagnosing' | 'repairing' | 'quality_check' | 'ready_for_pickup') =>
    must(app, 'workOrders.transition', { id, to }, token)
  await move('diagnosing')
  await must(app, 'workOrders.quote', { id, labourFen: 8_000, partsFen: 45_000, discountFen: 0 }, token)
  await must(app, 'workOrders.customerDecision', { id, approved: true, channel: 'in_person' }, token)
  await move('repairing')
  await must(app, 'workOrders.addLabour', { id, description: '更换屏幕总成', minutes: 40, priceFen: 8_000 }, token)
  const part = await must(
    app,
    'parts.create',
    { partNumber: 'BENCH-SCR-01', name: '屏幕总成（原装）', sellingPriceFen: 45_000, costPriceFen: 20_000 },
    token
  )
  await must(
    app,
    'parts.receive',
    { reference: 'HQ-BENCH', lines: [{ partId: part.id, quantity: 1, unitCostFen: 20_000 }] },
    token
  )
  await must(app, 'workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, token)
  await move('quality_check')
  await move('ready_for_pickup')
  const invoice = await must(
    app,
    'checkout.pay',
    {
      workOrderId: id,
      tenders: [
        { method: 'wechat_pay', amountFen: 20_000 },
        { method: 'cash', amountFen: 40_000 }
      ]
    },
    token
  )
  // A charger sold over the counter the same day, for the counter receipt.
  const charger = await must(
    app,
    'parts.create',
    // The brand wants a faulty charger back: the one the exchange takes back goes in a return batch.
    {
      partNumber: 'BENCH-CHG-01',
      name: '66W 快充充电器',
      sellingPriceFen: 12_900,
      costPriceFen: 6_000,
      returnFaulty: true
    },
    token
  )
  await must(
    app,
    'parts.receive',
    { reference: 'HQ-BENCH', lines: [{ partId: charger.id, quantity: 2, unitCostFen: 6_000 }] },
    token
  )
  const sale = await must(
    app,
    'counterSales.sell',
    { lines: [{ partId: charger.id, quantity: 1 }], tenders: [{ method: 'cash', amountFen: 13_000 }] },
    token
  )
  // A phone sold three days ago whose charger fails: the other charger is its 三包 exchange.
  const soldOn = addDays(shopLocalDate(new Date(), 'Asia/Shanghai'), -3)
  const unit = await must(
    app,
    'warranty.register',
    {
      serial: 'BENCH-PHONE-0001',
      brand: '华为',
      model: 'Mate 60 Pro',
      categoryKey: 'mobile_phone',
      purchaseDate: soldOn,
      invoiceNumber: 'FP-BENCH-1',
      buyerName: '张三丰',
      buyerPhone: '13800138000'
    },
    token
  )
  const { remedy } = await must(
    app,
    'warranty.exchangeAccessory',
    {
      unitId: unit.unit.id,
      claim: { kind: 'performance', component: 'charger', faultCode: null, faultDate: null },
      partId: charger.id
    },
    token
  )
  const owed = await must(app, 'faultyParts.list', { status: 'awaiting' }, token)
  const batch = await must(app, 'faultyParts.pack', { faultyPartIds: owed.map((part) => part.id) }, token)
  const close = await must(app, 'dayClose.close', { countedCashFen: 0 }, token)
  return {
    workOrderId: id,
    invoiceId: invoice.id,
    dayCloseId: close.id!,
    counterSaleId: sale.id,
    accessoryRemedyId: remedy.id,
    returnBatchId: batch.id
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) throw new Error('Build the renderer first: npm run build')
  const dir = mkdtempSync(join(tmpdir(), 'service-center-print-bench-'))
  const clock = new SimulatedClock()
  const app = openApp({ dataDir: dir, clock: clock.now })
  let host: Awaited<ReturnType<typeof startWebHost>> | undefined
  let beforeHost: Awaited<ReturnType<typeof startWebHost>> | undefined
  const browser = await chromium.launch({ headless: true, ...config.use?.launchOptions })
  try {
    const seedStarted = performance.now()
    const now = Date.now()
    const to = startOfShopDay(now) + DAY
    const from = to - HISTORY.days * DAY
    clock.set(from - DAY + 10 * HOUR)
    const { users } = await createShop(app)
    const staff = new Map([...users.values()].map((user) => [user.username, user.id]))
    const { steps, jobs } = planHistory(
      new Random(20_260_123),
      { customers: [], devices: [], staff },
      { ...HISTORY, from, to }
    )
    // The till as the demo runs it: a job with anything to bill is checked out before it is handed over.
    const till = planTill(new Random(2_028), app, jobs, { from, days: HISTORY.days, now })
    // The history only gives the shop its size; the documents timed are the job made below. A
    // step the demo generator gets wrong stops the history there, and the bench says so.
    let calls: number | string
    try {
      calls = await runHistory([...steps, ...till.steps], new Counter(app, users), (ms) => clock.set(ms), now)
    } catch (error) {
      calls = `history stopped early: ${error instanceof Error ? error.message : String(error)}`
    }
    clock.set(null)
    // The set-up session belongs to the simulated past; today's work is a fresh sign-in.
    const { token } = await must(app, 'auth.signIn', { username: 'admin', password: DEMO_PASSWORD })
    const ids = await printedJob(app, token)
    console.log(
      `Print benchmark: demo-like shop (${HISTORY.workOrders} work orders over ${HISTORY.days} days, ${typeof calls === 'number' ? `${calls} contract calls` : calls}) in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`
    )

    host = await startWebHost(app, handlers, { port: 0, staticDir: RENDERER_DIR })
    const context = await browser.newContext({
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1280, height: 800 }
    })
    /** A tab on the app holding the session (session storage is the tab's own, as a window's is in the shell). */
    const signedInPage = async (url: string): Promise<Page> => {
      const tab = await context.newPage()
      await tab.goto(url)
      await tab.evaluate(
        (value) =>
          (globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }).sessionStorage.setItem(
            'service-center.token',
            value
          ),
        token
      )
      return tab
    }
    const page = await signedInPage(host.url)

    const entityOf: Record<DocumentType, string> = {
      claim_receipt: ids.workOrderId,
      device_label: ids.workOrderId,
      warranty_slip: ids.workOrderId,
      payment_receipt: ids.invoiceId,
      day_close_report: ids.dayCloseId,
      counter_receipt: ids.counterSaleId,
      accessory_slip: ids.accessoryRemedyId,
      packing_list: ids.returnBatchId
    }
    /** One print as the desktop shell makes it: a fresh load of the route, drawn, to PDF. */
    const renderOnce = async (documentType: DocumentType, paper: Paper): Promise<Timing> => {
      await page.goto('about:blank')
      const started = performance.now()
      await page.goto(`${host!.url}#${printRoute(documentType, entityOf[documentType], paper, 1)}`)
      await page.locator('body[data-print-ready="1"]').waitFor({ state: 'attached' })
      // (No named functions inside: tsx would wrap them in a helper the page does not have.)
      const marks = await page.evaluate(() => {
        const timing = (
          globalThis as unknown as {
            performance: {
              getEntriesByType(t: string): { loadEventEnd: number }[]
              getEntriesByName(n: string): { startTime: number }[]
            }
          }
        ).performance
        return {
          load: timing.getEntriesByType('navigation')[0]!.loadEventEnd,
          data: timing.getEntriesByName('print:data')[0]?.startTime ?? Number.NaN,
          ready: timing.getEntriesByName('print:ready')[0]?.startTime ?? Number.NaN
        }
      })
      const heightMm = await page.evaluate(() =>
        Number(
          (globalThis as unknown as { document: { body: { dataset: { pageHeightMm?: string } } } }).document.body
            .dataset.pageHeightMm
        )
      )
      const drawn = performance.now()
      await page.pdf({
        width: `${PAPERS[paper].widthMm}mm`,
        height: `${heightMm}mm`,
        printBackground: true,
        preferCSSPageSize: true
      })
      const done = performance.now()
      return {
        total: done - started,
        load: marks.load,
        data: marks.data - marks.load,
        draw: marks.ready - marks.data,
        pdf: done - drawn
      }
    }

    /**
     * The same print in a window that already shows the app (the preview, or a print window kept
     * open between prints): a route change, then drawn, to PDF. An unknown document in between
     * makes the page load the next one afresh.
     */
    type Globals = { location: { hash: string }; document: { body: { dataset: Record<string, string | undefined> } } }
    const renderWarm = async (documentType: DocumentType, paper: Paper): Promise<number> => {
      await page.evaluate(() => ((globalThis as unknown as Globals).location.hash = '#/print/none/none?paper=a4'))
      await page.locator('body[data-print-ready="error"]').waitFor({ state: 'attached' })
      const started = performance.now()
      await page.evaluate(
        (route) => ((globalThis as unknown as Globals).location.hash = `#${route}`),
        printRoute(documentType, entityOf[documentType], paper, 1)
      )
      await page.locator('body[data-print-ready="1"]').waitFor({ state: 'attached' })
      const heightMm = await page.evaluate(() =>
        Number((globalThis as unknown as Globals).document.body.dataset.pageHeightMm)
      )
      await page.pdf({
        width: `${PAPERS[paper].widthMm}mm`,
        height: `${heightMm}mm`,
        printBackground: true,
        preferCSSPageSize: true
      })
      return performance.now() - started
    }

    /** The page kept ready, as the desktop shell's print window: loaded once on the standby route. */
    type KeptGlobals = {
      serviceCenterPrintPage?: { render(route: string): Promise<{ pageHeightMm: number }> }
      document: { documentElement: { outerHTML: string } }
      performance: { getEntriesByName(n: string): { startTime: number }[] }
    }
    const openKeptPage = async (url: string) => {
      // The kept page holds the session as the shell's window would.
      const kept = await signedInPage(url)
      await kept.goto('about:blank')
      await kept.goto(`${url}#${PRINT_STANDBY_ROUTE}`)
      await kept.waitForFunction(() => (globalThis as unknown as KeptGlobals).serviceCenterPrintPage !== undefined)
      return kept
    }
    const keptPage = await openKeptPage(host.url)
    // BEFORE=<a built renderer folder>: the same kept page from that build, timed in turns with this one.
    beforeHost = BEFORE_DIR ? await startWebHost(app, handlers, { port: 0, staticDir: BEFORE_DIR }) : undefined
    const keptBefore = beforeHost ? await openKeptPage(beforeHost.url) : undefined
    const renderKept = async (keptPage: Page, documentType: DocumentType, paper: Paper): Promise<KeptTiming> => {
      const started = performance.now()
      // The click: the print is counted (and, in the desktop app, sent on to the print window).
      const { printNumber } = await must(
        app,
        'printing.print',
        { documentType, entityId: entityOf[documentType], paper },
        token
      )
      const called = performance.now()
      // The drawing and its marks (print/keptPage.ts, PrintView.vue) read in the same round trip.
      const drawn = await keptPage.evaluate(
        (route) =>
          (globalThis as unknown as KeptGlobals).serviceCenterPrintPage!.render(route).then((result) => {
            // (No named functions inside: tsx would wrap them in a helper the page does not have.)
            const marks = (globalThis as unknown as KeptGlobals).performance
            return {
              pageHeightMm: result.pageHeightMm,
              ...Object.fromEntries(
                ['render', 'fetch', 'data', 'rendered', 'ready'].map((name) => [
                  name,
                  marks.getEntriesByName(`print:${name}`)[0]?.startTime ?? Number.NaN
                ])
              )
            } as { pageHeightMm: number; render: number; fetch: number; data: number; rendered: number; ready: number }
          }),
        printRoute(documentType, entityOf[documentType], paper, printNumber)
      )
      const rendered = performance.now()
      await keptPage.pdf({
        width: `${PAPERS[paper].widthMm}mm`,
        height: `${drawn.pageHeightMm}mm`,
        printBackground: true,
        preferCSSPageSize: true
      })
      const done = performance.now()
      return {
        total: done - started,
        call: called - started,
        route: drawn.fetch - drawn.render,
        data: drawn.data - drawn.fetch,
        draw: drawn.rendered - drawn.data,
        settle: drawn.ready - drawn.rendered,
        handoff: rendered - called - (drawn.ready - drawn.render),
        pdf: done - rendered
      }
    }
    /** Chromium alone: the document the kept page drew, as static HTML in a blank page, to PDF. */
    const rawPage = await context.newPage()
    // On the host's origin: the page's Content-Security-Policy ('self', base-uri 'none') lets a
    // blank page (about:blank) load none of the document's stylesheets, which left it unstyled.
    await rawPage.goto(`${host.url}robots.txt`).catch(() => undefined)
    const renderRaw = async (html: string, paper: Paper, heightMm: number): Promise<number> => {
      const started = performance.now()
      await rawPage.setContent(html, { waitUntil: 'load' })
      await rawPage.pdf({
        width: `${PAPERS[paper].widthMm}mm`,
        height: `${heightMm}mm`,
        printBackground: true,
        preferCSSPageSize: true
      })
      return performance.now() - started
    }

    const rows: {
      label: string
      receipt: boolean
      sorted: number[]
      parts: Omit<Timing, 'total'>
      warm: number[]
      kept: number[]
      keptParts: KeptTiming
      before: KeptTiming | undefined
      raw: number[]
    }[] = []
    // DOCS=payment_receipt,device_label times only those.
    const only = process.env.DOCS?.split(',').filter(Boolean)
    // KEPT_ONLY=1 times the kept page and Chromium alone only (quicker, for the kept page's steps).
    const allWays = process.env.KEPT_ONLY !== '1'
    for (const documentType of (Object.keys(DOCUMENT_PAPERS) as DocumentType[]).filter(
      (type) => !only || only.includes(type)
    )) {
      for (const paper of DOCUMENT_PAPERS[documentType] as readonly Paper[]) {
        const timings: Timing[] = []
        const warm: number[] = []
        if (allWays) {
          for (let i = 0; i < WARM_UP; i++) await renderOnce(documentType, paper)
          for (let i = 0; i < RUNS; i++) timings.push(await renderOnce(documentType, paper))
          for (let i = 0; i < WARM_UP; i++) await renderWarm(documentType, paper)
          for (let i = 0; i < RUNS; i++) warm.push(await renderWarm(documentType, paper))
        }
        const keptTimings: KeptTiming[] = []
        const beforeTimings: KeptTiming[] = []
        for (let i = -WARM_UP; i < RUNS; i++) {
          const timing = await renderKept(keptPage, documentType, paper)
          const before = keptBefore ? await renderKept(keptBefore, documentType, paper) : undefined
          if (i < 0) continue
          keptTimings.push(timing)
          if (before) beforeTimings.push(before)
        }
        // The drawn page without the app's code, its styles still fetched from the host.
        const drawnHtml = (
          await keptPage.evaluate(() => (globalThis as unknown as KeptGlobals).document.documentElement.outerHTML)
        )
          .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
          .replace(/<link\b[^>]*rel="modulepreload"[^>]*>/g, '')

        const heightMm = Number(
          await keptPage.evaluate(
            () =>
              (globalThis as unknown as { document: { body: { dataset: { pageHeightMm?: string } } } }).document.body
                .dataset.pageHeightMm
          )
        )
        for (let i = 0; i < WARM_UP; i++) await renderRaw(drawnHtml, paper, heightMm)
        // The same document: styled by the app's stylesheets (the toolbar is the screen's only).
        const styled = await rawPage.evaluate(() =>
          [
            ...(globalThis as unknown as { document: { styleSheets: Iterable<{ href: string | null }> } }).document
              .styleSheets
          ].some((sheet) => sheet.href?.includes('/assets/PrintView') === true)
        )
        if (!styled) throw new Error(`Chromium alone drew ${documentType} without its stylesheets`)
        const raw: number[] = []
        for (let i = 0; i < RUNS; i++) raw.push(await renderRaw(drawnHtml, paper, heightMm))
        const median = <T>(of: T[], pick: (timing: T) => number) =>
          percentile(
            of.map(pick).sort((a, b) => a - b),
            50
          )
        rows.push({
          label: `${documentType} ${paper}`,
          receipt: documentType === 'payment_receipt' || documentType === 'counter_receipt',
          sorted: timings.map((timing) => timing.total).sort((a, b) => a - b),
          parts: {
            load: median(timings, (timing) => timing.load),
            data: median(timings, (timing) => timing.data),
            draw: median(timings, (timing) => timing.draw),
            pdf: median(timings, (timing) => timing.pdf)
          },
          warm: warm.sort((a, b) => a - b),
          kept: keptTimings.map((timing) => timing.total).sort((a, b) => a - b),
          keptParts: keptSteps(keptTimings),
          before: beforeTimings.length > 0 ? keptSteps(beforeTimings) : undefined,
          raw: raw.sort((a, b) => a - b)
        })
      }
    }

    const header = [
      'document',
      'new page p50',
      'p95',
      'p50 load / data / draw / pdf',
      'kept page p50',
      'p95',
      'target',
      'in-app p50',
      'raw p50',
      'p95',
      'kept/raw'
    ]
    const lines = rows.map((row) => {
      const keptP95 = percentile(row.kept, 95)
      return [
        row.label,
        percentile(row.sorted, 50).toFixed(0),
        percentile(row.sorted, 95).toFixed(0),
        `${row.parts.load.toFixed(0)} / ${row.parts.data.toFixed(0)} / ${row.parts.draw.toFixed(0)} / ${row.parts.pdf.toFixed(0)}`,
        percentile(row.kept, 50).toFixed(0),
        keptP95.toFixed(0),
        row.receipt ? `< ${TARGET_RECEIPT_MS} ${keptP95 < TARGET_RECEIPT_MS ? 'met' : 'MISSED'}` : '',
        percentile(row.warm, 50).toFixed(0),
        percentile(row.raw, 50).toFixed(0),
        percentile(row.raw, 95).toFixed(0),
        (percentile(row.kept, 50) / percentile(row.raw, 50)).toFixed(1)
      ]
    })
    printTable(header, lines)
    // The kept page's steps at p50 (each step's own median: they need not add up to the total's).
    const stepHeader = [
      'document',
      'kept p50',
      'call',
      'route',
      'data',
      'draw',
      'settle',
      'handoff',
      'pdf',
      'app (all but pdf)'
    ]
    const stepLine = (label: string, steps: KeptTiming) => {
      const { total, call, route, data, draw, settle, handoff, pdf } = steps
      return [
        label,
        total.toFixed(0),
        ...[call, route, data, draw, settle, handoff, pdf].map((ms) => ms.toFixed(1)),
        (call + route + data + draw + settle + handoff).toFixed(1)
      ]
    }
    const stepLines = rows.flatMap((row) => [
      stepLine(row.label, row.keptParts),
      ...(row.before ? [stepLine(`  before (${BEFORE_DIR})`, row.before)] : [])
    ])
    printTable(stepHeader, stepLines)
    console.log(
      `\nnew page: a fresh load of the print route, as the desktop shell's new print window per document did; split into`
    )
    console.log(
      `load (to the load event), data (session check and the document's data over HTTP), draw (render, barcodes, fonts) and pdf.`
    )
    console.log(
      `kept page: from the click (printing.print), the document drawn into the print page kept ready, then page.pdf.`
    )
    console.log(
      `kept steps (p50 each): call (printing.print), route (standby, then the print route and its guard), data (the`
    )
    console.log(
      `document's data over HTTP), draw (Vue renders it), settle (fonts, images, measured), handoff (page to driver: DevTools here, IPC in the shell), pdf.`
    )
    console.log(`in-app: the route changed in a window already showing the app (the preview), drawn, page.pdf.`)
    console.log(
      `raw: the same drawn document as static HTML (its stylesheets, no script) set into a page, page.pdf (Chromium alone).`
    )
    console.log(`${RUNS} runs each after ${WARM_UP} warm-up.`)
    console.log(
      `Chromium ${browser.version()} headless on ${cpus().length} CPU(s), Node ${process.version}; load average at the end ${loadavg()
        .map((load) => load.toFixed(2))
        .join(' ')} (other load on the machine shows in p95).`
    )
  } finally {
    await browser.close()
    await host?.close()
    await beforeHost?.close()
    await closeApp(app)
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
