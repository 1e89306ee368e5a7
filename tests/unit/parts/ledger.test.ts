import { describe, expect, it } from 'vitest'
import { callError, callOk } from '../helpers'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, receive, stockOf, tableCounts } from './fixtures'

const shop = staffedShopPerFile()

describe('the stock ledger', () => {
  it('values receipts at different prices at moving-average cost', async () => {
    const { app, staff } = shop()
    const token = staff.clerk.token
    const part = await newPart(app, token)
    await receive(app, token, part.id, 10, 1_000)
    expect(await stockOf(app, token, part.id)).toEqual({ onHand: 10, stockValueFen: 10_000, averageCostFen: 1_000 })
    await receive(app, token, part.id, 30, 2_000)
    expect(await stockOf(app, token, part.id)).toEqual({ onHand: 40, stockValueFen: 70_000, averageCostFen: 1_750 })
    // Scrapping takes out value at the average, and the average stays.
    await callOk(app, 'parts.adjust', { partId: part.id, kind: 'scrap', quantity: 4, reason: '跌落损坏' }, token)
    expect(await stockOf(app, token, part.id)).toEqual({ onHand: 36, stockValueFen: 63_000, averageCostFen: 1_750 })
  })

  it('leaves a value of exactly zero when the last unit goes, whatever the rounding on the way', async () => {
    const { app, staff } = shop()
    const token = staff.clerk.token
    const part = await newPart(app, token)
    await receive(app, token, part.id, 3, 333)
    await receive(app, token, part.id, 1, 334)
    // 1 333 fen over 4 units: no whole-fen average exists.
    for (let left = 4; left > 1; left--) {
      await callOk(app, 'parts.adjust', { partId: part.id, kind: 'scrap', quantity: 1, reason: '测试' }, token)
    }
    const beforeLast = await stockOf(app, token, part.id)
    expect(beforeLast.onHand).toBe(1)
    await callOk(app, 'parts.adjust', { partId: part.id, kind: 'scrap', quantity: 1, reason: '测试' }, token)
    expect(await stockOf(app, token, part.id)).toMatchObject({ onHand: 0, stockValueFen: 0 })
    const movements = await callOk(app, 'parts.movements', { partId: part.id }, token)
    expect(movements.rows.reduce((sum, row) => sum + row.valueFen, 0)).toBe(0)
  })

  it('refuses to take out more than is on hand, and writes nothing', async () => {
    const { app, staff } = shop()
    const token = staff.clerk.token
    const part = await newPart(app, token)
    await receive(app, token, part.id, 2, 5_000)
    const before = tableCounts(app)
    const error = await callError(
      app,
      'parts.adjust',
      { partId: part.id, kind: 'scrap', quantity: 3, reason: '报废' },
      token
    )
    expect(error.code).toBe('STOCK_INSUFFICIENT')
    expect(error.details).toMatchObject({ partNumber: part.partNumber, onHand: 2, requested: 3 })
    expect(tableCounts(app)).toEqual(before)
    expect(await stockOf(app, token, part.id)).toMatchObject({ onHand: 2, stockValueFen: 10_000 })
  })

  it('receives a delivery as one transaction: one bad line and none of it is booked', async () => {
    const { app, staff } = shop()
    const token = staff.clerk.token
    const part = await newPart(app, token)
    const before = tableCounts(app)
    const error = await callError(
      app,
      'parts.receive',
      {
        reference: 'SF1234',
        lines: [
          { partId: part.id, quantity: 5, unitCostFen: 100 },
          { partId: '0190a0a0-0000-7000-8000-000000000000', quantity: 1, unitCostFen: 100 }
        ]
      },
      token
    )
    expect(error.code).toBe('NOT_FOUND')
    expect(tableCounts(app)).toEqual(before)
    expect((await stockOf(app, token, part.id)).onHand).toBe(0)
  })

  it('keeps each line with its running balance, and sends each line to HQ', async () => {
    const { app, staff } = shop()
    const token = staff.clerk.token
    const part = await newPart(app, token)
    await receive(app, token, part.id, 5, 100, 'HQ-A')
    await callOk(app, 'parts.adjust', { partId: part.id, kind: 'adjust', quantity: -2, reason: '盘亏' }, token)
    await receive(app, token, part.id, 4, 100, 'HQ-B')
    const page = await callOk(app, 'parts.movements', { partId: part.id }, token)
    expect(page.rows.map((row) => [row.kind, row.quantity, row.balanceAfter])).toEqual([
      ['receive', 4, 7],
      ['adjust', -2, 3],
      ['receive', 5, 5]
    ])
    const synced = app.sqlite
      .prepare(
        "SELECT count(*) AS n FROM outbox WHERE entity = 'stock_movement' AND json_extract(payload_json, '$.partId') = ?"
      )
      .get(part.id) as { n: number }
    expect(synced.n).toBe(3)
  })

  it('cannot be edited or deleted, even by SQL', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, part.id, 1, 100)
    expect(() =>
      app.sqlite.prepare('UPDATE stock_movements SET quantity = 100 WHERE part_id = ?').run(part.id)
    ).toThrow(/append-only/)
    expect(() => app.sqlite.prepare('DELETE FROM stock_movements WHERE part_id = ?').run(part.id)).toThrow(
      /append-only/
    )
  })

  it('is the warehouse’s to change: a technician can look parts up but not receive them', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    const found = await callOk(app, 'parts.find', { code: part.barcodes[0]! }, staff.techA.token)
    expect(found.id).toBe(part.id)
    const error = await callError(
      app,
      'parts.receive',
      { reference: 'X', lines: [{ partId: part.id, quantity: 1, unitCostFen: 1 }] },
      staff.techA.token
    )
    expect(error.code).toBe('FORBIDDEN')
  })
})

describe('manual adjustments', () => {
  it('post at once up to the approval threshold; above it a clerk’s change waits for a manager', async () => {
    const { app, staff, adminToken } = shop()
    const settings = await callOk(app, 'settings.get', {}, adminToken)
    const threshold = settings.approvalThresholdFen
    const part = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, part.id, 100, threshold) // one unit is worth exactly the threshold

    const [small] = await callOk(
      app,
      'parts.adjust',
      { partId: part.id, kind: 'scrap', quantity: 1, reason: '外壳破损' },
      staff.clerk.token
    )
    expect(small!.status).toBe('posted')
    expect((await stockOf(app, staff.clerk.token, part.id)).onHand).toBe(99)

    const [large] = await callOk(
      app,
      'parts.adjust',
      { partId: part.id, kind: 'adjust', quantity: -2, reason: '丢失' },
      staff.clerk.token
    )
    expect(large).toMatchObject({ status: 'pending', quantity: -2, valueFen: -2 * threshold })
    expect((await stockOf(app, staff.clerk.token, part.id)).onHand).toBe(99)
    const pending = await callOk(app, 'parts.adjustments', { status: 'pending' }, staff.manager.token)
    expect(pending.map((row) => row.id)).toContain(large!.id)
    expect(
      (await callError(app, 'parts.decideAdjustment', { id: large!.id, approve: true }, staff.clerk.token)).code
    ).toBe('FORBIDDEN')

    const decided = await callOk(app, 'parts.decideAdjustment', { id: large!.id, approve: true }, staff.manager.token)
    expect(decided.status).toBe('posted')
    expect((await stockOf(app, staff.clerk.token, part.id)).onHand).toBe(97)
    expect(
      (await callError(app, 'parts.decideAdjustment', { id: large!.id, approve: false }, staff.manager.token)).code
    ).toBe('CONFLICT')
  })

  it('a rejected adjustment changes no stock, and a manager’s own large one posts at once', async () => {
    const { app, staff, adminToken } = shop()
    const { approvalThresholdFen } = await callOk(app, 'settings.get', {}, adminToken)
    const part = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, part.id, 10, approvalThresholdFen)
    const [asked] = await callOk(
      app,
      'parts.adjust',
      { partId: part.id, kind: 'faulty_return', quantity: 3, reason: '来料不良退回' },
      staff.clerk.token
    )
    await callOk(app, 'parts.decideAdjustment', { id: asked!.id, approve: false }, staff.manager.token)
    expect((await stockOf(app, staff.clerk.token, part.id)).onHand).toBe(10)
    const [own] = await callOk(
      app,
      'parts.adjust',
      { partId: part.id, kind: 'adjust', quantity: 5, reason: '找到一箱' },
      staff.manager.token
    )
    expect(own!.status).toBe('posted')
    expect(await stockOf(app, staff.clerk.token, part.id)).toMatchObject({
      onHand: 15,
      stockValueFen: 15 * approvalThresholdFen
    })
  })

  it('a pending adjustment overtaken by a stocktake cannot be approved; an approved one keeps the value that left', async () => {
    const { app, staff, adminToken } = shop()
    const { approvalThresholdFen } = await callOk(app, 'settings.get', {}, adminToken)
    const part = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, part.id, 10, approvalThresholdFen)
    const [stale] = await callOk(
      app,
      'parts.adjust',
      { partId: part.id, kind: 'adjust', quantity: -2, reason: '丢失' },
      staff.clerk.token
    )
    const [fresh] = await callOk(
      app,
      'parts.adjust',
      { partId: part.id, kind: 'scrap', quantity: 3, reason: '受潮' },
      staff.clerk.token
    )
    const count = await callOk(
      app,
      'stocktakes.start',
      { scope: { kind: 'range', from: part.partNumber, to: part.partNumber } },
      staff.clerk.token
    )
    await callOk(app, 'stocktakes.count', { id: count.id, partId: part.id, countedQuantity: 8 }, staff.clerk.token)
    await callOk(app, 'stocktakes.post', { id: count.id }, staff.manager.token)
    expect(
      (await callError(app, 'parts.decideAdjustment', { id: stale!.id, approve: true }, staff.manager.token)).messageKey
    ).toBe('errors.adjustmentOutdated')
    expect(
      (await callError(app, 'parts.decideAdjustment', { id: fresh!.id, approve: true }, staff.manager.token)).messageKey
    ).toBe('errors.adjustmentOutdated')
    expect((await stockOf(app, staff.clerk.token, part.id)).onHand).toBe(8)
    // Asked after the count, and approved after a dearer delivery moved the average.
    const [asked] = await callOk(
      app,
      'parts.adjust',
      { partId: part.id, kind: 'scrap', quantity: 4, reason: '受潮' },
      staff.clerk.token
    )
    await receive(app, staff.clerk.token, part.id, 8, 3 * approvalThresholdFen)
    const approved = await callOk(app, 'parts.decideAdjustment', { id: asked!.id, approve: true }, staff.manager.token)
    const movement = (await callOk(app, 'parts.movements', { partId: part.id, kind: 'scrap' }, staff.clerk.token))
      .rows[0]!
    expect(approved.valueFen).toBe(movement.valueFen)
    expect(approved.valueFen).toBe(-4 * 2 * approvalThresholdFen)
  })

  it('a part number that is another part’s barcode is refused, since a scan would find the other part', async () => {
    const { app, staff } = shop()
    const holder = await newPart(app, staff.clerk.token, { barcodes: ['6900000000999'] })
    const error = await callError(
      app,
      'parts.create',
      { partNumber: '6900000000999', name: '电池', sellingPriceFen: 100 },
      staff.clerk.token
    )
    expect(error.details?.fields?.[0]).toMatchObject({
      path: 'partNumber',
      messageKey: 'validation.partNumberIsBarcode',
      params: { partNumber: holder.partNumber }
    })
  })

  it('lists as low a part that jobs are waiting for, though its stock is above the reorder point', async () => {
    const { app, staff, adminToken } = shop()
    const part = await newPart(app, staff.clerk.token, { reorderPoint: 2, reorderQuantity: 5 })
    await receive(app, staff.clerk.token, part.id, 4, 100)
    expect((await callOk(app, 'parts.lowStock', {}, staff.clerk.token)).some((line) => line.part.id === part.id)).toBe(
      false
    )
    const job = await driveTo(app, adminToken, 'diagnosing')
    await callOk(app, 'workOrderParts.request', { workOrderId: job.id, partId: part.id, quantity: 3 }, adminToken)
    const line = (await callOk(app, 'parts.lowStock', {}, staff.clerk.token)).find((row) => row.part.id === part.id)
    expect(line).toMatchObject({ requestedOpen: 3, suggestedQuantity: 5 })
  })
})
