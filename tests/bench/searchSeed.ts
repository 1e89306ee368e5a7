import type BetterSqlite3 from 'better-sqlite3'
import { customerSearchText } from '../../src-main/features/customers/searchText'
import { partSearchText } from '../../src-main/features/parts/searchText'
import { formatDocumentNumber } from '../../src-shared/domain/numbering'
import { deviceDraft, SerialBook } from '../../tools/demo/catalog'
import { customerDraft, MobileBook } from '../../tools/demo/people'
import { Random } from '../../tools/demo/random'

/**
 * Bulk seeding for search as you type: customers, one device and one work order each (spread
 * over the customers), and parts, written with prepared statements in large transactions. The
 * search texts come from the production functions and the FTS5 indexes are filled by the
 * production triggers, as they are in a real shop.
 */

export interface SearchSeedOptions {
  customers: number
  workOrders: number
  parts: number
  now: Date
  createdBy: string
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

export function seedSearchShop(sqlite: BetterSqlite3.Database, options: SearchSeedOptions): SearchSamples {
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
