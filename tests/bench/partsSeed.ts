import type BetterSqlite3 from 'better-sqlite3'
import { partSearchText } from '../../src-main/features/parts/searchText'
import { KINDS, type DeviceKind } from '../../tools/demo/catalog'
import {
  BarcodeBook,
  BinBook,
  CATEGORY_OF_KIND,
  GENERIC_PARTS,
  genericPart,
  MODEL_PARTS,
  modelPart,
  modelsOf,
  type PartDraft
} from '../../tools/demo/parts'
import { Random } from '../../tools/demo/random'
import { averageCostFen, outgoingValueFen, type MovementKind } from '../../src-shared/domain/stock'

/**
 * Bulk seeding of the parts store for the benchmark: a catalogue built from the demo's part
 * types over a few thousand product models, then a ledger written in time order with prepared
 * statements in large transactions. Every movement is computed as `postMovement` computes it
 * (moving-average cost, the exact share of value on the way out), so each part's on-hand
 * quantity and value are the sums of its movements and `balance_after` is the running balance.
 * Issues go to real work orders (already seeded), each with its `work_order_parts` line, and
 * returns come back on those lines. Audit and outbox rows are not written.
 */

export interface PartsSeedOptions {
  parts: number
  movements: number
  now: Date
  /** How far back the ledger reaches (the work orders' history should cover it). */
  days: number
  clerkId: string
}

export interface PartStock {
  id: string
  partNumber: string
  onHand: number
  serialTracked: boolean
}

export interface PartsSeedReport {
  rows: Record<string, number>
  seconds: number
  searchTextSeconds: number
  movementsByKind: Record<string, number>
  /** Each part's position after the seed, for choosing what to issue. */
  stock: PartStock[]
  /** What the search measurements draw their queries from. */
  samples: { partNumbers: string[]; barcodes: string[]; models: string[] }
}

const DAY_MS = 86_400_000
const BATCH = 50_000

/** A time-ordered UUIDv7 with its random bits from the seeded source (as in seed.ts). */
function idGenerator(random: Random): (ms: number) => string {
  const hex = (value: number, length: number) => value.toString(16).padStart(length, '0')
  return (ms) => {
    const time = hex(ms, 12)
    const rand = () => Math.floor(random.next() * 0x10000)
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(rand() & 0xfff, 3)}-${hex(0x8000 | (rand() & 0x3fff), 4)}-${hex(rand(), 4)}${hex(rand(), 4)}${hex(rand(), 4)}`
  }
}

/** Model names around the demo's: other generations (the first number shifted) and variants. */
function productModels(perBase: number): { kind: DeviceKind; brand: string; model: string }[] {
  const suffixes = ['', ' Pro', ' Plus', ' Max', ' Lite', ' SE', ' Ultra']
  const seen = new Set<string>()
  const models: { kind: DeviceKind; brand: string; model: string }[] = []
  for (const { kind } of KINDS) {
    for (const { brand, model } of modelsOf(kind)) {
      for (let n = 0; n < perBase; n++) {
        const generation = Math.floor(n / suffixes.length)
        const name =
          model.replace(/\d+/, (digits) => String(Number(digits) + generation)) + suffixes[n % suffixes.length]
        const key = `${brand}|${name.replace(/\s+/g, '').toUpperCase()}`
        if (seen.has(key)) continue
        seen.add(key)
        models.push({ kind, brand, model: name })
      }
    }
  }
  return models
}

interface IssuedLine {
  id: string
  part: number
  workOrderId: string
  workOrderNumber: string
  quantity: number
  returned: number
  costValueFen: number
  returnedValueFen: number
  serial: string | null
}

export function seedParts(sqlite: BetterSqlite3.Database, options: PartsSeedOptions): PartsSeedReport {
  const started = performance.now()
  const random = new Random(20_260_512)
  const uuidv7 = idGenerator(new Random(4242))
  const rows: Record<string, number> = {
    product_models: 0,
    parts: 0,
    part_barcodes: 0,
    part_models: 0,
    work_order_parts: 0,
    stock_movements: 0
  }
  const movementsByKind: Record<string, number> = {}
  const samples: PartsSeedReport['samples'] = { partNumbers: [], barcodes: [], models: [] }
  const now = options.now.getTime()
  const startMs = now - options.days * DAY_MS
  let searchTextMs = 0

  const insertModel = sqlite.prepare(
    'INSERT INTO product_models (id, brand, model, category_key, created_at) VALUES (?, ?, ?, ?, ?)'
  )
  const insertPart = sqlite.prepare(
    `INSERT INTO parts (id, part_number, name, description, unit, bin_location, selling_price_fen, average_cost_fen, on_hand, stock_value_fen,
       reorder_point, reorder_quantity, serial_tracked, return_faulty, active, search_text, created_at, updated_at)
     VALUES (?, ?, ?, '', ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, 1, ?, ?, ?)`
  )
  const insertBarcode = sqlite.prepare('INSERT INTO part_barcodes (barcode, part_id) VALUES (?, ?)')
  const insertPartModel = sqlite.prepare('INSERT INTO part_models (part_id, model_id) VALUES (?, ?)')
  const insertLine = sqlite.prepare(
    `INSERT INTO work_order_parts (id, work_order_id, part_id, request_id, serial, quantity, returned_quantity, unit_price_fen, unit_cost_fen,
       cost_value_fen, returned_value_fen, issued_by, issued_at)
     VALUES (?, ?, ?, NULL, ?, ?, 0, ?, ?, ?, 0, ?, ?)`
  )
  const returnOnLine = sqlite.prepare(
    'UPDATE work_order_parts SET returned_quantity = ?, returned_value_fen = ? WHERE id = ?'
  )
  const insertMovement = sqlite.prepare(
    `INSERT INTO stock_movements (id, part_id, at, kind, quantity, unit_cost_fen, value_fen, balance_after, reference, reason, serial, work_order_id, work_order_part_id, actor_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const updatePart = sqlite.prepare(
    'UPDATE parts SET on_hand = ?, stock_value_fen = ?, average_cost_fen = ?, updated_at = ? WHERE id = ?'
  )

  // The catalogue: every model's parts, model after model, then the generic ones.
  const modelIds = new Map<string, string>()
  const drafts: PartDraft[] = []
  const bins = new BinBook(6)
  const barcodes = new BarcodeBook()
  const numbers = new Set<string>()
  const models = productModels(60)
  const createdIso = new Date(startMs - 30 * DAY_MS).toISOString()
  sqlite.transaction(() => {
    for (const model of models) {
      const id = uuidv7(startMs - 30 * DAY_MS)
      insertModel.run(id, model.brand, model.model, CATEGORY_OF_KIND[model.kind], createdIso)
      modelIds.set(`${model.brand}|${model.model}`, id)
      rows.product_models!++
    }
  })()
  const wanted = options.parts - GENERIC_PARTS.length
  for (let m = 0; drafts.length < wanted; m = (m + 1) % models.length) {
    // Models in a shuffled order, so that the catalogue is not all phones when it is small.
    const model = models[(m * 7919) % models.length]!
    for (const partType of MODEL_PARTS[model.kind]) {
      if (drafts.length >= wanted) break
      const draft = modelPart(random, model.kind, partType, model.brand, model.model, bins, barcodes)
      if (numbers.has(draft.partNumber)) continue
      numbers.add(draft.partNumber)
      drafts.push(draft)
    }
    if (m === models.length - 1) throw new Error(`only ${drafts.length} parts from ${models.length} models`)
  }
  for (const part of GENERIC_PARTS)
    drafts.push(genericPart(random, part, bins, barcodes, part.fits ? modelsOf(part.fits) : []))

  const count = drafts.length
  const partIds: string[] = []
  const onHand = new Int32Array(count)
  const value = new Float64Array(count)
  const average = new Float64Array(count)
  sqlite.transaction(() => {
    drafts.forEach((draft, index) => {
      const id = uuidv7(startMs - 30 * DAY_MS + index)
      partIds.push(id)
      const t = performance.now()
      const searchText = partSearchText({
        partNumber: draft.partNumber,
        name: draft.name,
        barcodes: draft.barcodes,
        models: draft.fits
      })
      searchTextMs += performance.now() - t
      insertPart.run(
        id,
        draft.partNumber,
        draft.name,
        draft.unit,
        draft.binLocation,
        draft.sellingPriceFen,
        draft.costFen,
        draft.reorderPoint,
        draft.reorderQuantity,
        draft.serialTracked ? 1 : 0,
        draft.returnFaulty ? 1 : 0,
        searchText,
        createdIso,
        createdIso
      )
      rows.parts!++
      average[index] = draft.costFen
      for (const barcode of draft.barcodes) {
        insertBarcode.run(barcode, id)
        rows.part_barcodes!++
      }
      for (const fit of draft.fits) {
        const modelId = modelIds.get(`${fit.brand}|${fit.model}`)
        if (!modelId) continue
        insertPartModel.run(id, modelId)
        rows.part_models!++
      }
      if (index % 97 === 0) samples.partNumbers.push(draft.partNumber)
      if (index % 89 === 0) samples.barcodes.push(draft.barcodes[0]!)
      if (index % 101 === 0 && draft.fits.length === 1) samples.models.push(draft.fits[0]!.model)
    })
  })()

  // Jobs to issue to, oldest first: an issue goes to one taken in during the weeks before it.
  const orders = sqlite
    .prepare('SELECT id, number, created_at AS createdAt FROM work_orders ORDER BY created_at')
    .all() as { id: string; number: string; createdAt: string }[]
  const orderMs = orders.map((order) => Date.parse(order.createdAt))
  if (orders.length === 0) throw new Error('seed the work orders first')

  // Demand is skewed: a few parts (this year's screens and batteries) move far more than most.
  const popularity = Array.from({ length: count }, (_, i) => i)
  for (let i = count - 1; i > 0; i--) {
    const j = random.int(0, i)
    ;[popularity[i], popularity[j]] = [popularity[j]!, popularity[i]!]
  }
  const pickPart = () => popularity[Math.floor(count * random.next() ** 2.2)]!

  const recent: IssuedLine[] = []
  let written = 0
  let serialNumber = 0
  let orderCursor = 0

  function post(
    part: number,
    at: number,
    kind: MovementKind,
    quantity: number,
    extra: {
      unitCostFen?: number
      valueFen?: number
      reference?: string
      reason?: string
      serial?: string | null
      line?: IssuedLine | null
    }
  ) {
    let unitCostFen: number
    let valueFen: number
    if (quantity < 0) {
      const leaving = outgoingValueFen({ onHand: onHand[part]!, valueFen: value[part]! }, -quantity)
      valueFen = -leaving
      unitCostFen = Math.round(leaving / -quantity)
    } else if (extra.valueFen !== undefined) {
      valueFen = extra.valueFen
      unitCostFen = Math.round(valueFen / quantity)
    } else {
      unitCostFen = extra.unitCostFen ?? average[part]!
      valueFen = unitCostFen * quantity
    }
    const before = onHand[part]!
    onHand[part] = before + quantity
    value[part] = value[part]! + valueFen
    average[part] =
      quantity > 0 && before === 0
        ? unitCostFen
        : averageCostFen({ onHand: onHand[part]!, valueFen: value[part]! }, average[part]!)
    const line = extra.line ?? null
    insertMovement.run(
      uuidv7(at),
      partIds[part],
      new Date(at).toISOString(),
      kind,
      quantity,
      unitCostFen,
      valueFen,
      onHand[part],
      extra.reference ?? '',
      extra.reason ?? '',
      extra.serial ?? null,
      line?.workOrderId ?? null,
      line?.id ?? null,
      options.clerkId
    )
    written++
    movementsByKind[kind] = (movementsByKind[kind] ?? 0) + 1
    return valueFen
  }

  function receive(part: number, at: number, quantity: number) {
    const date = new Date(at + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '')
    const cost = Math.max(100, Math.round((drafts[part]!.costFen * (0.92 + random.next() * 0.16)) / 100) * 100)
    post(part, at, 'receive', quantity, { unitCostFen: cost, reference: `华南备件中心 RK${date}` })
  }

  function issue(part: number, at: number) {
    while (orderCursor + 1 < orders.length && orderMs[orderCursor + 1]! <= at) orderCursor++
    const orderIndex = Math.max(0, orderCursor - random.int(0, 400))
    const draft = drafts[part]!
    const serialTracked = draft.serialTracked
    const quantity = serialTracked ? 1 : Math.min(onHand[part]!, random.chance(0.85) ? 1 : random.int(2, 4))
    const serial = serialTracked ? `SN${(serialNumber++).toString(36).toUpperCase().padStart(8, '0')}` : null
    // The line first (the movement points at it), with the value the ledger is about to take out.
    const leaving = outgoingValueFen({ onHand: onHand[part]!, valueFen: value[part]! }, quantity)
    const line: IssuedLine = {
      id: uuidv7(at),
      part,
      workOrderId: orders[orderIndex]!.id,
      workOrderNumber: orders[orderIndex]!.number,
      quantity,
      returned: 0,
      costValueFen: leaving,
      returnedValueFen: 0,
      serial
    }
    insertLine.run(
      line.id,
      line.workOrderId,
      partIds[part],
      serial,
      quantity,
      draft.sellingPriceFen,
      Math.round(leaving / quantity),
      leaving,
      options.clerkId,
      new Date(at).toISOString()
    )
    rows.work_order_parts!++
    post(part, at, 'issue', -quantity, { serial, reference: line.workOrderNumber, line })
    recent.push(line)
    if (recent.length > 4_000) recent.splice(0, 1_000)
  }

  function giveBack(at: number) {
    const line = recent[random.int(0, recent.length - 1)]!
    const outstanding = line.quantity - line.returned
    if (outstanding === 0) return false
    const quantity = random.chance(0.7) ? outstanding : 1
    // The exact share of the value the line took out, as the service gives it back.
    const valueLeft = line.costValueFen - line.returnedValueFen
    const valueFen = quantity === outstanding ? valueLeft : Math.round((valueLeft * quantity) / outstanding)
    post(line.part, at, 'return', quantity, { valueFen, serial: line.serial, reference: line.workOrderNumber, line })
    line.returned += quantity
    line.returnedValueFen += valueFen
    returnOnLine.run(line.returned, line.returnedValueFen, line.id)
    return true
  }

  function byHand(part: number, at: number) {
    const roll = random.next()
    if (roll < 0.35) {
      const quantity = random.chance(0.5) ? 1 : -1
      if (quantity < 0 && onHand[part]! < 1) return false
      post(part, at, 'adjust', quantity, { reason: quantity > 0 ? '到货少记，补录' : '账实不符，冲减' })
    } else if (roll < 0.6) {
      if (onHand[part]! < 1) return false
      post(part, at, 'scrap', -1, { reason: '运输破损报废' })
    } else if (roll < 0.8) {
      const quantity = random.chance(0.5) ? random.int(1, 2) : -random.int(1, 2)
      if (quantity < 0 && onHand[part]! < -quantity) return false
      post(part, at, 'stocktake', quantity, { reference: 'ST-BENCH', reason: '定期盘点差异' })
    } else {
      if (onHand[part]! < 1) return false
      post(part, at, 'faulty_return', -1, { reason: '新件不良，退回厂家' })
    }
    return true
  }

  // A large page cache while seeding only (put back afterwards, so the measurements see the app's own).
  const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number
  sqlite.pragma('cache_size = -262144')
  const span = now - startMs - DAY_MS
  const instant = (n: number) => Math.floor(startMs + ((n + 0.5) / options.movements) * span)
  // The opening stock: every part received once on the first day.
  sqlite.transaction(() => {
    for (let part = 0; part < count && written < options.movements; part++) {
      receive(part, instant(written), drafts[part]!.reorderPoint + drafts[part]!.reorderQuantity + random.int(1, 4))
    }
  })()
  while (written < options.movements) {
    const end = Math.min(options.movements, written + BATCH)
    sqlite.transaction(() => {
      while (written < end) {
        const at = instant(written)
        const roll = random.next()
        if (roll < 0.03 && recent.length > 0) {
          giveBack(at)
        } else if (roll < 0.045) {
          byHand(pickPart(), at)
        } else {
          const part = pickPart()
          if (onHand[part]! <= drafts[part]!.reorderPoint)
            receive(part, at, drafts[part]!.reorderQuantity + random.int(0, drafts[part]!.reorderQuantity))
          else issue(part, at)
        }
      }
    })()
  }
  rows.stock_movements = written
  const updatedIso = new Date(now - DAY_MS).toISOString()
  sqlite.transaction(() => {
    for (let part = 0; part < count; part++)
      updatePart.run(onHand[part], value[part], average[part], updatedIso, partIds[part])
  })()
  sqlite.pragma(`cache_size = ${cacheSize}`)
  return {
    rows,
    seconds: (performance.now() - started) / 1000,
    searchTextSeconds: searchTextMs / 1000,
    movementsByKind,
    stock: drafts.map((draft, index) => ({
      id: partIds[index]!,
      partNumber: draft.partNumber,
      onHand: onHand[index]!,
      serialTracked: draft.serialTracked
    })),
    samples
  }
}
