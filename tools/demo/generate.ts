import { openApp, closeApp } from '../../src-main/app/openApp'
import type { AppContext } from '../../src-main/app/context'
import { WORK_ORDER_STATUSES } from '../../src-shared/domain/workOrderStatus'
import { shopLocalDate } from '../../src-shared/domain/timeZone'
import { Counter, DAY, HOUR, SimulatedClock, startOfShopDay } from './counter'
import { Random } from './random'
import { planHistory, runHistory } from './repairs'
import { createShop, DEMO_PASSWORD, must, SHOP, STAFF } from './shop'
import { planTill, type TillState } from './till'
import { registerDemoUnits } from './warranty'
import { finishWarehouse, planWarehouse, type WarehouseState, type WarehouseSummary } from './warehouse'

/**
 * Fills a fresh data folder with a demo shop and its last three months of repairs, going
 * through the same contract calls as the UI (on a clock set to each moment in the past), so
 * every record has its audit trail, timeline and outbox row. Seeded, so every run tells the
 * same story, ending today.
 */
export const FULL_HISTORY = { days: 90, customers: 3000, workOrders: 4000 }

/** How big a history to make: the full quarter, or a fraction of its customers and jobs (tests). */
export interface HistorySize {
  days: number
  customers: number
  workOrders: number
}

/** The history scaled down by a fraction of its customers and jobs (the 90 days stay, the warehouse plans on them). */
export function scaledHistory(scale: number): HistorySize {
  if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be above 0 and at most 1, not ${scale}`)
  return {
    days: FULL_HISTORY.days,
    customers: Math.max(20, Math.round(FULL_HISTORY.customers * scale)),
    workOrders: Math.max(30, Math.round(FULL_HISTORY.workOrders * scale))
  }
}

/** What the simulated past left behind, for the closing steps and the summary. */
interface History {
  counter: Counter
  /** Contract calls the repairs made (the warehouse's and the till's come on top). */
  calls: number
  warehouse: WarehouseState
  till: TillState
}

/** Makes the demo shop in a fresh data folder, prints its summary, and returns the jobs by status. */
export async function generateDemo(
  dataDir: string,
  size: HistorySize = FULL_HISTORY,
  log: (line: string) => void = console.log
): Promise<Map<string, number>> {
  const now = Date.now()
  const clock = new SimulatedClock()
  const app = openApp({ dataDir, clock: clock.now })
  try {
    const history = await liveThroughTheHistory(app, clock, now, size)
    await signInTheStaff(app)
    const summary = await closeTheQuarter(app, clock, history, now)
    printSummary(dataDir, size, history, summary, log)
    return summary.byStatus
  } finally {
    await closeApp(app)
  }
}

/**
 * The shop is set up the morning before the history starts; then the repairs, the warehouse and
 * the till are planned and their steps run in time order, on the clock of each step. The clock is
 * real again afterwards.
 */
async function liveThroughTheHistory(
  app: AppContext,
  clock: SimulatedClock,
  now: number,
  size: HistorySize
): Promise<History> {
  // The history ends with today; the same seed tells the same story whatever the day.
  const to = startOfShopDay(now) + DAY
  const from = to - size.days * DAY
  clock.set(from - DAY + 10 * HOUR)
  const { users } = await createShop(app)
  // A demo generator may lose its work on a power cut; it only needs speed.
  app.sqlite.pragma('synchronous = NORMAL')

  const staff = new Map([...users.values()].map((user) => [user.username, user.id]))
  const { steps, jobs } = planHistory(
    new Random(20_260_123),
    { customers: [], devices: [], staff },
    { ...size, from, to }
  )
  // The warehouse works alongside: its steps run in time order with the repairs'.
  const warehouse = planWarehouse(new Random(2_027), app, users, { from })
  // The till too: deposits, checkouts at hand-over, credit notes and the evening's day close.
  const till = planTill(new Random(2_028), app, jobs, { from, days: size.days, now })
  const counter = new Counter(app, users)
  await runHistory([...steps, ...warehouse.steps, ...till.steps], counter, (ms) => clock.set(ms), now)
  clock.set(null)
  app.sqlite.pragma('synchronous = FULL')
  return {
    counter,
    calls: steps.filter((step) => step.at <= now).length,
    warehouse: warehouse.state,
    till: till.state
  }
}

/** Everyone but the disabled account has signed in for real, so the accounts look used. */
async function signInTheStaff(app: AppContext): Promise<void> {
  for (const member of STAFF.filter((s) => !s.disabled)) {
    await must(app, 'auth.signIn', { username: member.username, password: DEMO_PASSWORD })
  }
}

interface Summary {
  customers: number
  byStatus: Map<string, number>
  units: number
  stock: WarehouseSummary
  overdue: number
  waiting: number
  takingsFen: number
  openTakingsFen: number
}

/**
 * Today, as the admin: the brand's warranty registry for the demo's devices, the parts linked to
 * their models and the ledger checked (a disagreement stops the run), and the figures for the
 * summary.
 */
async function closeTheQuarter(
  app: AppContext,
  clock: SimulatedClock,
  history: History,
  now: number
): Promise<Summary> {
  const counts = app.sqlite.prepare('SELECT status, count(*) AS n FROM work_orders GROUP BY status').all() as {
    status: string
    n: number
  }[]
  const customers = app.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number
  const { token } = await must(app, 'auth.signIn', { username: 'admin', password: DEMO_PASSWORD })
  const units = await registerDemoUnits(app, new Random(2_026), token, shopLocalDate(new Date(now), SHOP.timeZone))
  const lastMoved = app.sqlite.prepare('SELECT max(at) FROM stock_movements WHERE part_id = ?').pluck()
  const stock = await finishWarehouse(
    history.counter,
    history.warehouse,
    (partId) => Date.parse(lastMoved.get(partId) as string),
    (ms) => clock.set(ms)
  )
  if (stock.ledger.mismatches.length > 0)
    throw new Error(
      `parts ledger disagrees with the books for ${stock.ledger.mismatches.map((m) => m.partNumber).join(', ')}`
    )
  const overdue = await must(app, 'workOrders.list', { overdue: true, pageSize: 1 }, token)
  const waiting = await must(app, 'workOrders.approvals', {}, token)
  const takingsFen = app.sqlite.prepare('SELECT coalesce(sum(amount_fen), 0) FROM payments').pluck().get() as number
  const open = await must(app, 'dayClose.preview', {}, token)
  return {
    customers,
    byStatus: new Map(counts.map((row) => [row.status, row.n])),
    units,
    stock,
    overdue: overdue.total,
    waiting: waiting.length,
    takingsFen,
    openTakingsFen: open.takingsFen
  }
}

function printSummary(
  dataDir: string,
  size: HistorySize,
  history: History,
  summary: Summary,
  log: (line: string) => void
): void {
  const { byStatus, stock } = summary
  const { till } = history
  const workOrders = [...byStatus.values()].reduce((a, b) => a + b, 0)
  log(`Demo shop "${SHOP.name}" created in ${dataDir}`)
  log(
    `  ${summary.customers} customers, ${workOrders} work orders over ${size.days} days (${history.calls} contract calls)`
  )
  log(`  ${WORK_ORDER_STATUSES.map((status) => `${status} ${byStatus.get(status) ?? 0}`).join(', ')}`)
  log(
    `  ${summary.overdue} overdue, ${summary.waiting} quotes waiting for a manager, ${summary.units} units in the warranty registry`
  )
  log(
    `  ${stock.parts} parts (${stock.low} at or below their reorder point), ${stock.movements} stock movements, ${stock.issued} parts issued to jobs, ${stock.faultyOwed} faulty parts owed to the brand; ledger verified`
  )
  log(
    `  ${till.invoices} invoices, ${till.creditNotes} credit notes, takings ¥${Math.round(summary.takingsFen / 100)} (¥${Math.round(summary.openTakingsFen / 100)} since the last close), ${till.closes} day closes, ${till.prints} documents printed`
  )
  log(
    `Accounts (password for all: ${DEMO_PASSWORD}): admin, ${STAFF.filter((s) => !s.disabled)
      .map((s) => s.username)
      .join(', ')}`
  )
}
