import type { PartUnit } from '../../src-shared/domain/stock'
import type { CategoryKey } from '../../src-shared/domain/warranty/policy'
import { KINDS, type DeviceKind } from './catalog'
import type { Random } from './random'

/**
 * The parts store's catalogue: spare parts for the devices the shop repairs, and which of them a
 * repair uses (the warehouse's last three months are in warehouse.ts). The catalogue's part types
 * also feed the parts benchmark, so both look like the same shop.
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

/** What a job in repair was booked for, as the bench tells the warehouse. */
export interface RepairWork {
  brand: string
  model: string
  serviceType: string
  diagnosis: string
  reportedFault: string
}

/**
 * The parts a repair uses, by part number, from the device and the work it was diagnosed with
 * (or the installation asked for): none for work done without stocked parts.
 */
export function partsForWork(random: Random, job: RepairWork): { partNumber: string; quantity: number }[] {
  const kind = KIND_OF_MODEL.get(`${job.brand}|${job.model}`)
  if (!kind) return []
  const work =
    job.serviceType === 'installation'
      ? `${kind}|${job.reportedFault}`
      : WORK_OF_DIAGNOSIS.get(`${kind}|${job.diagnosis}`)
  const uses = work ? WORK_PARTS[work] : undefined
  if (!uses) return []
  return [
    ...(uses.model ?? []).map((code) => ({
      partNumber: `${BRAND_CODES[job.brand]}-${modelCode(job.model)}-${code}`,
      quantity: 1
    })),
    ...(uses.generic ?? []).map(([partNumber, min, max]) => ({ partNumber, quantity: random.int(min, max) }))
  ]
}
