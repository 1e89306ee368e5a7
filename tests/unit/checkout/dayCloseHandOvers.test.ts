import { describe, expect, it } from 'vitest'
import { migrate } from '../../../src-main/db/migrator'
import { allMigrations } from '../../../src-main/db/migrations'
import { callOk, testClock } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'
import { collectedJob, shopBefore } from './upgradeFixtures'

const clock = testClock()
const shop = staffedShopPerFile(clock)

describe('a device let go unpaid is on exactly one day close', () => {
  it('a hand-over stamped before a close but written after it (the manager’s password was being checked) is on the next close', async () => {
    const { app, adminToken, staff } = shop()
    const paid = await finishedJob(app, adminToken, {
      serviceType: 'paid_repair',
      labourFen: 1_000,
      partPriceFen: 1_000
    })
    await callOk(
      app,
      'checkout.pay',
      { workOrderId: paid.id, tenders: [{ method: 'cash', amountFen: 2_000 }] },
      staff.frontDesk.token
    )
    const unpaid = await finishedJob(app, adminToken, { serviceType: 'paid_repair' })
    const manager = { username: staff.manager.user.username, password: staff.manager.password }

    // The counter asks for the hand-over (stamped now); while the manager's password is checked,
    // the day is closed a second later on another desk.
    const handOver = callOk(
      app,
      'workOrders.pickup',
      {
        id: unpaid.id,
        claimCode: unpaid.claimCode,
        confirmed: true,
        unpaidOverride: { reason: '老客户，明天转账', managerApproval: manager }
      },
      staff.frontDesk.token
    )
    clock.advance(1_000)
    const closed = await callOk(app, 'dayClose.close', { countedCashFen: 2_000 }, staff.manager.token)
    expect((await handOver).status).toBe('picked_up')

    const onClose = closed.unpaidHandOvers.map((row) => row.workOrderNumber)
    const next = await callOk(app, 'dayClose.preview', {}, staff.manager.token)
    const onNext = next.unpaidHandOvers.map((row) => row.workOrderNumber)
    expect([...onClose, ...onNext].filter((number) => number === unpaid.number)).toHaveLength(1)
  })
})

describe('upgrading to hand-overs counted by their close', () => {
  it('a hand-over a close already counted by its time stays on that close; a later one waits for the next', () => {
    const step = allMigrations.find((migration) => migration.name.includes('which day close counted'))!
    const at = '2026-10-01T02:00:00.000Z'
    const sqlite = shopBefore(step.version, at, { username: 'boss', displayName: '王芳', role: 'manager' })
    collectedJob(sqlite, 'paid_repair', at)
    const handOver = sqlite.prepare(
      `INSERT INTO unpaid_hand_overs (id, work_order_id, lines_fen, deposit_held_fen, reason, approved_by, handed_over_by, at)
       VALUES (?, 'w1', 5000, 0, '明天转账', 'u1', 'u1', ?)`
    )
    handOver.run('h-counted', '2026-10-01T09:00:00.000Z')
    handOver.run('h-open', '2026-10-01T11:00:00.000Z')
    sqlite
      .prepare(
        `INSERT INTO day_closes (id, number, period_start, period_end, report_json, expected_cash_fen, counted_cash_fen, difference_fen, note, closed_by, closed_at)
         VALUES ('dc1', 'DC-261001-0001', NULL, ?, '{}', 0, 0, 0, '', 'u1', ?)`
      )
      .run('2026-10-01T10:00:00.000Z', '2026-10-01T10:00:00.000Z')

    migrate(sqlite, allMigrations)
    expect(sqlite.prepare('SELECT unpaid_hand_over_id, day_close_id FROM day_close_hand_overs').all()).toEqual([
      { unpaid_hand_over_id: 'h-counted', day_close_id: 'dc1' }
    ])
    sqlite.close()
  })
})
