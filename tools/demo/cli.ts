import { resolve } from 'node:path'
import { openApp, closeApp } from '../../src-main/app/openApp'
import { resolveDataDir } from '../../src-main/app/dataDir'
import { WORK_ORDER_STATUSES } from '../../src-shared/domain/workOrderStatus'
import { Counter, DAY, HOUR, SimulatedClock, startOfShopDay } from './counter'
import { Random } from './random'
import { planHistory, runHistory } from './repairs'
import { createShop, DEMO_PASSWORD, must, SHOP, STAFF } from './shop'
import { registerDemoUnits } from './warranty'
import { finishWarehouse, planWarehouse } from './parts'
import { planTill } from './checkout'
import { shopLocalDate } from '../../src-shared/domain/timeZone'

/**
 * Fills a fresh data folder with a demo shop and its last three months of repairs, going
 * through the same contract calls as the UI (on a clock set to each moment in the past), so
 * every record has its audit trail, timeline and outbox row. Seeded, so every run tells the
 * same story, ending today.
 */
const HISTORY = { days: 90, customers: 3000, workOrders: 4000 }

async function main(): Promise<void> {
  const started = performance.now()
  const dataDir = resolveDataDir(process.argv, process.env, resolve('demo-data'))
  const now = Date.now()
  // The history ends with today; the same seed tells the same story whatever the day.
  const to = startOfShopDay(now) + DAY
  const from = to - HISTORY.days * DAY
  const clock = new SimulatedClock()
  const app = openApp({ dataDir, clock: clock.now })
  try {
    // The shop was set up the morning before the history starts.
    clock.set(from - DAY + 10 * HOUR)
    const { users } = await createShop(app)
    // A demo generator may lose its work on a power cut; it only needs speed.
    app.sqlite.pragma('synchronous = NORMAL')

    const staff = new Map([...users.values()].map((user) => [user.username, user.id]))
    const { steps, jobs } = planHistory(
      new Random(20_260_123),
      { customers: [], devices: [], staff },
      { ...HISTORY, from, to }
    )
    // The warehouse works alongside: its steps run in time order with the repairs'.
    const warehouse = planWarehouse(new Random(2_027), app, users, { from })
    // The till too: deposits, checkouts at hand-over, credit notes and the evening's day close.
    const till = planTill(new Random(2_028), app, jobs, { from, days: HISTORY.days, now })
    const counter = new Counter(app, users)
    await runHistory([...steps, ...warehouse.steps, ...till.steps], counter, (ms) => clock.set(ms), now)
    const done = steps.filter((step) => step.at <= now).length
    clock.set(null)
    app.sqlite.pragma('synchronous = FULL')

    // Everyone but the disabled account has signed in for real, so the accounts look used.
    for (const member of STAFF.filter((s) => !s.disabled)) {
      await must(app, 'auth.signIn', { username: member.username, password: DEMO_PASSWORD })
    }
    const counts = app.sqlite.prepare('SELECT status, count(*) AS n FROM work_orders GROUP BY status').all() as {
      status: string
      n: number
    }[]
    const byStatus = new Map(counts.map((row) => [row.status, row.n]))
    const customers = app.sqlite.prepare('SELECT count(*) FROM customers').pluck().get() as number
    const { token } = await must(app, 'auth.signIn', { username: 'admin', password: DEMO_PASSWORD })
    const units = await registerDemoUnits(app, new Random(2_026), token, shopLocalDate(new Date(now), SHOP.timeZone))
    const stock = await finishWarehouse(counter, warehouse.state)
    if (stock.ledger.mismatches.length > 0)
      throw new Error(
        `parts ledger disagrees with the books for ${stock.ledger.mismatches.map((m) => m.partNumber).join(', ')}`
      )
    const overdue = await must(app, 'workOrders.list', { overdue: true, pageSize: 1 }, token)
    const waiting = await must(app, 'workOrders.approvals', {}, token)
    const takings = app.sqlite.prepare('SELECT coalesce(sum(amount_fen), 0) FROM payments').pluck().get() as number
    const open = await must(app, 'dayClose.preview', {}, token)

    console.log(`Demo shop "${SHOP.name}" created in ${dataDir}`)
    console.log(
      `  ${customers} customers, ${[...byStatus.values()].reduce((a, b) => a + b, 0)} work orders over ${HISTORY.days} days (${done} contract calls)`
    )
    console.log(`  ${WORK_ORDER_STATUSES.map((status) => `${status} ${byStatus.get(status) ?? 0}`).join(', ')}`)
    console.log(
      `  ${overdue.total} overdue, ${waiting.length} quotes waiting for a manager, ${units} units in the warranty registry`
    )
    console.log(
      `  ${stock.parts} parts (${stock.low} at or below their reorder point), ${stock.movements} stock movements, ${stock.issued} parts issued to jobs, ${stock.faultyOwed} faulty parts owed to the brand; ledger verified`
    )
    console.log(
      `  ${till.state.invoices} invoices, ${till.state.creditNotes} credit notes, takings ¥${Math.round(takings / 100)} (¥${Math.round(open.takingsFen / 100)} since the last close), ${till.state.closes} day closes, ${till.state.prints} documents printed`
    )
    console.log(
      `Accounts (password for all: ${DEMO_PASSWORD}): admin, ${STAFF.filter((s) => !s.disabled)
        .map((s) => s.username)
        .join(', ')}`
    )
    console.log(
      `Start it with: npm run web -- --data-dir "${dataDir}"   (${((performance.now() - started) / 1000).toFixed(0)} s)`
    )
  } finally {
    await closeApp(app)
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
