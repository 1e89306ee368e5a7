import { describe, expect, it } from 'vitest'
import { call, callError, callOk, countRows, freshShopPerTest, MINUTE, SHOP, testClock } from '../helpers'
import { intake, uniqueMobile } from './fixtures'

const shop = freshShopPerTest()

describe('work-order numbers', () => {
  it('stay unique when several check-ins are saved at the same moment', async () => {
    const { app, adminToken } = await shop()
    const results = await Promise.all(
      Array.from({ length: 8 }, () => callOk(app, 'workOrders.create', intake(), adminToken))
    )
    const numbers = results.map((result) => result.workOrder.number)
    expect(new Set(numbers).size).toBe(8)
    expect([...numbers].sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `WO-260123-${String(i + 1).padStart(4, '0')}`)
    )
    for (const { claimCode } of results) expect(claimCode).toMatch(/^\d{6}$/)
    expect(countRows(app, 'work_orders')).toBe(8)

    // And the next one carries on after them.
    expect((await callOk(app, 'workOrders.create', intake(), adminToken)).workOrder.number).toBe('WO-260123-0009')
  })

  it('two desks checking in the same new customer at once make one customer, not two', async () => {
    const { app, adminToken } = await shop()
    const mobile = uniqueMobile()
    const sameCustomer = () => intake({ customer: { kind: 'new', fields: { name: '张三丰', mobile } } })
    const results = await Promise.all([
      call(app, 'workOrders.create', sameCustomer(), adminToken),
      call(app, 'workOrders.create', sameCustomer(), adminToken)
    ])
    const succeeded = results.filter((result) => result.ok)
    const failed = results.flatMap((result) => (result.ok ? [] : [result.error]))
    expect(succeeded).toHaveLength(1)
    expect(failed).toEqual([expect.objectContaining({ code: 'CONFLICT', messageKey: 'errors.duplicateMobile' })])
    expect(countRows(app, 'customers')).toBe(1)
    expect(countRows(app, 'work_orders')).toBe(1)
  })

  it('follow the shop’s calendar day, not UTC, and restart each day', async () => {
    // 23:59 in Shanghai on the 23rd, while UTC is still at 15:59 on the same date.
    const clock = testClock('2026-01-23T15:59:00.000Z')
    const { app, adminToken } = await shop(clock)
    const first = await callOk(app, 'workOrders.create', intake(), adminToken)
    expect(first.workOrder.number).toBe('WO-260123-0001')

    // Two minutes later it is the 24th in the shop (UTC still says the 23rd).
    clock.advance(2 * MINUTE)
    const second = await callOk(app, 'workOrders.create', intake(), adminToken)
    expect(second.workOrder.number).toBe('WO-260124-0001')

    // A shop that keeps New York time is still on the morning of the 23rd.
    const settings = await callOk(app, 'settings.get', {}, adminToken)
    await callOk(
      app,
      'settings.update',
      { ...settings, profile: { ...SHOP, timeZone: 'America/New_York' } },
      adminToken
    )
    const third = await callOk(app, 'workOrders.create', intake(), adminToken)
    expect(third.workOrder.number).toBe('WO-260123-0002')

    // The number opens the order, typed in any case.
    const found = await callOk(app, 'workOrders.get', { number: second.workOrder.number.toLowerCase() }, adminToken)
    expect(found.id).toBe(second.workOrder.id)
    expect((await callError(app, 'workOrders.get', { number: 'WO-260124-9999' }, adminToken)).code).toBe('NOT_FOUND')
  })

  it('a refused check-in does not use up a number', async () => {
    const { app, adminToken } = await shop()
    await callOk(app, 'workOrders.create', intake(), adminToken)
    const error = await callError(app, 'workOrders.create', intake({ symptomCode: 'NOPE' }), adminToken)
    expect(error.code).toBe('VALIDATION')
    expect(error.details?.fields).toEqual([{ path: 'symptomCode', messageKey: 'validation.unknownCode' }])
    expect((await callOk(app, 'workOrders.create', intake(), adminToken)).workOrder.number).toBe('WO-260123-0002')
  })
})
