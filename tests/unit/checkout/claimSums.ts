import { expect } from 'vitest'
import { callOk } from '../helpers'
import type { StaffedShop } from '../workOrders/fixtures'
import { figureOf } from '../reports/fixtures'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { runReport } from '../../../src-main/features/reports/run'
import { reportQuerySchema, type ReportResult } from '../../../src-shared/contract/reports'

/**
 * The claims report over today and over today's whole month (read from the kept monthly sums,
 * which must say what the claims themselves say): what was settled as claimed, what the brand
 * paid on it, what it kept back, and what it still owes.
 */
export async function claimSums(shop: StaffedShop) {
  const today = shopLocalDate(shop.clock.now(), 'Asia/Shanghai')
  const month = { from: `${today.slice(0, 8)}01`, to: lastDayOf(today) }
  const figures = (report: ReportResult) => ({
    paidFen: figureOf(report, 'paidFen'),
    brandPaidFen: figureOf(report, 'brandPaidFen'),
    shortfallFen: figureOf(report, 'shortfallFen'),
    outstandingFen: figureOf(report, 'outstandingFen')
  })
  const ofToday = await callOk(shop.app, 'reports.run', { report: 'claims', from: today, to: today }, shop.adminToken)
  const ofMonth = await callOk(shop.app, 'reports.run', { report: 'claims', ...month }, shop.adminToken)
  const fromClaims = await runReport(shop.app.db, reportQuerySchema.parse({ report: 'claims', ...month }), true)
  expect(figures(ofMonth)).toEqual(figures(fromClaims))
  expect(ofMonth.tables).toEqual(fromClaims.tables)
  return figures(ofToday)
}

function lastDayOf(date: string): string {
  const [year, month] = date.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
}
