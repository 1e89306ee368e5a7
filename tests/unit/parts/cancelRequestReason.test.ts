import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk } from '../helpers'
import { openOrder, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart } from './fixtures'

const shop = staffedShopPerFile()

/** A job of technician A with one open request for a new part; the request's id. */
async function openRequest(): Promise<{
  app: ReturnType<typeof shop>['app']
  token: string
  workOrderId: string
  requestId: string
}> {
  const { app, staff } = shop()
  const part = await newPart(app, staff.clerk.token)
  const { id } = await openOrder(app, staff.frontDesk.token)
  await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
  const { requests } = await callOk(
    app,
    'workOrderParts.request',
    { workOrderId: id, partId: part.id, quantity: 1 },
    staff.techA.token
  )
  return { app, token: staff.techA.token, workOrderId: id, requestId: requests[0]!.id }
}

const requestRow = (app: ReturnType<typeof shop>['app'], id: string) =>
  app.sqlite.prepare('SELECT status, cancel_reason AS reason FROM work_order_part_requests WHERE id = ?').get(id)

describe('a part request cancelled by hand says why', () => {
  it('keeps the reason, trimmed, on the request and in the audit row', async () => {
    const { app, token, workOrderId, requestId } = await openRequest()
    await callOk(app, 'workOrderParts.cancelRequest', { requestId, reason: '  已有库存替代 ' }, token)
    expect(requestRow(app, requestId)).toEqual({ status: 'cancelled', reason: '已有库存替代' })
    expect(auditRows(app, 'workOrderParts.cancelRequest').at(-1)).toMatchObject({
      entity: 'work_order',
      entityId: workOrderId,
      after: { requestId, reason: '已有库存替代' }
    })
  })

  it('refuses a blank or an over-long reason with the field named, and changes nothing', async () => {
    const { app, token, requestId } = await openRequest()
    const audited = auditRows(app).length
    for (const reason of ['   ', '换'.repeat(101)]) {
      const error = await callError(app, 'workOrderParts.cancelRequest', { requestId, reason }, token)
      expect(error).toMatchObject({ code: 'VALIDATION', details: { fields: [{ path: 'reason' }] } })
    }
    expect(await callError(app, 'workOrderParts.cancelRequest', { requestId }, token)).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'reason' }] }
    })
    expect(requestRow(app, requestId)).toEqual({ status: 'open', reason: '' })
    expect(auditRows(app).length).toBe(audited)
  })

  it('the job’s parts list says who cancelled a request and why, and that one was withdrawn as the job closed', async () => {
    const { app, staff } = shop()
    const { token, workOrderId, requestId } = await openRequest()
    await callOk(app, 'workOrderParts.cancelRequest', { requestId, reason: '申领错误' }, token)
    const part = await newPart(app, staff.clerk.token)
    await callOk(app, 'workOrderParts.request', { workOrderId, partId: part.id, quantity: 2 }, token)
    await callOk(
      app,
      'workOrders.transition',
      { id: workOrderId, to: 'cancelled', reason: '客户放弃维修' },
      staff.frontDesk.token
    )

    const { requests } = await callOk(app, 'workOrderParts.get', { workOrderId }, token)
    expect(requests.map((request) => [request.status, request.cancellation])).toEqual([
      [
        'cancelled',
        { byName: staff.techA.user.displayName, at: expect.any(String), closedWithJob: null, reason: '申领错误' }
      ],
      [
        'cancelled',
        {
          byName: staff.frontDesk.user.displayName,
          at: expect.any(String),
          closedWithJob: 'cancelled',
          reason: '客户放弃维修'
        }
      ]
    ])
  })

  it('an open request has no cancellation', async () => {
    const { app, token, workOrderId } = await openRequest()
    const { requests } = await callOk(app, 'workOrderParts.get', { workOrderId }, token)
    expect(requests.map((request) => [request.status, request.cancellation])).toEqual([['open', null]])
  })
})
