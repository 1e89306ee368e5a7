/**
 * Warranty policies (三包: 包修 repair, 包换 exchange, 包退 refund) and the calendar arithmetic
 * they need. Pure: calendar dates are 'YYYY-MM-DD' strings and all arithmetic is done in UTC on
 * them, so the result never depends on the machine's time zone.
 */

/** A component whose repair period differs from the whole unit's (longer or shorter). */
export interface ComponentPeriod {
  /** e.g. 'battery', 'main_board', 'compressor', 'panel', 'motor', 'charger' */
  component: string
  months: number
}

/**
 * Which of the national 三包 regulations the goods fall under: it decides what a unit repaired twice
 * for the same fault gets, whether components are main components (主要部件) or accessories
 * (附件), and the legal minimum for a unit sold without invoice or card.
 * - appliances_1995: 《部分商品修理更换退货责任规定》(1995) and its annex (TV, refrigerator, washing
 *   machine, air conditioner…);
 * - mobile_phone_2001: 《移动电话机商品修理更换退货责任规定》(2001);
 * - computer_2002: 《微型计算机商品修理更换退货责任规定》(2002).
 * Which of the articles and annex lists cited here were checked against which public copy, and
 * which were not: docs/sanbao-sources.md.
 */
export const REGULATIONS = ['appliances_1995', 'mobile_phone_2001', 'computer_2002'] as const
export type Regulation = (typeof REGULATIONS)[number]

/**
 * What a unit sold without invoice or card (no 有效发货票 and no 三包凭证) gets, its period then
 * starting noInvoiceFallbackDays after the production date:
 * - nothing: no 三包 at all, a paid repair (the 1995 and computer rules' legal minimum: "无三包
 *   凭证及有效发票" is among the cases where 不实行三包);
 * - repair_only: free repair within the period, never refund or exchange (the phone rules' legal
 *   minimum: 出厂日期后第90日起算, 负责免费修理);
 * - all_remedies: every remedy, as with an invoice (a brand's promise beyond the law).
 */
export const NO_INVOICE_GRANTS = ['nothing', 'repair_only', 'all_remedies'] as const
export type NoInvoiceGrant = (typeof NO_INVOICE_GRANTS)[number]

export interface WarrantyPolicy {
  /** 包退: a performance fault within this many days of the start (the start day not counted, see daysPeriodEnd) gives a refund. */
  refundDays: number
  /** 包换: a performance fault within this many days of the start (the start day not counted, see daysPeriodEnd) gives an exchange. */
  exchangeDays: number
  /** 包修: repair period of the whole unit, in months. */
  repairMonths: number
  /** Components with their own repair period. */
  components: ComponentPeriod[]
  /** No invoice: the period starts this many days after the production date (三包: 90). */
  noInvoiceFallbackDays: number
  /** An exchanged unit's period restarts at the exchange date (true) or continues from the original start (false). */
  exchangeRestartsPeriod: boolean
  /**
   * The regulation the goods fall under. Absent in versions saved before it was recorded: the
   * category's legal minimum fills it in (withLegalMinimum).
   */
  regulation?: Regulation
  /** What a unit without invoice or card gets. Absent: the category's legal minimum (withLegalMinimum). */
  noInvoiceGrants?: NoInvoiceGrant
}

export const CATEGORY_KEYS = [
  'mobile_phone',
  // Units registered before desktops and laptops were told apart (their main components differ).
  'computer',
  'tv',
  'air_conditioner',
  'refrigerator',
  'washing_machine',
  'desktop_computer',
  'laptop_computer'
] as const

export type CategoryKey = (typeof CATEGORY_KEYS)[number]

/** Refund 7 days, exchange 15 days, no-invoice fallback 90 days, exchange restarts: common to all categories. */
const COMMON = {
  refundDays: 7,
  exchangeDays: 15,
  noInvoiceFallbackDays: 90,
  exchangeRestartsPeriod: true
} as const

const months = (count: number, components: string[]): ComponentPeriod[] =>
  components.map((component) => ({ component, months: count }))

/** 《部分商品修理更换退货责任规定》: 第九条 7 日包退, 第十条 15 日包换; periods from its annex. */
const APPLIANCES_1995 = { ...COMMON, regulation: 'appliances_1995', noInvoiceGrants: 'nothing' } as const

/**
 * 《微型计算机商品修理更换退货责任规定》: 第十一条 7 日, 第十二条 15 日; 整机 1 年, 主要部件 2 年
 * (its annex of periods); 第九条: without invoice and card only what can be proven, so no fallback.
 */
const COMPUTER_2002 = { ...COMMON, regulation: 'computer_2002', noInvoiceGrants: 'nothing', repairMonths: 12 } as const

/**
 * The national 三包 legal minimum per category (setup's starting policy; a brand or the shop can
 * grant more in later versions). Component keys are translated in the renderer's
 * warranty.component messages.
 */
export const DEFAULT_POLICIES: Record<CategoryKey, WarrantyPolicy> = {
  // 《移动电话机商品修理更换退货责任规定》: 第十一条 7 日, 第十二条 15 日; 主机 1 年; 附件: 电池
  // 6 个月, 充电器 / 移动终端卡 / 数据接口卡 1 年, 外接有线耳机 3 个月. Without invoice and card the
  // period starts 90 days after the production date, free repair only.
  mobile_phone: {
    ...COMMON,
    regulation: 'mobile_phone_2001',
    noInvoiceGrants: 'repair_only',
    repairMonths: 12,
    components: [
      { component: 'battery', months: 6 },
      { component: 'charger', months: 12 },
      { component: 'terminal_card', months: 12 },
      { component: 'data_card', months: 12 },
      { component: 'wired_headset', months: 3 }
    ]
  },
  // Not told apart: the main components desktops and laptops share.
  computer: { ...COMPUTER_2002, components: months(24, ['cpu', 'main_board', 'memory', 'hard_disk', 'display']) },
  desktop_computer: {
    ...COMPUTER_2002,
    components: months(24, ['cpu', 'main_board', 'memory', 'hard_disk', 'power_supply', 'display'])
  },
  laptop_computer: {
    ...COMPUTER_2002,
    components: months(24, ['cpu', 'main_board', 'memory', 'hard_disk', 'display', 'keyboard', 'power_adapter'])
  },
  // Annex: 彩色电视机 整机 1 年, 主要部件 3 年; flat panels added by 质检总局 2011年第20号公告:
  // 液晶 显示屏, 背光组件, 逻辑组件, 高频调谐器; 等离子 显示屏, 驱动组件, 逻辑组件, 高频调谐器. The
  // picture-tube TV's 行输出变压器 and 集成电路 are kept, so any kind of TV gets its main components.
  tv: {
    ...APPLIANCES_1995,
    repairMonths: 12,
    components: months(36, [
      'panel',
      'backlight',
      'drive_module',
      'logic_board',
      'flyback_transformer',
      'tuner',
      'integrated_circuit'
    ])
  },
  // Annex: 家用空调器 整机 1 年, 主要部件 3 年: 压缩机.
  air_conditioner: { ...APPLIANCES_1995, repairMonths: 12, components: months(36, ['compressor']) },
  // Annex: 家用电冰箱 整机 1 年, 主要部件 3 年: 压缩机.
  refrigerator: { ...APPLIANCES_1995, repairMonths: 12, components: months(36, ['compressor']) },
  // Annex: 洗衣机 整机 1 年, 主要部件 3 年: 电动机, 程序控制器.
  washing_machine: { ...APPLIANCES_1995, repairMonths: 12, components: months(36, ['motor', 'program_controller']) }
}

/** The category's legal minimum for what a saved version does not say (versions saved before these settings). */
export function withLegalMinimum(policy: WarrantyPolicy, categoryKey: string): WarrantyPolicy {
  const legal = (DEFAULT_POLICIES as Record<string, WarrantyPolicy | undefined>)[categoryKey]
  if (!legal) return policy
  return {
    ...policy,
    regulation: policy.regulation ?? legal.regulation,
    noInvoiceGrants: policy.noInvoiceGrants ?? legal.noInvoiceGrants
  }
}

/**
 * Whether the policy's components are main components (主要部件, the 1995 annex and the computer
 * rules) rather than accessories (附件, the phone rules): a main component repaired twice gets a new
 * one when the whole-unit period is over.
 */
export function hasMainComponents(policy: WarrantyPolicy): boolean {
  return policy.regulation === 'appliances_1995' || policy.regulation === 'computer_2002'
}

/**
 * A phone's accessories (附件) in 《移动电话机商品修理更换退货责任规定》's table of periods: each
 * is replaced on its own (免费更换同品牌同型号同规格的附件), and the second-repair exchange of
 * 第十三条 is the main unit's (移动电话机主机), not theirs.
 */
export const PHONE_ACCESSORIES: readonly string[] = [
  'battery',
  'charger',
  'terminal_card',
  'data_card',
  'wired_headset'
]

/** Whether the component is an accessory of goods under the phone rules (see PHONE_ACCESSORIES). */
export function isAccessory(policy: WarrantyPolicy, component: string | null): boolean {
  return policy.regulation === 'mobile_phone_2001' && component !== null && PHONE_ACCESSORIES.includes(component)
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Parse a 'YYYY-MM-DD' calendar date into [year, month 1-12, day]; throws RangeError if it is not a real date. */
function parseDate(date: string): [number, number, number] {
  const m = DATE_RE.exec(date)
  if (m) {
    const y = Number(m[1])
    const mo = Number(m[2])
    const d = Number(m[3])
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return [y, mo, d]
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): ${date}`)
}

function formatDate(y: number, mo: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Number of days in a month (month 1-12), leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** True when the string is a real calendar date in the form 'YYYY-MM-DD'. */
export function isCalendarDate(date: string): boolean {
  try {
    parseDate(date)
    return true
  } catch {
    return false
  }
}

/** The calendar date `n` days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  const [y, mo, d] = parseDate(date)
  const t = new Date(Date.UTC(y, mo - 1, d + n))
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/**
 * The calendar date `n` months after `date` (n may be negative), clamped to the end of the
 * target month: 2026-01-31 + 1 month = 2026-02-28, 2024-01-31 + 1 month = 2024-02-29,
 * 2024-02-29 + 12 months = 2025-02-28.
 */
export function addMonths(date: string, n: number): string {
  const [y, mo, d] = parseDate(date)
  const index = y * 12 + (mo - 1) + n
  const ty = Math.floor(index / 12)
  const tm = index - ty * 12 + 1
  return formatDate(ty, tm, Math.min(d, daysInMonth(ty, tm)))
}

/**
 * Last day (still inside the period) of a period of `months` months from `start` (民法典 第201、
 * 202条: the day the period starts from is not counted, and the period ends on the corresponding
 * day of the last month, or that month's last day when it has none): 12 months from 2026-01-15
 * end 2027-01-15; 12 months from 2024-02-29 end 2025-02-28; 1 month from 2026-01-31 ends
 * 2026-02-28.
 */
export function monthsPeriodEnd(start: string, months: number): string {
  return addMonths(start, months)
}

/**
 * Last day (still inside the period) of a period of `days` days from `start`, the start day not
 * counted (民法典 第201条): 7 days from 2026-01-01 end 2026-01-08.
 */
export function daysPeriodEnd(start: string, days: number): string {
  return addDays(start, days)
}
