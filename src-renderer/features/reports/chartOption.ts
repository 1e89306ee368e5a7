import type { ReportCell, ReportColumn, ReportResult } from '../../../src-shared/contract/reports'

/** The most bars a ranking draws (its top rows); the table behind it holds every row. */
export const CHART_ROWS = 20

/** Past this many categories the axis shows only the labels that fit; every bar is still drawn. */
const EVERY_LABEL_UP_TO = 16

export interface ChartWords {
  cellText: (column: Pick<ReportColumn, 'kind' | 'codeSet' | 'codeList'>, cell: ReportCell | undefined) => string
  seriesName: (key: string) => string
  /** Said across an empty chart, which would otherwise be a bare axis. */
  empty: string
}

/** A cell as a chart value: money in yuan, shares in percent. */
function chartValue(column: ReportColumn | undefined, cell: ReportCell | undefined): number | null {
  if (typeof cell !== 'number') return null
  if (column?.kind === 'fen') return cell / 100
  if (column?.kind === 'percent') return Math.round(cell * 1000) / 10
  return cell
}

/**
 * The ECharts option of a report: its chart's table along the x axis, one bar series per
 * measure (stacked when the chart says so), and a Pareto's running share as a line on a
 * second axis in percent. Only presentation; every figure comes from the main process.
 */
export function chartOption(result: ReportResult, words: ChartWords, animate: boolean) {
  const chart = result.chart
  const table = result.tables.find((candidate) => candidate.key === chart.table)
  const columns = new Map((table?.columns ?? []).map((column) => [column.key, column]))
  // A chart along time (the takings by day) draws every period of the range, the quiet ones too;
  // a ranking, its top rows.
  const alongTime = chart.category === 'period'
  const rows = alongTime ? (table?.rows ?? []) : (table?.rows ?? []).slice(0, CHART_ROWS)
  const categoryColumn = columns.get(chart.category) ?? { key: chart.category, kind: 'text' as const }
  const categories = rows.map((row) => words.cellText(categoryColumn, row[chart.category]))

  const bars = chart.series.map((key) => ({
    name: words.seriesName(key),
    type: chart.kind === 'line' ? ('line' as const) : ('bar' as const),
    stack: chart.kind === 'stackedBar' ? 'total' : undefined,
    barMaxWidth: 40,
    data: rows.map((row) => chartValue(columns.get(key), row[key]))
  }))
  const countsOnly = chart.series.every((key) => columns.get(key)?.kind === 'count')
  const line = chart.line
    ? [
        {
          name: words.seriesName(chart.line),
          type: 'line' as const,
          yAxisIndex: 1,
          data: rows.map((row) => chartValue(columns.get(chart.line!), row[chart.line!]))
        }
      ]
    : []

  return {
    animation: animate,
    tooltip: { trigger: 'axis' as const },
    legend: { top: 0 },
    title:
      rows.length === 0
        ? {
            text: words.empty,
            left: 'center',
            top: 'middle',
            textStyle: { color: '#909399', fontSize: 14, fontWeight: 'normal' as const }
          }
        : undefined,
    grid: { left: 16, right: chart.line ? 48 : 16, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category' as const,
      data: categories,
      // A long label (C01 元器件自然老化 / 失效) wraps within its width rather than being cut.
      axisLabel: {
        interval: categories.length > EVERY_LABEL_UP_TO ? ('auto' as const) : 0,
        rotate: categories.length > 6 ? 30 : 0,
        width: 120,
        overflow: 'break' as const
      }
    },
    yAxis: [
      // Counts of jobs or parts have no fractions: a day with one job must not read 0.2, 0.4... 1.
      { type: 'value' as const, minInterval: countsOnly ? 1 : undefined },
      ...(chart.line
        ? [
            {
              type: 'value' as const,
              min: 0,
              max: 100,
              axisLabel: { formatter: '{value}%' },
              splitLine: { show: false }
            }
          ]
        : [])
    ],
    series: [...bars, ...line]
  }
}
