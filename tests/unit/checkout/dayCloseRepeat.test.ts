import { describe, expect, it } from 'vitest'
import { call, callError, callOk, countRows, initializedApp, closeApp } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'

const shop = staffedShopPerFile()

/** Something to close: a finished paid job, checked out in cash. */
async function takeSomeCash(): Promise<void> {
  const { app, staff, adminToken } = shop()
  const job = await finishedJob(app, adminToken, { serviceType: 'paid_repair', labourFen: 1_000, partPriceFen: 1_000 })
  await callOk(
    app,
    'checkout.pay',
    { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 2_000 }] },
    staff.frontDesk.token
  )
}

/** Every table a day close writes to, counted. */
function closeRows() {
  const { app } = shop()
  return {
    dayCloses: countRows(app, 'day_closes'),
    documents: countRows(app, 'day_close_documents'),
    audit: countRows(app, 'audit_log'),
    outbox: countRows(app, 'outbox')
  }
}

describe('closing a day with nothing to close', () => {
  it('closing again when nothing was paid or invoiced since the last close is refused, and writes nothing', async () => {
    const { app, staff } = shop()
    await takeSomeCash()
    const first = await callOk(app, 'dayClose.close', { countedCashFen: 2_000 }, staff.manager.token)
    const before = closeRows()

    const again = await callError(app, 'dayClose.close', { countedCashFen: 0 }, staff.manager.token)
    expect(again).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.nothingToClose' })
    expect(closeRows()).toEqual(before)

    // The refusal used up no report number: the next real close follows the first directly.
    await takeSomeCash()
    const next = await callOk(app, 'dayClose.close', { countedCashFen: 2_000 }, staff.manager.token)
    expect(Number(next.number!.slice(-4))).toBe(Number(first.number!.slice(-4)) + 1)
  })

  it('two closes at the same moment make one report; the second finds nothing left and is refused', async () => {
    const { app, staff, adminToken } = shop()
    await takeSomeCash()
    const before = closeRows()

    const results = await Promise.all([
      call(app, 'dayClose.close', { countedCashFen: 2_000, note: '店长清点' }, staff.manager.token),
      call(app, 'dayClose.close', { countedCashFen: 1_900, note: '管理员清点' }, adminToken)
    ])

    const closed = results.filter((result) => result.ok)
    const refused = results.filter((result) => !result.ok)
    expect(closed).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(refused[0]!.ok ? null : refused[0]!.error).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.nothingToClose'
    })
    expect(countRows(app, 'day_closes')).toBe(before.dayCloses + 1)
    const report = closed[0]!.ok ? (closed[0]!.data as { id: string; takingsFen: number }) : null
    expect(report).toMatchObject({ takingsFen: 2_000 })
    const open = app.sqlite.prepare('SELECT COUNT(*) AS n FROM payments WHERE day_close_id IS NULL').get() as {
      n: number
    }
    expect(open.n).toBe(0)
  })

  it('a shop that has taken nothing yet has nothing to close', async () => {
    const { app, adminToken } = await initializedApp()
    try {
      expect(await callError(app, 'dayClose.close', { countedCashFen: 0 }, adminToken)).toMatchObject({
        code: 'CONFLICT',
        messageKey: 'errors.nothingToClose'
      })
      expect(countRows(app, 'day_closes')).toBe(0)
    } finally {
      await closeApp(app)
    }
  })
})
