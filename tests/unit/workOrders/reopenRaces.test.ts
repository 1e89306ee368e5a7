import { describe, expect, it } from 'vitest'
import { call, callError, callOk, countRows } from '../helpers'
import { driveTo, staffedShopPerFile } from './fixtures'

describe('reopening a picked-up job', () => {
  const shop = staffedShopPerFile()

  it('two reopens at the same moment open one comeback; the other is refused', async () => {
    const { app, adminToken, staff } = shop()
    const old = await driveTo(app, adminToken, 'picked_up')
    const ordersBefore = countRows(app, 'work_orders')

    const results = await Promise.all(
      [staff.manager.token, adminToken].map((token) =>
        call(app, 'workOrders.reopen', { id: old.id, reason: '同一故障复发' }, token)
      )
    )

    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.flatMap((result) => (result.ok ? [] : [result.error.messageKey]))).toEqual([
      'errors.alreadyReopened'
    ])
    expect(countRows(app, 'work_orders')).toBe(ordersBefore + 1)
    const after = await callOk(app, 'workOrders.get', { id: old.id }, adminToken)
    expect(after.reopenedAs).toHaveLength(1)
    expect(after.can.reopen).toBe(false)
  })

  it('a comeback opened by mistake and cancelled lets the job be reopened again', async () => {
    const { app, adminToken, staff } = shop()
    const old = await driveTo(app, adminToken, 'picked_up')
    const first = await callOk(app, 'workOrders.reopen', { id: old.id, reason: '复发' }, staff.manager.token)
    expect(
      await callError(app, 'workOrders.reopen', { id: old.id, reason: '复发' }, staff.manager.token)
    ).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.alreadyReopened',
      details: { number: first.workOrder.number }
    })
    await callOk(
      app,
      'workOrders.transition',
      { id: first.workOrder.id, to: 'cancelled', reason: '误开' },
      staff.manager.token
    )
    expect((await callOk(app, 'workOrders.get', { id: old.id }, adminToken)).can.reopen).toBe(true)
    await callOk(app, 'workOrders.reopen', { id: old.id, reason: '复发' }, staff.manager.token)
  })
})
