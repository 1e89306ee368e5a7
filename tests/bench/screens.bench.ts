/**
 * Screens benchmark: the demo shop served by the browser-mode web host, and Debian's Chromium
 * opening the screens with the longest lists (faulty returns, stock reports, work orders,
 * customers, the board, the audit log, the day close) the way a person does: the app already
 * loaded, a click in the sidebar (a route change). For each screen it prints the longest task
 * that blocked the page's main thread while the screen opened (Long Tasks API, wall clock;
 * target: none over 100 ms) on the first visit and, as the median of RUNS visits after it, what
 * a person meets all day; beside it the CPU time of the heaviest task (from a trace: what the
 * screen's code costs whatever else the machine is doing), the time until the first rows showed,
 * the server's answer to the same lists through dispatch (without HTTP or drawing: the figure the
 * screen cannot beat) and the machine's load average while the screen was measured.
 *
 * BEFORE=<folder of another renderer build> measures that build too, in turns with this one
 * (same shop, same browser, same minute), for a before/after comparison under the same load.
 * Asserts nothing. Needs the built renderer (`npm run build`).
 *
 *   npm run bench:screens                        # generates the demo shop first (a few minutes)
 *   DEMO_DIR=demo-data npm run bench:screens     # uses a demo shop generated before
 *   DEMO_DIR=demo-data RUNS=9 BEFORE=/tmp/main-build/renderer npm run bench:screens
 *   DEMO_DIR=demo-data ONLY=faulty,audit npm run bench:screens
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import config from '../../playwright.config'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../src-main/app/openApp'
import { startWebHost, type WebHost } from '../../src-main/host/web/server'
import { handlers } from '../../src-main/rpc/handlers'
import { DEMO_PASSWORD, must } from '../../tools/demo/shop'
import type { AppContext } from '../../src-main/app/context'
import type { OperationName } from '../../src-shared/contract'
import { visit, watchLongTasks, type ScreenRoute, type Visit } from './screensVisit'

const RENDERER_DIR = resolve('out/renderer')
const BEFORE_DIR = process.env.BEFORE ? resolve(process.env.BEFORE) : undefined
const RUNS = Number(process.env.RUNS ?? 5)
/** ONLY=faulty,audit measures the screens whose name or route holds one of the words. */
const ONLY = process.env.ONLY?.toLowerCase().split(',')
const TARGET_MS = 100
const SERVER_RUNS = 5

interface Screen extends ScreenRoute {
  name: string
  /** The list calls the screen makes, timed through dispatch for the server's figure. */
  calls: { operation: OperationName; input: unknown }[]
}

const SCREENS: Screen[] = [
  {
    name: 'Faulty returns (owed)',
    route: '/parts/faulty',
    ready: '[data-test=owed-table] .el-table__row',
    calls: [
      { operation: 'faultyParts.list', input: {} },
      { operation: 'faultyParts.batches', input: {} }
    ]
  },
  {
    name: 'Stock reports (low stock + valuation)',
    route: '/parts/lists',
    ready: '[data-test=low-stock-table] .el-table__row',
    calls: [
      { operation: 'parts.lowStock', input: {} },
      { operation: 'parts.valuation', input: {} },
      { operation: 'parts.adjustments', input: { status: 'pending' } }
    ]
  },
  {
    name: 'Work orders',
    route: '/work-orders',
    ready: '.el-table__row',
    calls: [{ operation: 'workOrders.list', input: { page: 1, pageSize: 20 } }]
  },
  {
    name: 'Customers',
    route: '/customers',
    ready: '.el-table__row',
    calls: [{ operation: 'customers.search', input: { query: '', page: 1, pageSize: 20 } }]
  },
  {
    name: 'Board',
    route: '/board',
    ready: '[data-test=board] section',
    calls: [{ operation: 'workOrders.board', input: {} }]
  },
  {
    name: 'Audit log',
    route: '/audit',
    ready: '[data-test=audit-table] .el-table__row',
    calls: [{ operation: 'audit.list', input: {} }]
  },
  {
    name: 'Day close',
    route: '/day-close',
    ready: '[data-test=day-close-page]',
    calls: [{ operation: 'dayClose.preview', input: {} }]
  }
]

/** One build of the renderer, served by its own host and open in its own signed-in tab. */
interface Build {
  label: string
  page: Page
  cdp: CDPSession
}

async function openBuild(app: AppContext, browser: Browser, label: string, staticDir: string) {
  const host = await startWebHost(app, handlers, { port: 0, staticDir })
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1366, height: 768 } })
  const page = await context.newPage()
  await page.addInitScript(watchLongTasks)
  await page.goto(host.url)
  await page.locator('input[name=username]').fill('admin')
  await page.locator('input[name=password]').fill(DEMO_PASSWORD)
  await page.locator('input[name=password]').press('Enter')
  await page.locator('[data-test=main-nav]').waitFor()
  const build: Build = { label, page, cdp: await context.newCDPSession(page) }
  return { build, host }
}

async function serverMs(app: AppContext, token: string, screen: Screen): Promise<number> {
  const times: number[] = []
  for (let run = 0; run < SERVER_RUNS; run++) {
    const started = performance.now()
    for (const { operation, input } of screen.calls) await must(app, operation, input as never, token)
    times.push(performance.now() - started)
  }
  return median(times)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const ms = (value: number) => `${value.toFixed(0)} ms`
const oneMinuteLoad = () => loadavg()[0]!

/** The figures of one build on one screen: first visit, then RUNS more (median, range). */
function row(label: string, first: Visit, again: Visit[], server: string, load: string): string {
  const walls = again.map((one) => one.longestMs)
  const wall = median(walls)
  const range = `(${Math.min(...walls).toFixed(0)}–${Math.max(...walls).toFixed(0)})`
  const verdict = wall > TARGET_MS ? '  over target' : ''
  return [
    label.padEnd(40),
    ms(first.longestMs).padStart(8),
    `${ms(wall)} ${range}`.padStart(22),
    ms(median(again.map((one) => one.cpuMs))).padStart(10),
    ms(median(again.map((one) => one.openMs))).padStart(10),
    server.padStart(9),
    load.padStart(11),
    verdict
  ].join('')
}

async function measure(screen: Screen, builds: Build[], app: AppContext, token: string): Promise<void> {
  const server = await serverMs(app, token, screen)
  const loads: number[] = [oneMinuteLoad()]
  // The first visit also loads and compiles the screen's code; the others are what a person meets all day.
  const first = new Map<Build, Visit>()
  const again = new Map<Build, Visit[]>(builds.map((build) => [build, []]))
  for (const build of builds) first.set(build, await visit(build.page, build.cdp, screen))
  for (let run = 0; run < RUNS; run++) {
    // Turns alternate, so neither build always goes first after the other one's visit.
    const order = run % 2 ? [...builds].reverse() : builds
    for (const build of order) again.get(build)!.push(await visit(build.page, build.cdp, screen))
    loads.push(oneMinuteLoad())
  }
  const load = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`
  builds.forEach((build, index) => {
    const label = index === 0 ? screen.name : `  ${build.label}`
    console.log(row(label, first.get(build)!, again.get(build)!, index === 0 ? `${server.toFixed(1)} ms` : '', load))
  })
}

function demoShop(): { dataDir: string; cleanUp: () => void } {
  const given = process.env.DEMO_DIR
  if (given) {
    if (!existsSync(join(given, DATABASE_FILE_NAME))) throw new Error(`No demo shop in ${given}: npm run demo first`)
    return { dataDir: resolve(given), cleanUp: () => undefined }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'service-center-screens-bench-'))
  console.log(`Generating the demo shop in ${dataDir} (a few minutes; DEMO_DIR= reuses one)…`)
  execFileSync('npx', ['tsx', 'tools/demo/cli.ts', '--data-dir', dataDir], { stdio: 'inherit' })
  return { dataDir, cleanUp: () => rmSync(dataDir, { recursive: true, force: true }) }
}

async function main(): Promise<void> {
  for (const dir of [RENDERER_DIR, BEFORE_DIR]) {
    if (dir && !existsSync(join(dir, 'index.html'))) throw new Error(`No built renderer in ${dir}: npm run build`)
  }
  const { dataDir, cleanUp } = demoShop()
  const app = openApp({ dataDir })
  const hosts: WebHost[] = []
  const browser = await chromium.launch({ headless: true, ...config.use?.launchOptions })
  try {
    const { token } = await must(app, 'auth.signIn', { username: 'admin', password: DEMO_PASSWORD })
    const builds: Build[] = []
    for (const [label, dir] of [
      ['this build', RENDERER_DIR],
      [`before (${BEFORE_DIR})`, BEFORE_DIR]
    ] as const) {
      if (!dir) continue
      const { build, host } = await openBuild(app, browser, label, dir)
      hosts.push(host)
      builds.push(build)
    }

    console.log(`\nScreens of the demo shop (${dataDir}); target: no main-thread task over ${TARGET_MS} ms`)
    console.log(`Longest task on the first visit, then the median (range) of ${RUNS} visits after it; CPU: the`)
    console.log('heaviest task in thread time (median); opened: until the first rows showed (median).\n')
    console.log(
      `${'screen'.padEnd(40)}${'first'.padStart(8)}${'again'.padStart(22)}${'CPU'.padStart(10)}${'opened'.padStart(10)}${'server'.padStart(9)}${'load avg'.padStart(11)}`
    )
    const chosen = SCREENS.filter(
      (screen) => !ONLY || ONLY.some((word) => `${screen.name} ${screen.route}`.toLowerCase().includes(word))
    )
    for (const screen of chosen) await measure(screen, builds, app, token)
  } finally {
    await browser.close()
    for (const host of hosts) await host.close()
    await closeApp(app)
    cleanUp()
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
