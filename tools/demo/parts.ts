import type { AppContext } from '../../src-main/app/context'
import type { Input, LedgerCheck } from '../../src-shared/contract'
import type { PartUnit } from '../../src-shared/domain/stock'
import type { CategoryKey } from '../../src-shared/domain/warranty/policy'
import { KINDS, type DeviceKind } from './catalog'
import { DAY, HOUR, MINUTE, shopDate, type Counter } from './counter'
import { MANAGER, type Step } from './lifecycle'
import type { Random } from './random'
import type { DemoUser } from './shop'

/**
 * The parts store: a catalogue of spare parts for the devices the shop repairs, and the
 * warehouse's part of the last three months. The catalogue's part types also feed the parts
 * benchmark, so both look like the same shop.
 */

/** A kind of spare part, made for each model (a screen for every phone model). */
export interface PartType {
  /** Goes into the part number: HW-MATE60PRO-LCD. */
  code: string
  name: string
  unit: PartUnit
  /** A typical selling price in yuan; each model's varies around it. */
  priceYuan: number
  /** Typical reorder point and reorder quantity. */
  reorder: readonly [number, number]
  serialTracked?: boolean
  /** The brand wants the replaced part back when it is changed under warranty. */
  returnFaulty?: boolean
}

const type = (
  code: string,
  name: string,
  priceYuan: number,
  reorder: readonly [number, number],
  extra: Partial<PartType> = {}
): PartType => ({
  code,
  name,
  unit: 'piece',
  priceYuan,
  reorder,
  ...extra
})

export const MODEL_PARTS: Record<DeviceKind, readonly PartType[]> = {
  phone: [
    type('LCD', '屏幕总成', 890, [2, 3], { returnFaulty: true }),
    type('BAT', '电池', 199, [2, 4], { returnFaulty: true }),
    type('USB', '尾插排线', 120, [1, 3]),
    type('CAM', '后置摄像头模组', 380, [1, 2], { returnFaulty: true }),
    type('MIC', '送话器排线', 90, [1, 2]),
    type('MB', '主板', 1680, [0, 1], { serialTracked: true, returnFaulty: true }),
    type('BC', '后盖', 150, [1, 2])
  ],
  laptop: [
    type('KB', '键盘', 260, [1, 2]),
    type('BAT', '电池', 480, [1, 2], { returnFaulty: true }),
    type('CBL', '屏线', 180, [1, 2]),
    type('FAN', '散热风扇', 150, [1, 2]),
    type('MB', '主板', 2600, [0, 1], { serialTracked: true, returnFaulty: true })
  ],
  tv: [
    type('PWR', '电源板', 320, [1, 2], { returnFaulty: true }),
    type('LED', '背光灯条', 380, [1, 2], { unit: 'set' }),
    type('PNL', '屏幕模组', 2800, [0, 1], { serialTracked: true, returnFaulty: true }),
    type('MB', '主板', 450, [0, 1], { returnFaulty: true })
  ],
  air_conditioner: [
    type('COMP', '空调压缩机', 1500, [1, 1], { serialTracked: true, returnFaulty: true }),
    type('PCB', '室外机电脑板', 420, [1, 2], { returnFaulty: true }),
    type('FANM', '外风机电机', 260, [1, 2]),
    type('4WV', '四通阀', 180, [1, 2])
  ],
  washing_machine: [
    type('PUMP', '洗衣机排水泵', 110, [1, 3]),
    type('SEAL', '门封圈', 180, [1, 2]),
    type('DAMP', '减震器', 160, [1, 2], { unit: 'set' }),
    type('PCB', '电脑板', 380, [1, 2], { returnFaulty: true }),
    type('MOTOR', '变频电机', 1200, [0, 1], { serialTracked: true, returnFaulty: true })
  ]
}

/** Where a kind of part is kept: one aisle per kind of device, and one for consumables. */
export type Aisle = DeviceKind | 'refrigerator' | 'general'
export const AISLES: Record<Aisle, string> = {
  phone: 'A',
  laptop: 'B',
  tv: 'C',
  air_conditioner: 'D',
  washing_machine: 'E',
  refrigerator: 'F',
  general: 'G'
}

/** A part not made for one model: consumables, universal spares, refrigerator parts. */
export interface GenericPart extends PartType {
  partNumber: string
  aisle: Aisle
  /** Fits every model of this kind (linked as compatible), or none in particular. */
  fits: DeviceKind | null
}

const generic = (
  partNumber: string,
  name: string,
  aisle: Aisle,
  fits: DeviceKind | null,
  priceYuan: number,
  reorder: readonly [number, number],
  extra: Partial<PartType> = {}
): GenericPart => ({
  ...type(partNumber, name, priceYuan, reorder, extra),
  partNumber,
  aisle,
  fits
})

export const GENERIC_PARTS: readonly GenericPart[] = [
  generic('AC-CAP35', '空调压缩机启动电容 35μF', 'air_conditioner', 'air_conditioner', 80, [4, 12]),
  generic('AC-CAP45', '空调压缩机启动电容 45μF', 'air_conditioner', 'air_conditioner', 90, [2, 6]),
  generic('AC-R32-3KG', 'R32 冷媒 3kg', 'air_conditioner', 'air_conditioner', 150, [8, 24], { unit: 'bottle' }),
  generic('AC-CU635', '空调铜管 φ6.35mm', 'air_conditioner', 'air_conditioner', 25, [20, 60], { unit: 'metre' }),
  generic('AC-CU952', '空调铜管 φ9.52mm', 'air_conditioner', 'air_conditioner', 35, [20, 60], { unit: 'metre' }),
  generic('AC-INSUL', '空调保温棉管', 'air_conditioner', 'air_conditioner', 6, [20, 80], { unit: 'metre' }),
  generic('AC-EEV', '电子膨胀阀', 'air_conditioner', 'air_conditioner', 160, [1, 2]),
  generic('AC-RC-UNI', '空调遥控器（万能）', 'air_conditioner', 'air_conditioner', 35, [3, 10]),
  generic('RF-THERMO-WDF18', '冰箱温控器 WDF-18', 'refrigerator', null, 60, [2, 5]),
  generic('RF-THERMO-K59', '冰箱温控器 K59', 'refrigerator', null, 55, [2, 5]),
  generic('RF-HEATER', '冰箱化霜加热管', 'refrigerator', null, 75, [1, 3]),
  generic('RF-TIMER', '冰箱化霜定时器', 'refrigerator', null, 45, [1, 3]),
  generic('RF-GASKET', '冰箱门封条', 'refrigerator', null, 120, [1, 2]),
  generic('RF-FAN', '冰箱风扇电机', 'refrigerator', null, 85, [1, 2]),
  generic('RF-COMP-QD110', '冰箱压缩机 QD110', 'refrigerator', null, 520, [0, 1], {
    serialTracked: true,
    returnFaulty: true
  }),
  generic('WM-VALVE', '洗衣机进水阀（通用）', 'washing_machine', 'washing_machine', 45, [2, 5]),
  generic('WM-BELT', '洗衣机皮带', 'washing_machine', 'washing_machine', 30, [2, 5]),
  generic('TV-RC-UNI', '电视遥控器（万能）', 'tv', 'tv', 35, [3, 10]),
  generic('GEN-PASTE', '导热硅脂 7921', 'general', null, 35, [3, 10], { unit: 'bottle' }),
  generic('GEN-B7000', 'B7000 手机屏幕胶', 'general', null, 12, [5, 20], { unit: 'bottle' }),
  generic('GEN-SCREW', '手机螺丝套装', 'general', null, 25, [2, 5], { unit: 'box' }),
  generic('GEN-TAPE', '绝缘胶布', 'general', null, 5, [5, 20], { unit: 'roll' }),
  generic('GEN-SOLDER', '焊锡丝 0.5mm', 'general', null, 45, [2, 5], { unit: 'roll' }),
  generic('GEN-FLUX', '助焊膏', 'general', null, 30, [2, 5], { unit: 'bottle' }),
  generic('GEN-CLEAN', '电路板清洗剂', 'general', null, 28, [2, 6], { unit: 'bottle' })
]

/** Short brand codes that start part numbers. */
export const BRAND_CODES: Record<string, string> = {
  华为: 'HW',
  荣耀: 'HN',
  小米: 'MI',
  OPPO: 'OP',
  vivo: 'VV',
  Apple: 'AP',
  三星: 'SM',
  联想: 'LX',
  戴尔: 'DL',
  惠普: 'HP',
  华硕: 'AS',
  海信: 'HX',
  TCL: 'TC',
  创维: 'CW',
  长虹: 'CH',
  索尼: 'SY',
  格力: 'GL',
  美的: 'MD',
  海尔: 'HE',
  奥克斯: 'AK',
  小天鹅: 'XT',
  西门子: 'SI',
  松下: 'PS',
  博世: 'BS'
}

export const CATEGORY_OF_KIND: Record<DeviceKind, CategoryKey> = {
  phone: 'mobile_phone',
  laptop: 'computer',
  tv: 'tv',
  air_conditioner: 'air_conditioner',
  washing_machine: 'washing_machine'
}

/** A part ready for `parts.create`, with the models it fits by name and its usual cost. */
export interface PartDraft {
  partNumber: string
  name: string
  unit: PartUnit
  binLocation: string
  barcodes: string[]
  sellingPriceFen: number
  /** What the supplier usually charges; deliveries vary around it. */
  costFen: number
  reorderPoint: number
  reorderQuantity: number
  serialTracked: boolean
  returnFaulty: boolean
  fits: { brand: string; model: string }[]
}

/** Hands out EAN-13 barcodes with the Chinese 69 prefix and a valid check digit, each only once. */
export class BarcodeBook {
  private readonly used = new Set<string>()

  next(random: Random): string {
    for (;;) {
      const body = `69${random.digits(10)}`
      let sum = 0
      for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3)
      const code = `${body}${(10 - (sum % 10)) % 10}`
      if (!this.used.has(code)) {
        this.used.add(code)
        return code
      }
    }
  }
}

/** Hands out bins aisle by aisle: A-01-01 … A-01-08, A-02-01 …; when an aisle is full, bins are shared. */
export class BinBook {
  private readonly filled = new Map<string, number>()

  constructor(private readonly perShelf = 8) {}

  next(aisle: Aisle): string {
    const letter = AISLES[aisle]
    const n = this.filled.get(letter) ?? 0
    this.filled.set(letter, n + 1)
    const pad = (v: number) => String(v).padStart(2, '0')
    return `${letter}-${pad((Math.floor(n / this.perShelf) % 99) + 1)}-${pad((n % this.perShelf) + 1)}`
  }
}

/** The model as it goes into a part number: letters and digits only. */
export function modelCode(model: string): string {
  return model.toUpperCase().replace(/[^A-Z0-9]/g, '')
}

function priceFen(random: Random, priceYuan: number): number {
  const yuan = priceYuan * (0.75 + random.next() * 0.6)
  return (yuan >= 50 ? Math.round(yuan / 10) * 10 : Math.max(1, Math.round(yuan))) * 100
}

/** A part's fields around its type: price and cost vary by model, the reorder levels a little. */
function draftOf(
  random: Random,
  partType: PartType,
  partNumber: string,
  name: string,
  binLocation: string,
  barcodes: BarcodeBook,
  fits: PartDraft['fits']
): PartDraft {
  const sellingPriceFen = priceFen(random, partType.priceYuan)
  const [reorderPoint, reorderQuantity] = partType.reorder
  return {
    partNumber,
    name,
    unit: partType.unit,
    binLocation,
    barcodes: random.chance(0.15) ? [barcodes.next(random), barcodes.next(random)] : [barcodes.next(random)],
    sellingPriceFen,
    costFen: Math.max(100, Math.round((sellingPriceFen * (0.55 + random.next() * 0.17)) / 100) * 100),
    reorderPoint,
    reorderQuantity: reorderQuantity + random.int(0, Math.ceil(reorderQuantity / 2)),
    serialTracked: partType.serialTracked ?? false,
    returnFaulty: partType.returnFaulty ?? false,
    fits
  }
}

/** One model's part of a type, e.g. 华为 Mate 60 Pro 屏幕总成, HW-MATE60PRO-LCD. */
export function modelPart(
  random: Random,
  kind: DeviceKind,
  partType: PartType,
  brand: string,
  model: string,
  bins: BinBook,
  barcodes: BarcodeBook
): PartDraft {
  const partNumber = `${BRAND_CODES[brand] ?? 'XX'}-${modelCode(model)}-${partType.code}`
  return draftOf(random, partType, partNumber, `${brand} ${model} ${partType.name}`, bins.next(kind), barcodes, [
    { brand, model }
  ])
}

export function genericPart(
  random: Random,
  part: GenericPart,
  bins: BinBook,
  barcodes: BarcodeBook,
  fits: PartDraft['fits']
): PartDraft {
  return draftOf(random, part, part.partNumber, part.name, bins.next(part.aisle), barcodes, fits)
}

/** Every model of a kind of device the demo knows, by brand. */
export function modelsOf(kind: DeviceKind): { brand: string; model: string }[] {
  return KINDS.find((k) => k.kind === kind)!.brands.flatMap(({ brand, models }) =>
    models.map((model) => ({ brand, model }))
  )
}

/** The demo shop's catalogue: each model's parts (a back cover for some phones), then the generic ones. */
export function demoCatalogue(random: Random): PartDraft[] {
  const bins = new BinBook()
  const barcodes = new BarcodeBook()
  const drafts: PartDraft[] = []
  for (const { kind } of KINDS) {
    for (const { brand, model } of modelsOf(kind)) {
      for (const partType of MODEL_PARTS[kind]) {
        if (partType.code === 'BC' && !random.chance(0.5)) continue
        drafts.push(modelPart(random, kind, partType, brand, model, bins, barcodes))
      }
    }
  }
  for (const part of GENERIC_PARTS)
    drafts.push(genericPart(random, part, bins, barcodes, part.fits ? modelsOf(part.fits) : []))
  const numbers = new Set<string>()
  for (const draft of drafts) {
    if (numbers.has(draft.partNumber)) throw new Error(`demo part number ${draft.partNumber} twice`)
    numbers.add(draft.partNumber)
  }
  return drafts
}

/**
 * What a repair uses, by the kind of device and the work recorded for it (the fault's labour
 * line in the demo catalogue, or the installation asked for): the model's own parts by type
 * code, generic parts by number with a quantity range.
 */
const WORK_PARTS: Record<string, { model?: string[]; generic?: [string, number, number][] }> = {
  'phone|更换屏幕总成': { model: ['LCD'], generic: [['GEN-B7000', 1, 1]] },
  'phone|更换尾插小板': { model: ['USB'] },
  'phone|更换电池': { model: ['BAT'] },
  'phone|更换后置主摄模组': { model: ['CAM'] },
  'phone|更换送话器排线': { model: ['MIC'] },
  'phone|更换主板': { model: ['MB'] },
  'laptop|更换屏线': { model: ['CBL'] },
  'laptop|更换键盘': { model: ['KB'] },
  'laptop|更换电池': { model: ['BAT'] },
  'laptop|更换风扇并清灰换硅脂': { model: ['FAN'], generic: [['GEN-PASTE', 1, 1]] },
  'laptop|更换主板': { model: ['MB'] },
  'tv|更换电源板': { model: ['PWR'] },
  'tv|更换背光灯条': { model: ['LED'] },
  'tv|更换屏幕模组': { model: ['PNL'] },
  'air_conditioner|更换压缩机电容': { generic: [['AC-CAP35', 1, 1]] },
  'air_conditioner|补漏并加注冷媒': { generic: [['AC-R32-3KG', 1, 1]] },
  'air_conditioner|更换外风机电机': { model: ['FANM'] },
  'air_conditioner|更换室外机主板': { model: ['PCB'] },
  'air_conditioner|更换压缩机': { model: ['COMP'], generic: [['AC-R32-3KG', 1, 1]] },
  'air_conditioner|空调移机安装': {
    generic: [
      ['AC-CU635', 2, 5],
      ['AC-CU952', 2, 5],
      ['AC-INSUL', 3, 6],
      ['AC-R32-3KG', 1, 1]
    ]
  },
  'air_conditioner|拆机及加装铜管': {
    generic: [
      ['AC-CU635', 3, 6],
      ['AC-CU952', 3, 6],
      ['AC-INSUL', 4, 8]
    ]
  },
  'air_conditioner|新机安装': { generic: [['AC-INSUL', 1, 3]] },
  'washing_machine|清理并更换排水泵': { model: ['PUMP'] },
  'washing_machine|更换门封圈': { model: ['SEAL'] },
  'washing_machine|更换减震器': { model: ['DAMP'] },
  'washing_machine|更换电脑板': { model: ['PCB'] },
  'washing_machine|更换变频电机': { model: ['MOTOR'] }
}

const KIND_OF_MODEL = new Map<string, DeviceKind>()
/** A fault's diagnosis names the work: the key into WORK_PARTS. */
const WORK_OF_DIAGNOSIS = new Map<string, string>()
for (const kind of KINDS) {
  for (const { brand, model } of modelsOf(kind.kind)) KIND_OF_MODEL.set(`${brand}|${model}`, kind.kind)
  for (const fault of kind.faults)
    WORK_OF_DIAGNOSIS.set(`${kind.kind}|${fault.diagnosis}`, `${kind.kind}|${fault.labour}`)
}

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

export interface WarehouseState {
  drafts: PartDraft[]
  partIds: Map<string, string>
  /** What happened, for the summary. */
  requests: number
  issues: number
  returns: number
  deliveries: number
}

interface Waiting {
  requestId: string
  workOrderId: string
  partId: string
  quantity: number
  serialTracked: boolean
}

interface JobRow {
  id: string
  status: string
  serviceType: string
  diagnosis: string
  reportedFault: string
  technicianId: string | null
  brand: string
  model: string
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
  const drafts = demoCatalogue(random)
  const state: WarehouseState = { drafts, partIds: new Map(), requests: 0, issues: 0, returns: 0, deliveries: 0 }
  const draftByNumber = new Map(drafts.map((draft) => [draft.partNumber, draft]))
  const usernameOf = new Map([...users.values()].map((user) => [user.id, user.username]))
  const steps: Step[] = []
  const at = (day: number, hour: number, minute = 0) => options.from + day * DAY + hour * HOUR + minute * MINUTE
  const step = (when: number, run: (counter: Counter) => Promise<void>) => steps.push({ at: when, run })

  // Parts whose supplier has none left for the last two weeks: only a waiting job brings more.
  const shortSupply = new Set(
    drafts.filter((draft) => draft.reorderPoint > 0 && random.chance(0.03)).map((draft) => draft.partNumber)
  )
  const supplyStopsDay = HISTORY_DAYS - 16

  // The afternoon before the history starts: the catalogue, then the opening stock.
  drafts.forEach((draft, index) => {
    const { costFen, fits: _fits, ...fields } = draft
    step(at(-1, 14, 0) + index * 25_000, async (counter) => {
      const part = await counter.call(CLERK, 'parts.create', {
        ...fields,
        description: '',
        compatibleModelIds: [],
        active: true,
        costPriceFen: costFen
      })
      state.partIds.set(part.partNumber, part.id)
    })
  })
  step(at(-1, 18, 30), async (counter) => {
    const lines = drafts.map((draft) => ({
      partId: state.partIds.get(draft.partNumber)!,
      quantity: draft.reorderPoint + draft.reorderQuantity + random.int(0, 2),
      unitCostFen: jitter(random, draft.costFen, 0.05)
    }))
    for (let start = 0; start < lines.length; start += 200) {
      await counter.call(CLERK, 'parts.receive', {
        reference: `期初库存-${start / 200 + 1}`,
        supplier: SUPPLIERS[0],
        lines: lines.slice(start, start + 200)
      })
    }
  })

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
  const seen = new Set<string>()
  let waiting: Waiting[] = []
  let returns: { lineId: string; due: number }[] = []

  /** What a job needs, from its device and the work it was diagnosed with (or the installation). */
  function partsFor(job: JobRow): { partId: string; quantity: number; serialTracked: boolean }[] {
    const kind = KIND_OF_MODEL.get(`${job.brand}|${job.model}`)
    if (!kind) return []
    const work =
      job.serviceType === 'installation'
        ? `${kind}|${job.reportedFault}`
        : WORK_OF_DIAGNOSIS.get(`${kind}|${job.diagnosis}`)
    const uses = work ? WORK_PARTS[work] : undefined
    if (!uses) return []
    const needs: { partNumber: string; quantity: number }[] = [
      ...(uses.model ?? []).map((code) => ({
        partNumber: `${BRAND_CODES[job.brand]}-${modelCode(job.model)}-${code}`,
        quantity: 1
      })),
      ...(uses.generic ?? []).map(([partNumber, min, max]) => ({ partNumber, quantity: random.int(min, max) }))
    ]
    return needs.flatMap(({ partNumber, quantity }) => {
      const partId = state.partIds.get(partNumber)
      return partId ? [{ partId, quantity, serialTracked: draftByNumber.get(partNumber)!.serialTracked }] : []
    })
  }

  async function round(counter: Counter, now: number): Promise<void> {
    // The clerk issues what was asked for before this round and is on the shelf; a job waiting
    // for parts gets them when it goes back to repair, and a closed job asks for nothing more.
    const stillWaiting: Waiting[] = []
    for (const entry of waiting) {
      const request = requestState.get(entry.requestId) as {
        status: string
        remaining: number
        onHand: number
        jobStatus: string
      }
      if (request.status !== 'open') continue
      if (request.onHand < request.remaining || request.jobStatus === 'awaiting_parts') {
        stillWaiting.push(entry)
        continue
      }
      // A serial-tracked part is scanned as it leaves: one unit, its serial.
      const serial = entry.serialTracked ? { serial: `${random.alphanumeric(4)}${random.digits(8)}` } : {}
      const issued = await counter.call(CLERK, 'workOrderParts.issue', {
        workOrderId: entry.workOrderId,
        partId: entry.partId,
        quantity: request.remaining,
        ...serial
      })
      state.issues++
      // Now and then the part turns out not to be needed and comes back a few hours later.
      if (random.chance(0.04)) {
        const line = issued.lines.filter((l) => l.partId === entry.partId).at(-1)!
        returns.push({ lineId: line.id, due: now + random.int(1, 6) * HOUR })
      }
    }
    waiting = stillWaiting
    // The bench asks for what newly diagnosed jobs need.
    for (const job of jobsInRepair.all() as JobRow[]) {
      if (seen.has(job.id)) continue
      seen.add(job.id)
      const technician = (job.technicianId && usernameOf.get(job.technicianId)) || MANAGER
      for (const need of partsFor(job)) {
        const asked = await counter.call(technician, 'workOrderParts.request', {
          workOrderId: job.id,
          partId: need.partId,
          quantity: need.quantity,
          note: job.status === 'awaiting_parts' ? '等料中，到货请通知' : ''
        })
        const request = asked.requests.filter((r) => r.partId === need.partId).at(-1)!
        waiting.push({ requestId: request.id, workOrderId: job.id, ...need })
        state.requests++
      }
    }
    const due = returns.filter((r) => r.due <= now)
    returns = returns.filter((r) => r.due > now)
    for (const entry of due) {
      const line = lineState.get(entry.lineId) as { outstanding: number; status: string; faultyStatus: string | null }
      // Not once the job is closed, nor when the old part is already packed for the brand.
      if (line.outstanding <= 0 || ['picked_up', 'cancelled', 'returned_unrepaired'].includes(line.status)) continue
      if (line.faultyStatus !== null && line.faultyStatus !== 'awaiting' && line.faultyStatus !== 'cancelled') continue
      await counter.call(CLERK, 'workOrderParts.return', { lineId: entry.lineId, quantity: line.outstanding })
      state.returns++
    }
  }

  async function delivery(counter: Counter, day: number): Promise<void> {
    const wanted = new Map<string, number>()
    const byId = new Map(drafts.map((draft) => [state.partIds.get(draft.partNumber)!, draft]))
    for (const line of await counter.call(CLERK, 'parts.lowStock', {})) {
      const draft = byId.get(line.part.id)
      if (!draft || (day >= supplyStopsDay && shortSupply.has(draft.partNumber))) continue
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
    if (wanted.size === 0) return
    // Supplier prices creep up over the quarter, and vary from one delivery to the next.
    const drift = 1 + (0.05 * day) / HISTORY_DAYS
    const lines = [...wanted].map(([partId, quantity]) => ({
      partId,
      quantity,
      unitCostFen: jitter(random, Math.round(byId.get(partId)!.costFen * drift), 0.07)
    }))
    const date = shopDate(at(day, 12)).replace(/-/g, '')
    await counter.call(CLERK, 'parts.receive', { reference: `RK${date}`, supplier: random.pick(SUPPLIERS), lines })
    state.deliveries++
  }

  for (let day = 0; day < HISTORY_DAYS; day++) {
    for (let slot = 0; slot < 22; slot++) {
      const when = at(day, 9, 10 + slot * 30)
      step(when, (counter) => round(counter, when))
    }
    if (day % 3 === 1) step(at(day, 10, 20), (counter) => delivery(counter, day))
  }

  // Faulty parts go back to the brand in batches; the first has been credited since.
  const faultyBatch = (day: number, credited: boolean) => {
    let batchId = ''
    step(at(day, 16, 30), async (counter) => {
      const owed = await counter.call(CLERK, 'faultyParts.list', { status: 'awaiting' })
      if (owed.length === 0) return
      batchId = (await counter.call(CLERK, 'faultyParts.pack', { faultyPartIds: owed.slice(0, 500).map((f) => f.id) }))
        .id
    })
    step(at(day + 1, 11, 0), async (counter) => {
      const [carrier, prefix] = random.pick(CARRIERS)
      if (batchId)
        await counter.call(CLERK, 'faultyParts.ship', {
          batchId,
          carrier,
          trackingNumber: `${prefix}${random.digits(12)}`
        })
    })
    if (credited) {
      step(at(day + 12, 15, 0), async (counter) => {
        if (batchId)
          await counter.call(CLERK, 'faultyParts.credit', {
            batchId,
            creditReference: `CM-${shopDate(at(day + 12, 15)).replace(/-/g, '')}-${random.digits(4)}`
          })
      })
    }
  }
  faultyBatch(30, true)
  faultyBatch(68, false)

  // Hand-made changes, on parts that are on the shelf at the time.
  const stocked = app.sqlite
    .prepare(
      `SELECT id FROM parts WHERE part_number LIKE ? AND on_hand >= ? AND average_cost_fen >= ? ORDER BY part_number`
    )
    .pluck()
  const onShelf = (pattern: string, atLeast: number, minCostFen = 0) => {
    const ids = stocked.all(pattern, atLeast, minCostFen) as string[]
    return ids.length > 0 ? random.pick(ids) : null
  }
  const adjust = (
    when: number,
    by: string,
    pattern: string,
    input: Omit<Input<'parts.adjust'>, 'partId'>,
    minCostFen = 0,
    then?: (id: string) => Promise<void>
  ) =>
    step(when, async (counter) => {
      const partId = onShelf(pattern, Math.abs(input.quantity) + 1, minCostFen)
      if (!partId) return
      const adjustment = await counter.call(by, 'parts.adjust', { ...input, partId })
      if (then) await then(adjustment.id)
    })
  adjust(at(12, 11, 15), CLERK, '%-LCD', { kind: 'scrap', quantity: 1, reason: '搬运时跌落，屏幕碎裂' })
  adjust(at(27, 15, 40), CLERK, 'AC-CU%', { kind: 'adjust', quantity: 2, reason: '上次到货少记 2 米' })
  adjust(at(44, 10, 5), CLERK, '%-BAT', { kind: 'faulty_return', quantity: 1, reason: '新件不良：无法充电，退回厂家' })
  // Above the approval threshold: the clerk's scrap waits for the manager, who posts it.
  let pendingId = ''
  adjust(
    at(58, 14, 0),
    CLERK,
    '%-MB',
    { kind: 'scrap', quantity: 1, reason: '来料检验不良，主板无法开机' },
    100_000,
    async (id) => {
      pendingId = id
    }
  )
  const adjustmentStock = app.sqlite
    .prepare(
      `SELECT p.on_hand - (-a.quantity) FROM stock_adjustments a JOIN parts p ON p.id = a.part_id WHERE a.id = ?`
    )
    .pluck()
  step(at(59, 9, 40), async (counter) => {
    // Posted if the part is still there to scrap; otherwise there is nothing to write off.
    if (pendingId)
      await counter.call(MANAGER, 'parts.decideAdjustment', {
        id: pendingId,
        approve: (adjustmentStock.get(pendingId) as number) >= 0
      })
  })
  // And one still waiting for the manager.
  adjust(
    at(HISTORY_DAYS - 2, 17, 10),
    CLERK,
    '%-COMP',
    { kind: 'scrap', quantity: 1, reason: '压缩机外壳磕碰变形，无法使用' },
    100_000
  )

  // The monthly count of consumables: two variances, posted.
  const stocktake = (day: number, prefix: string, note: string, share: number, post: boolean) => {
    step(at(day, 9, 20), async (counter) => {
      const started = await counter.call(CLERK, 'stocktakes.start', { scope: { kind: 'bin', prefix }, note })
      let varied = 0
      for (const line of started.lines) {
        if (!random.chance(share)) continue
        const off =
          post && varied < 2 && line.currentQuantity > 2 && random.chance(0.3) ? (varied++ % 2 === 0 ? -1 : 1) : 0
        await counter.call(CLERK, 'stocktakes.count', {
          id: started.id,
          partId: line.partId,
          countedQuantity: line.currentQuantity + off
        })
      }
      if (post) await counter.call(CLERK, 'stocktakes.post', { id: started.id })
    })
  }
  stocktake(50, 'G-', '月度耗材盘点', 1, true)
  // A count of the washing-machine aisle, half done.
  stocktake(HISTORY_DAYS - 2, 'E-', '洗衣机配件季度盘点', 0.5, false)

  return { steps, state }
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
 * it fits; then the manager checks the books against the ledger.
 */
export async function finishWarehouse(counter: Counter, state: WarehouseState): Promise<WarehouseSummary> {
  const modelIds = new Map<string, string>()
  for (const categoryKey of new Set(Object.values(CATEGORY_OF_KIND))) {
    for (const model of await counter.call(MANAGER, 'warranty.models', { categoryKey }))
      modelIds.set(`${model.brand}|${model.model}`, model.id)
  }
  for (const draft of state.drafts) {
    const compatibleModelIds = draft.fits.flatMap(({ brand, model }) => modelIds.get(`${brand}|${model}`) ?? [])
    if (compatibleModelIds.length === 0) continue
    const { costFen: _cost, fits: _fits, ...fields } = draft
    await counter.call(CLERK, 'parts.update', {
      id: state.partIds.get(draft.partNumber)!,
      fields: { ...fields, description: '', compatibleModelIds, active: true }
    })
  }
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
