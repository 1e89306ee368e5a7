import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { SAME_DELIVERY_DAYS } from '../../../src-main/features/parts/receiving'
import { ADMIN, callError, callOk, freshShopPerTest, testClock } from '../helpers'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, stockOf, tableCounts } from './fixtures'

const shop = staffedShopPerFile()
const freshShop = freshShopPerTest()
const DAY = 86_400_000

/** The admin signed in again: the clock has moved past the earlier session's age. */
async function signInAgain(app: AppContext): Promise<string> {
  return (await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).token
}

const delivery = (reference: string, supplier: string, lines: { partId: string; quantity: number }[]) => ({
  reference,
  supplier,
  lines: lines.map((line) => ({ ...line, unitCostFen: 1_000 }))
})

describe('a delivery received twice', () => {
  it('is refused the second time, naming when and by whom it was received, and books nothing', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const battery = await newPart(app, staff.clerk.token)
    const lines = [
      { partId: screen.id, quantity: 3 },
      { partId: battery.id, quantity: 2 }
    ]
    await callOk(app, 'parts.receive', delivery('SF-20260123-1', '华强', lines), staff.clerk.token)
    const before = tableCounts(app)

    // The same delivery note scanned again at another desk, typed in lower case this time.
    const error = await callError(app, 'parts.receive', delivery('sf-20260123-1', '华强', lines), staff.manager.token)
    expect(error).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.deliveryAlreadyReceived',
      details: {
        reference: '华强 SF-20260123-1',
        partNumber: screen.partNumber,
        receivedAt: '2026-01-23 10:00',
        receivedBy: staff.clerk.user.displayName,
        fields: [{ path: 'delivery', messageKey: 'errors.deliveryAlreadyReceived' }]
      }
    })
    expect(tableCounts(app)).toEqual(before)
    expect(await stockOf(app, staff.clerk.token, screen.id)).toMatchObject({ onHand: 3 })
    expect(await stockOf(app, staff.clerk.token, battery.id)).toMatchObject({ onHand: 2 })
  })

  it('is refused when any part of it was received under that reference before', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const cable = await newPart(app, staff.clerk.token)
    await callOk(app, 'parts.receive', delivery('DN-77', '', [{ partId: screen.id, quantity: 1 }]), staff.clerk.token)
    const error = await callError(
      app,
      'parts.receive',
      delivery('DN-77', '', [
        { partId: cable.id, quantity: 4 },
        { partId: screen.id, quantity: 1 }
      ]),
      staff.clerk.token
    )
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reference: 'DN-77', partNumber: screen.partNumber } })
    expect(await stockOf(app, staff.clerk.token, cable.id)).toMatchObject({ onHand: 0 })
  })

  it('lets two clerks split one delivery between them, each receiving other parts under its reference', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const cable = await newPart(app, staff.clerk.token)
    await callOk(app, 'parts.receive', delivery('DN-88', '', [{ partId: screen.id, quantity: 1 }]), staff.clerk.token)
    await callOk(app, 'parts.receive', delivery('DN-88', '', [{ partId: cable.id, quantity: 2 }]), staff.manager.token)
    expect(await stockOf(app, staff.clerk.token, cable.id)).toMatchObject({ onHand: 2 })
  })

  it('takes another delivery of the same part under its own note, or the same number from another supplier', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const lines = [{ partId: screen.id, quantity: 1 }]
    await callOk(app, 'parts.receive', delivery('DN-90', '华强', lines), staff.clerk.token)
    await callOk(app, 'parts.receive', delivery('DN-91', '华强', lines), staff.clerk.token)
    // Two suppliers that number their notes alike: both named, and they differ.
    await callOk(app, 'parts.receive', delivery('DN-90', '顺丰配件', lines), staff.clerk.token)
    expect(await stockOf(app, staff.clerk.token, screen.id)).toMatchObject({ onHand: 3 })
  })

  it('is refused when the supplier was typed the first time and left blank the second', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const lines = [{ partId: screen.id, quantity: 2 }]
    await callOk(app, 'parts.receive', delivery('SF1234567890', '华为授权配件中心', lines), staff.clerk.token)
    const before = tableCounts(app)
    const error = await callError(app, 'parts.receive', delivery('sf1234567890', '', lines), staff.manager.token)
    expect(error).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.deliveryAlreadyReceived',
      details: { reference: '华为授权配件中心 SF1234567890', partNumber: screen.partNumber }
    })
    expect(tableCounts(app)).toEqual(before)
    expect(await stockOf(app, staff.clerk.token, screen.id)).toMatchObject({ onHand: 2 })
  })

  it('is refused when the supplier was left blank the first time and typed the second', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const lines = [{ partId: screen.id, quantity: 2 }]
    await callOk(app, 'parts.receive', delivery('SF1234567891', '', lines), staff.clerk.token)
    const before = tableCounts(app)
    const error = await callError(
      app,
      'parts.receive',
      delivery('SF1234567891', '华为授权配件中心', lines),
      staff.clerk.token
    )
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reference: 'SF1234567891' } })
    expect(tableCounts(app)).toEqual(before)
    expect(await stockOf(app, staff.clerk.token, screen.id)).toMatchObject({ onHand: 2 })
  })

  it('reads a note with LIKE wildcards literally: DN_1% is not DN-1 from another supplier', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const lines = [{ partId: screen.id, quantity: 1 }]
    await callOk(app, 'parts.receive', delivery('DN-12', '华强', lines), staff.clerk.token)
    await callOk(app, 'parts.receive', delivery('DN_1%', '', lines), staff.clerk.token)
    expect(await stockOf(app, staff.clerk.token, screen.id)).toMatchObject({ onHand: 2 })
  })

  it('takes a note seen more than two months ago as another delivery: suppliers number their notes again', async () => {
    const clock = testClock()
    const { app, adminToken } = await freshShop(clock)
    const screen = await newPart(app, adminToken)
    const lines = [{ partId: screen.id, quantity: 1 }]
    await callOk(app, 'parts.receive', delivery('补货', '', lines), adminToken)
    clock.advance((SAME_DELIVERY_DAYS - 1) * DAY)
    let token = await signInAgain(app)
    expect((await callError(app, 'parts.receive', delivery('补货', '', lines), token)).messageKey).toBe(
      'errors.deliveryAlreadyReceived'
    )
    clock.advance(2 * DAY)
    token = await signInAgain(app)
    await callOk(app, 'parts.receive', delivery('补货', '', lines), token)
    expect(await stockOf(app, token, screen.id)).toMatchObject({ onHand: 2 })
  })
})

describe('a delivery note that only looks like another', () => {
  it('takes note 8812 after a note PO 8812, with no supplier on either', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const lines = [{ partId: screen.id, quantity: 1 }]
    await callOk(app, 'parts.receive', delivery('PO 8812', '', lines), staff.clerk.token)
    await callOk(app, 'parts.receive', delivery('8812', '', lines), staff.clerk.token)
    expect(await stockOf(app, staff.clerk.token, screen.id)).toMatchObject({ onHand: 2 })
  })

  it('takes note 8812 without a supplier after 华强 sent PO 8812', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const lines = [{ partId: screen.id, quantity: 1 }]
    await callOk(app, 'parts.receive', delivery('PO 8812', '华强', lines), staff.clerk.token)
    await callOk(app, 'parts.receive', delivery('8812', '', lines), staff.clerk.token)
    expect(await stockOf(app, staff.clerk.token, screen.id)).toMatchObject({ onHand: 2 })
  })

  it('takes note DN-5 from 华强 after a note 华强 DN-5 typed without a supplier', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const lines = [{ partId: screen.id, quantity: 1 }]
    await callOk(app, 'parts.receive', delivery('华强 DN-5', '', lines), staff.clerk.token)
    await callOk(app, 'parts.receive', delivery('DN-5', '华强', lines), staff.clerk.token)
    expect(await stockOf(app, staff.clerk.token, screen.id)).toMatchObject({ onHand: 2 })
  })
})

describe('a delivery received before the ledger kept supplier and note apart', () => {
  /** A receipt line as the ledger held it before: supplier and note joined in the reference only. */
  function receivedBefore(app: AppContext, partId: string, reference: string) {
    app.sqlite
      .prepare(
        `INSERT INTO stock_movements (id, part_id, at, kind, quantity, unit_cost_fen, value_fen, balance_after, reference)
         VALUES (?, ?, '2026-01-22T02:00:00.000Z', 'receive', 1, 1000, 1000, 1, ?)`
      )
      .run(`00000000-0000-7000-8000-${String(++older).padStart(12, '0')}`, partId, reference)
  }
  let older = 0

  it('is still found by its joined reference, with the supplier typed or left blank now', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    receivedBefore(app, screen.id, '华强 DN-400')
    const lines = [{ partId: screen.id, quantity: 1 }]
    for (const supplier of ['华强', '']) {
      const error = await callError(app, 'parts.receive', delivery('dn-400', supplier, lines), staff.clerk.token)
      expect(error).toMatchObject({
        code: 'CONFLICT',
        details: { reference: '华强 DN-400', partNumber: screen.partNumber, receivedAt: '2026-01-22 10:00' }
      })
    }
    // Another supplier's note of the same number is another delivery, as it was.
    await callOk(app, 'parts.receive', delivery('DN-400', '顺丰配件', lines), staff.clerk.token)
  })

  it('is still found when it had no supplier and one is typed now', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token)
    receivedBefore(app, screen.id, 'DN-401')
    const error = await callError(
      app,
      'parts.receive',
      delivery('DN-401', '华强', [{ partId: screen.id, quantity: 1 }]),
      staff.clerk.token
    )
    expect(error).toMatchObject({ code: 'CONFLICT', details: { reference: 'DN-401' } })
  })
})

describe('a delivery a job is waiting for', () => {
  it('answers with the open requests it can now satisfy, oldest first; other parts and issued requests are not named', async () => {
    const { app, staff, adminToken } = shop()
    const screen = await newPart(app, staff.clerk.token)
    const cable = await newPart(app, staff.clerk.token)
    const first = await driveTo(app, adminToken, 'repairing')
    const second = await driveTo(app, adminToken, 'repairing')
    const elsewhere = await driveTo(app, adminToken, 'repairing')
    const numberOf = (id: string) =>
      (app.sqlite.prepare('SELECT number FROM work_orders WHERE id = ?').get(id) as { number: string }).number
    await callOk(app, 'workOrderParts.request', { workOrderId: first.id, partId: screen.id, quantity: 1 }, adminToken)
    await callOk(app, 'workOrderParts.request', { workOrderId: second.id, partId: screen.id, quantity: 2 }, adminToken)
    await callOk(
      app,
      'workOrderParts.request',
      { workOrderId: elsewhere.id, partId: cable.id, quantity: 1 },
      adminToken
    )

    const received = await callOk(
      app,
      'parts.receive',
      delivery('DN-300', '', [{ partId: screen.id, quantity: 3 }]),
      staff.clerk.token
    )
    expect(received.waiting).toEqual([
      { workOrderId: first.id, workOrderNumber: numberOf(first.id), partNumber: screen.partNumber, quantity: 1 },
      { workOrderId: second.id, workOrderNumber: numberOf(second.id), partNumber: screen.partNumber, quantity: 2 }
    ])

    await callOk(
      app,
      'workOrderParts.issue',
      { workOrderId: first.id, partId: screen.id, quantity: 1 },
      staff.clerk.token
    )
    const again = await callOk(
      app,
      'parts.receive',
      delivery('DN-301', '', [{ partId: screen.id, quantity: 1 }]),
      staff.clerk.token
    )
    expect(again.waiting.map((request) => request.workOrderId)).toEqual([second.id])
  })
})
