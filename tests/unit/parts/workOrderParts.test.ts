import { describe, expect, it } from 'vitest'
import { callError, callOk } from '../helpers'
import { driveTo, openOrder, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, receive, stockOf, tableCounts } from './fixtures'

const shop = staffedShopPerFile()

describe('parts on work orders', () => {
  it('a technician asks, the clerk issues by the request, and the job shows the part at its selling price', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token, { sellingPriceFen: 45_000 })
    await receive(app, staff.clerk.token, part.id, 3, 20_000)
    const { id } = await openOrder(app, staff.frontDesk.token)
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)

    const asked = await callOk(
      app,
      'workOrderParts.request',
      { workOrderId: id, partId: part.id, quantity: 2, note: '屏幕碎' },
      staff.techA.token
    )
    expect(asked.requests).toMatchObject([
      { partNumber: part.partNumber, quantity: 2, issuedQuantity: 0, status: 'open' }
    ])
    const queue = await callOk(app, 'workOrderParts.openRequests', {}, staff.clerk.token)
    expect(queue.find((row) => row.workOrderId === id)).toMatchObject({
      partId: part.id,
      onHand: 3,
      barcodes: part.barcodes
    })

    const partsOfJob = () => callOk(app, 'workOrderParts.get', { workOrderId: id }, staff.clerk.token)
    await callOk(app, 'workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, staff.clerk.token)
    expect((await partsOfJob()).requests[0]).toMatchObject({ issuedQuantity: 1, status: 'open' })
    await callOk(app, 'workOrderParts.issue', { workOrderId: id, partId: part.id, quantity: 1 }, staff.clerk.token)
    const twice = await partsOfJob()
    expect(twice.requests[0]).toMatchObject({ issuedQuantity: 2, status: 'issued' })
    expect(twice.lines.map((line) => [line.quantity, line.unitPriceFen, line.amountFen])).toEqual([
      [1, 45_000, 45_000],
      [1, 45_000, 45_000]
    ])
    expect(twice.totalFen).toBe(90_000)
    expect(
      (await callOk(app, 'workOrderParts.openRequests', {}, staff.clerk.token)).some((row) => row.workOrderId === id)
    ).toBe(false)
    expect(await stockOf(app, staff.clerk.token, part.id)).toMatchObject({ onHand: 1, stockValueFen: 20_000 })
  })

  it("an issue answers with the job's rows in the warehouse queue, as openRequests lists them", async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const battery = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, screen.id, 5, 10_000)
    await receive(app, staff.clerk.token, battery.id, 5, 5_000)
    const { id } = await openOrder(app, staff.frontDesk.token)
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    for (const part of [screen, battery]) {
      await callOk(
        app,
        'workOrderParts.request',
        { workOrderId: id, partId: part.id, quantity: 2, note: '' },
        staff.techA.token
      )
    }
    const queueOfJob = async () =>
      (await callOk(app, 'workOrderParts.openRequests', {}, staff.clerk.token)).filter((row) => row.workOrderId === id)

    const partly = await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: id, partId: screen.id, quantity: 1 },
      staff.clerk.token
    )
    expect(partly.queueRows).toEqual(await queueOfJob())
    expect(partly.queueRows.map((row) => [row.partId, row.issuedQuantity, row.onHand])).toEqual([
      [screen.id, 1, 4],
      [battery.id, 0, 5]
    ])
    // The line it added, answered without a read, is the line the job lists.
    expect((await callOk(app, 'workOrderParts.get', { workOrderId: id }, staff.clerk.token)).lines).toEqual([
      partly.line
    ])

    await callOk(app, 'workOrderParts.issue', { workOrderId: id, partId: screen.id, quantity: 1 }, staff.clerk.token)
    const last = await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: id, partId: battery.id, quantity: 2 },
      staff.clerk.token
    )
    expect(last.queueRows).toEqual([])
    expect(await queueOfJob()).toEqual([])
  })

  it('a technician may ask only on their own jobs; only the warehouse issues', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    const { id } = await openOrder(app, staff.frontDesk.token)
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    expect(
      (
        await callError(
          app,
          'workOrderParts.request',
          { workOrderId: id, partId: part.id, quantity: 1 },
          staff.techB.token
        )
      ).code
    ).toBe('FORBIDDEN')
    expect(
      (
        await callError(
          app,
          'workOrderParts.request',
          { workOrderId: id, partId: part.id, quantity: 1 },
          staff.clerk.token
        )
      ).code
    ).toBe('FORBIDDEN')
    expect(
      (
        await callError(
          app,
          'workOrderParts.issue',
          { workOrderId: id, partId: part.id, quantity: 1 },
          staff.techA.token
        )
      ).code
    ).toBe('FORBIDDEN')
  })

  it('issuing more than is on hand is refused and nothing changes', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, part.id, 1, 100)
    const { id } = await openOrder(app, staff.frontDesk.token)
    const before = tableCounts(app)
    const error = await callError(
      app,
      'workOrderParts.issue',
      { workOrderId: id, partId: part.id, quantity: 2 },
      staff.clerk.token
    )
    expect(error).toMatchObject({ code: 'STOCK_INSUFFICIENT', details: { onHand: 1, requested: 2 } })
    expect(tableCounts(app)).toEqual(before)
  })

  it('serial-tracked parts go one at a time with a serial that is not out on another job', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token, { serialTracked: true })
    // Serials are recorded at receipt (issue 11, item 12).
    await callOk(
      app,
      'parts.receive',
      { reference: 'HQ-SN', lines: [{ partId: part.id, quantity: 2, unitCostFen: 100, serials: ['MB123', 'MB124'] }] },
      staff.clerk.token
    )
    const first = await openOrder(app, staff.frontDesk.token)
    const second = await openOrder(app, staff.frontDesk.token)
    const issue = (workOrderId: string, serial: string | undefined, quantity = 1) =>
      callError(
        app,
        'workOrderParts.issue',
        { workOrderId, partId: part.id, quantity, ...(serial === undefined ? {} : { serial }) },
        staff.clerk.token
      )
    expect((await issue(first.id, undefined)).details?.fields?.[0]?.path).toBe('serial')
    expect((await issue(first.id, 'mb123', 2)).details?.fields?.[0]?.path).toBe('quantity')
    const issued = await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: first.id, partId: part.id, quantity: 1, serial: 'mb123' },
      staff.clerk.token
    )
    expect(issued.line.serial).toBe('MB123')
    expect(await issue(second.id, 'MB123')).toMatchObject({
      code: 'CONFLICT',
      details: { serial: 'MB123', workOrderNumber: first.order.number }
    })
    // Once it is back on the shelf it may go out again.
    await callOk(app, 'workOrderParts.return', { lineId: issued.line.id, quantity: 1 }, staff.clerk.token)
    await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: second.id, partId: part.id, quantity: 1, serial: 'MB123' },
      staff.clerk.token
    )
  })

  it('unused parts come back at the cost they left with, and never more than was issued', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token, { sellingPriceFen: 1_000 })
    await receive(app, staff.clerk.token, part.id, 2, 100)
    const { id } = await openOrder(app, staff.frontDesk.token)
    const issued = await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: id, partId: part.id, quantity: 2 },
      staff.clerk.token
    )
    // A dearer delivery meanwhile moves the average; the return must not.
    await receive(app, staff.clerk.token, part.id, 2, 300)
    const line = issued.line
    const back = await callOk(app, 'workOrderParts.return', { lineId: line.id, quantity: 1 }, staff.clerk.token)
    expect(back.lines[0]).toMatchObject({ quantity: 2, returnedQuantity: 1, amountFen: 1_000 })
    expect(back.totalFen).toBe(1_000)
    expect(await stockOf(app, staff.clerk.token, part.id)).toMatchObject({ onHand: 3, stockValueFen: 700 })
    const error = await callError(app, 'workOrderParts.return', { lineId: line.id, quantity: 2 }, staff.clerk.token)
    expect(error.details?.fields?.[0]).toMatchObject({ path: 'quantity', params: { max: 1 } })
  })

  it('cancelling a work order returns its parts to stock and withdraws its requests', async () => {
    const { app, staff, adminToken } = shop()
    const part = await newPart(app, staff.clerk.token)
    const other = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, part.id, 4, 250)
    const opened = await driveTo(app, adminToken, 'diagnosing')
    await callOk(app, 'workOrders.assign', { id: opened.id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    await callOk(
      app,
      'workOrderParts.request',
      { workOrderId: opened.id, partId: other.id, quantity: 1 },
      staff.techA.token
    )
    await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: opened.id, partId: part.id, quantity: 3 },
      staff.clerk.token
    )
    expect((await stockOf(app, staff.clerk.token, part.id)).onHand).toBe(1)

    await callOk(
      app,
      'workOrders.transition',
      { id: opened.id, to: 'cancelled', reason: '客户不修了' },
      staff.frontDesk.token
    )
    expect(await stockOf(app, staff.clerk.token, part.id)).toMatchObject({ onHand: 4, stockValueFen: 1_000 })
    const parts = await callOk(app, 'workOrderParts.get', { workOrderId: opened.id }, staff.clerk.token)
    expect(parts.lines[0]).toMatchObject({ quantity: 3, returnedQuantity: 3, amountFen: 0 })
    expect(parts.requests[0]!.status).toBe('cancelled')
    const movements = await callOk(app, 'parts.movements', { partId: part.id }, staff.clerk.token)
    expect(movements.rows[0]).toMatchObject({
      kind: 'return',
      quantity: 3,
      reason: '客户不修了',
      workOrderId: opened.id
    })
    // A closed job takes no more parts.
    expect(
      (
        await callError(
          app,
          'workOrderParts.issue',
          { workOrderId: opened.id, partId: part.id, quantity: 1 },
          staff.clerk.token
        )
      ).code
    ).toBe('READ_ONLY')
  })
})

describe('parts coming back from a job', () => {
  it('come back with exactly the value they left with, so issuing and returning everything changes no value', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, part.id, 3, 3) // 9 fen over 3 units
    await receive(app, staff.clerk.token, part.id, 1, 1) // 10 fen over 4: no whole-fen average
    const before = await stockOf(app, staff.clerk.token, part.id)
    const { id } = await openOrder(app, staff.frontDesk.token)
    const issued = await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: id, partId: part.id, quantity: 3 },
      staff.clerk.token
    )
    const lineId = issued.line.id
    await callOk(app, 'workOrderParts.return', { lineId, quantity: 1 }, staff.clerk.token)
    await callOk(app, 'workOrderParts.return', { lineId, quantity: 2 }, staff.clerk.token)
    expect(await stockOf(app, staff.clerk.token, part.id)).toMatchObject({
      onHand: before.onHand,
      stockValueFen: before.stockValueFen
    })
  })

  it('a job handed back unrepaired returns its parts, like a cancelled one', async () => {
    const { app, staff, adminToken } = shop()
    const part = await newPart(app, staff.clerk.token, { returnFaulty: true })
    await receive(app, staff.clerk.token, part.id, 2, 500)
    const opened = await driveTo(app, adminToken, 'diagnosing')
    await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: opened.id, partId: part.id, quantity: 1 },
      staff.clerk.token
    )
    await callOk(
      app,
      'workOrders.transition',
      { id: opened.id, to: 'returned_unrepaired', reason: '无法修复' },
      adminToken
    )
    expect(await stockOf(app, staff.clerk.token, part.id)).toMatchObject({ onHand: 2, stockValueFen: 1_000 })
    expect((await callOk(app, 'workOrderParts.get', { workOrderId: opened.id }, staff.clerk.token)).totalFen).toBe(0)
    expect(
      (await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).some((item) => item.workOrderId === opened.id)
    ).toBe(false)
  })

  it('a part whose old one is already packed for the brand cannot come back unused', async () => {
    const { app, staff, adminToken } = shop()
    const part = await newPart(app, staff.clerk.token, { returnFaulty: true })
    await receive(app, staff.clerk.token, part.id, 1, 500)
    const job = await driveTo(app, adminToken, 'repairing')
    const issued = await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: job.id, partId: part.id, quantity: 1 },
      staff.clerk.token
    )
    const owed = (await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).find(
      (item) => item.workOrderId === job.id
    )!
    const batch = await callOk(app, 'faultyParts.pack', { faultyPartIds: [owed.id] }, staff.clerk.token)
    const before = tableCounts(app)
    const error = await callError(
      app,
      'workOrderParts.return',
      { lineId: issued.line.id, quantity: 1 },
      staff.clerk.token
    )
    expect(error).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.faultyAlreadyPacked',
      details: { batchNumber: batch.number }
    })
    expect(tableCounts(app)).toEqual(before)
  })
})

/** Whether one part is on the owed list, and whether the list's length agrees with the home page's tile. */
async function owedCounts(app: Parameters<typeof callOk>[0], token: string, partId: string) {
  const owed = await callOk(app, 'faultyParts.list', {}, token)
  const tile = (await callOk(app, 'dashboard.get', {}, token)).warehouse?.faultyOwedTotal
  return { listed: owed.filter((item) => item.partId === partId).length, tileAgrees: tile === owed.length }
}

describe('faulty parts owed to the brand', () => {
  it('a returnable part fitted under warranty is owed, packed, shipped and credited', async () => {
    const { app, staff, adminToken } = shop()
    const part = await newPart(app, staff.clerk.token, { returnFaulty: true })
    await receive(app, staff.clerk.token, part.id, 5, 100)
    const warranty = await driveTo(app, adminToken, 'repairing')
    const paid = await openOrder(app, staff.frontDesk.token, { serviceType: 'paid_repair' })
    await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: warranty.id, partId: part.id, quantity: 1 },
      staff.clerk.token
    )
    await callOk(app, 'workOrderParts.issue', { workOrderId: paid.id, partId: part.id, quantity: 1 }, staff.clerk.token)

    const owed = (await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).filter(
      (item) => item.partId === part.id
    )
    expect(owed).toMatchObject([{ workOrderId: warranty.id, status: 'awaiting', quantity: 1, ageDays: 0 }])

    const batch = await callOk(app, 'faultyParts.pack', { faultyPartIds: [owed[0]!.id] }, staff.clerk.token)
    expect(batch).toMatchObject({ status: 'packed', items: 1 })
    // Packed but not shipped is still in the shop: listed, and counted on the home page alike.
    expect(await owedCounts(app, staff.clerk.token, part.id)).toEqual({ listed: 1, tileAgrees: true })
    expect(batch.number).toMatch(/^FR-\d{6}-\d{4}$/)
    expect((await callError(app, 'faultyParts.pack', { faultyPartIds: [owed[0]!.id] }, staff.clerk.token)).code).toBe(
      'CONFLICT'
    )
    expect(
      (await callError(app, 'faultyParts.credit', { batchId: batch.id, creditReference: 'CR-1' }, staff.clerk.token))
        .code
    ).toBe('INVALID_TRANSITION')
    const shipped = await callOk(
      app,
      'faultyParts.ship',
      { batchId: batch.id, carrier: '顺丰', trackingNumber: 'SF1234567890' },
      staff.clerk.token
    )
    expect(shipped).toMatchObject({ status: 'shipped', trackingNumber: 'SF1234567890' })
    expect(await owedCounts(app, staff.clerk.token, part.id)).toEqual({ listed: 0, tileAgrees: true })
    const inBatch = await callOk(app, 'faultyParts.batch', { id: batch.id }, staff.clerk.token)
    expect(inBatch.items.map((item) => item.status)).toEqual(['shipped'])
    await callOk(app, 'faultyParts.credit', { batchId: batch.id, creditReference: 'CR-2026-88' }, staff.clerk.token)
    expect((await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).some((item) => item.partId === part.id)).toBe(
      false
    )
    const synced = app.sqlite
      .prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'faulty_part_return' AND entity_id = ?")
      .get(batch.id) as { n: number }
    expect(synced.n).toBe(3)
  })

  it('a part returned unused is no longer owed', async () => {
    const { app, staff, adminToken } = shop()
    const part = await newPart(app, staff.clerk.token, { returnFaulty: true })
    await receive(app, staff.clerk.token, part.id, 2, 100)
    const warranty = await driveTo(app, adminToken, 'repairing')
    const issued = await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: warranty.id, partId: part.id, quantity: 2 },
      staff.clerk.token
    )
    await callOk(app, 'workOrderParts.return', { lineId: issued.line.id, quantity: 1 }, staff.clerk.token)
    expect(
      (await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).find((item) => item.partId === part.id)?.quantity
    ).toBe(1)
    await callOk(app, 'workOrderParts.return', { lineId: issued.line.id, quantity: 1 }, staff.clerk.token)
    expect((await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).some((item) => item.partId === part.id)).toBe(
      false
    )
  })
})
