import { describe, expect, it } from 'vitest'
import { callError, callOk, countRows, freshShopPerTest } from '../helpers'
import { driveTo, intake } from './fixtures'

const shop = freshShopPerTest()

/** The same device booked in again, by the customer who brought it or by someone else. */
const againFor = (deviceId: string, customer = intake().customer) =>
  intake({ customer, device: { kind: 'existing', id: deviceId } })

describe('a device is on one open job at a time', () => {
  it('a check-in of a device whose job is ready for pick-up is refused, naming that job, and writes nothing', async () => {
    const { app, adminToken } = await shop()
    const { order } = await driveTo(app, adminToken, 'ready_for_pickup')
    const ordersBefore = countRows(app, 'work_orders')
    const auditBefore = countRows(app, 'audit_log')

    const error = await callError(app, 'workOrders.create', againFor(order.device.id), adminToken)

    expect(error).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.deviceOnOpenJob',
      details: { number: order.number, workOrderId: order.id, status: 'ready_for_pickup' }
    })
    expect(countRows(app, 'work_orders')).toBe(ordersBefore)
    // Not even the new customer typed in for it is kept.
    expect(countRows(app, 'audit_log')).toBe(auditBefore)
  })

  it('the counter is told of the open job as soon as the device is known, and of none once it is picked up', async () => {
    const { app, adminToken } = await shop()
    const { order, claimCode } = await driveTo(app, adminToken, 'ready_for_pickup')
    const device = { deviceId: order.device.id }

    expect(await callOk(app, 'workOrders.openJobOfDevice', device, adminToken)).toEqual({
      workOrderId: order.id,
      number: order.number,
      status: 'ready_for_pickup'
    })
    await callOk(app, 'workOrders.pickup', { id: order.id, claimCode, confirmed: true }, adminToken)
    expect(await callOk(app, 'workOrders.openJobOfDevice', device, adminToken)).toBeNull()

    const next = await callOk(app, 'workOrders.create', againFor(order.device.id), adminToken)
    expect(next.workOrder.device.id).toBe(order.device.id)
  })

  it('a device whose job was cancelled may be booked in again at once', async () => {
    const { app, adminToken } = await shop()
    const { order } = await driveTo(app, adminToken, 'cancelled')
    const customer = { kind: 'existing' as const, id: order.customer.id }

    const next = await callOk(app, 'workOrders.create', againFor(order.device.id, customer), adminToken)

    expect(next.workOrder.status).toBe('received')
  })

  it('another device of the same customer is not held up by the first one being in the shop', async () => {
    const { app, adminToken } = await shop()
    const { order } = await driveTo(app, adminToken, 'repairing')
    const customer = { kind: 'existing' as const, id: order.customer.id }

    const second = await callOk(app, 'workOrders.create', intake({ customer }), adminToken)

    expect(second.workOrder.device.id).not.toBe(order.device.id)
  })
})
