import type BetterSqlite3 from 'better-sqlite3'
import { customerSearchFts } from '../../src-main/features/customers/migrations'
import { customerSearchText } from '../../src-main/features/customers/searchText'
import { partSearchFts } from '../../src-main/features/parts/migrations'
import { partSearchText } from '../../src-main/features/parts/searchText'
import { workOrderSearchFts } from '../../src-main/features/workOrders/migrations'
import { formatDocumentNumber } from '../../src-shared/domain/numbering'
import { deviceDraft, SerialBook } from '../../tools/demo/catalog'
import { customerDraft, MobileBook } from '../../tools/demo/people'
import { Random } from '../../tools/demo/random'

/**
 * Bulk seeding for search as you type: customers, one device and one work order each (spread
 * over the customers), and parts, written with prepared statements in large transactions. The
 * search texts come from the production functions. The FTS5 indexes are filled either by the
 * production triggers row by row (`via: 'triggers'`) or, much faster for a million rows, by the
 * production migrations' own backfill statements once the base rows are in (`via: 'backfill'`,
 * the default: the search triggers are set aside while the rows go in and put back after). The
 * backfill is the path every shop that upgraded to the FTS5 indexes took, and it leaves the same
 * index and the same search_seq numbering as the triggers (tests/unit/search/searchSeed.test.ts).
 */

export interface SearchSeedOptions {
  customers: number
  workOrders: number
  parts: number
  now: Date
  createdBy: string
  /** How the FTS5 indexes are filled; the same result either way. */
  via?: 'triggers' | 'backfill'
}

/** What the measured keystrokes are drawn from. */
export interface SearchSamples {
  names: string[]
  mobiles: string[]
  serials: string[]
  numbers: string[]
  partNumbers: string[]
}

const DAY_MS = 86_400_000
const BATCH = 20_000
const SAMPLE_EVERY = 997
const PART_FAMILIES = ['SCR', 'BAT', 'CAM', 'FPC', 'SPK', 'MB', 'CHG', 'KEY'] as const
const PART_NAMES = ['屏幕总成', '电池', '后置摄像头', '尾插排线', '扬声器', '主板', '充电器', '按键'] as const

/** A time-ordered, unique id (the app's are UUIDv7; these keep the order without system randomness). */
function seedId(ms: number, serial: number): string {
  const time = ms.toString(16).padStart(12, '0')
  const tail = serial.toString(16).padStart(12, '0')
  return `${time.slice(0, 8)}-${time.slice(8)}-7000-8000-${tail}`
}

function inBatches(sqlite: BetterSqlite3.Database, count: number, write: (i: number) => void): void {
  for (let from = 0; from < count; from += BATCH) {
    sqlite.transaction(() => {
      for (let i = from; i < Math.min(count, from + BATCH); i++) write(i)
    })()
  }
}

/** The search triggers an insert fires; the backfill does their work once for every row. */
const INSERT_TRIGGERS = ['customers_search_insert', 'work_orders_search_insert', 'parts_search_insert']

/**
 * The statements of the FTS5 migrations that index the rows already there (numbering the
 * customers' search_seq and filling customer_search, work_order_search and part_search), taken
 * from the migrations themselves so the seed can never drift from what production writes.
 */
function backfillStatements(): string[] {
  return [customerSearchFts, workOrderSearchFts, partSearchFts].flatMap((migration) =>
    migration.statements.filter((statement) => /^\s*(INSERT|UPDATE)\b/.test(statement))
  )
}

/** Writes the base rows with the insert triggers of the search set aside, then backfills the indexes. */
function withSearchBackfill<T>(sqlite: BetterSqlite3.Database, write: () => T): T {
  const triggers = sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${INSERT_TRIGGERS.map(() => '?').join(', ')})`
    )
    .all(...INSERT_TRIGGERS) as { name: string; sql: string }[]
  if (triggers.length !== INSERT_TRIGGERS.length) throw new Error('the search triggers are not all in the schema')
  // The backfill indexes (and numbers) every row in the tables, so it seeds only an empty shop,
  // where that is exactly what the triggers would have done row by row.
  const rows = sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM work_orders) + (SELECT count(*) FROM parts) AS n`
    )
    .get() as { n: number }
  if (rows.n > 0) throw new Error('the search backfill seeds only a shop without customers, work orders or parts')
  sqlite.transaction(() => {
    for (const trigger of triggers) sqlite.exec(`DROP TRIGGER ${trigger.name}`)
  })()
  try {
    const written = write()
    sqlite.transaction(() => {
      for (const statement of backfillStatements()) sqlite.exec(statement)
    })()
    return written
  } finally {
    sqlite.transaction(() => {
      for (const trigger of triggers) sqlite.exec(trigger.sql)
    })()
  }
}

export function seedSearchShop(sqlite: BetterSqlite3.Database, options: SearchSeedOptions): SearchSamples {
  if (options.via === 'triggers') return seedRows(sqlite, options)
  return withSearchBackfill(sqlite, () => seedRows(sqlite, options))
}

function seedRows(sqlite: BetterSqlite3.Database, options: SearchSeedOptions): SearchSamples {
  const random = new Random(20_260_123)
  const mobiles = new MobileBook()
  const serials = new SerialBook()
  const now = options.now.getTime()
  const samples: SearchSamples = { names: [], mobiles: [], serials: [], numbers: [], partNumbers: [] }
  const start = now - 365 * DAY_MS
  const step = (365 * DAY_MS) / Math.max(options.customers, options.workOrders, 1)

  const insertCustomer = sqlite.prepare(
    `INSERT INTO customers (id, name, mobile, other_phones_json, company, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const customerIds: string[] = []
  inBatches(sqlite, options.customers, (i) => {
    const draft = customerDraft(random, mobiles)
    const at = new Date(start + i * step).toISOString()
    const id = seedId(start + i * step, i)
    insertCustomer.run(
      id,
      draft.name,
      draft.mobile,
      JSON.stringify(draft.otherPhones),
      draft.company,
      customerSearchText(draft),
      at,
      at
    )
    customerIds.push(id)
    if (i % SAMPLE_EVERY === 0) {
      samples.names.push(draft.name)
      samples.mobiles.push(draft.mobile)
    }
  })

  const insertDevice = sqlite.prepare(
    `INSERT INTO devices (id, customer_id, brand, model, serial, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  const insertOrder = sqlite.prepare(
    `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
       reported_fault, condition_json, accessories_json, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'paid_repair', 'walk_in', ?, '不开机', '{}', '{"items":[],"note":""}', ?, ?, ?)`
  )
  let day = ''
  let dayCount = 0
  inBatches(sqlite, options.workOrders, (i) => {
    const ms = start + i * step
    const at = new Date(ms).toISOString()
    const date = new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)
    if (date !== day) [day, dayCount] = [date, 0]
    const customerId = customerIds[i % customerIds.length]!
    const device = deviceDraft(random, serials, new Date(ms))
    const deviceId = seedId(ms, options.customers + i)
    insertDevice.run(deviceId, customerId, device.brand, device.model, device.serial, at, at)
    const number = formatDocumentNumber('WO', date, ++dayCount)
    const status = ms > now - 30 * DAY_MS ? random.pick(['received', 'repairing', 'ready_for_pickup']) : 'picked_up'
    insertOrder.run(
      seedId(ms, 2 * options.customers + i),
      number,
      random.digits(6),
      customerId,
      deviceId,
      status,
      options.createdBy,
      at,
      at
    )
    if (i % SAMPLE_EVERY === 0) {
      samples.serials.push(device.serial)
      samples.numbers.push(number)
    }
  })

  const insertPart = sqlite.prepare(
    `INSERT INTO parts (id, part_number, name, unit, selling_price_fen, average_cost_fen, search_text, created_at, updated_at)
     VALUES (?, ?, ?, '个', 10000, 6000, ?, ?, ?)`
  )
  inBatches(sqlite, options.parts, (i) => {
    const family = i % PART_FAMILIES.length
    const partNumber = `${PART_FAMILIES[family]}-${String(100_000 + i * 7)}-${random.int(10, 99)}`
    const name = `${PART_NAMES[family]} ${random.int(1, 60)}型`
    const at = new Date(start + i * step).toISOString()
    insertPart.run(
      seedId(start + i * step, 3 * options.customers + i),
      partNumber,
      name,
      partSearchText({ partNumber, name, barcodes: [], models: [] }),
      at,
      at
    )
    if (i % SAMPLE_EVERY === 0) samples.partNumbers.push(partNumber)
  })
  return samples
}
