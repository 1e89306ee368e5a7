/**
 * Backup benchmark: seeds a shop with 1 000 000 work orders (three years of history: customers,
 * devices, quotes, labour, timelines) into a throw-away database, then takes a backup through the
 * real code path (worker thread, VACUUM INTO on its own connection, integrity check, manifest,
 * retention) while a desk keeps creating customers through dispatch. Prints the backup's duration,
 * the longest write wait during it (against the 100 ms target) and, beside them, the raw engine
 * doing the same work from a bare better-sqlite3 connection with no writers. Asserts nothing.
 *
 *   npm run bench:backup                 # 1 000 000 work orders
 *   npm run bench:backup -- --jobs 100000
 */
import BetterSqlite3 from 'better-sqlite3'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { readFlag } from '../../src-main/app/dataDir'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../src-main/app/openApp'
import type { AppContext } from '../../src-main/app/context'
import { takeBackup } from '../../src-main/features/backups/service'
import { createShop, DEMO_PASSWORD, must } from '../../tools/demo/shop'
import { seedRepairs } from './seed'

const WORK_ORDERS = Number(readFlag(process.argv, '--jobs') ?? 1_000_000)
const CUSTOMERS = Math.round(WORK_ORDERS / 2)
const HISTORY_DAYS = 1095
const TARGET_WAIT_MS = 100
const BASELINE_WRITES = 200

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
const ms = (value: number) => `${value.toFixed(1)} ms`

interface WriteLog {
  /** When each write was asked for and how long until it was acknowledged. */
  writes: { startedAt: number; waitMs: number }[]
  stop: () => Promise<void>
}

/**
 * One desk writing as fast as the shop server answers: each call comes in as its own event (as
 * over HTTP), is timed from the moment it is made until it is acknowledged.
 */
function startDesk(app: AppContext, token: string): WriteLog {
  const writes: WriteLog['writes'] = []
  let running = true
  let n = 0
  const loop = (async () => {
    while (running) {
      n += 1
      const startedAt = performance.now()
      await must(app, 'customers.create', { name: `备份压测客户 ${n}` }, token)
      writes.push({ startedAt, waitMs: performance.now() - startedAt })
      await new Promise((resolve) => setImmediate(resolve))
    }
  })()
  return {
    writes,
    stop: async () => {
      running = false
      await loop
    }
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}

/** The same work with nothing else running: a bare connection, VACUUM INTO, then the integrity check. */
function rawEngine(databaseFile: string, dir: string): { vacuumMs: number; integrityMs: number } {
  const target = join(dir, 'raw-copy.sqlite')
  const source = new BetterSqlite3(databaseFile, { readonly: true })
  let started = performance.now()
  source.prepare('VACUUM INTO ?').run(target)
  const vacuumMs = performance.now() - started
  source.close()
  const copy = new BetterSqlite3(target, { readonly: true })
  started = performance.now()
  copy.pragma('integrity_check', { simple: true })
  const integrityMs = performance.now() - started
  copy.close()
  rmSync(target, { force: true })
  return { vacuumMs, integrityMs }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'service-center-backup-bench-'))
  const app = openApp({ dataDir: join(dir, 'data') })
  try {
    console.log(
      `Backup benchmark: ${WORK_ORDERS.toLocaleString('en')} work orders, ${CUSTOMERS.toLocaleString('en')} customers, ${HISTORY_DAYS} days of history`
    )
    const { users } = await createShop(app)
    const byRole = (role: string) => [...users.values()].filter((u) => u.role === role).map((u) => u.id)
    const seed = seedRepairs(app.sqlite, {
      customers: CUSTOMERS,
      workOrders: WORK_ORDERS,
      days: HISTORY_DAYS,
      now: new Date(),
      technicianIds: byRole('technician'),
      deskUserIds: byRole('front_desk'),
      managerId: byRole('manager')[0]!
    })
    app.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const databaseFile = join(dir, 'data', DATABASE_FILE_NAME)
    const totalRows = Object.values(seed.rows).reduce((sum, n) => sum + n, 0)
    console.log(`Seeded ${totalRows.toLocaleString('en')} rows in ${seed.seconds.toFixed(1)} s`)
    console.log(`Database file: ${mib(statSync(databaseFile).size)}\n`)

    // Signed in just before writing: seeding can outlast the idle lock.
    const { token } = await must(app, 'auth.signIn', { username: 'admin', password: DEMO_PASSWORD })
    const desk = startDesk(app, token)
    while (desk.writes.length < BASELINE_WRITES) await new Promise((resolve) => setTimeout(resolve, 5))
    // How long the main thread itself was held up, to tell blocking apart from a slow disk.
    const loopDelay = monitorEventLoopDelay({ resolution: 5 })
    loopDelay.enable()
    const backupStarted = performance.now()
    const copy = await takeBackup(app, 'manual')
    const backupMs = performance.now() - backupStarted
    const backupEnded = performance.now()
    loopDelay.disable()
    // A little more after the backup, so a wait that straddles its end is seen whole.
    await new Promise((resolve) => setTimeout(resolve, 200))
    await desk.stop()

    const before = desk.writes.slice(0, BASELINE_WRITES).map((w) => w.waitMs)
    const duringWrites = desk.writes.filter(
      (w) => w.startedAt + w.waitMs >= backupStarted && w.startedAt <= backupEnded
    )
    const during = duringWrites.map((w) => w.waitMs)
    const longest = Math.max(0, ...during)
    const longestAt = (duringWrites.find((w) => w.waitMs === longest)?.startedAt ?? backupStarted) - backupStarted
    console.log('Through the app (worker thread, own connection; a desk writing throughout):')
    console.log(
      `  backup taken and verified in  ${ms(backupMs)}   copy ${mib(copy.sizeBytes)}, ${copy.counts.jobs.toLocaleString('en')} jobs`
    )
    console.log(
      `  writes acknowledged during it ${during.length}, p50 wait ${ms(percentile(during, 50))}, p99 ${ms(percentile(during, 99))}`
    )
    console.log(
      `  longest write wait during it  ${ms(longest)}   (target < ${TARGET_WAIT_MS} ms: ${longest < TARGET_WAIT_MS ? 'met' : 'MISSED'}), ${(longestAt / 1000).toFixed(1)} s in`
    )
    console.log(`  longest main-thread stall     ${ms(loopDelay.max / 1e6)} (event-loop delay during the backup)`)
    console.log(
      `  for comparison, before it     p50 ${ms(percentile(before, 50))}, longest ${ms(Math.max(...before))}\n`
    )

    const raw = rawEngine(databaseFile, dir)
    console.log('Raw engine (bare better-sqlite3 connection, no writers):')
    console.log(`  VACUUM INTO                   ${ms(raw.vacuumMs)}`)
    console.log(`  + integrity_check of the copy ${ms(raw.integrityMs)}   = ${ms(raw.vacuumMs + raw.integrityMs)}`)
    console.log(`\n${cpus().length} CPU(s), Node ${process.version}. Other load on the machine shows in every figure.`)
  } finally {
    await closeApp(app)
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
