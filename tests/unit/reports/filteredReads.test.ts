import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callOk, closeApp, createUserAndSignIn, initializedApp, type InitializedApp } from '../helpers'
import { statementsRun } from '../statementsRun'
import { seedReportsShop } from '../../bench/reportsSeed'
import { REPORTS } from '../../../src-shared/contract/reports'

/**
 * A report with a job filter reads fact rows, not the sums. It must find the filtered jobs through
 * the filter's own index on report_jobs, never by reading every job (or every payment, part or
 * claim) of the range and keeping the filter's few: a model's five years are a few thousand jobs
 * of a million.
 */
let shop: InitializedApp
const NOW = new Date('2026-01-20T04:00:00.000Z')

beforeAll(async () => {
  shop = await initializedApp()
  const technician = await createUserAndSignIn(shop.app, shop.adminToken, 'technician')
  seedReportsShop(shop.app.sqlite, {
    workOrders: 400,
    devices: 300,
    years: 1,
    now: NOW,
    technicianIds: [technician.user.id],
    cashierId: technician.user.id
  })
})
afterAll(async () => {
  await closeApp(shop.app)
})

/** How SQLite would run each statement a report ran that reads report_jobs. */
async function plansOf(report: (typeof REPORTS)[number], filter: Record<string, string>): Promise<string[][]> {
  const { app, adminToken } = shop
  const input = { report, from: '2025-03-14', to: '2026-01-19', ...filter }
  const statements = await statementsRun(app.sqlite, () => callOk(app, 'reports.run', input, adminToken))
  return statements
    .filter((source) => /\breport_jobs j\b/.test(source))
    .map((source) => {
      const parameters = Array.from(source.matchAll(/\?/g), () => '2025-06-01')
      const plan = app.sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...parameters) as { detail: string }[]
      return plan.map((step) => step.detail).filter((detail) => /^(SCAN|SEARCH) /.test(detail))
    })
}

/** The indexes that read a whole range in time order: jobs received or ready, payments, parts, claims. */
const RANGE_READS =
  /USING (COVERING )?INDEX (payments_takings|work_order_parts_issued|warranty_claims_created|report_jobs_ready)\b|USING PRIMARY KEY \(received_at/

describe('a report filtered by model', () => {
  // Satisfaction reads the follow-up calls of the range by their time and looks each job up.
  for (const report of REPORTS.filter((name) => name !== 'satisfaction')) {
    it(`${report} finds the model's jobs by its index, then what they hold by job`, async () => {
      const plans = await plansOf(report, { brand: '品牌0', model: '型号-0' })
      expect(plans.length).toBeGreaterThan(0)
      for (const plan of plans) {
        expect(plan).toContainEqual(
          expect.stringMatching(/^SEARCH j USING (COVERING )?INDEX report_jobs_model \(brand=\? AND model=\?/)
        )
        expect(plan.filter((step) => step.startsWith('SCAN ') || RANGE_READS.test(step))).toEqual([])
      }
    })
  }
})
