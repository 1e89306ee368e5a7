import BetterSqlite3 from 'better-sqlite3'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DATABASE_FILE_NAME, openApp } from '../../../src-main/app/openApp'
import { migratedImage } from '../../../src-main/db/memoryImage'
import { allMigrations } from '../../../src-main/db/migrations'
import type { AppContext } from '../../../src-main/app/context'
import { ADMIN, callOk, closeAfterEachTest, MINUTE, SHOP, tempDir, testClock, type TestClock } from '../helpers'
import { afterEach } from 'vitest'

export interface FileShop {
  app: AppContext
  adminToken: string
  clock: TestClock
  dataDir: string
  backupFolder: string
}

/** Shops on real database files in temp folders, closed and removed after each test. */
export function fileShopPerTest(): (clock?: TestClock) => Promise<FileShop> {
  // Registered first so it runs last (Vitest runs after-hooks in reverse): a shop's folder goes
  // only once its app is closed, or a checkpoint worker still starting finds no folder to open.
  const folders: (() => void)[] = []
  afterEach(() => folders.splice(0).forEach((remove) => remove()))
  const track = closeAfterEachTest()
  return async (clock = testClock()) => {
    const dir = tempDir()
    folders.push(dir.remove)
    const dataDir = join(dir.path, 'data')
    // The shop's file starts as the migrated image the in-memory shops open (made once per test
    // file): running every migration again for each test had been most of these suites' time.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    writeFileSync(join(dataDir, DATABASE_FILE_NAME), migratedImage(allMigrations), { mode: 0o600 })
    const app = track(openApp({ dataDir, clock: clock.now }))
    const { token } = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
    return { app, adminToken: token, clock, dataDir, backupFolder: join(dataDir, 'backups') }
  }
}

let customerCounter = 0

export async function addCustomer(app: AppContext, token: string): Promise<string> {
  customerCounter += 1
  return (await callOk(app, 'customers.create', { name: `客户 ${customerCounter}` }, token)).id
}

/** Every table's rows, hashed in key order: equal checksums mean equal contents. */
export function tableChecksums(sqlite: BetterSqlite3.Database, skip: readonly string[] = []): Record<string, string> {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[]
  const sums: Record<string, string> = {}
  for (const { name } of tables) {
    if (skip.includes(name)) continue
    const rows = sqlite.prepare(`SELECT * FROM "${name}" ORDER BY 1`).all()
    sums[name] = createHash('sha256').update(JSON.stringify(rows)).digest('hex')
  }
  return sums
}

export function openCopy(file: string): BetterSqlite3.Database {
  return new BetterSqlite3(file, { readonly: true, fileMustExist: true })
}

/** The admin signed in again, as every session ends with a restore. */
export async function signInAgain(app: AppContext): Promise<string> {
  return (await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).token
}

/**
 * A charger sold over the counter for cash, then a copy taken and a minute gone by: answers the
 * copy and the input that refunds the sale (in cash, back on the shelf).
 */
export async function chargerSoldBeforeTheCopy({ app, adminToken, clock }: FileShop) {
  const part = await callOk(
    app,
    'parts.create',
    { partNumber: 'CH-1', name: '充电器', barcodes: [], sellingPriceFen: 5_000, costPriceFen: 1_000 },
    adminToken
  )
  await callOk(
    app,
    'parts.receive',
    { reference: 'PO-1', lines: [{ partId: part.id, quantity: 2, unitCostFen: 1_000 }] },
    adminToken
  )
  const sale = await callOk(
    app,
    'counterSales.sell',
    { lines: [{ partId: part.id, quantity: 1 }], tenders: [{ method: 'cash', amountFen: 5_000 }] },
    adminToken
  )
  const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
  clock.advance(MINUTE)
  const refundInput = {
    saleId: sale.id,
    lines: [{ lineId: sale.lines[0]!.id, quantity: 1, disposition: 'resellable' as const }],
    reason: '颜色不合适',
    refundMethod: 'cash' as const
  }
  return { copy, refundInput }
}
