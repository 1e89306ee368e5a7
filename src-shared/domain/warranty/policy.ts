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
}

export const CATEGORY_KEYS = [
  'mobile_phone',
  'computer',
  'tv',
  'air_conditioner',
  'refrigerator',
  'washing_machine'
] as const

export type CategoryKey = (typeof CATEGORY_KEYS)[number]

/** Refund 7 days, exchange 15 days, no-invoice fallback 90 days, exchange restarts: common to all categories. */
const COMMON = {
  refundDays: 7,
  exchangeDays: 15,
  noInvoiceFallbackDays: 90,
  exchangeRestartsPeriod: true
} as const

/**
 * Default policies from the national 三包 regulations. The shop or HQ can edit them; these are
 * only the starting values.
 */
export const DEFAULT_POLICIES: Record<CategoryKey, WarrantyPolicy> = {
  // 《移动电话机商品及微型计算机商品修理更换退货责任规定》(2001): 7 日包退, 15 日包换;
  // 手机主机三包有效期 1 年; 附件: 电池 6 个月, 充电器 1 年.
  mobile_phone: {
    ...COMMON,
    repairMonths: 12,
    components: [
      { component: 'battery', months: 6 },
      { component: 'charger', months: 12 }
    ]
  },
  // 《移动电话机商品及微型计算机商品修理更换退货责任规定》(2001): 7 日包退, 15 日包换;
  // 微型计算机整机 1 年; 主要部件 (主板, CPU, 硬盘, 显示器等) 2 年.
  computer: {
    ...COMMON,
    repairMonths: 12,
    components: [
      { component: 'main_board', months: 24 },
      { component: 'cpu', months: 24 },
      { component: 'hard_disk', months: 24 },
      { component: 'display', months: 24 }
    ]
  },
  // 《部分商品修理更换退货责任规定》(1995): 7 日包退, 15 日包换; 彩色电视机整机 1 年,
  // 主要部件 (显像管 / 面板) 3 年.
  tv: {
    ...COMMON,
    repairMonths: 12,
    components: [{ component: 'panel', months: 36 }]
  },
  // 《部分商品修理更换退货责任规定》(1995): 7 日包退, 15 日包换; 空调器整机 1 年, 压缩机 3 年.
  air_conditioner: {
    ...COMMON,
    repairMonths: 12,
    components: [{ component: 'compressor', months: 36 }]
  },
  // 《部分商品修理更换退货责任规定》(1995): 7 日包退, 15 日包换; 电冰箱整机 1 年, 压缩机 3 年.
  refrigerator: {
    ...COMMON,
    repairMonths: 12,
    components: [{ component: 'compressor', months: 36 }]
  },
  // 《部分商品修理更换退货责任规定》(1995): 7 日包退, 15 日包换; 洗衣机整机 1 年, 电机 3 年.
  washing_machine: {
    ...COMMON,
    repairMonths: 12,
    components: [{ component: 'motor', months: 36 }]
  }
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
