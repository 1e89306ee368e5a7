/**
 * Sync benchmark: a shop server on disk pushes 100 000 outbox changes to HQ, pulls a
 * 1 000 000-unit warranty registry from it, and drains a backlog queued while HQ was down.
 * HQ is the real one (src-hq on its embedded PostgreSQL, in a process of its own as at a brand,
 * its database server in processes of their own) over HTTPS on loopback, so the figures are the
 * shop's and HQ's work together; `HQ=fake` puts the test suite's fake HQ (tests/unit/sync/fakeHq.ts, over SQLite) in
 * its place. Beside each figure, the raw engine's: the same rows written by better-sqlite3
 * alone, one prepared INSERT in one transaction, into tables with the same indexes. Prints the
 * load average, since the machine is shared. Asserts nothing.
 *
 *   npm run bench:sync        (CHANGES=20000 UNITS=200000 npm run bench:sync for a shorter run;
 *                              ONLY=pull for the pull alone)
 */
import BetterSqlite3 from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeApp, openApp } from '../../src-main/app/openApp'
import type { AppContext } from '../../src-main/app/context'
import { dispatch } from '../../src-main/rpc/dispatch'
import { handlers } from '../../src-main/rpc/handlers'
import { endpointOf, readHqConnection } from '../../src-main/features/sync/hq/connection'
import type { HqEndpoint } from '../../src-main/features/sync/hq/hqClient'
import { pushOutbox } from '../../src-main/features/sync/hq/push'
import { pullTable } from '../../src-main/features/sync/hq/pull'
import { syncWithHq } from '../../src-main/features/sync/hq/run'
import { uuidv7 } from '../../src-shared/domain/ids'
import { benchHq, type BenchHq } from './syncBenchHq'
import { registryUnit, SURNAMES } from './syncBenchRows'

const CHANGES = Number(process.env.CHANGES ?? 100_000)
const UNITS = Number(process.env.UNITS ?? 1_000_000)
const BACKLOG = Number(process.env.BACKLOG ?? 20_000)
const PUSH_GOAL = 5_000
const PULL_GOAL = 50_000
/** `ONLY=pull` measures the pull alone (no push, no backlog). */
const PULL_ONLY = process.env.ONLY === 'pull'

const loadAverage = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')
const seconds = (ms: number) => (ms / 1000).toFixed(1)
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(start)
  return (user + system) / 1000
}
const perSecond = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-US')

/** Changes as the shop writes them: customers, work orders and stock movements, in turn. */
function changeOf(i: number): { entity: string; entityId: string; payload: unknown } {
  const id = `e-${i}`
  switch (i % 3) {
    case 0:
      return {
        entity: 'customer',
        entityId: id,
        payload: {
          id,
          name: `${SURNAMES[i % SURNAMES.length]}小${i % 97}`,
          mobile: `138${String(i).padStart(8, '0')}`,
          otherPhones: [],
          address: '广州市天河区体育西路 1 号',
          company: '',
          notes: '',
          tags: [],
          erasedAt: null,
          createdAt: '2026-01-23T02:00:00.000Z'
        }
      }
    case 1:
      return {
        entity: 'work_order',
        entityId: id,
        payload: {
          id,
          number: `WO-260123-${i}`,
          status: 'repairing',
          serviceType: 'paid_repair',
          faultDescription: '不开机'
        }
      }
    default:
      return {
        entity: 'stock_movement',
        entityId: id,
        payload: { id, partId: `p-${i % 500}`, kind: 'issue', quantity: -1, unitCostFen: 4_500, workOrderId: `w-${i}` }
      }
  }
}

function writeOutbox(app: AppContext, from: number, count: number): void {
  const insert = app.sqlite.prepare(
    'INSERT INTO outbox (id, at, entity, entity_id, operation, payload_json) VALUES (?, ?, ?, ?, ?, ?)'
  )
  const at = Date.now()
  app.sqlite.transaction(() => {
    for (let i = from; i < from + count; i++) {
      const change = changeOf(i)
      insert.run(
        uuidv7(at),
        new Date(at).toISOString(),
        change.entity,
        change.entityId,
        'upsert',
        JSON.stringify(change.payload)
      )
    }
  })()
}

/** The raw engine: the same rows into a bare table with the same indexes, one transaction. */
function rawInsertMs(
  dir: string,
  name: string,
  schema: string[],
  rows: number,
  values: (i: number) => unknown[]
): number {
  const db = new BetterSqlite3(join(dir, `${name}.sqlite`))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  for (const statement of schema) db.exec(statement)
  const columns = (db.prepare(`SELECT count(*) AS n FROM pragma_table_info('${name}')`).get() as { n: number }).n
  const insert = db.prepare(`INSERT INTO ${name} VALUES (${new Array(columns).fill('?').join(', ')})`)
  const started = performance.now()
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(...values(i))
  })()
  const ms = performance.now() - started
  db.close()
  return ms
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sync-bench-'))
  const hq = await benchHq(process.env.HQ ?? 'real', dir)
  const app = openApp({ dataDir: join(dir, 'shop') })
  try {
    console.info(`Sync benchmark on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), HQ: ${hq.label}`)
    console.info(`load average at start: ${loadAverage()}`)
    const setUp = await dispatch(app, handlers, {
      operation: 'setup.initialize',
      input: {
        shop: { name: '基准测试店', address: '', phone: '', taxNumber: '', logo: null, timeZone: 'Asia/Shanghai' },
        admin: { username: 'admin', displayName: '管理员', password: 'correct-horse-1' }
      },
      token: undefined
    })
    if (!setUp.ok) throw new Error(JSON.stringify(setUp.error))
    const token = (setUp.data as { token: string }).token
    const code = await hq.registerShop('基准测试店')
    const enrolled = await dispatch(app, handlers, {
      operation: 'sync.enrol',
      input: { hqUrl: hq.url, fingerprint: hq.fingerprint, code },
      token
    })
    if (!enrolled.ok) throw new Error(JSON.stringify(enrolled.error))
    const endpoint = endpointOf((await readHqConnection(app.db))!)
    // The changes setup wrote go first, outside the measurement.
    await pushOutbox(app, endpoint)

    if (!PULL_ONLY) await measurePush(app, endpoint, dir)
    await measurePull(app, endpoint, hq, dir)
    if (!PULL_ONLY) await measureBacklog(app, hq)
    console.info(`load average at the end: ${loadAverage()}`)
  } finally {
    await hq.dispose().catch(() => undefined)
    await closeApp(app)
    rmSync(dir, { recursive: true, force: true })
  }
}

async function measurePush(app: AppContext, endpoint: HqEndpoint, dir: string): Promise<void> {
  writeOutbox(app, 0, CHANGES)
  const started = performance.now()
  const pushed = await pushOutbox(app, endpoint)
  const pushMs = performance.now() - started
  const rawPushMs = rawInsertMs(
    dir,
    'changes',
    [
      'CREATE TABLE changes (id TEXT PRIMARY KEY, shop_id TEXT, batch_id TEXT, entity TEXT, entity_id TEXT, operation TEXT, payload_json TEXT)'
    ],
    CHANGES,
    (i) => {
      const change = changeOf(i)
      return [uuidv7(), 'shop', 'b', change.entity, change.entityId, 'upsert', JSON.stringify(change.payload)]
    }
  )
  console.info(
    `push: ${pushed.toLocaleString('en-US')} changes in ${seconds(pushMs)} s = ${perSecond(pushed, pushMs)} changes/s (goal ${PUSH_GOAL.toLocaleString('en-US')}/s); ` +
      `raw engine inserting them: ${perSecond(CHANGES, rawPushMs)} rows/s`
  )
}

/** The first pull of a registry. */
async function measurePull(app: AppContext, endpoint: HqEndpoint, hq: BenchHq, dir: string): Promise<void> {
  let started = performance.now()
  await hq.publishRegistry(UNITS)
  console.info(
    `(HQ published ${UNITS.toLocaleString('en-US')} registry units in ${seconds(performance.now() - started)} s)`
  )
  let lastShown = 0
  const shopCpu = process.cpuUsage()
  const hqCpuMs = await hq.cpuMs()
  started = performance.now()
  const pulled = await pullTable(app, endpoint, 'registryUnits', {
    onProgress: ({ applied, remaining }) => {
      if (applied - lastShown >= 200_000 || remaining === 0) {
        lastShown = applied
        console.info(`  pulled ${applied.toLocaleString('en-US')}, ${remaining.toLocaleString('en-US')} to go`)
      }
    }
  })
  const pullMs = performance.now() - started
  const shopCpuMs = cpuMsSince(shopCpu)
  const hqPullCpuMs = hqCpuMs === null ? null : ((await hq.cpuMs()) ?? 0) - hqCpuMs
  const rawPullMs = rawInsertMs(
    dir,
    'warranty_units',
    [
      `CREATE TABLE warranty_units (id TEXT PRIMARY KEY, serial TEXT NOT NULL UNIQUE, model_id TEXT NOT NULL, card_number TEXT,
           purchase_date TEXT, invoice_number TEXT, dealer TEXT, production_date TEXT, buyer_name TEXT, buyer_phone TEXT,
           activation_date TEXT, source TEXT, created_at TEXT, updated_at TEXT)`,
      'CREATE UNIQUE INDEX warranty_units_card ON warranty_units(card_number) WHERE card_number IS NOT NULL',
      'CREATE INDEX warranty_units_phone ON warranty_units(buyer_phone)',
      'CREATE INDEX warranty_units_model ON warranty_units(model_id)'
    ],
    UNITS,
    (i) => {
      const unit = registryUnit(i)
      return [
        uuidv7(),
        unit.serial,
        `m${i % 5}`,
        unit.cardNumber,
        unit.purchaseDate,
        unit.invoiceNumber,
        unit.dealer,
        null,
        unit.buyerName,
        unit.buyerPhone,
        null,
        'import',
        '',
        ''
      ]
    }
  )
  const registered = (app.sqlite.prepare('SELECT count(*) AS n FROM warranty_units').get() as { n: number }).n
  console.info(
    `pull: ${pulled.toLocaleString('en-US')} registry units in ${seconds(pullMs)} s = ${perSecond(pulled, pullMs)} rows/s (goal ${PULL_GOAL.toLocaleString('en-US')}/s; ${registered.toLocaleString('en-US')} in the shop's registry); ` +
      `raw engine inserting them: ${perSecond(UNITS, rawPullMs)} rows/s`
  )
  // Page N+1 is asked for while page N is applied, so the pull goes at the pace of the slower side:
  // CPU time per side says which one that is, whatever the load.
  console.info(
    `  CPU time during the pull: the shop ${seconds(shopCpuMs)} s (${perSecond(pulled, shopCpuMs)} rows per CPU second)` +
      (hqPullCpuMs === null ? '' : `, HQ's process ${seconds(hqPullCpuMs)} s (its database server not counted)`)
  )
}

/** A backlog queued while HQ was down, drained when it returns. */
async function measureBacklog(app: AppContext, hq: BenchHq): Promise<void> {
  await hq.stop()
  writeOutbox(app, CHANGES, BACKLOG)
  const down = await syncWithHq(app)
  await hq.start()
  const started = performance.now()
  const drained = await syncWithHq(app)
  const drainMs = performance.now() - started
  console.info(
    `backlog: ${BACKLOG.toLocaleString('en-US')} changes queued while HQ was down (the sync said: ${down.problem}); ` +
      `drained in ${seconds(drainMs)} s after HQ came back (${drained.pushed.toLocaleString('en-US')} pushed, problem: ${drained.problem ?? 'none'})`
  )
  const atHq = await hq.changeCount()
  const atShop = (app.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n
  console.info(`check: ${atShop.toLocaleString('en-US')} changes at the shop, ${atHq.toLocaleString('en-US')} at HQ`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
