import { describe, expect, it } from 'vitest'
import type { ReportColumn, ReportResult } from '../../../../src-shared/contract/reports'
import { chartOption, type ChartWords } from '../../../../src-renderer/features/reports/chartOption'

const words: ChartWords = { cellText: (_column, cell) => String(cell), seriesName: (key) => key, empty: 'empty' }

/** A one-series bar chart over days (`category`) whose measure is of `kind`. */
function resultOf(kind: ReportColumn['kind'], values: number[], category = 'day'): ReportResult {
  return {
    chart: { kind: 'bar', table: 'byDay', category, series: ['measure'] },
    tables: [
      {
        key: 'byDay',
        columns: [
          { key: category, kind: 'text' },
          { key: 'measure', kind }
        ],
        rows: values.map((value, index) => ({
          [category]: `2026-12-${String(index + 1).padStart(2, '0')}`,
          measure: value
        }))
      }
    ]
  } as unknown as ReportResult
}

describe("a report chart's value axis", () => {
  it('steps in whole numbers for counts, so one job does not read as 0.2, 0.4 ... 1', () => {
    const option = chartOption(resultOf('count', [1, 1]), words, false)
    expect(option.yAxis[0]).toMatchObject({ type: 'value', minInterval: 1 })
  })

  it('keeps fractions for money and hours', () => {
    expect(chartOption(resultOf('fen', [150, 99]), words, false).yAxis[0]?.minInterval).toBeUndefined()
    expect(chartOption(resultOf('hours', [1.5, 2]), words, false).yAxis[0]?.minInterval).toBeUndefined()
  })
})

describe("a report chart's categories", () => {
  it('draws every period of a month along time, but only the top rows of a ranking', () => {
    const month = Array.from({ length: 31 }, (_, index) => index)
    const byPeriod = chartOption(resultOf('fen', month, 'period'), words, false)
    expect(byPeriod.xAxis.data).toHaveLength(31)
    expect(byPeriod.xAxis.data.at(-1)).toBe('2026-12-31')
    // So many labels cannot all stand side by side: the axis shows those that fit.
    expect(byPeriod.xAxis.axisLabel.interval).toBe('auto')
    expect(chartOption(resultOf('count', month, 'faultCode'), words, false).xAxis.data).toHaveLength(20)
  })

  it('wraps a long label instead of cutting it', () => {
    const option = chartOption(resultOf('count', [7, 3], 'faultCode'), words, false)
    expect(option.xAxis.axisLabel).toMatchObject({ interval: 0, overflow: 'break' })
  })
})
