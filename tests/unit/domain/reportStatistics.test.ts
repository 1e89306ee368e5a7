import { describe, expect, it } from 'vitest'
import {
  change,
  pareto,
  percentileOfSorted,
  periodOf,
  periodsOfRange,
  presetRange,
  spreadOf,
  turnaroundBucket
} from '../../../src-shared/domain/reportStatistics'

describe('report statistics', () => {
  it('interpolates percentiles as Excel PERCENTILE.INC does', () => {
    expect(percentileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(percentileOfSorted([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.9)).toBe(91)
    expect(percentileOfSorted([7], 0.9)).toBe(7)
    expect(percentileOfSorted([], 0.5)).toBeNull()
  })

  it('sorts before measuring a spread', () => {
    expect(spreadOf([5, 1, 3])).toEqual({ count: 3, median: 3, p90: 4.6, mean: 3 })
  })

  it('puts a turnaround in its histogram bar', () => {
    expect(turnaroundBucket(23 * 60)).toBe('lt1d')
    expect(turnaroundBucket(24 * 60)).toBe('d1to2')
    expect(turnaroundBucket(31 * 24 * 60)).toBe('ge30d')
  })

  it('orders a Pareto and runs its cumulative share', () => {
    const lines = pareto(
      [
        { k: 'b', n: 1 },
        { k: 'a', n: 3 }
      ],
      (x) => x.n,
      (x) => x.k
    )
    expect(lines.map((line) => [line.item.k, line.share, line.cumulativeShare])).toEqual([
      ['a', 0.75, 0.75],
      ['b', 0.25, 1]
    ])
  })

  it('gives periods and changes', () => {
    expect(periodOf('2026-03-08', 'week')).toBe('2026-03-02')
    expect(periodOf('2026-03-09', 'week')).toBe('2026-03-09')
    expect(periodOf('2026-03-09', 'month')).toBe('2026-03')
    expect(change(2, 5)).toBe(1.5)
    expect(change(0, 5)).toBeNull()
  })
})

describe('periods of a range', () => {
  it('lists every day, week and month of the range, across a month and a year end', () => {
    expect(periodsOfRange('2026-11-29', '2026-12-02', 'day')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02'
    ])
    expect(periodsOfRange('2026-12-01', '2026-12-01', 'day')).toEqual(['2026-12-01'])
    // 2026-12-28 is a Monday; 2027-01-03 ends that week.
    expect(periodsOfRange('2026-12-27', '2027-01-04', 'week')).toEqual(['2026-12-21', '2026-12-28', '2027-01-04'])
    expect(periodsOfRange('2026-11-30', '2027-01-01', 'month')).toEqual(['2026-11', '2026-12', '2027-01'])
  })
})

describe('report range presets', () => {
  it('names whole months, quarters and years around today', () => {
    expect(presetRange('2026-03-15', 'month')).toEqual({ from: '2026-03-01', to: '2026-03-31' })
    expect(presetRange('2026-01-15', 'lastMonth')).toEqual({ from: '2025-12-01', to: '2025-12-31' })
    expect(presetRange('2026-05-15', 'quarter')).toEqual({ from: '2026-04-01', to: '2026-06-30' })
    expect(presetRange('2026-05-15', 'year')).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })
})
