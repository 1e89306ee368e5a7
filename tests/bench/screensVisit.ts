import type { CDPSession, Page } from '@playwright/test'

/**
 * One visit to a screen, measured two ways (screens.bench.ts):
 * - the longest task that blocked the page's main thread, as the page itself sees it (Long Tasks
 *   API): wall-clock time, what a person waits, which includes the time the machine gave the
 *   browser to other programs;
 * - the CPU time of the heaviest main-thread task, from a Chromium trace of the visit (the task's
 *   thread time): what the screen's code costs, nearly the same on a busy machine as on a quiet one.
 */
export interface Visit {
  longestMs: number
  cpuMs: number
  openMs: number
}

export interface ScreenRoute {
  route: string
  /** What is on screen once it has opened. */
  ready: string
}

type LongTaskWindow = { __longestTask: number }

/** Keeps the longest main-thread task since the last reset, from the page's first script on. */
export function watchLongTasks(): void {
  const target = globalThis as unknown as LongTaskWindow & {
    PerformanceObserver: new (callback: (list: { getEntries(): { duration: number }[] }) => void) => {
      observe(options: { type: string; buffered: boolean }): void
    }
  }
  target.__longestTask = 0
  new target.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      target.__longestTask = Math.max(target.__longestTask, entry.duration)
    }
  }).observe({ type: 'longtask', buffered: true })
}

interface TraceEvent {
  name: string
  ph: string
  pid: number
  tid: number
  dur?: number
  tdur?: number
  args?: { name?: string }
}

/** The page's marker in the trace: it names the renderer process the visit ran in. */
const VISIT_MARK = 'screens-bench-visit'

/** Trace categories: every task's wall and thread time, and the page's own marks. */
const CATEGORIES = 'toplevel,blink.user_timing,__metadata'

async function trace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = []
  // The protocol types a trace event as a bag of strings; these are the fields this file reads.
  const collect = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]))
  cdp.on('Tracing.dataCollected', collect)
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' })
  try {
    await during()
  } finally {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done))
    await cdp.send('Tracing.end')
    await complete
    cdp.off('Tracing.dataCollected', collect)
  }
  return events
}

/** The most thread time any one task took on the main thread of the page that made the mark. */
function heaviestTaskCpuMs(events: TraceEvent[]): number {
  const pid = events.find((event) => event.name === VISIT_MARK)?.pid
  const mainThread = events.find(
    (event) => event.pid === pid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain'
  )?.tid
  let longest = 0
  for (const event of events) {
    if (event.pid !== pid || event.tid !== mainThread || event.ph !== 'X') continue
    if (event.name !== 'ThreadControllerImpl::RunTask') continue
    longest = Math.max(longest, event.tdur ?? 0)
  }
  return longest / 1000
}

function goTo(page: Page, route: string): Promise<void> {
  return page.evaluate((hash) => {
    ;(globalThis as unknown as { location: { hash: string } }).location.hash = `#${hash}`
  }, route)
}

/**
 * Opens the screen the way a person does once the app is loaded: from an empty screen, a route
 * change. Tasks still running after the first rows show (the rest of the table) count too.
 */
export async function visit(page: Page, cdp: CDPSession, screen: ScreenRoute): Promise<Visit> {
  // Start from a screen with nothing on it, let it settle, then count from zero.
  await goTo(page, '/')
  await page.waitForTimeout(500)
  await page.evaluate(() => {
    ;(globalThis as unknown as LongTaskWindow).__longestTask = 0
  })
  let openMs = 0
  const events = await trace(cdp, async () => {
    await page.evaluate((mark) => performance.mark(mark), VISIT_MARK)
    const started = performance.now()
    await goTo(page, screen.route)
    await page.locator(screen.ready).first().waitFor({ state: 'visible', timeout: 60_000 })
    openMs = performance.now() - started
    await page.waitForTimeout(1_000)
  })
  const longestMs = await page.evaluate(() => (globalThis as unknown as LongTaskWindow).__longestTask)
  return { longestMs, cpuMs: heaviestTaskCpuMs(events), openMs }
}
