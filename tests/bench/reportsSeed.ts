import type BetterSqlite3 from 'better-sqlite3'
import { CATEGORY_KEYS } from '../../src-shared/domain/warranty/policy'
import { Random } from '../../tools/demo/random'

/**
 * A shop's history for the reports benchmark: prepared inserts in large transactions straight
 * into the tables the app writes (work orders, their ready event, labour, payments, invoices and
 * warranty claims, parts used). The report facts are NOT seeded: the app's triggers write them
 * as the rows go in, exactly as they do on every change at the counter.
 */
export interface ReportsSeedOptions {
  workOrders: number
  devices: number
  years: number
  now: Date
  technicianIds: string[]
  cashierId: string
}

const HOUR = 3_600_000
const DAY = 24 * HOUR
const BATCH = 25_000

function idGenerator(random: Random): (ms: number) => string {
  const hex = (value: number, length: number) => value.toString(16).padStart(length, '0')
  return (ms) => {
    const time = hex(ms, 12)
    const rand = () => Math.floor(random.next() * 0x10000)
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(rand() & 0xfff, 3)}-${hex(0x8000 | (rand() & 0x3fff), 4)}-${hex(rand(), 4)}${hex(rand(), 4)}${hex(rand(), 4)}`
  }
}

export function seedReportsShop(sqlite: BetterSqlite3.Database, options: ReportsSeedOptions): Record<string, number> {
  const random = new Random(16)
  const id = idGenerator(random)
  const iso = (ms: number) => new Date(ms).toISOString()
  const created = iso(options.now.getTime())
  const rows: Record<string, number> = {}
  const count = (table: string) => (rows[table] = (rows[table] ?? 0) + 1)

  // The catalogue: 40 brands, 400 models over the categories; fault codes; 2 000 parts.
  const models: { brand: string; model: string }[] = []
  const insertModel = sqlite.prepare(
    'INSERT INTO product_models (id, brand, model, category_key, created_at) VALUES (?, ?, ?, ?, ?)'
  )
  const insertCode = sqlite.prepare(
    'INSERT OR IGNORE INTO code_entries (list, code, label, active, sort_order) VALUES (?, ?, ?, 1, ?)'
  )
  const insertPart = sqlite.prepare(
    `INSERT INTO parts (id, part_number, name, unit, selling_price_fen, average_cost_fen, search_text, created_at, updated_at)
     VALUES (?, ?, ?, 'piece', ?, ?, ?, ?, ?)`
  )
  const parts: { id: string; priceFen: number; costFen: number }[] = []
  sqlite.transaction(() => {
    for (let m = 0; m < 400; m++) {
      const entry = { brand: `品牌${m % 40}`, model: `型号-${m}` }
      insertModel.run(id(Date.now()), entry.brand, entry.model, CATEGORY_KEYS[m % CATEGORY_KEYS.length], created)
      models.push(entry)
    }
    for (let c = 1; c <= 40; c++) insertCode.run('fault_cause', `F${c}`, `故障原因 ${c}`, c)
    for (let c = 1; c <= 15; c++) insertCode.run('fault_location', `L${c}`, `部件 ${c}`, c)
    for (let p = 0; p < 2_000; p++) {
      const priceFen = random.int(20, 800) * 100
      const part = { id: id(Date.now()), priceFen, costFen: Math.round(priceFen * 0.6) }
      insertPart.run(part.id, `P-${p}`, `配件 ${p}`, part.priceFen, part.costFen, `p-${p}`, created, created)
      parts.push(part)
    }
  })()

  const insertCustomer = sqlite.prepare(
    `INSERT INTO customers (id, name, search_text, created_at, updated_at) VALUES (?, '顾客', 'gk', ?, ?)`
  )
  const insertDevice = sqlite.prepare(
    `INSERT INTO devices (id, customer_id, brand, model, serial, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)`
  )
  const customerId = id(Date.now())
  insertCustomer.run(customerId, created, created)
  const devices: string[] = []
  for (let start = 0; start < options.devices; start += BATCH) {
    sqlite.transaction(() => {
      for (let d = start; d < Math.min(options.devices, start + BATCH); d++) {
        const deviceId = id(Date.now())
        const model = models[d % models.length]!
        insertDevice.run(deviceId, customerId, model.brand, model.model, created, created)
        devices.push(deviceId)
        count('devices')
      }
    })()
  }

  const insertOrder = sqlite.prepare(
    `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
       reported_fault, condition_json, accessories_json, technician_id, fault_location_code, fault_cause_code,
       reopened_from_id, picked_up_at, created_at, updated_at)
     VALUES (?, ?, '000000', ?, ?, ?, 'walk_in', ?, '不开机', '{}', '{}', ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertEvent = sqlite.prepare(
    `INSERT INTO work_order_events (id, work_order_id, at, kind, from_status, to_status)
     VALUES (?, ?, ?, 'status', 'quality_check', 'ready_for_pickup')`
  )
  const insertLabour = sqlite.prepare(
    `INSERT INTO work_order_labour (id, work_order_id, description, minutes, price_fen, created_at)
     VALUES (?, ?, '维修', 30, ?, ?)`
  )
  const insertPayment = sqlite.prepare(
    `INSERT INTO payments (id, kind, method, amount_fen, tendered_fen, change_fen, work_order_id, at)
     VALUES (?, ?, ?, ?, ?, 0, ?, ?)`
  )
  const insertInvoice = sqlite.prepare(
    `INSERT INTO invoices (id, number, kind, work_order_id, lines_fen, brand_fen, customer_lines_fen, discount_fen,
       deposit_applied_fen, due_fen, deposit_returned_fen, issued_at)
     VALUES (?, ?, 'invoice', ?, ?, ?, 0, 0, 0, 0, 0, ?)`
  )
  const insertClaim = sqlite.prepare(
    `INSERT INTO warranty_claims (id, work_order_id, invoice_id, amount_fen, lines_json, status, created_at)
     VALUES (?, ?, ?, ?, '[]', ?, ?)`
  )
  const insertUsedPart = sqlite.prepare(
    `INSERT INTO work_order_parts (id, work_order_id, part_id, quantity, returned_quantity, unit_price_fen, unit_cost_fen,
       cost_value_fen, returned_value_fen, issued_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )

  const METHODS = ['cash', 'bank_card', 'wechat_pay', 'alipay', 'bank_transfer']
  const CLAIM_STATUSES = ['open', 'submitted', 'paid', 'paid', 'paid', 'rejected']
  const end = options.now.getTime()
  const start = end - options.years * 365 * DAY
  const step = (end - start) / options.workOrders
  const lastJob = new Map<number, { id: string; pickedUpMs: number | null }>()

  for (let first = 0; first < options.workOrders; first += BATCH) {
    sqlite.transaction(() => {
      for (let n = first; n < Math.min(options.workOrders, first + BATCH); n++) {
        const receivedMs = Math.floor(start + n * step + random.next() * step)
        const device = random.int(0, devices.length - 1)
        const previous = lastJob.get(device)
        const comeback =
          previous?.pickedUpMs !== undefined &&
          previous.pickedUpMs !== null &&
          previous.pickedUpMs < receivedMs &&
          random.chance(0.3)
        const readyMs = random.chance(0.95) ? receivedMs + random.int(1, 24 * 14) * HOUR : null
        const pickedUpMs =
          readyMs !== null && readyMs < end && random.chance(0.93) ? readyMs + random.int(1, 24 * 7) * HOUR : null
        const warranty = random.chance(0.45)
        const orderId = id(receivedMs)
        const technician = random.pick(options.technicianIds)
        insertOrder.run(
          orderId,
          `WO-${n}`,
          customerId,
          devices[device],
          warranty ? 'warranty_repair' : 'paid_repair',
          pickedUpMs !== null && pickedUpMs < end ? 'picked_up' : readyMs !== null ? 'ready_for_pickup' : 'repairing',
          technician,
          random.chance(0.7) ? `L${random.int(1, 15)}` : null,
          random.chance(0.85) ? `F${Math.min(40, 1 + Math.floor(-Math.log(random.next() + 1e-9) * 6))}` : null,
          comeback ? previous!.id : null,
          pickedUpMs !== null && pickedUpMs < end ? iso(pickedUpMs) : null,
          iso(receivedMs),
          iso(receivedMs)
        )
        count('work_orders')
        lastJob.set(device, { id: orderId, pickedUpMs: pickedUpMs !== null && pickedUpMs < end ? pickedUpMs : null })
        if (readyMs !== null && readyMs < end) {
          insertEvent.run(id(readyMs), orderId, iso(readyMs))
          count('work_order_events')
        }
        const labourFen = random.chance(0.7) ? random.int(30, 300) * 100 : 0
        if (labourFen > 0) {
          insertLabour.run(id(receivedMs), orderId, labourFen, iso(receivedMs + HOUR))
          count('work_order_labour')
        }
        let partFen = 0
        if (random.chance(0.5)) {
          const part = random.pick(parts)
          const quantity = random.int(1, 2)
          const returned = random.chance(0.05) ? 1 : 0
          partFen = part.priceFen * (quantity - returned)
          insertUsedPart.run(
            id(receivedMs),
            orderId,
            part.id,
            quantity,
            returned,
            part.priceFen,
            part.costFen,
            part.costFen * quantity,
            part.costFen * returned,
            iso(receivedMs + 2 * HOUR)
          )
          count('work_order_parts')
        }
        if (random.chance(0.1)) {
          insertPayment.run(id(receivedMs), 'deposit', random.pick(METHODS), 5_000, 5_000, orderId, iso(receivedMs))
          count('payments')
        }
        if (pickedUpMs !== null && pickedUpMs < end) {
          const at = iso(pickedUpMs)
          const invoiceId = id(pickedUpMs)
          const brandFen = warranty ? partFen : 0
          insertInvoice.run(invoiceId, `INV-${n}`, orderId, labourFen + partFen, brandFen, at)
          count('invoices')
          const customerFen = labourFen + partFen - brandFen
          if (customerFen > 0) {
            insertPayment.run(id(pickedUpMs), 'payment', random.pick(METHODS), customerFen, customerFen, orderId, at)
            count('payments')
            if (random.chance(0.01)) {
              insertPayment.run(
                id(pickedUpMs + DAY),
                'refund',
                'cash',
                -Math.min(customerFen, 5_000),
                0,
                orderId,
                iso(pickedUpMs + DAY)
              )
              count('payments')
            }
          }
          if (brandFen > 0) {
            insertClaim.run(id(pickedUpMs), orderId, invoiceId, brandFen, random.pick(CLAIM_STATUSES), at)
            count('warranty_claims')
          }
        }
      }
    })()
  }
  return rows
}
