export type DateResult = { ok: true; date: string } | { ok: false; reason: 'format' | 'calendar' | 'range' }

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n))

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
}

function fromParts(year: number, month: number, day: number): DateResult {
  if (year < 1900 || year > 2199) return { ok: false, reason: 'range' }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, reason: 'calendar' }
  return { ok: true, date: `${year}-${pad2(month)}-${pad2(day)}` }
}

/**
 * An Excel serial date in the 1900 date system: serial 1 is 1900-01-01 and Excel keeps Lotus's
 * fictitious 1900-02-29 as serial 60, so from serial 61 (1900-03-01) on, day 0 is 1899-12-30.
 * A fractional part (the time of day) is dropped.
 */
export function excelSerialToDate(serial: number): string | null {
  const whole = Math.floor(serial)
  if (!Number.isFinite(whole) || whole < 1 || whole === 60) return null
  const epoch = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30)
  const date = new Date(epoch + whole * 86_400_000)
  return `${date.getUTCFullYear()}-${pad2(date.getUTCMonth() + 1)}-${pad2(date.getUTCDate())}`
}

const SEPARATED =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const SERIAL = /^\d{5}(?:\.\d+)?$/

/**
 * A date as dealers write it: 2026-01-23, 2026/1/23, 2026.1.23, 2026年1月23日, 20260123 (a time
 * after the date is ignored), or an Excel serial number when the column is known to hold dates
 * (20000–80000, i.e. 1954 to 2119, so that other numbers are not mistaken for dates).
 */
export function parseImportDate(input: string, dateColumn = true): DateResult {
  const value = input.trim()
  const match = SEPARATED.exec(value) ?? COMPACT.exec(value)
  if (match) return fromParts(Number(match[1]), Number(match[2]), Number(match[3]))
  if (dateColumn && SERIAL.test(value)) {
    const serial = Number(value)
    if (serial < 20000 || Math.floor(serial) > 80000) return { ok: false, reason: 'range' }
    return { ok: true, date: excelSerialToDate(serial)! }
  }
  return { ok: false, reason: 'format' }
}
