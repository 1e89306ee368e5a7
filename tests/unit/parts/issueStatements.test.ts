import { describe, expect, it } from 'vitest'
import { findActiveUser } from '../../../src-main/features/auth/users'
import { issuePart } from '../../../src-main/features/parts/workOrderParts/issuePart'
import { callOk } from '../helpers'
import { statementsRun } from '../statementsRun'
import { openOrder, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, receive, stockOf } from './fixtures'

const shop = staffedShopPerFile()

describe('issuing a part runs the fewest statements', () => {
  it('one transaction: the order with its invoice, the part read once, the line written once with its cost', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token, { sellingPriceFen: 45_000 })
    await receive(app, staff.clerk.token, part.id, 3, 20_000)
    const { id } = await openOrder(app, staff.frontDesk.token)
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    await callOk(
      app,
      'workOrderParts.request',
      { workOrderId: id, partId: part.id, quantity: 2, note: '' },
      staff.techA.token
    )
    const clerk = (await findActiveUser(app.db, staff.clerk.user.id, app.clock()))!
    let issued: Awaited<ReturnType<typeof issuePart>> | undefined
    const run = await statementsRun(app.sqlite, async () => {
      issued = await issuePart(app.db, app.clock(), clerk, {
        workOrderId: id,
        partId: part.id,
        quantity: 1,
        serial: null
      })
    })
    const transaction = run.slice(run.indexOf('begin immediate'), run.indexOf('commit') + 1)
    expect(transaction.filter((source) => /^select .* from "parts"/.test(source))).toHaveLength(1)
    expect(transaction.filter((source) => source.startsWith('update "work_order_parts"'))).toHaveLength(0)
    expect(transaction.filter((source) => source.includes('"invoices"'))).toHaveLength(1)
    // begin, order, part, request, line, part's books, ledger line, the outbox's last time (its
    // times never go back: sync/outbox.ts), outbox, request, audit, commit
    expect(transaction).toHaveLength(12)
    // After the commit only the job's queue rows are read (and their barcodes), not its lines.
    expect(run.slice(run.indexOf('commit') + 1)).toHaveLength(2)
    expect(issued!.line).toMatchObject({ quantity: 1, unitPriceFen: 45_000, amountFen: 45_000, returnedQuantity: 0 })
    expect(issued!.queueRows[0]).toMatchObject({ issuedQuantity: 1, status: 'open' })
    expect(await stockOf(app, staff.clerk.token, part.id)).toMatchObject({ onHand: 2, stockValueFen: 40_000 })
    const line = app.sqlite
      .prepare('SELECT unit_cost_fen, cost_value_fen FROM work_order_parts WHERE work_order_id = ?')
      .get(id) as { unit_cost_fen: number; cost_value_fen: number }
    expect(line).toEqual({ unit_cost_fen: 20_000, cost_value_fen: 20_000 })
  })
})
