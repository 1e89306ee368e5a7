import { describe, expect, it } from 'vitest'
import { recordAudit } from '../../../src-main/features/audit/record'
import type { ChangeNotice } from '../../../src-shared/liveChanges'
import { callError, callOk } from '../helpers'
import { newPart, receive } from '../parts/fixtures'
import { openOrder, staffedShopPerFile } from '../workOrders/fixtures'

const shop = staffedShopPerFile()

/** Everything the bus publishes while `work` runs, batch by batch, and whether a transaction was open. */
async function published(
  work: () => Promise<unknown>
): Promise<{ batches: ChangeNotice[][]; duringTransaction: boolean }> {
  const { app } = shop()
  const batches: ChangeNotice[][] = []
  let duringTransaction = false
  const stop = app.changes.subscribe((changes) => {
    batches.push(changes)
    if (app.sqlite.inTransaction) duringTransaction = true
  })
  try {
    await work()
  } finally {
    stop()
  }
  return { batches, duringTransaction }
}

describe('the live-change feed', () => {
  it("a technician's part request tells the desks which request and which job changed, after it committed", async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, part.id, 2, 20_000)
    const { id } = await openOrder(app, staff.frontDesk.token)
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)

    const { batches, duringTransaction } = await published(() =>
      callOk(app, 'workOrderParts.request', { workOrderId: id, partId: part.id, quantity: 1 }, staff.techA.token)
    )
    const request = app.sqlite.prepare('SELECT id FROM work_order_part_requests WHERE work_order_id = ?').get(id) as {
      id: string
    }
    expect(batches).toHaveLength(1)
    expect(batches[0]).toEqual(
      expect.arrayContaining([
        { entity: 'part_request', id: request.id },
        { entity: 'work_order', id }
      ])
    )
    expect(duringTransaction).toBe(false)
  })

  it('issuing a part names the stock of that part', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, part.id, 1, 20_000)
    const { id } = await openOrder(app, staff.frontDesk.token)
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    await callOk(app, 'workOrderParts.request', { workOrderId: id, partId: part.id, quantity: 1 }, staff.techA.token)

    const { batches } = await published(() =>
      callOk(app, 'workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, staff.clerk.token)
    )
    expect(batches.flat()).toEqual(expect.arrayContaining([{ entity: 'stock', id: part.id }]))
  })

  it('a refused change publishes nothing', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    const { id } = await openOrder(app, staff.frontDesk.token)
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    await callOk(app, 'workOrderParts.request', { workOrderId: id, partId: part.id, quantity: 1 }, staff.techA.token)

    const { batches } = await published(() =>
      callError(app, 'workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, staff.clerk.token)
    )
    expect(batches).toEqual([])
  })

  it('a transaction that wrote its audit row and then rolled back publishes nothing, and the next commit only its own', async () => {
    const { app } = shop()
    const { batches } = await published(async () => {
      await expect(
        app.db.transaction().execute(async (trx) => {
          await recordAudit(trx, app.clock(), { actorId: null, action: 'test', entity: 'customer', entityId: 'gone' })
          throw new Error('changed my mind')
        })
      ).rejects.toThrow('changed my mind')
      await app.db
        .transaction()
        .execute((trx) =>
          recordAudit(trx, app.clock(), { actorId: null, action: 'test', entity: 'customer', entityId: 'kept' })
        )
    })
    expect(batches).toEqual([[{ entity: 'customer', id: 'kept' }]])
  })
})
