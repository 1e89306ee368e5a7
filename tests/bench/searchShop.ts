import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../src-main/app/openApp'
import { migrationChecksum } from '../../src-main/db/checksum'
import { allMigrations } from '../../src-main/db/migrations'
import { must } from '../../tools/demo/shop'
import { seedSearchShop, type SearchSamples } from './searchSeed'

/**
 * The search benchmark's shops: each size seeded once into a cache folder in the temp directory
 * (`service-center-search-seed-<size>`) and reused by later runs, which only sign in and search
 * (the searches write nothing to the indexes), so a rerun costs only the measuring. `--fresh`
 * seeds again. The record is written last: a seeding that was cut short is never reused.
 */

export const BENCH_ADMIN = { username: 'admin', displayName: '管理员', password: 'correct-horse-1' }

export interface SearchShop {
  dataDir: string
  samples: SearchSamples
  /** How the shop was made: seeded by this run or reused. */
  note: string
}

interface SeedRecord {
  customers: number
  workOrders: number
  parts: number
  seconds: number
  seededAt: string
  samples: SearchSamples
}

export function searchSeedFolder(size: number): string {
  return join(tmpdir(), `service-center-search-seed-${size}`)
}

async function seedInto(folder: string, size: number): Promise<SeedRecord> {
  rmSync(folder, { recursive: true, force: true })
  const app = openApp({ dataDir: join(folder, 'data') })
  try {
    const setup = await must(app, 'setup.initialize', {
      shop: { name: '基准测试门店', address: '', phone: '', taxNumber: '', logo: null, timeZone: 'Asia/Shanghai' },
      admin: BENCH_ADMIN
    })
    const started = performance.now()
    const parts = Math.round(size / 10)
    const samples = seedSearchShop(app.sqlite, {
      customers: size,
      workOrders: size,
      parts,
      now: new Date(),
      createdBy: setup.user.id
    })
    app.sqlite.exec('ANALYZE')
    app.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const seconds = (performance.now() - started) / 1000
    return { customers: size, workOrders: size, parts, seconds, seededAt: new Date().toISOString(), samples }
  } finally {
    await closeApp(app)
  }
}

/** The cached shop of `size` customers and work orders, seeding it first when there is none (or `fresh`). */
export async function searchShop(size: number, fresh: boolean): Promise<SearchShop> {
  const folder = searchSeedFolder(size)
  const recordFile = join(folder, 'seed.json')
  const counts = (r: SeedRecord) =>
    `${r.customers.toLocaleString('en')} customers, ${r.workOrders.toLocaleString('en')} work orders, ${r.parts.toLocaleString('en')} parts`
  let record: SeedRecord
  let note: string
  if (fresh || !existsSync(recordFile) || !schemaStillOurs(join(folder, 'data', DATABASE_FILE_NAME))) {
    record = await seedInto(folder, size)
    writeFileSync(recordFile, JSON.stringify(record))
    note = `${counts(record)}: seeded in ${record.seconds.toFixed(0)} s (cached in ${folder})`
  } else {
    record = JSON.parse(readFileSync(recordFile, 'utf8')) as SeedRecord
    note = `${counts(record)}: reused the seed of ${record.seededAt} (seeded in ${record.seconds.toFixed(0)} s) from ${folder}; --fresh seeds again`
  }
  return { dataDir: join(folder, 'data'), samples: record.samples, note }
}

/**
 * Whether every schema step the cached database ran is, checksum for checksum, a step of this
 * app: a branch merged with its migrations renumbered leaves a cache the app would refuse to
 * open, which is then seeded again. Steps this app adds since are simply applied on opening.
 */
function schemaStillOurs(databaseFile: string): boolean {
  if (!existsSync(databaseFile)) return false
  const sqlite = new Database(databaseFile, { readonly: true })
  try {
    const recorded = sqlite.prepare('SELECT version, checksum FROM schema_migrations').all() as {
      version: number
      checksum: string | null
    }[]
    return recorded.every((row) => {
      const migration = allMigrations[row.version - 1]
      return migration !== undefined && row.checksum === migrationChecksum(migration)
    })
  } finally {
    sqlite.close()
  }
}
