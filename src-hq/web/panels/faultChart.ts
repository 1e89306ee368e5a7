import type { FaultCount } from '../../contractOutputs'

/** At most this many keys get their own series; the rest are summed as "other". */
const SERIES = 8

/**
 * The counts as a stacked bar chart over months: the keys with the most claims each get a
 * series, so a failing model or component stands out month by month.
 */
export function faultChartOption(counts: readonly FaultCount[], otherLabel: string) {
  const months = [...new Set(counts.map((count) => count.month))].sort()
  const totals = new Map<string, number>()
  for (const count of counts) totals.set(count.key, (totals.get(count.key) ?? 0) + count.claims)
  const top = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, SERIES)
    .map(([key]) => key)
  const seriesOf = (key: string) => (top.includes(key) ? key : otherLabel)
  const names = [...top, ...(totals.size > top.length ? [otherLabel] : [])]
  const series = names.map((name) => ({
    name,
    type: 'bar' as const,
    stack: 'claims',
    barMaxWidth: 48,
    data: months.map((month) =>
      counts
        .filter((count) => count.month === month && seriesOf(count.key) === name)
        .reduce((sum, count) => sum + count.claims, 0)
    )
  }))
  return {
    tooltip: { trigger: 'axis' as const },
    legend: { type: 'scroll' as const, top: 0 },
    grid: { left: 40, right: 16, bottom: 32, top: 40 },
    xAxis: { type: 'category' as const, data: months },
    yAxis: { type: 'value' as const, minInterval: 1 },
    series
  }
}
