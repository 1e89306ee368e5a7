/** The shop's calendar date `days` days before today (the test shops are in Asia/Shanghai). */
export function shopDateDaysAgo(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
  const [y, m, d] = today.split('-').map(Number)
  return new Date(Date.UTC(y!, m! - 1, d! - days)).toISOString().slice(0, 10)
}
