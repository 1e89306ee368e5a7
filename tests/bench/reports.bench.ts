/**
 * Reports benchmark (issue 16): 1 000 000 work orders over five years (with their ready events,
 * labour, payments, invoices, warranty claims and parts), seeded once into a cached shop in the
 * temp folder (reportsSeedCache.ts) and copied for each run, then every
 * report through dispatch (session, permission, validation: the UI's path) for a month, a
 * quarter, a year and the whole five years, p50/p95 against the 500 ms p95 target. Beside each,
 * the raw engine's figure for the same aggregate written straight over the base tables (what a
 * report costs without the trigger-kept facts and summaries), and the load average while it ran,
 * since the machine may be shared. Then every report with a job filter (one technician, one
 * category, one model) over a year and five years: one technician or one category reads the sums
 * kept within it, one model reads the fact rows through its index.
 * Asserts nothing.
 *
 *   npm run bench:reports                  (1 000 000 work orders; reuses the cached seed)
 *   npm run bench:reports -- --work-orders 100000
 *   npm run bench:reports -- --fresh       (seeds the cache again)
 *   npm run bench:reports -- --filtered-only
 *   npm run bench:reports -- --runs 5       (a quicker look: 5 measured runs per case)
 *   npm run bench:reports -- --reports parts,takings   (only these reports)
 */
import type { Statement } from 'better-sqlite3'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AppContext } from '../../src-main/app/context'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../src-main/app/openApp'
import { REPORTS, type ReportName } from '../../src-shared/contract/reports'
import { Random } from '../../tools/demo/random'
import { DEMO_PASSWORD, must } from '../../tools/demo/shop'
import { seededReportsShop, type SeededReportsShop } from './reportsSeedCache'

const argument = (name: string) => {
  const index = process.argv.indexOf(name)
  return index === -1 ? undefined : process.argv[index + 1]
}
const WORK_ORDERS = Number(argument('--work-orders') ?? 1_000_000)
const FRESH = process.argv.includes('--fresh')
/** Only the cases with a job filter (when checking a change to how filtered reports read). */
const FILTERED_ONLY = process.argv.includes('--filtered-only')
/** Measured runs per case; fewer for a quick look (with 5, the p95 is the slowest run). */
const ITERATIONS = Number(argument('--runs') ?? 15)
/** The reports to time, all when not named. */
const ONLY_REPORTS = argument('--reports')?.split(',')
const UNKNOWN_REPORTS = ONLY_REPORTS?.filter((name) => !(REPORTS as readonly string[]).includes(name)) ?? []
if (UNKNOWN_REPORTS.length > 0)
  throw new Error(`--reports: no report named ${UNKNOWN_REPORTS.join(', ')} (${REPORTS.join(', ')})`)
const TIMED_REPORTS = REPORTS.filter((report) => ONLY_REPORTS === undefined || ONLY_REPORTS.includes(report))
const WARM_UP = 2
const RAW_RUNS_OVER_YEARS = Math.min(5, ITERATIONS)
const TARGET_P95_MS = 500
const DAY = 86_400_000

const RANGES = { month: 30, quarter: 91, year: 365, '5 years': 5 * 365 } as const
type RangeName = keyof typeof RANGES

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

/** The same aggregate each report draws, written straight over the base tables. */
const RAW: Record<ReportName, string> = {
  turnaround: `SELECT pm.category_key, count(*), avg((julianday(e.at) - julianday(wo.created_at)) * 24)
    FROM work_orders wo JOIN devices d ON d.id = wo.device_id
    LEFT JOIN product_models pm ON pm.brand = d.brand AND pm.model = d.model
    LEFT JOIN work_order_events e ON e.work_order_id = wo.id AND e.to_status = 'ready_for_pickup'
    WHERE wo.created_at >= ? AND wo.created_at < ? GROUP BY pm.category_key`,
  firstTimeFix: `SELECT wo.technician_id, count(*), sum(EXISTS (SELECT 1 FROM work_orders b
      WHERE b.reopened_from_id = wo.id AND b.status != 'cancelled' AND julianday(b.created_at) - julianday(wo.picked_up_at) <= 90))
    FROM work_orders wo WHERE wo.created_at >= ? AND wo.created_at < ? AND wo.picked_up_at IS NOT NULL
    GROUP BY wo.technician_id`,
  faults: `SELECT fault_cause_code, count(*) FROM work_orders
    WHERE created_at >= ? AND created_at < ? AND fault_cause_code IS NOT NULL GROUP BY fault_cause_code`,
  technicians: `SELECT wo.technician_id, count(*), sum((SELECT coalesce(sum(l.price_fen), 0) FROM work_order_labour l WHERE l.work_order_id = wo.id))
    FROM work_order_events e JOIN work_orders wo ON wo.id = e.work_order_id
    WHERE e.to_status = 'ready_for_pickup' AND e.at >= ? AND e.at < ? GROUP BY wo.technician_id`,
  takings: `SELECT strftime('%Y-%m-%d', at, '+480 minutes'), method, sum(amount_fen) FROM payments
    WHERE at >= ? AND at < ? GROUP BY 1, 2`,
  parts: `SELECT part_id, sum(quantity - returned_quantity), sum(cost_value_fen - returned_value_fen) FROM work_order_parts
    WHERE issued_at >= ? AND issued_at < ? GROUP BY part_id`,
  claims: `SELECT d.brand, c.status, sum(c.amount_fen) FROM warranty_claims c
    JOIN work_orders wo ON wo.id = c.work_order_id JOIN devices d ON d.id = wo.device_id
    WHERE c.created_at >= ? AND c.created_at < ? GROUP BY 1, 2`,
  // The bench's seeded shop makes no follow-up calls: this times the indexed empty range.
  satisfaction: `SELECT wo.technician_id, count(*), avg(f.attitude + f.speed + f.quality + f.price)
    FROM follow_ups f JOIN work_orders wo ON wo.id = f.work_order_id
    WHERE f.called_at >= ? AND f.called_at < ? GROUP BY 1`
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'service-center-reports-bench-'))
  try {
    const seeded = await seededReportsShop(dir, WORK_ORDERS, FRESH)
    const app = openApp({ dataDir: seeded.dataDir })
    try {
      await measure(app, seeded)
    } finally {
      await closeApp(app)
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function measure(app: AppContext, seeded: SeededReportsShop): Promise<void> {
  const { token } = await must(app, 'auth.signIn', { username: 'admin', password: DEMO_PASSWORD })
  const now = new Date(seeded.record.now)
  const rows = seeded.record.rows
  const facts = seeded.record.facts
  const sizeMb = statSync(join(seeded.dataDir, DATABASE_FILE_NAME)).size / 1e6

  console.log(`Reports benchmark: ${WORK_ORDERS.toLocaleString('en')} work orders over 5 years`)
  console.log(`  ${seeded.note}; report facts: ${facts.toLocaleString('en')}`)
  console.log(
    `  rows: ${Object.entries(rows)
      .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
      .join(', ')}`
  )
  console.log(
    `  database ${sizeMb.toFixed(0)} MB, ${cpus().length} CPU(s), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (1, 5, 15 min; the machine may be shared)`
  )
  console.log('')
  console.log(
    `app: ${ITERATIONS} runs after ${WARM_UP} to warm up; raw SQL: as many for a month or quarter, ${RAW_RUNS_OVER_YEARS} over a year or more`
  )

  const random = new Random(5)
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  let failures = 0
  /** One report over one kind of range: p50/p95 of the app, beside the raw SQL when given. */
  const timeCase = async (report: ReportName, range: RangeName, label: string, filter: JobFilter, raw?: Statement) => {
    const days = RANGES[range]
    const app_ms: number[] = []
    const raw_ms: number[] = []
    for (let i = 0; i < WARM_UP + ITERATIONS; i++) {
      // A range ending somewhere in the last four years (the five years: ending today or lately).
      const endMs = now.getTime() - random.int(0, days >= 5 * 365 ? 20 : 4 * 365) * DAY
      const from = day(endMs - (days - 1) * DAY)
      const to = day(endMs)
      const started = performance.now()
      await must(app, 'reports.run', { report, from, to, grain: days >= 365 ? 'month' : 'day', ...filter }, token)
      const appMs = performance.now() - started
      if (i >= WARM_UP) app_ms.push(appMs)
      // The raw engine takes seconds over years of a million jobs: fewer runs there.
      if (raw && i >= WARM_UP && (days < 365 || i < WARM_UP + RAW_RUNS_OVER_YEARS)) {
        const rawStarted = performance.now()
        raw.all(`${from}T00:00:00.000Z`, `${to}T23:59:59.999Z`)
        raw_ms.push(performance.now() - rawStarted)
      }
    }
    app_ms.sort((a, b) => a - b)
    raw_ms.sort((a, b) => a - b)
    const p95 = percentile(app_ms, 95)
    if (p95 >= TARGET_P95_MS) failures += 1
    const ms = (value: number, width: number) => `${value.toFixed(1).padStart(width)} ms`
    const rawText = raw ? `${ms(percentile(raw_ms, 50), 11)} / ${ms(percentile(raw_ms, 95), 7)}` : ' '.repeat(26)
    console.log(
      `${report.padEnd(13)} ${label.padEnd(24)} ${ms(percentile(app_ms, 50), 9)} ${ms(p95, 7)} ${rawText}     ${loadavg()[0]!.toFixed(1).padStart(5)}   ${p95 < TARGET_P95_MS ? 'yes' : 'NO'}`
    )
  }

  const header = `report        ${'range'.padEnd(24)}    app p50   app p95   raw SQL p50 / p95 (base tables)   load   p95 < 500 ms`
  if (!FILTERED_ONLY) {
    console.log(header)
    for (const report of TIMED_REPORTS) {
      const raw = app.sqlite.prepare(RAW[report])
      for (const range of Object.keys(RANGES) as RangeName[]) await timeCase(report, range, range, {}, raw)
    }
    console.log('')
  }
  // One technician or category: the sums within it (migration 41); one model: its fact rows.
  const filters = jobFilters(app)
  console.log(`With a job filter: ${Object.keys(filters).join(', ')} (no raw SQL)`)
  console.log(header)
  for (const report of TIMED_REPORTS) {
    for (const [name, filter] of Object.entries(filters)) {
      for (const range of FILTERED_RANGES) await timeCase(report, range, `${range}, ${name}`, filter)
    }
  }
  console.log('')
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
  console.log(
    failures === 0
      ? `Every report answered under 500 ms at p95 (load average ${load}).`
      : `${failures} report/range pairs missed 500 ms at p95 (load average ${load}).`
  )
}

type JobFilter = { technicianId?: string; categoryKey?: string; brand?: string; model?: string }
const FILTERED_RANGES: RangeName[] = ['year', '5 years']

/** One technician (a third of the jobs), one category (an eighth) and one model (one in 400). */
function jobFilters(app: AppContext): Record<string, JobFilter> {
  const technician = app.sqlite.prepare(`SELECT id FROM users WHERE username = 'zhangwei'`).get() as { id: string }
  const model = app.sqlite
    .prepare(`SELECT brand, model, category_key FROM product_models ORDER BY model LIMIT 1`)
    .get() as { brand: string; model: string; category_key: string }
  return {
    'one technician': { technicianId: technician.id },
    'one category': { categoryKey: model.category_key },
    'one model': { brand: model.brand, model: model.model }
  }
}

void main()
