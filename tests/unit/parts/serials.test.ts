import { describe, expect, it } from 'vitest'
import { callError, callOk } from '../helpers'
import { driveTo, setApprovalThreshold, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, stockOf, tableCounts } from './fixtures'

const shop = staffedShopPerFile()

describe('serials from receipt to issue', () => {
  it('a serial-tracked part is received with its serials, lists those on hand, and issues only one of them', async () => {
    const { app, staff, adminToken } = shop()
    const clerk = staff.clerk.token
    const board = await newPart(app, clerk, { serialTracked: true })
    await callOk(
      app,
      'parts.receive',
      {
        reference: 'HQ-SN-1',
        lines: [{ partId: board.id, quantity: 2, unitCostFen: 50_000, serials: ['mb-0001', 'MB-0002'] }]
      },
      clerk
    )
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 2, stockValueFen: 100_000 })
    expect(await callOk(app, 'parts.serialsOnHand', { partId: board.id }, clerk)).toMatchObject([
      { serial: 'MB-0001', reference: 'HQ-SN-1' },
      { serial: 'MB-0002', reference: 'HQ-SN-1' }
    ])

    const job = await driveTo(app, adminToken, 'repairing')
    // A serial the shop never received is refused, and nothing leaves.
    expect(
      await callError(
        app,
        'workOrderParts.issue',
        { workOrderId: job.id, partId: board.id, quantity: 1, serial: 'MB-9999' },
        clerk
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.serialNotOnHand', details: { serial: 'MB-9999' } })
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 2 })

    const issued = await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: job.id, partId: board.id, quantity: 1, serial: 'mb-0001' },
      clerk
    )
    expect(issued.line).toMatchObject({ serial: 'MB-0001' })
    expect((await callOk(app, 'parts.serialsOnHand', { partId: board.id }, clerk)).map((row) => row.serial)).toEqual([
      'MB-0002'
    ])
    // Returned unused, it is on hand again.
    await callOk(app, 'workOrderParts.return', { lineId: issued.line.id, quantity: 1 }, clerk)
    expect((await callOk(app, 'parts.serialsOnHand', { partId: board.id }, clerk)).map((row) => row.serial)).toEqual([
      'MB-0001',
      'MB-0002'
    ])
  })

  it('a receipt of a serial-tracked part must name one serial per unit, each new to the shelf', async () => {
    const { app, staff } = shop()
    const clerk = staff.clerk.token
    const board = await newPart(app, clerk, { serialTracked: true })
    const plain = await newPart(app, clerk)
    const receive = (lines: unknown[]) => callError(app, 'parts.receive', { reference: 'HQ-SN-2', lines }, clerk)

    expect(await receive([{ partId: board.id, quantity: 2, unitCostFen: 100, serials: ['MB-1'] }])).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'lines.0.serials', messageKey: 'validation.serialsPerUnit' }] }
    })
    expect(
      await receive([{ partId: board.id, quantity: 2, unitCostFen: 100, serials: ['MB-1', 'mb-1'] }])
    ).toMatchObject({ details: { fields: [{ path: 'lines.0.serials', messageKey: 'validation.serialsRepeated' }] } })
    expect(
      await receive([
        { partId: plain.id, quantity: 1, unitCostFen: 100 },
        { partId: plain.id, quantity: 1, unitCostFen: 100, serials: ['X-1'] }
      ])
    ).toMatchObject({
      details: { fields: [{ path: 'lines.1.serials', messageKey: 'validation.partNotSerialTracked' }] }
    })
    await callOk(
      app,
      'parts.receive',
      { reference: 'HQ-SN-3', lines: [{ partId: board.id, quantity: 1, unitCostFen: 100, serials: ['MB-1'] }] },
      clerk
    )
    expect(await receive([{ partId: board.id, quantity: 1, unitCostFen: 100, serials: ['MB-1'] }])).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.serialAlreadyOnHand',
      details: { serial: 'MB-1' }
    })
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 1 })
    expect(await stockOf(app, clerk, plain.id)).toMatchObject({ onHand: 0 })
  })

  it('a serial out on a job is not received again: it would be on the shelf twice once the job returns it', async () => {
    const { app, staff, adminToken } = shop()
    const clerk = staff.clerk.token
    const board = await newPart(app, clerk, { serialTracked: true })
    const delivery = (reference: string) => ({
      reference,
      lines: [{ partId: board.id, quantity: 1, unitCostFen: 50_000, serials: ['MB-7001'] }]
    })
    await callOk(app, 'parts.receive', delivery('HQ-SN-7'), clerk)
    const job = await driveTo(app, adminToken, 'repairing')
    const issued = await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: job.id, partId: board.id, quantity: 1, serial: 'MB-7001' },
      clerk
    )

    // The board on the bench is scanned into a new delivery by mistake.
    const counts = tableCounts(app)
    expect(await callError(app, 'parts.receive', delivery('HQ-SN-8'), clerk)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.serialAlreadyIssued',
      details: { serial: 'MB-7001', workOrderNumber: job.order.number }
    })
    expect(tableCounts(app)).toEqual(counts)
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 0 })

    // Returned from the job it is on the shelf once, and leaves for one job only.
    await callOk(app, 'workOrderParts.return', { lineId: issued.line.id, quantity: 1 }, clerk)
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 1 })
    expect((await callOk(app, 'parts.serialsOnHand', { partId: board.id }, clerk)).map((row) => row.serial)).toEqual([
      'MB-7001'
    ])
  })

  it('a serial-tracked unit scrapped, sent back or found is booked by its serial, so the serials on hand stay true', async () => {
    const { app, staff, adminToken } = shop()
    const clerk = staff.clerk.token
    const board = await newPart(app, clerk, { serialTracked: true })
    await callOk(
      app,
      'parts.receive',
      {
        reference: 'HQ-SN-9',
        lines: [{ partId: board.id, quantity: 2, unitCostFen: 30_000, serials: ['MB-9001', 'MB-9002'] }]
      },
      clerk
    )
    const serialsOnHand = async () =>
      (await callOk(app, 'parts.serialsOnHand', { partId: board.id }, clerk)).map((row) => row.serial)

    // Without its serial the shop could not tell which board left: the list would keep both.
    const counts = tableCounts(app)
    expect(
      await callError(app, 'parts.adjust', { partId: board.id, kind: 'scrap', quantity: 1, reason: '跌落' }, clerk)
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'serial', messageKey: 'validation.serialRequired' }] }
    })
    expect(
      await callError(
        app,
        'parts.adjust',
        { partId: board.id, kind: 'scrap', quantity: 2, serial: 'MB-9001', reason: '跌落' },
        clerk
      )
    ).toMatchObject({ details: { fields: [{ path: 'quantity', messageKey: 'validation.oneSerialOneUnit' }] } })
    expect(
      await callError(
        app,
        'parts.adjust',
        { partId: board.id, kind: 'scrap', quantity: 1, serial: 'MB-0000', reason: '跌落' },
        clerk
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.serialNotOnHand' })
    expect(tableCounts(app)).toEqual(counts)

    const [scrapped] = await callOk(
      app,
      'parts.adjust',
      { partId: board.id, kind: 'scrap', quantity: 1, serial: 'mb-9001', reason: '跌落' },
      clerk
    )
    expect(scrapped).toMatchObject({ status: 'posted', serial: 'MB-9001' })
    expect(await serialsOnHand()).toEqual(['MB-9002'])
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 1 })

    // Over the threshold the request keeps its serial until the manager posts it.
    await setApprovalThreshold(app, adminToken, 10_000)
    const [pending] = await callOk(
      app,
      'parts.adjust',
      { partId: board.id, kind: 'faulty_return', quantity: 1, serial: 'MB-9002', reason: '来货不良' },
      clerk
    )
    expect(pending).toMatchObject({ status: 'pending', serial: 'MB-9002' })
    expect(await serialsOnHand()).toEqual(['MB-9002'])
    await callOk(app, 'parts.decideAdjustment', { id: pending!.id, approve: true }, staff.manager.token)
    expect(await serialsOnHand()).toEqual([])

    // A board found in the drawer comes onto the books with its serial.
    await callOk(
      app,
      'parts.adjust',
      { partId: board.id, kind: 'adjust', quantity: 1, serial: 'MB-9003', reason: '抽屉里找到' },
      staff.manager.token
    )
    expect(await serialsOnHand()).toEqual(['MB-9003'])
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 1 })
    expect(await callOk(app, 'parts.verifyLedger', {}, staff.manager.token)).toMatchObject({ mismatches: [] })
  })
})
