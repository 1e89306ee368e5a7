import { describe, expect, it } from 'vitest'
import { callOk } from '../helpers'
import { openOrder, staffedShopPerFile } from '../workOrders/fixtures'

const shop = staffedShopPerFile()

describe('the audit log names its records', () => {
  it('gives a work order’s entries its number, and none to a record without one', async () => {
    const { app, adminToken } = shop()
    const opened = await openOrder(app, adminToken)
    const log = await callOk(app, 'audit.list', { pageSize: 200 }, adminToken)
    const ofOrder = log.rows.filter((entry) => entry.entity === 'work_order' && entry.entityId === opened.id)
    expect(ofOrder.length).toBeGreaterThan(0)
    for (const entry of ofOrder) expect(entry.entityNumber).toBe(opened.order.number)
    const ofUser = log.rows.filter((entry) => entry.entity === 'user')
    expect(ofUser.length).toBeGreaterThan(0)
    for (const entry of ofUser) expect(entry.entityNumber).toBeNull()
  })
})
