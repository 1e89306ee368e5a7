import { describe, expect, it } from 'vitest'
import { callError, callOk, testClock } from '../helpers'
import { intake, staffedShopPerFile, uniqueSerial } from './fixtures'

// "Today" is 2026-01-23 in Shanghai; it is already the 23rd there although UTC is still the 22nd.
const clock = testClock('2026-01-22T17:00:00.000Z')
const shop = staffedShopPerFile(clock)

describe('dates that cannot be true are refused with a field error, never stored', () => {
  it('a promise for a day already gone is refused at check-in; today and later are taken', async () => {
    const { app, staff } = shop()
    const desk = staff.frontDesk.token
    const error = await callError(app, 'workOrders.create', intake({ promisedDate: '2026-01-22' }), desk)
    expect(error.details?.fields).toEqual([{ path: 'promisedDate', messageKey: 'validation.dateInPast' }])
    const today = await callOk(app, 'workOrders.create', intake({ promisedDate: '2026-01-23' }), desk)
    expect(today.workOrder.promisedDate).toBe('2026-01-23')
  })

  it('a purchase date after today is refused for a new device at check-in and in the customer file', async () => {
    const { app, staff, adminToken } = shop()
    const desk = staff.frontDesk.token
    const serial = uniqueSerial()
    const future = intake({
      device: { kind: 'new', fields: { brand: '华为', model: 'P70', serial, purchaseDate: '2026-01-24' } }
    })
    const error = await callError(app, 'workOrders.create', future, desk)
    expect(error.details?.fields).toEqual([
      { path: 'device.fields.purchaseDate', messageKey: 'validation.dateInFuture' }
    ])
    // Nothing was kept: the same serial checks in once the date is right.
    const today = intake({
      device: { kind: 'new', fields: { brand: '华为', model: 'P70', serial, purchaseDate: '2026-01-23' } }
    })
    const opened = await callOk(app, 'workOrders.create', today, desk)

    const device = opened.workOrder.device
    const edit = { ...device, customerId: opened.workOrder.customer.id, purchaseDate: '2027-01-23' }
    const { id, brand, model, colour, customerId, purchaseDate } = edit
    const update = { id, brand, model, serial, colour, customerId, purchaseDate }
    const refused = await callError(app, 'devices.update', update, adminToken)
    expect(refused.details?.fields).toEqual([{ path: 'purchaseDate', messageKey: 'validation.dateInFuture' }])
  })
})
