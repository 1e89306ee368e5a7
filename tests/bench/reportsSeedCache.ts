import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeApp, openApp } from '../../src-main/app/openApp'
import { createShop, must } from '../../tools/demo/shop'
import { withReportsBackfilled } from './reportsBackfill'
import { seedReportsShop } from './reportsSeed'

/**
 * The reports benchmark's shop: seeded once into a cache folder in the temp directory (a million
 * work orders take a while even with the backfill), then copied for each run, so a run measures a
 * database no earlier run has written to. `--fresh` seeds again.
 */

export interface ReportsSeedRecord {
  workOrders: number
  rows: Record<string, number>
  facts: number
  seconds: number
  /** The seed's "today": the bench's ranges end on days before it. */
  now: string
  seededAt: string
}

export interface SeededReportsShop {
  dataDir: string
  record: ReportsSeedRecord
  /** How the cache was made: by this run or reused. */
  note: string
}

const YEARS = 5

export function reportsSeedFolder(workOrders: number): string {
  return join(tmpdir(), `service-center-reports-seed-${workOrders}`)
}

async function seedInto(cache: string, workOrders: number): Promise<ReportsSeedRecord> {
  rmSync(cache, { recursive: true, force: true })
  const app = openApp({ dataDir: join(cache, 'data') })
  try {
    const { token, users } = await createShop(app)
    // A run takes minutes; the admin's session must not idle-lock meanwhile.
    const settings = await must(app, 'settings.get', {}, token)
    await must(app, 'settings.update', { ...settings, idleLockMinutes: 0 }, token)
    const technicianIds = [...users.values()].filter((user) => user.role === 'technician').map((user) => user.id)
    const now = new Date()
    // A large page cache and no fsync per batch while seeding: how the rows are written, not what.
    app.sqlite.pragma('cache_size = -1000000')
    app.sqlite.pragma('synchronous = OFF')
    const started = performance.now()
    const rows = withReportsBackfilled(app.sqlite, () =>
      seedReportsShop(app.sqlite, {
        workOrders,
        devices: Math.round(workOrders * 0.8),
        years: YEARS,
        now,
        technicianIds,
        cashierId: [...users.values()][0]!.id
      })
    )
    const seconds = (performance.now() - started) / 1000
    app.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const facts = (app.sqlite.prepare('SELECT count(*) AS n FROM report_jobs').get() as { n: number }).n
    return { workOrders, rows, facts, seconds, now: now.toISOString(), seededAt: new Date().toISOString() }
  } finally {
    await closeApp(app)
  }
}

/** A copy of the cached shop in `runDir/data`, seeding the cache first when there is none. */
export async function seededReportsShop(
  runDir: string,
  workOrders: number,
  fresh: boolean
): Promise<SeededReportsShop> {
  const cache = reportsSeedFolder(workOrders)
  const recordFile = join(cache, 'seed.json')
  let record: ReportsSeedRecord
  let note: string
  if (fresh || !existsSync(recordFile)) {
    record = await seedInto(cache, workOrders)
    writeFileSync(recordFile, JSON.stringify(record, null, 2))
    note = `seeded in ${record.seconds.toFixed(1)} s (report facts and sums by the migrations' backfill; cached in ${cache})`
  } else {
    record = JSON.parse(readFileSync(recordFile, 'utf8')) as ReportsSeedRecord
    // Brings the cache up to the app's schema once (a new index, say), not on every copy.
    await closeApp(openApp({ dataDir: join(cache, 'data') }))
    note = `reused the seed of ${record.seededAt} from ${cache} (seeded in ${record.seconds.toFixed(1)} s; --fresh seeds again)`
  }
  const dataDir = join(runDir, 'data')
  cpSync(join(cache, 'data'), dataDir, { recursive: true })
  return { dataDir, record, note }
}
