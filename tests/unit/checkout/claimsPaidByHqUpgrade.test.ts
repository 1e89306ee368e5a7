import { beforeAll, describe, expect, it } from 'vitest'
import { migrate } from '../../../src-main/db/migrator'
import { claimsPaidByHq } from '../../../src-main/features/checkout/claims/migrations'
import { billScreen, screenJobsBefore, stepsAround, STAMP, type ScreenJobsShop } from '../reports/screenJobsBefore'

/**
 * A shop that filed its claims itself before HQ's payments could be recorded: one claim a manager
 * marked paid (350 of 360 claimed). The step that lets a paid step come without a recorder keeps
 * the steps as they were, and the claim sums still follow an amount put right.
 */
const { before, withStep } = stepsAround(claimsPaidByHq)
let shop: ScreenJobsShop

const paidSums = () =>
  shop.sqlite.prepare(`SELECT sum(paid_fen) AS months FROM report_claim_months WHERE status = 'paid'`).get()
const step = (id: string, status: string, paidFen: number | null, recordedBy: string | null) =>
  shop.run(
    `INSERT INTO warranty_claim_steps (id, claim_id, status, paid_fen, note, recorded_by, recorded_at)
     VALUES (?, 'claim', ?, ?, '', ?, ?)`,
    id,
    status,
    paidFen,
    recordedBy,
    STAMP
  )

beforeAll(() => {
  shop = screenJobsBefore(before, [['w', 'warranty_repair']])
  shop.run(`INSERT INTO users (id, username, display_name, role, password_hash, password_changed_at, created_at, updated_at)
    VALUES ('u1', 'boss', '店长', 'manager', 'x', '${STAMP}', '${STAMP}', '${STAMP}')`)
  billScreen(shop, {
    id: 'i-w',
    number: 'INV-w',
    workOrderId: 'w',
    linesFen: 36000,
    brandFen: 36000,
    customerLinesFen: 0,
    line: { id: 'il-w', sourceId: 'wp-w', quantity: 1, unitPriceFen: 30000, payer: 'brand' }
  })
  shop.run(`INSERT INTO warranty_claims (id, work_order_id, invoice_id, amount_fen, lines_json, status, created_at)
    VALUES ('claim', 'w', 'i-w', 36000, '[]', 'open', '${STAMP}')`)
  step('s1', 'paid', 35000, 'u1')
  shop.run(`UPDATE warranty_claims SET status = 'paid' WHERE id = 'claim'`)
  // Where the pulls stood: decisions pulled from an HQ that may already have sent payments.
  shop.run(`INSERT INTO hq_pull_cursors (table_name, cursor, remaining, updated_at)
    VALUES ('claimDecisions', 41, 0, '${STAMP}'), ('returnBatchStatus', 7, 0, '${STAMP}')`)
  migrate(shop.sqlite, withStep)
})

describe('a paid step may come from HQ, with nobody at the shop recording it', () => {
  it('keeps the steps recorded before, and the sums of what the brand paid', () => {
    expect(shop.sqlite.prepare('SELECT id, status, paid_fen, recorded_by FROM warranty_claim_steps').all()).toEqual([
      { id: 's1', status: 'paid', paid_fen: 35000, recorded_by: 'u1' }
    ])
    expect(paidSums()).toEqual({ months: 35000 })
  })

  it('pulls the decisions again from the start, so payments an older shop dropped arrive; other pulls stay where they were', () => {
    expect(shop.sqlite.prepare('SELECT table_name, cursor FROM hq_pull_cursors').all()).toEqual([
      { table_name: 'returnBatchStatus', cursor: 7 }
    ])
  })

  it('moves the sums with a paid amount put right, recorded by the sync', () => {
    step('s2', 'paid', 34000, null)
    expect(paidSums()).toEqual({ months: 34000 })
  })

  it('still keeps a step as recorded, and only a paid step goes without its recorder', () => {
    expect(() => shop.run(`UPDATE warranty_claim_steps SET paid_fen = 1 WHERE id = 's1'`)).toThrow(/kept as recorded/)
    expect(() => shop.run(`DELETE FROM warranty_claim_steps WHERE id = 's1'`)).toThrow(/kept as recorded/)
    expect(() => step('s3', 'rejected', null, null)).toThrow(/CHECK constraint/)
    expect(shop.sqlite.pragma('foreign_key_check')).toEqual([])
  })
})
