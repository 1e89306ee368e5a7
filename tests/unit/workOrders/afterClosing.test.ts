import { describe, expect, it } from 'vitest'
import { erasePasscodesPastRetention } from '../../../src-main/features/workOrders/passcodeRetention'
import { DEFAULT_PASSCODE_RETENTION_DAYS } from '../../../src-shared/contract/settings'
import { callOk, MINUTE } from '../helpers'
import { driveTo, openOrder, staffedShopPerFile } from './fixtures'

describe('what happens to a job once it is closed, and whose it is', () => {
  const shop = staffedShopPerFile()

  it('the passcode is forgotten once the retention days after the job closed are over, however it ends', async () => {
    const { app, staff } = shop()
    const closed: string[] = []
    for (const status of ['picked_up', 'cancelled', 'returned_unrepaired'] as const) {
      closed.push((await driveTo(app, staff.manager.token, status, { passcode: '1357' })).id)
    }
    const later = new Date(app.clock().getTime() + (DEFAULT_PASSCODE_RETENTION_DAYS + 1) * 24 * 60 * MINUTE)
    expect(await erasePasscodesPastRetention(app.db, later)).toBeGreaterThanOrEqual(closed.length)
    for (const id of closed) {
      const row = app.sqlite.prepare('SELECT status, passcode FROM work_orders WHERE id = ?').get(id) as {
        passcode: string | null
      }
      expect(row).toMatchObject({ passcode: null })
    }
    // An open job keeps it.
    const { id } = await openOrder(app, staff.frontDesk.token, { passcode: { consent: true, value: '8642' } })
    expect((await callOk(app, 'workOrders.get', { id }, staff.manager.token)).passcode).toBe('8642')
  })

  it("another technician's job offers this technician no moves; its own technician gets them", async () => {
    const { app, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token)
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    expect((await callOk(app, 'workOrders.get', { id }, staff.techB.token)).allowedTransitions).toEqual([])
    expect((await callOk(app, 'workOrders.get', { id }, staff.techA.token)).allowedTransitions).toEqual(['diagnosing'])
  })

  it('a comeback belongs to whoever owns the device now, not to the customer of the first repair', async () => {
    const { app, staff } = shop()
    const first = await driveTo(app, staff.manager.token, 'picked_up')
    const buyer = await callOk(
      app,
      'customers.create',
      { name: '二手买家', mobile: '13911112222' },
      staff.frontDesk.token
    )
    const device = first.order.device
    await callOk(
      app,
      'devices.update',
      {
        id: device.id,
        customerId: buyer.id,
        brand: device.brand,
        model: device.model,
        serial: device.serial ?? '',
        colour: device.colour,
        purchaseDate: device.purchaseDate
      },
      staff.frontDesk.token
    )
    const comeback = await callOk(app, 'workOrders.reopen', { id: first.id, reason: '同样故障' }, staff.manager.token)
    expect(comeback.workOrder.customer.id).toBe(buyer.id)
    expect((await callOk(app, 'devices.history', { id: device.id }, staff.manager.token)).map((o) => o.id)).toContain(
      first.id
    )
  })
})
