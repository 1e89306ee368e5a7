import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk } from '../helpers'
import { driveTo, staffedShopPerFile } from './fixtures'

describe('a device that leaves unrepaired is handed over like a repaired one', () => {
  const shop = staffedShopPerFile()

  it('a cancelled job’s device needs the claim code to leave, and the hand-over is recorded', async () => {
    const { app, adminToken, staff } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, 'cancelled')
    const before = await callOk(app, 'workOrders.get', { id }, staff.frontDesk.token)
    expect(before).toMatchObject({ status: 'cancelled', pickedUpAt: null, can: { pickup: true } })

    const wrong = claimCode === '000000' ? '000001' : '000000'
    expect(
      await callError(app, 'workOrders.pickup', { id, claimCode: wrong, confirmed: true }, staff.frontDesk.token)
    ).toMatchObject({ code: 'CLAIM_CODE_MISMATCH' })
    expect((await callOk(app, 'workOrders.get', { id }, staff.frontDesk.token)).pickedUpAt).toBeNull()

    const after = await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)
    // It stays a cancelled job (nothing was repaired); the device has now left the shop.
    expect(after).toMatchObject({ status: 'cancelled', closeReason: '客户不修了', can: { pickup: false } })
    expect(after.pickedUpAt).not.toBeNull()
    expect(after.events.at(-1)).toMatchObject({ kind: 'handed_over', note: 'claim_code' })
    const audit = auditRows(app, 'workOrders.pickup').filter((row) => row.entityId === id)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorId: staff.frontDesk.user.id })

    // Handed over once: a second hand-over is refused.
    expect(
      await callError(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)
    ).toMatchObject({ code: 'INVALID_TRANSITION' })
  })

  it('a job returned unrepaired is handed over with the customer’s phone', async () => {
    const { app, adminToken, staff } = shop()
    const { id, order } = await driveTo(app, adminToken, 'returned_unrepaired')
    expect(order.can.pickup).toBe(true)
    const after = await callOk(
      app,
      'workOrders.pickup',
      { id, claimCode: '', phone: order.customer.mobile!, confirmed: true },
      staff.frontDesk.token
    )
    expect(after).toMatchObject({ status: 'returned_unrepaired', can: { pickup: false } })
    expect(after.pickedUpAt).not.toBeNull()
    expect(after.events.at(-1)).toMatchObject({ kind: 'handed_over', note: 'phone' })
  })
})
