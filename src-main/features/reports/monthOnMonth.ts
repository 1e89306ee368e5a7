import { lastDayOf, previousMonth } from './summarySpan'

/** A run of shop calendar days, both included (YYYY-MM-DD). */
export interface CalendarDays {
  from: string
  to: string
}

/**
 * The days a month-on-month change compares, like with like: the range's last month up to the
 * range's end or today, whichever comes first, against the same days of the month before. The first
 * seven days of December are compared with the first seven of November, never with all of it; a
 * month that is over is compared whole with the whole month before. A day the month before does
 * not have (the 30th against February) takes that month to its end.
 */
export function monthOnMonthDays(to: string, today: string): { current: CalendarDays; previous: CalendarDays } {
  const month = to.slice(0, 7)
  // A month still to come has nothing to compare yet: its days are counted as the range asks.
  const end = today < to && today >= `${month}-01` ? today : to
  const before = previousMonth(month)
  const wholeMonth = end === lastDayOf(month)
  const sameDay = `${before}-${end.slice(8, 10)}`
  const previousEnd = wholeMonth || sameDay > lastDayOf(before) ? lastDayOf(before) : sameDay
  return { current: { from: `${month}-01`, to: end }, previous: { from: `${before}-01`, to: previousEnd } }
}
