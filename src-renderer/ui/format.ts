/** Formats a stored UTC instant on the shop's wall clock, e.g. `2026-01-23 14:05`. */
export function formatShopDateTime(iso: string | null, timeZone: string): string {
  if (!iso) return ''
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23'
  }).formatToParts(new Date(iso))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`
}

/** The UTC instant at which a shop-local calendar date (YYYY-MM-DD) begins. */
export function shopDayStartUtc(date: string, timeZone: string): string {
  const guess = new Date(`${date}T00:00:00Z`)
  // The offset at that moment, read back from the zone's own formatting.
  const local = new Date(formatShopDateTime(guess.toISOString(), timeZone).replace(' ', 'T') + ':00Z')
  return new Date(guess.getTime() - (local.getTime() - guess.getTime())).toISOString()
}
