import { cpSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../src-main/app/openApp'
import { createShop } from '../../tools/demo/shop'
import { seedRepairs, seedStaff } from './seed'

/**
 * The backup benchmark's shop: seeded once (1 000 000 work orders take a quarter of an hour) into
 * a cache folder in the temp directory, then copied for each run, so a run never measures a
 * database another run has written to. `--fresh` seeds again.
 */

export interface SeededShop {
  dataDir: string
  databaseFile: string
  /** How the cache was made: from this run or reused. */
  note: string
}

interface SeedRecord {
  workOrders: number
  customers: number
  rows: number
  seconds: number
  seededAt: string
}

const HISTORY_DAYS = 1095

export function seedCacheFolder(workOrders: number): string {
  return join(tmpdir(), `service-center-backup-seed-${workOrders}`)
}

async function seedInto(cache: string, workOrders: number): Promise<SeedRecord> {
  rmSync(cache, { recursive: true, force: true })
  const app = openApp({ dataDir: join(cache, 'data') })
  try {
    const { users } = await createShop(app)
    const customers = Math.round(workOrders / 2)
    const seed = seedRepairs(app.sqlite, {
      customers,
      workOrders,
      days: HISTORY_DAYS,
      now: new Date(),
      ...seedStaff(users)
    })
    app.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const rows = Object.values(seed.rows).reduce((sum, n) => sum + n, 0)
    return { workOrders, customers, rows, seconds: seed.seconds, seededAt: new Date().toISOString() }
  } finally {
    await closeApp(app)
  }
}

/** A copy of the cached shop in `runDir/data`, seeding the cache first when there is none. */
export async function seededShop(runDir: string, workOrders: number, fresh: boolean): Promise<SeededShop> {
  const cache = seedCacheFolder(workOrders)
  const recordFile = join(cache, 'seed.json')
  let note: string
  if (fresh || !existsSync(recordFile)) {
    const record = await seedInto(cache, workOrders)
    writeFileSync(recordFile, JSON.stringify(record, null, 2))
    note = `seeded ${record.rows.toLocaleString('en')} rows in ${record.seconds.toFixed(1)} s (cached in ${cache})`
  } else {
    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as SeedRecord
    note = `reused the seed of ${record.seededAt} from ${cache} (${record.rows.toLocaleString('en')} rows; --fresh seeds again)`
  }
  const dataDir = join(runDir, 'data')
  cpSync(join(cache, 'data'), dataDir, { recursive: true })
  const databaseFile = join(dataDir, DATABASE_FILE_NAME)
  statSync(databaseFile)
  return { dataDir, databaseFile, note }
}
