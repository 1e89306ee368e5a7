import { describe, expect, it } from 'vitest'
import { callError, callOk } from '../helpers'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, receive, stockOf } from './fixtures'

const shop = staffedShopPerFile()

describe('a blind count', () => {
  it('hides what the books expect from the counting clerk, server-side, until it is posted; a manager sees it', async () => {
    const { app, staff } = shop()
    const clerk = staff.clerk.token
    const shelf = `BL${Date.now() % 100000}-`
    const part = await newPart(app, clerk, { binLocation: `${shelf}01` })
    await receive(app, clerk, part.id, 7, 1_000)

    const started = await callOk(app, 'stocktakes.start', { scope: { kind: 'bin', prefix: shelf }, blind: true }, clerk)
    expect(started).toMatchObject({ blind: true, expectedHidden: true, varianceValueFen: null })
    expect(started.lines[0]).toMatchObject({ partId: part.id, snapshotQuantity: null, currentQuantity: null })

    const counted = await callOk(
      app,
      'stocktakes.count',
      { id: started.id, partId: part.id, countedQuantity: 5 },
      clerk
    )
    expect(counted).toMatchObject({
      countedQuantity: 5,
      snapshotQuantity: null,
      currentQuantity: null,
      bookQuantityAtCount: null,
      variance: null,
      varianceValueFen: null
    })
    const sheet = await callOk(app, 'stocktakes.get', { id: started.id }, clerk)
    expect(sheet).toMatchObject({ counted: 1, varianceValueFen: null, absoluteVarianceValueFen: null })
    expect(JSON.stringify(sheet.lines)).not.toContain('"currentQuantity":7')
    const listed = (await callOk(app, 'stocktakes.list', {}, clerk)).find((row) => row.id === started.id)
    expect(listed).toMatchObject({ blind: true, varianceValueFen: null, absoluteVarianceValueFen: null })

    // The manager reviewing the count sees the books and the variance.
    const review = await callOk(app, 'stocktakes.get', { id: started.id }, staff.manager.token)
    expect(review).toMatchObject({ expectedHidden: false, varianceValueFen: -2_000 })
    expect(review.lines[0]).toMatchObject({ snapshotQuantity: 7, bookQuantityAtCount: 7, variance: -2 })

    const posted = await callOk(app, 'stocktakes.post', { id: started.id }, staff.manager.token)
    expect(posted.status).toBe('posted')
    expect((await callOk(app, 'stocktakes.get', { id: started.id }, clerk)).lines[0]).toMatchObject({ variance: -2 })
  })

  it('of a serial-tracked part off the books is posted by a manager, who names its serials; the clerk is told so', async () => {
    const { app, staff } = shop()
    const clerk = staff.clerk.token
    const shelf = `BS${Date.now() % 100000}-`
    const board = await newPart(app, clerk, { binLocation: `${shelf}01`, serialTracked: true })
    await callOk(
      app,
      'parts.receive',
      {
        reference: `HQ-${shelf}`,
        lines: [{ partId: board.id, quantity: 2, unitCostFen: 100, serials: ['BS-1', 'BS-2'] }]
      },
      clerk
    )
    const count = await callOk(app, 'stocktakes.start', { scope: { kind: 'bin', prefix: shelf }, blind: true }, clerk)
    await callOk(app, 'stocktakes.count', { id: count.id, partId: board.id, countedQuantity: 1 }, clerk)

    // The clerk is not shown the shortage, so cannot say which serial is gone: not which part
    // either, which would tell the books.
    const refused = await callError(app, 'stocktakes.post', { id: count.id }, clerk)
    expect(refused).toMatchObject({ code: 'APPROVAL_REQUIRED', messageKey: 'errors.blindSerialsNeedManager' })
    expect(JSON.stringify(refused)).not.toContain(board.partNumber)
    expect(await stockOf(app, clerk, board.id)).toMatchObject({ onHand: 2 })

    const posted = await callOk(
      app,
      'stocktakes.post',
      { id: count.id, missingSerials: [{ partId: board.id, serials: ['BS-2'] }] },
      staff.manager.token
    )
    expect(posted.status).toBe('posted')
    expect((await callOk(app, 'parts.serialsOnHand', { partId: board.id }, clerk)).map((row) => row.serial)).toEqual([
      'BS-1'
    ])
  })

  it('an ordinary count still shows the books to the clerk', async () => {
    const { app, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    await receive(app, staff.clerk.token, part.id, 3, 100)
    const range = { kind: 'range' as const, from: part.partNumber, to: part.partNumber }
    const count = await callOk(app, 'stocktakes.start', { scope: range }, staff.clerk.token)
    expect(count).toMatchObject({ blind: false, expectedHidden: false })
    expect(count.lines[0]).toMatchObject({ snapshotQuantity: 3, currentQuantity: 3 })
    await callOk(app, 'stocktakes.cancel', { id: count.id }, staff.clerk.token)
  })
})

describe('a part corrected after it was counted', () => {
  it('is flagged for a recount and the rest of the stocktake posts; the recount then posts too', async () => {
    const { app, staff } = shop()
    const clerk = staff.clerk.token
    const shelf = `RC${Date.now() % 100000}-`
    const moved = await newPart(app, clerk, { binLocation: `${shelf}01` })
    const steady = await newPart(app, clerk, { binLocation: `${shelf}02` })
    await receive(app, clerk, moved.id, 10, 100)
    await receive(app, clerk, steady.id, 6, 100)
    const count = await callOk(app, 'stocktakes.start', { scope: { kind: 'bin', prefix: shelf } }, clerk)
    await callOk(app, 'stocktakes.count', { id: count.id, partId: moved.id, countedQuantity: 8 }, clerk)
    await callOk(app, 'stocktakes.count', { id: count.id, partId: steady.id, countedQuantity: 5 }, clerk)
    // The same shortage found another way and corrected by hand before the count is posted.
    await callOk(
      app,
      'parts.adjust',
      { partId: moved.id, kind: 'adjust', quantity: -2, reason: '发现短少' },
      staff.manager.token
    )

    const partly = await callOk(app, 'stocktakes.post', { id: count.id }, clerk)
    // The steady part posted; the moved one did not, and waits for its recount.
    expect(await stockOf(app, clerk, steady.id)).toMatchObject({ onHand: 5 })
    expect(await stockOf(app, clerk, moved.id)).toMatchObject({ onHand: 8 })
    expect(partly.status).toBe('counting')
    const byPart = new Map(partly.lines.map((line) => [line.partId, line]))
    expect(byPart.get(moved.id)).toMatchObject({ needsRecount: true, posted: false, countedQuantity: null })
    expect(byPart.get(steady.id)).toMatchObject({ needsRecount: false, posted: true, variance: -1 })
    // A posted line is settled: it is not counted again.
    expect(
      await callError(app, 'stocktakes.count', { id: count.id, partId: steady.id, countedQuantity: 6 }, clerk)
    ).toMatchObject({ code: 'READ_ONLY', messageKey: 'errors.stocktakeLinePosted' })

    await callOk(app, 'stocktakes.count', { id: count.id, partId: moved.id, countedQuantity: 7 }, clerk)
    const done = await callOk(app, 'stocktakes.post', { id: count.id }, clerk)
    expect(done.status).toBe('posted')
    expect(await stockOf(app, clerk, moved.id)).toMatchObject({ onHand: 7 })
    expect(await stockOf(app, clerk, steady.id)).toMatchObject({ onHand: 5 })
    expect(done.lines.every((line) => !line.needsRecount)).toBe(true)
    expect(done).toMatchObject({ varianceValueFen: -200 })
    const movements = await callOk(app, 'parts.movements', { partId: steady.id, kind: 'stocktake' }, clerk)
    expect(movements.rows).toHaveLength(1)
    expect(await callOk(app, 'parts.verifyLedger', {}, staff.manager.token)).toMatchObject({ mismatches: [] })
  })
})

describe('a count that what left the shelf since proves short', () => {
  it('is flagged for a recount instead of refusing the whole posting; the other counts post', async () => {
    const { app, staff, adminToken } = shop()
    const clerk = staff.clerk.token
    const shelf = `SH${Date.now() % 100000}-`
    const mislaid = await newPart(app, clerk, { binLocation: `${shelf}01` })
    const steady = await newPart(app, clerk, { binLocation: `${shelf}02` })
    await receive(app, clerk, mislaid.id, 5, 100)
    await receive(app, clerk, steady.id, 6, 100)
    const count = await callOk(app, 'stocktakes.start', { scope: { kind: 'bin', prefix: shelf } }, clerk)
    // None found on the shelf (they were in the wrong bin)...
    await callOk(app, 'stocktakes.count', { id: count.id, partId: mislaid.id, countedQuantity: 0 }, clerk)
    await callOk(app, 'stocktakes.count', { id: count.id, partId: steady.id, countedQuantity: 5 }, clerk)
    // ...yet one is found and issued to a job before the count is posted: the count was short.
    const job = await driveTo(app, adminToken, 'repairing')
    await callOk(app, 'workOrderParts.issue', { workOrderId: job.id, partId: mislaid.id, quantity: 1 }, clerk)

    const partly = await callOk(app, 'stocktakes.post', { id: count.id }, staff.manager.token)
    expect(partly.status).toBe('counting')
    const byPart = new Map(partly.lines.map((line) => [line.partId, line]))
    expect(byPart.get(mislaid.id)).toMatchObject({ needsRecount: true, posted: false, countedQuantity: null })
    expect(byPart.get(steady.id)).toMatchObject({ posted: true, variance: -1 })
    expect(await stockOf(app, clerk, mislaid.id)).toMatchObject({ onHand: 4 })
    expect(await stockOf(app, clerk, steady.id)).toMatchObject({ onHand: 5 })

    await callOk(app, 'stocktakes.count', { id: count.id, partId: mislaid.id, countedQuantity: 4 }, clerk)
    expect(await callOk(app, 'stocktakes.post', { id: count.id }, staff.manager.token)).toMatchObject({
      status: 'posted'
    })
    expect(await callOk(app, 'parts.verifyLedger', {}, staff.manager.token)).toMatchObject({ mismatches: [] })
  })
})
