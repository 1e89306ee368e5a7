import type BetterSqlite3 from 'better-sqlite3'
import { customerSearchText } from '../../src-main/features/customers/searchText'
import { formatDocumentNumber } from '../../src-shared/domain/numbering'
import type { WorkOrderStatus } from '../../src-shared/domain/workOrderStatus'
import type { ServiceType } from '../../src-shared/domain/repairTypes'
import { deviceDraft, kindOf, SerialBook, type DeviceKind } from '../../tools/demo/catalog'
import { customerDraft, MobileBook } from '../../tools/demo/people'
import { Random } from '../../tools/demo/random'
import type { DemoUser } from '../../tools/demo/shop'

/**
 * Bulk seeding for the benchmark: prepared statements in large transactions, straight into the
 * tables the services read. Customers' search text comes from the production function, so
 * search behaves as it does in a real shop. Audit and outbox rows are not written (nothing the
 * benchmark reads depends on them).
 */

export interface SeedOptions {
  customers: number
  workOrders: number
  /** How far back the history reaches. */
  days: number
  now: Date
  technicianIds: string[]
  deskUserIds: string[]
  managerId: string
}

export interface SeedReport {
  rows: Record<string, number>
  seconds: number
  searchTextSeconds: number
  /** What the measurements draw their queries from. */
  samples: { names: string[]; mobiles: string[]; numbers: string[] }
}

/** Who the seeded jobs are received, worked and approved by: the demo shop's staff. */
export function seedStaff(
  users: Map<string, DemoUser>
): Pick<SeedOptions, 'technicianIds' | 'deskUserIds' | 'managerId'> {
  const byRole = (role: string) => [...users.values()].filter((u) => u.role === role).map((u) => u.id)
  return { technicianIds: byRole('technician'), deskUserIds: byRole('front_desk'), managerId: byRole('manager')[0]! }
}

const DAY_MS = 86_400_000
const SHANGHAI_OFFSET_MS = 8 * 3_600_000
/** The shop-local date; Asia/Shanghai has no daylight saving, so a fixed offset is exact. */
const shopDate = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)

const BATCH = 20_000

/**
 * A UUIDv7 (time-ordered, as the app's own ids) with its random bits from the seeded source:
 * the app's `uuidv7` asks the system for randomness on every call, which alone would take
 * seconds for 650 000 rows.
 */
function idGenerator(random: Random): (ms: number) => string {
  const hex = (value: number, length: number) => value.toString(16).padStart(length, '0')
  return (ms) => {
    const time = hex(ms, 12)
    const rand = () => Math.floor(random.next() * 0x10000)
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(rand() & 0xfff, 3)}-${hex(0x8000 | (rand() & 0x3fff), 4)}-${hex(rand(), 4)}${hex(rand(), 4)}${hex(rand(), 4)}`
  }
}

const SERVICE_TYPES: [ServiceType, number][] = [
  ['warranty_repair', 45],
  ['paid_repair', 40],
  ['installation', 8],
  ['inspection', 7]
]
type Weights = [WorkOrderStatus, number][]
/** Old jobs are mostly handed back; recent ones are spread over the whole workflow. */
const STATUS_BY_AGE: { maxDays: number; weights: Weights }[] = [
  {
    maxDays: 7,
    weights: [
      ['received', 18],
      ['diagnosing', 18],
      ['awaiting_approval', 12],
      ['awaiting_parts', 10],
      ['repairing', 14],
      ['quality_check', 6],
      ['ready_for_pickup', 12],
      ['picked_up', 8],
      ['cancelled', 1.5],
      ['returned_unrepaired', 0.5]
    ]
  },
  {
    maxDays: 30,
    weights: [
      ['received', 1],
      ['diagnosing', 2],
      ['awaiting_approval', 4],
      ['awaiting_parts', 8],
      ['repairing', 6],
      ['quality_check', 3],
      ['ready_for_pickup', 12],
      ['picked_up', 55],
      ['cancelled', 5],
      ['returned_unrepaired', 4]
    ]
  },
  {
    maxDays: Infinity,
    weights: [
      ['diagnosing', 0.2],
      ['awaiting_approval', 0.5],
      ['awaiting_parts', 1],
      ['repairing', 0.5],
      ['quality_check', 0.3],
      ['ready_for_pickup', 1.5],
      ['picked_up', 86],
      ['cancelled', 5],
      ['returned_unrepaired', 5]
    ]
  }
]
const NOT_YET_DIAGNOSED = new Set<WorkOrderStatus>(['received', 'diagnosing'])
const WORK_DONE = new Set<WorkOrderStatus>(['quality_check', 'ready_for_pickup', 'picked_up'])

interface CustomerSeed {
  id: string
  devices: { id: string; kind: DeviceKind }[]
}

export function seedRepairs(sqlite: BetterSqlite3.Database, options: SeedOptions): SeedReport {
  const started = performance.now()
  const random = new Random(20_260_123)
  const uuidv7 = idGenerator(new Random(42))
  const mobiles = new MobileBook()
  const serials = new SerialBook()
  const now = options.now.getTime()
  const rows: Record<string, number> = {
    customers: 0,
    devices: 0,
    work_orders: 0,
    quotes: 0,
    work_order_labour: 0,
    work_order_events: 0,
    number_sequences: 0
  }
  const samples: SeedReport['samples'] = { names: [], mobiles: [], numbers: [] }
  let searchTextMs = 0

  const insertCustomer = sqlite.prepare(
    `INSERT INTO customers (id, name, mobile, other_phones_json, address, company, notes, tags_json, search_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertDevice = sqlite.prepare(
    `INSERT INTO devices (id, customer_id, brand, model, serial, colour, purchase_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertOrder = sqlite.prepare(
    `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status, reported_fault, symptom_code,
       condition_json, accessories_json, passcode, estimate_fen, deposit_fen, promised_date, technician_id, fault_location_code, fault_cause_code,
       diagnosis, close_reason, current_quote_id, picked_up_at, picked_up_by, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertQuote = sqlite.prepare(
    `INSERT INTO quotes (id, work_order_id, labour_fen, parts_fen, discount_fen, total_fen, created_by, created_at, customer_decision,
       decision_channel, decided_at, decision_recorded_by, manager_approval, manager_id, manager_decided_at)
     VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertLabour = sqlite.prepare(
    `INSERT INTO work_order_labour (id, work_order_id, description, minutes, price_fen, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  const insertEvent = sqlite.prepare(
    `INSERT INTO work_order_events (id, work_order_id, at, actor_id, kind, from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insertSequence = sqlite.prepare(`INSERT INTO number_sequences (name, period, last_value) VALUES ('WO', ?, ?)`)

  const customers: CustomerSeed[] = []
  function addCustomer(at: number): CustomerSeed {
    const draft = customerDraft(random, mobiles)
    const t = performance.now()
    const searchText = customerSearchText(draft)
    searchTextMs += performance.now() - t
    const iso = new Date(at).toISOString()
    const customer = { id: uuidv7(at), devices: [] }
    insertCustomer.run(
      customer.id,
      draft.name,
      draft.mobile,
      JSON.stringify(draft.otherPhones),
      draft.address,
      draft.company,
      draft.notes,
      JSON.stringify(draft.tags),
      searchText,
      iso,
      iso
    )
    rows.customers!++
    if (customers.length % 100 === 0) samples.names.push(draft.name)
    if (customers.length % 97 === 0) samples.mobiles.push(draft.mobile)
    customers.push(customer)
    return customer
  }
  function addDevice(customer: CustomerSeed, at: number) {
    const draft = deviceDraft(random, serials, new Date(at))
    const iso = new Date(at).toISOString()
    const device = { id: uuidv7(at), kind: draft.kind }
    insertDevice.run(
      device.id,
      customer.id,
      draft.brand,
      draft.model,
      draft.serial,
      draft.colour,
      draft.purchaseDate,
      iso,
      iso
    )
    rows.devices!++
    customer.devices.push(device)
    return device
  }

  // Intake instants, oldest first, during shop hours (09:00–20:00 Beijing time).
  const intakes = Array.from({ length: options.workOrders }, () => {
    const day = Math.floor((now - random.next() * options.days * DAY_MS + SHANGHAI_OFFSET_MS) / DAY_MS)
    const at = day * DAY_MS - SHANGHAI_OFFSET_MS + random.int(9 * 60, 20 * 60 - 1) * 60_000 + random.int(0, 59_999)
    return at < now ? at : at - DAY_MS // later today has not happened yet
  }).sort((a, b) => a - b)
  const newCustomerShare = options.customers / options.workOrders

  let dayCounter = { date: '', value: 0 }
  const counters: [string, number][] = []
  const writeOrders = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const at = intakes[i]!
      const isNew = customers.length < options.customers && (customers.length === 0 || random.chance(newCustomerShare))
      // Returning customers: a few regulars come back often.
      const customer = isNew ? addCustomer(at) : customers[Math.floor(customers.length * random.next() ** 1.5)]!
      const device =
        customer.devices.length > 0 && random.chance(isNew ? 0 : 0.6)
          ? random.pick(customer.devices)
          : addDevice(customer, at)
      writeOrder(at, customer, device)
    }
  }

  function writeOrder(at: number, customer: CustomerSeed, device: { id: string; kind: DeviceKind }) {
    const date = shopDate(at)
    if (date !== dayCounter.date) {
      if (dayCounter.date) counters.push([dayCounter.date, dayCounter.value])
      dayCounter = { date, value: 0 }
    }
    const number = formatDocumentNumber('WO', date, ++dayCounter.value)
    const ageDays = (now - at) / DAY_MS
    const status = random.weighted(STATUS_BY_AGE.find((band) => ageDays <= band.maxDays)!.weights)
    const kind = kindOf(device.kind)
    let serviceType = random.weighted(SERVICE_TYPES)
    if (serviceType === 'installation' && kind.installations.length === 0) serviceType = 'paid_repair'
    if (status === 'awaiting_approval') serviceType = 'paid_repair'
    const fault = random.pick(kind.faults)
    const reported = serviceType === 'installation' ? random.pick(kind.installations) : fault.reported
    const technicianId = status === 'received' ? null : random.pick(options.technicianIds)
    const deskId = random.pick(options.deskUserIds)
    const diagnosed = !NOT_YET_DIAGNOSED.has(status) && !(status === 'cancelled' && random.chance(0.5))
    const closedAt = Math.min(now, at + random.int(1, 12 * 24) * 3_600_000)
    const updatedAt = ['picked_up', 'cancelled', 'returned_unrepaired'].includes(status)
      ? closedAt
      : Math.min(now, at + random.int(1, 72) * 3_600_000)
    const id = uuidv7(at)
    const createdIso = new Date(at).toISOString()
    const updatedIso = new Date(updatedAt).toISOString()

    const quoteId = serviceType === 'paid_repair' && diagnosed ? uuidv7(at + 3_600_000) : null
    const workDone = WORK_DONE.has(status)
    const promised = random.chance(0.7) ? shopDate(at + random.int(2, 7) * DAY_MS) : null
    const closeReason =
      status === 'cancelled' ? '客户取消维修' : status === 'returned_unrepaired' ? '配件停产，无法维修' : ''
    insertOrder.run(
      id,
      number,
      random.digits(6),
      customer.id,
      device.id,
      serviceType,
      random.weighted([
        ['walk_in', 80],
        ['phone_booking', 15],
        ['mail_in', 5]
      ]),
      status,
      reported,
      fault.symptom,
      JSON.stringify({ scratches: random.chance(0.3), cracks: random.chance(0.1), liquidMarks: false, note: '' }),
      JSON.stringify({ items: random.chance(0.5) ? ['charger'] : [], note: '' }),
      null,
      fault.labourFen + fault.partsFen,
      0,
      promised,
      technicianId,
      diagnosed ? fault.location : null,
      diagnosed ? fault.cause : null,
      diagnosed ? fault.diagnosis : '',
      closeReason,
      quoteId,
      status === 'picked_up' ? updatedIso : null,
      status === 'picked_up' ? deskId : null,
      deskId,
      createdIso,
      updatedIso
    )
    rows.work_orders!++
    if (quoteId) {
      const total = fault.labourFen + fault.partsFen
      const decided = status !== 'awaiting_approval'
      const managerNeeded = total > 100_000
      insertQuote.run(
        quoteId,
        id,
        fault.labourFen,
        fault.partsFen,
        total,
        technicianId,
        new Date(at + 3_600_000).toISOString(),
        decided ? (status === 'cancelled' ? 'refused' : 'approved') : 'pending',
        decided ? 'phone' : null,
        decided ? updatedIso : null,
        decided ? deskId : null,
        managerNeeded ? (decided ? 'approved' : 'pending') : 'not_required',
        managerNeeded && decided ? options.managerId : null,
        managerNeeded && decided ? updatedIso : null
      )
      rows.quotes!++
    }
    if (workDone) {
      insertLabour.run(
        uuidv7(at + 7_200_000),
        id,
        fault.labour,
        fault.minutes,
        fault.labourFen,
        technicianId,
        new Date(at + 7_200_000).toISOString()
      )
      rows.work_order_labour!++
    }
    insertEvent.run(uuidv7(at), id, createdIso, deskId, 'created', null, 'received', '')
    rows.work_order_events!++
    if (technicianId) {
      insertEvent.run(uuidv7(at + 60_000), id, new Date(at + 60_000).toISOString(), deskId, 'assigned', null, null, '')
      rows.work_order_events!++
    }
    if (status !== 'received') {
      insertEvent.run(uuidv7(updatedAt), id, updatedIso, technicianId ?? deskId, 'status', null, status, closeReason)
      rows.work_order_events!++
    }
  }

  // A large page cache while seeding only (put back afterwards, so the measurements see the app's own).
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
  sqlite.pragma('cache_size = -262144')
  for (let from = 0; from < intakes.length; from += BATCH) {
    sqlite.transaction(() => writeOrders(from, Math.min(intakes.length, from + BATCH)))()
  }
  sqlite.transaction(() => {
    // Customers who asked at the counter but never left a job.
    while (customers.length < options.customers) addCustomer(now - random.int(1, options.days) * DAY_MS)
    counters.push([dayCounter.date, dayCounter.value])
    for (const [period, value] of counters) insertSequence.run(period, value)
    rows.number_sequences = counters.length
  })()
  sqlite.pragma(`cache_size = ${cacheSize}`)
  const numbers = sqlite.prepare('SELECT number FROM work_orders WHERE rowid % 331 = 0').pluck().all() as string[]
  samples.numbers.push(...numbers)
  return { rows, seconds: (performance.now() - started) / 1000, searchTextSeconds: searchTextMs / 1000, samples }
}
