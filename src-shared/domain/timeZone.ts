export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return true
  } catch {
    return false
  }
}

interface WallClock {
  date: string
  time: string
}

/** Building a formatter costs far more than using one (tens of µs), and lists format many dates: one per zone. */
const formatters = new Map<string, Intl.DateTimeFormat>()

function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23'
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** An instant as read off the shop's wall clock: `YYYY-MM-DD` and `HH:mm`. */
function wallClock(instant: Date, timeZone: string): WallClock {
  const parts = wallClockFormatter(timeZone).formatToParts(instant)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` }
}

/** The calendar date (YYYY-MM-DD) of an instant as seen on the shop's wall clock. */
export function shopLocalDate(instant: Date, timeZone: string): string {
  return wallClock(instant, timeZone).date
}

/** A stored UTC instant shown on the shop's wall clock, e.g. `2026-01-23 14:05`. */
export function formatShopDateTime(iso: string, timeZone: string): string {
  const { date, time } = wallClock(new Date(iso), timeZone)
  return `${date} ${time}`
}

/** The calendar day after `date` (YYYY-MM-DD). */
export function nextCalendarDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 1)
  return day.toISOString().slice(0, 10)
}

/**
 * The UTC instant at which a shop-local calendar day begins, for filtering stored instants by
 * the shop's days. Found by reading the zone's offset back at that moment.
 */
export function shopDayStart(date: string, timeZone: string): string {
  const asIfUtc = new Date(`${date}T00:00:00Z`)
  const { date: localDate, time } = wallClock(asIfUtc, timeZone)
  const offsetMs = new Date(`${localDate}T${time}:00Z`).getTime() - asIfUtc.getTime()
  return new Date(asIfUtc.getTime() - offsetMs).toISOString()
}
