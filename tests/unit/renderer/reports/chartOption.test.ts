import { describe, expect, it } from 'vitest'
import type { ReportColumn, ReportResult } from '../../../../src-shared/contract/reports'
import { chartOption, type ChartWords } from '../../../../src-renderer/features/reports/chartOption'

const words: ChartWords = { cellText: (_column, cell) => String(cell), seriesName: (key) => key, empty: 'empty' }

/** A one-series bar chart over two days whose measure is of `kind`. */
function resultOf(kind: ReportColumn['kind'], values: number[]): ReportResult {
  return {
    chart: { kind: 'bar', table: 'byDay', category: 'day', series: ['measure'] },
    tables: [
      {
        key: 'byDay',
        columns: [
          { key: 'day', kind: 'text' },
          { key: 'measure', kind }
        ],
        rows: values.map((value, index) => ({ day: `2026-12-0${index + 1}`, measure: value }))
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
