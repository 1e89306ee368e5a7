import type { AppContext } from '../../src-main/app/context'
import type { Input, LedgerCheck } from '../../src-shared/contract'
import { DAY, HOUR, MINUTE, shopDate, type Counter } from './counter'
import { MANAGER, type Step } from './lifecycle'
import { CATEGORY_OF_KIND, demoCatalogue, partsForWork, type PartDraft, type RepairWork } from './parts'
import type { Random } from './random'
import type { DemoUser } from './shop'

const CLERK = 'zhoumin'
const SUPPLIERS = ['华南备件中心', '品牌售后配件仓', '广州迅达电子配件'] as const
/** Carriers with the way their tracking numbers start. */
const CARRIERS = [
  ['顺丰速运', 'SF'],
  ['京东物流', 'JDVA'],
  ['德邦快递', 'DPK']
] as const
/** The history is planned on days counted from its start; the demo covers 90. */
const HISTORY_DAYS = 90
/** The bench asks and the clerk issues every half hour from 09:10, 22 times a day. */
const ROUNDS_A_DAY = 22

export interface WarehouseState {
  drafts: PartDraft[]
  partIds: Map<string, string>
  /** What happened, for the summary. */
  requests: number
  issues: number
  returns: number
  deliveries: number
}

/** A part asked for and not issued yet. */
interface Waiting {
  requestId: string
  workOrderId: string
  partId: string
  quantity: number
  serialTracked: boolean
}

/** A job on the bench (or waiting for parts), as the clerk's queue shows it. */
interface JobRow extends RepairWork {
  id: string
  status: string
  technicianId: string | null
}

/**
 * The warehouse over the history, as dated steps to run with the repairs: the clerk enters the
 * catalogue and the opening stock the day before; every half hour the technicians ask for the
 * parts their jobs in repair (or waiting for parts) need and the clerk issues what is on the
 * shelf, now and then taking an unused part back; deliveries every third day bring what is low
 * or asked for, at costs that drift; faulty parts owed to the brand are packed and shipped twice
 * (the first batch credited); a few adjustments (one waiting for the manager) and a stocktake of
 * the consumables aisle. A handful of parts are out of supply for the last weeks, so they end
 * below their reorder point.
 */
export function planWarehouse(
  random: Random,
  app: AppContext,
  users: Map<string, DemoUser>,
  options: { from: number }
): { steps: Step[]; state: WarehouseState } {
  const warehouse = new Warehouse(random, app, users, options.from)
  warehouse.enterCatalogue()
  warehouse.receiveOpeningStock()
  warehouse.workEveryDay()
  // Faulty parts go back to the brand in batches; the first has been credited since.
  warehouse.sendFaultyPartsBack(30, true)
  warehouse.sendFaultyPartsBack(68, false)
  warehouse.correctStockByHand()
  // The monthly count of consumables, posted; a count of the washing-machine aisle, half done.
  warehouse.countStock(50, 'G-', '月度耗材盘点', 1, true)
  warehouse.countStock(HISTORY_DAYS - 2, 'E-', '洗衣机配件季度盘点', 0.5, false)
  return { steps: warehouse.steps, state: warehouse.state }
}

class Warehouse {
  readonly steps: Step[] = []
  readonly state: WarehouseState
  private readonly draftByNumber: Map<string, PartDraft>
  /** Serials handed out to deliveries so far, so each is new. */
  private serialsReceived = 0
  private readonly usernameOf: Map<string, string>
  /** Parts whose supplier has none left for the last two weeks: only a waiting job brings more. */
  private readonly shortSupply: Set<string>
  private readonly supplyStopsDay = HISTORY_DAYS - 16
  /** Jobs whose parts the bench has asked for already. */
  private readonly seen = new Set<string>()
  private waiting: Waiting[] = []
  /** Parts issued that will come back unused, and when. */
  private returns: { lineId: string; due: number }[] = []
  private readonly reads: ReturnType<typeof warehouseReads>

  constructor(
    private readonly random: Random,
    app: AppContext,
    users: Map<string, DemoUser>,
    private readonly from: number
  ) {
    const drafts = demoCatalogue(random)
    this.state = { drafts, partIds: new Map(), requests: 0, issues: 0, returns: 0, deliveries: 0 }
    this.draftByNumber = new Map(drafts.map((draft) => [draft.partNumber, draft]))
    this.usernameOf = new Map([...users.values()].map((user) => [user.id, user.username]))
    this.shortSupply = new Set(
      drafts.filter((draft) => draft.reorderPoint > 0 && random.chance(0.03)).map((draft) => draft.partNumber)
    )
    this.reads = warehouseReads(app)
  }

  /** The moment of a day counted from the history's start (-1 the day before). */
  private at(day: number, hour: number, minute = 0): number {
    return this.from + day * DAY + hour * HOUR + minute * MINUTE
  }

  private step(when: number, run: (counter: Counter) => Promise<void>): void {
    this.steps.push({ at: when, run })
  }

  /** The afternoon before the history starts, the clerk enters the catalogue part by part. */
  enterCatalogue(): void {
    this.state.drafts.forEach((draft, index) => {
      const { costFen, fits: _fits, ...fields } = draft
      this.step(this.at(-1, 14, 0) + index * 25_000, async (counter) => {
        const part = await counter.call(CLERK, 'parts.create', {
          ...fields,
          description: '',
          compatibleModelIds: [],
          active: true,
          costPriceFen: costFen
        })
        this.state.partIds.set(part.partNumber, part.id)
      })
    })
  }

  /** The serials a delivery brings for a serial-tracked part, one per unit, never seen before. */
  private serialsFor(draft: PartDraft, quantity: number): string[] {
    if (!draft.serialTracked) return []
    return Array.from({ length: quantity }, () => this.newSerial())
  }

  /** A serial the shop has never seen: on a unit delivered, or on one found at a stocktake. */
  private newSerial(): string {
    return `SN${String(++this.serialsReceived).padStart(8, '0')}`
  }

  /** Then the opening stock: enough of every part to be above its reorder point, 200 lines a receipt. */
  receiveOpeningStock(): void {
    const { random, state } = this
    this.step(this.at(-1, 18, 30), async (counter) => {
      const lines = state.drafts.map((draft) => {
        const quantity = draft.reorderPoint + draft.reorderQuantity + random.int(0, 2)
        return {
          partId: state.partIds.get(draft.partNumber)!,
          quantity,
          unitCostFen: jitter(random, draft.costFen, 0.05),
          serials: this.serialsFor(draft, quantity)
        }
      })
      for (let start = 0; start < lines.length; start += 200) {
        await counter.call(CLERK, 'parts.receive', {
          reference: `期初库存-${start / 200 + 1}`,
          supplier: SUPPLIERS[0],
          lines: lines.slice(start, start + 200)
        })
      }
    })
  }

  /** Every half hour of every day the bench and the clerk meet; every third day a delivery comes. */
  workEveryDay(): void {
    for (let day = 0; day < HISTORY_DAYS; day++) {
      for (let slot = 0; slot < ROUNDS_A_DAY; slot++) {
        const when = this.at(day, 9, 10 + slot * 30)
        this.step(when, async (counter) => {
          await this.issueWhatIsOnTheShelf(counter, when)
          await this.askForNewJobsParts(counter)
          await this.takeBackUnusedParts(counter, when)
        })
      }
      if (day % 3 === 1) this.step(this.at(day, 10, 20), (counter) => this.receiveDelivery(counter, day))
    }
  }

  /**
   * The clerk issues what was asked for before this round and is on the shelf; a job waiting for
   * parts gets them when it goes back to repair, and a closed job asks for nothing more.
   */
  private async issueWhatIsOnTheShelf(counter: Counter, now: number): Promise<void> {
    const random = this.random
    const stillWaiting: Waiting[] = []
    for (const entry of this.waiting) {
      const request = this.reads.request(entry.requestId)
      if (request.status !== 'open') continue
      if (request.onHand < request.remaining || request.jobStatus === 'awaiting_parts') {
        stillWaiting.push(entry)
        continue
      }
      // A serial-tracked part is scanned as it leaves: one unit, a serial from the shelf.
      const onShelf = entry.serialTracked
        ? await counter.call(CLERK, 'parts.serialsOnHand', { partId: entry.partId })
        : []
      const serial = entry.serialTracked ? { serial: onShelf[0]?.serial ?? '' } : {}
      const issued = await counter.call(CLERK, 'workOrderParts.issue', {
        workOrderId: entry.workOrderId,
        partId: entry.partId,
        quantity: request.remaining,
        ...serial
      })
      this.state.issues++
      // Now and then the part turns out not to be needed and comes back a few hours later.
      if (random.chance(0.04)) {
        this.returns.push({ lineId: issued.line.id, due: now + random.int(1, 6) * HOUR })
      }
    }
    this.waiting = stillWaiting
  }

  /** The bench asks for what newly diagnosed jobs need. */
  private async askForNewJobsParts(counter: Counter): Promise<void> {
    for (const job of this.reads.jobsInRepair()) {
      if (this.seen.has(job.id)) continue
      this.seen.add(job.id)
      const technician = (job.technicianId && this.usernameOf.get(job.technicianId)) || MANAGER
      for (const need of this.stockedPartsFor(job)) {
        const asked = await counter.call(technician, 'workOrderParts.request', {
          workOrderId: job.id,
          partId: need.partId,
          quantity: need.quantity,
          note: job.status === 'awaiting_parts' ? '等料中，到货请通知' : ''
        })
        const request = asked.requests.filter((r) => r.partId === need.partId).at(-1)!
        this.waiting.push({ requestId: request.id, workOrderId: job.id, ...need })
        this.state.requests++
      }
    }
  }

  /** What a job needs, of the parts the store carries. */
  private stockedPartsFor(job: JobRow): { partId: string; quantity: number; serialTracked: boolean }[] {
    return partsForWork(this.random, job).flatMap(({ partNumber, quantity }) => {
      const partId = this.state.partIds.get(partNumber)
      return partId ? [{ partId, quantity, serialTracked: this.draftByNumber.get(partNumber)!.serialTracked }] : []
    })
  }

  /** Parts issued but not needed after all come back, unless the job is closed or the old part packed. */
  private async takeBackUnusedParts(counter: Counter, now: number): Promise<void> {
    const due = this.returns.filter((r) => r.due <= now)
    this.returns = this.returns.filter((r) => r.due > now)
    for (const entry of due) {
      const line = this.reads.line(entry.lineId)
      // Not once the job is closed, nor when the old part is already packed for the brand.
      if (line.outstanding <= 0 || ['picked_up', 'cancelled', 'returned_unrepaired'].includes(line.status)) continue
      if (line.faultyStatus !== null && line.faultyStatus !== 'awaiting' && line.faultyStatus !== 'cancelled') continue
      await counter.call(CLERK, 'workOrderParts.return', { lineId: entry.lineId, quantity: line.outstanding })
      this.state.returns++
    }
  }

  /** A delivery of what is low or asked for, at the supplier's price of the day. */
  private async receiveDelivery(counter: Counter, day: number): Promise<void> {
    const random = this.random
    const byId = new Map(this.state.drafts.map((draft) => [this.state.partIds.get(draft.partNumber)!, draft]))
    const wanted = await this.partsToOrder(counter, day, byId)
    if (wanted.size === 0) return
    // Supplier prices creep up over the quarter, and vary from one delivery to the next.
    const drift = 1 + (0.05 * day) / HISTORY_DAYS
    const lines = [...wanted].map(([partId, quantity]) => ({
      partId,
      quantity,
      unitCostFen: jitter(random, Math.round(byId.get(partId)!.costFen * drift), 0.07),
      serials: this.serialsFor(byId.get(partId)!, quantity)
    }))
    const date = shopDate(this.at(day, 12)).replace(/-/g, '')
    await counter.call(CLERK, 'parts.receive', { reference: `RK${date}`, supplier: random.pick(SUPPLIERS), lines })
    this.state.deliveries++
  }

  /**
   * What the clerk orders, by part id: the low-stock list's suggestions (bar the parts out of
   * supply), and what waiting jobs need beyond what is on the shelf.
   */
  private async partsToOrder(
    counter: Counter,
    day: number,
    byId: Map<string, PartDraft>
  ): Promise<Map<string, number>> {
    const wanted = new Map<string, number>()
    for (const line of await counter.call(CLERK, 'parts.lowStock', {})) {
      const draft = byId.get(line.part.id)
      if (!draft || (day >= this.supplyStopsDay && this.shortSupply.has(draft.partNumber))) continue
      if (line.suggestedQuantity > 0) wanted.set(line.part.id, line.suggestedQuantity)
    }
    // Parts jobs are waiting for, even those not yet under their reorder point.
    const open = new Map<string, { needed: number; onHand: number }>()
    for (const request of await counter.call(CLERK, 'workOrderParts.openRequests', {})) {
      const entry = open.get(request.partId) ?? { needed: 0, onHand: request.onHand }
      entry.needed += request.quantity - request.issuedQuantity
      open.set(request.partId, entry)
    }
    for (const [partId, { needed, onHand }] of open) {
      if (needed > onHand && !wanted.has(partId))
        wanted.set(partId, needed - onHand + (byId.get(partId)?.reorderQuantity ?? 0))
    }
    return wanted
  }

  /** The faulty parts owed to the brand are packed, shipped the next day and (maybe) credited. */
  sendFaultyPartsBack(day: number, credited: boolean): void {
    const random = this.random
    let batchId = ''
    this.step(this.at(day, 16, 30), async (counter) => {
      const owed = await counter.call(CLERK, 'faultyParts.list', { status: 'awaiting' })
      if (owed.length === 0) return
      batchId = (await counter.call(CLERK, 'faultyParts.pack', { faultyPartIds: owed.slice(0, 500).map((f) => f.id) }))
        .id
    })
    this.step(this.at(day + 1, 11, 0), async (counter) => {
      const [carrier, prefix] = random.pick(CARRIERS)
      if (batchId)
        await counter.call(CLERK, 'faultyParts.ship', {
          batchId,
          carrier,
          trackingNumber: `${prefix}${random.digits(12)}`
        })
    })
    if (!credited) return
    this.step(this.at(day + 12, 15, 0), async (counter) => {
      if (batchId)
        await counter.call(CLERK, 'faultyParts.credit', {
          batchId,
          creditReference: `CM-${shopDate(this.at(day + 12, 15)).replace(/-/g, '')}-${random.digits(4)}`
        })
    })
  }

  /**
   * Hand-made changes, on parts that are on the shelf at the time: a scrap, a correction, a faulty
   * new part sent back, a scrap above the approval threshold that the manager posts the next
   * morning, and one still waiting for the manager.
   */
  correctStockByHand(): void {
    this.adjust(this.at(12, 11, 15), '%-LCD', { kind: 'scrap', quantity: 1, reason: '搬运时跌落，屏幕碎裂' })
    this.adjust(this.at(27, 15, 40), 'AC-CU%', { kind: 'adjust', quantity: 2, reason: '上次到货少记 2 米' })
    this.adjust(this.at(44, 10, 5), '%-BAT', {
      kind: 'faulty_return',
      quantity: 1,
      reason: '新件不良：无法充电，退回厂家'
    })
    // Above the approval threshold: the clerk's scrap waits for the manager, who posts it.
    let pendingId = ''
    this.adjust(
      this.at(58, 14, 0),
      '%-MB',
      { kind: 'scrap', quantity: 1, reason: '来料检验不良，主板无法开机' },
      100_000,
      async (id) => {
        pendingId = id
      }
    )
    this.step(this.at(59, 9, 40), async (counter) => {
      // Posted if the part is still there to scrap; otherwise there is nothing to write off.
      if (pendingId)
        await counter.call(MANAGER, 'parts.decideAdjustment', {
          id: pendingId,
          approve: this.reads.stockAfterAdjustment(pendingId) >= 0
        })
    })
    // And one still waiting for the manager.
    this.adjust(
      this.at(HISTORY_DAYS - 2, 17, 10),
      '%-COMP',
      { kind: 'scrap', quantity: 1, reason: '压缩机外壳磕碰变形，无法使用' },
      100_000
    )
  }

  /** The clerk adjusts one of the parts matching the pattern that has enough on the shelf, if any. */
  private adjust(
    when: number,
    pattern: string,
    input: Omit<Input<'parts.adjust'>, 'partId'>,
    minCostFen = 0,
    then?: (id: string) => Promise<void>
  ): void {
    this.step(when, async (counter) => {
      const ids = this.reads.stocked(pattern, Math.abs(input.quantity) + 1, minCostFen)
      const partId = ids.length > 0 ? this.random.pick(ids) : null
      if (!partId) return
      // A serial-tracked unit leaves by its serial: the clerk picks one on the shelf.
      const part = await counter.call(CLERK, 'parts.get', { id: partId })
      const [unit] = part.serialTracked ? await counter.call(CLERK, 'parts.serialsOnHand', { partId }) : []
      const [adjustment] = await counter.call(CLERK, 'parts.adjust', { ...input, partId, serial: unit?.serial })
      if (then && adjustment) await then(adjustment.id)
    })
  }

  /** A stocktake of the bins under a prefix: a share of them counted, two variances if it is posted. */
  countStock(day: number, prefix: string, note: string, share: number, post: boolean): void {
    const random = this.random
    this.step(this.at(day, 9, 20), async (counter) => {
      const started = await counter.call(CLERK, 'stocktakes.start', { scope: { kind: 'bin', prefix }, note })
      let varied = 0
      const missingSerials: { partId: string; serials: string[] }[] = []
      const foundSerials: { partId: string; serials: string[] }[] = []
      for (const line of started.lines) {
        if (!random.chance(share)) continue
        // The demo's counts are not blind: the books are on the sheet.
        const onHand = line.currentQuantity ?? 0
        const off = post && varied < 2 && onHand > 2 && random.chance(0.3) ? (varied++ % 2 === 0 ? -1 : 1) : 0
        await counter.call(CLERK, 'stocktakes.count', {
          id: started.id,
          partId: line.partId,
          countedQuantity: onHand + off
        })
        // A serial-tracked unit not found (or found) is named by its serial when the count is posted.
        if (off < 0 && line.serialTracked) {
          const onShelf = await counter.call(CLERK, 'parts.serialsOnHand', { partId: line.partId })
          missingSerials.push({ partId: line.partId, serials: onShelf.slice(0, -off).map((row) => row.serial) })
        }
        if (off > 0 && line.serialTracked) foundSerials.push({ partId: line.partId, serials: [this.newSerial()] })
      }
      if (post) await counter.call(CLERK, 'stocktakes.post', { id: started.id, missingSerials, foundSerials })
    })
  }
}

/**
 * What the clerk sees on the warehouse screens, read straight from the books (a read leaves no
 * trace): the jobs on the bench, a request's and an issued line's state, the parts on the shelf.
 */
function warehouseReads(app: AppContext) {
  const jobsInRepair = app.sqlite.prepare(
    `SELECT w.id, w.status, w.service_type AS serviceType, w.diagnosis, w.reported_fault AS reportedFault, w.technician_id AS technicianId, d.brand, d.model
     FROM work_orders w JOIN devices d ON d.id = w.device_id
     WHERE w.status IN ('repairing', 'awaiting_parts') ORDER BY w.number`
  )
  const requestState = app.sqlite.prepare(
    `SELECT r.status, r.quantity - r.issued_quantity AS remaining, p.on_hand AS onHand, w.status AS jobStatus
     FROM work_order_part_requests r JOIN parts p ON p.id = r.part_id JOIN work_orders w ON w.id = r.work_order_id WHERE r.id = ?`
  )
  const lineState = app.sqlite.prepare(
    `SELECT l.quantity - l.returned_quantity AS outstanding, w.status, f.status AS faultyStatus
     FROM work_order_parts l JOIN work_orders w ON w.id = l.work_order_id LEFT JOIN faulty_parts f ON f.work_order_part_id = l.id WHERE l.id = ?`
  )
  const stocked = app.sqlite
    .prepare(
      `SELECT id FROM parts WHERE part_number LIKE ? AND on_hand >= ? AND average_cost_fen >= ? ORDER BY part_number`
    )
    .pluck()
  const adjustmentStock = app.sqlite
    .prepare(
      `SELECT p.on_hand - (-a.quantity) FROM stock_adjustments a JOIN parts p ON p.id = a.part_id WHERE a.id = ?`
    )
    .pluck()
  return {
    jobsInRepair: () => jobsInRepair.all() as JobRow[],
    request: (id: string) =>
      requestState.get(id) as { status: string; remaining: number; onHand: number; jobStatus: string },
    line: (id: string) => lineState.get(id) as { outstanding: number; status: string; faultyStatus: string | null },
    /** Parts matching a part-number pattern with at least that many on the shelf and that average cost. */
    stocked: (pattern: string, atLeast: number, minCostFen: number) =>
      stocked.all(pattern, atLeast, minCostFen) as string[],
    /** What would be left of the part once a pending adjustment is posted. */
    stockAfterAdjustment: (id: string) => adjustmentStock.get(id) as number
  }
}

function jitter(random: Random, fen: number, spread: number): number {
  return Math.max(100, Math.round((fen * (1 - spread + random.next() * 2 * spread)) / 100) * 100)
}

export interface WarehouseSummary {
  parts: number
  low: number
  movements: number
  issued: number
  faultyOwed: number
  ledger: LedgerCheck
}
/**
 * Once the warranty registry knows the product models, the clerk links each part to the models
 * it fits; then the manager checks the books against the ledger. Each part is linked a minute after
 * its last stock movement (`lastMovedAt`, the clock set by `setClock`), in that order: linked on
 * today's clock, every part would read as last updated at the moment the demo was made.
 */
export async function finishWarehouse(
  counter: Counter,
  state: WarehouseState,
  lastMovedAt: (partId: string) => number,
  setClock: (ms: number | null) => void
): Promise<WarehouseSummary> {
  const modelIds = new Map<string, string>()
  for (const categoryKey of new Set(Object.values(CATEGORY_OF_KIND))) {
    for (const model of await counter.call(MANAGER, 'warranty.models', { categoryKey }))
      modelIds.set(`${model.brand}|${model.model}`, model.id)
  }
  const linkAt = (draft: PartDraft) => lastMovedAt(state.partIds.get(draft.partNumber)!) + MINUTE
  for (const draft of [...state.drafts].sort((a, b) => linkAt(a) - linkAt(b))) {
    const compatibleModelIds = draft.fits.flatMap(({ brand, model }) => modelIds.get(`${brand}|${model}`) ?? [])
    if (compatibleModelIds.length === 0) continue
    const { costFen: _cost, fits: _fits, ...fields } = draft
    setClock(linkAt(draft))
    await counter.call(CLERK, 'parts.update', {
      id: state.partIds.get(draft.partNumber)!,
      fields: { ...fields, description: '', compatibleModelIds, active: true }
    })
  }
  setClock(null)
  const low = await counter.call(CLERK, 'parts.lowStock', {})
  const owed = await counter.call(CLERK, 'faultyParts.list', { owedOnly: true })
  const ledger = await counter.call(MANAGER, 'parts.verifyLedger', {})
  return {
    parts: state.drafts.length,
    low: low.length,
    movements: ledger.movements,
    issued: state.issues,
    faultyOwed: owed.length,
    ledger
  }
}
