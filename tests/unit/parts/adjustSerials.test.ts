import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk } from '../helpers'
import { setApprovalThreshold, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, stockOf, tableCounts } from './fixtures'

const shop = staffedShopPerFile()

describe('serial-tracked parts adjusted by hand', () => {
  it('units found of a serial-tracked part enter stock only by their serials, one unit per serial', async () => {
    const { app, staff } = shop()
    const manager = staff.manager.token
    const board = await newPart(app, manager, { serialTracked: true })
    await callOk(
      app,
      'parts.receive',
      { reference: 'HQ-SN-A1', lines: [{ partId: board.id, quantity: 1, unitCostFen: 30_000, serials: ['MB-A001'] }] },
      manager
    )
    const serialsOnHand = async () =>
      (await callOk(app, 'parts.serialsOnHand', { partId: board.id }, manager)).map((row) => row.serial)

    // Without serials the units found would be stock no serial accounts for.
    const counts = tableCounts(app)
    expect(
      await callError(
        app,
        'parts.adjust',
        { partId: board.id, kind: 'adjust', quantity: 2, reason: '抽屉里找到' },
        manager
      )
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'serial', messageKey: 'validation.serialRequired' }] }
    })
    // A serial names one unit, and a serial already on the shelf is not found again.
    expect(
      await callError(
        app,
        'parts.adjust',
        { partId: board.id, kind: 'adjust', quantity: 2, serial: 'MB-A002', reason: '抽屉里找到' },
        manager
      )
    ).toMatchObject({ details: { fields: [{ path: 'quantity', messageKey: 'validation.oneSerialOneUnit' }] } })
    expect(
      await callError(
        app,
        'parts.adjust',
        { partId: board.id, kind: 'adjust', quantity: 1, serial: 'mb-a001', reason: '抽屉里找到' },
        manager
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.serialAlreadyOnHand' })
    expect(tableCounts(app)).toEqual(counts)
    expect(await stockOf(app, manager, board.id)).toMatchObject({ onHand: 1 })

    await callOk(
      app,
      'parts.adjust',
      { partId: board.id, kind: 'adjust', quantity: 1, serial: 'MB-A002', reason: '抽屉里找到' },
      manager
    )
    expect(await serialsOnHand()).toEqual(['MB-A001', 'MB-A002'])
    expect(await stockOf(app, manager, board.id)).toMatchObject({ onHand: 2 })
    expect(await callOk(app, 'parts.verifyLedger', {}, manager)).toMatchObject({ mismatches: [] })
  })

  it('a pending adjustment saved without the serial it now needs is refused on approval with a conflict saying what to do', async () => {
    const { app, staff, adminToken } = shop()
    const clerk = staff.clerk.token
    const board = await newPart(app, clerk, { serialTracked: true })
    await callOk(
      app,
      'parts.receive',
      { reference: 'HQ-SN-A2', lines: [{ partId: board.id, quantity: 1, unitCostFen: 30_000, serials: ['MB-B001'] }] },
      clerk
    )
    await setApprovalThreshold(app, adminToken, 10_000)
    const [request] = await callOk(
      app,
      'parts.adjust',
      { partId: board.id, kind: 'scrap', quantity: 1, serial: 'MB-B001', reason: '跌落' },
      clerk
    )
    expect(request).toMatchObject({ status: 'pending' })
    // As a request saved before serials were required: two boards found, no serial named.
    app.sqlite
      .prepare(`UPDATE stock_adjustments SET kind = 'adjust', quantity = 2, serial = NULL WHERE id = ?`)
      .run(request!.id)

    const counts = tableCounts(app)
    expect(
      await callError(app, 'parts.decideAdjustment', { id: request!.id, approve: true }, staff.manager.token)
    ).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.adjustmentNeedsSerial',
      details: { partNumber: board.partNumber }
    })
    expect(tableCounts(app)).toEqual(counts)
    // Rejecting it is what the message asks for, and still works.
    expect(
      await callOk(app, 'parts.decideAdjustment', { id: request!.id, approve: false }, staff.manager.token)
    ).toMatchObject({ status: 'rejected' })
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 1 })
  })

  it('several units found are scanned into one adjustment: one unit per serial, all in one transaction', async () => {
    const { app, staff } = shop()
    const manager = staff.manager.token
    const board = await newPart(app, manager, { serialTracked: true })
    await callOk(
      app,
      'parts.receive',
      { reference: 'HQ-SN-A3', lines: [{ partId: board.id, quantity: 1, unitCostFen: 30_000, serials: ['MB-C001'] }] },
      manager
    )
    const serialsOnHand = async () =>
      (await callOk(app, 'parts.serialsOnHand', { partId: board.id }, manager)).map((row) => row.serial)
    const found = (quantity: number, serials: string[]) =>
      callError(
        app,
        'parts.adjust',
        { partId: board.id, kind: 'adjust', quantity, serials, reason: '抽屉里找到' },
        manager
      )

    // A list refused in any of its serials books none of them.
    const counts = tableCounts(app)
    expect(await found(3, ['MB-C002', 'mb-c002', 'MB-C003'])).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'serials', messageKey: 'validation.serialsRepeated' }] }
    })
    expect(await found(2, ['MB-C002', 'MB-C003', 'MB-C004'])).toMatchObject({
      details: { fields: [{ path: 'quantity', messageKey: 'validation.serialsPerUnit' }] }
    })
    expect(await found(3, ['MB-C002', 'MB-C001', 'MB-C003'])).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.serialAlreadyOnHand',
      details: { serial: 'MB-C001' }
    })
    expect(tableCounts(app)).toEqual(counts)

    const booked = await callOk(
      app,
      'parts.adjust',
      {
        partId: board.id,
        kind: 'adjust',
        quantity: 3,
        serials: ['mb-c004', 'MB-C002', 'MB-C003'],
        reason: '抽屉里找到'
      },
      manager
    )
    expect(booked.map((row) => [row.quantity, row.serial, row.status])).toEqual([
      [1, 'MB-C004', 'posted'],
      [1, 'MB-C002', 'posted'],
      [1, 'MB-C003', 'posted']
    ])
    expect(booked.map((row) => row.valueFen)).toEqual([30_000, 30_000, 30_000])
    // Each unit's audit row names its own serial, not the whole list again.
    const audited = auditRows(app, 'parts.adjust').filter((row) => booked.some((unit) => unit.id === row.entityId))
    const afterOf = (row: { after: unknown }) => row.after as { serial?: string; serials?: string[] }
    expect(audited.map((row) => [afterOf(row).serial, afterOf(row).serials])).toEqual([
      ['MB-C004', undefined],
      ['MB-C002', undefined],
      ['MB-C003', undefined]
    ])
    expect(await serialsOnHand()).toEqual(['MB-C001', 'MB-C002', 'MB-C003', 'MB-C004'])
    expect(await stockOf(app, manager, board.id)).toMatchObject({ onHand: 4, stockValueFen: 120_000 })

    // Two of them leave together the same way, scrapped by their serials.
    const scrapped = await callOk(
      app,
      'parts.adjust',
      { partId: board.id, kind: 'scrap', quantity: 2, serials: ['MB-C001', 'MB-C003'], reason: '进水' },
      manager
    )
    expect(scrapped.map((row) => [row.quantity, row.serial])).toEqual([
      [-1, 'MB-C001'],
      [-1, 'MB-C003']
    ])
    expect(await serialsOnHand()).toEqual(['MB-C002', 'MB-C004'])
    expect(await callOk(app, 'parts.verifyLedger', {}, manager)).toMatchObject({ mismatches: [] })
  })

  it("a clerk's list over the approval threshold as a whole waits for a manager, every unit of it", async () => {
    const { app, staff, adminToken } = shop()
    const clerk = staff.clerk.token
    const board = await newPart(app, clerk, { serialTracked: true })
    await callOk(
      app,
      'parts.receive',
      { reference: 'HQ-SN-A4', lines: [{ partId: board.id, quantity: 1, unitCostFen: 30_000, serials: ['MB-D001'] }] },
      clerk
    )
    // Each unit is under the threshold; the three together are over it.
    await setApprovalThreshold(app, adminToken, 50_000)
    const asked = await callOk(
      app,
      'parts.adjust',
      {
        partId: board.id,
        kind: 'adjust',
        quantity: 3,
        serials: ['MB-D002', 'MB-D003', 'MB-D004'],
        reason: '抽屉里找到'
      },
      clerk
    )
    expect(asked.map((row) => row.status)).toEqual(['pending', 'pending', 'pending'])
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 1 })
    for (const row of asked)
      await callOk(app, 'parts.decideAdjustment', { id: row.id, approve: true }, staff.manager.token)
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 4 })
  })
})
