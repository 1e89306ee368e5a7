import { describe, expect, it } from 'vitest'
import { callError, callOk } from '../helpers'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, receive, stockOf } from './fixtures'

const shop = staffedShopPerFile()

/** A warranty job with a returnable part issued, its old part owed and packed with another job's. */
async function jobWithPackedFaultyPart(status: 'diagnosing' | 'repairing') {
  const { app, staff, adminToken } = shop()
  const part = await newPart(app, staff.clerk.token, { returnFaulty: true })
  await receive(app, staff.clerk.token, part.id, 2, 500)
  const job = await driveTo(app, adminToken, status)
  const other = await driveTo(app, adminToken, 'repairing')
  for (const workOrderId of [job.id, other.id]) {
    await callOk(app, 'workOrderParts.issue', { workOrderId, partId: part.id, quantity: 1 }, staff.clerk.token)
  }
  const owed = (await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).filter((item) => item.partId === part.id)
  const batch = await callOk(app, 'faultyParts.pack', { faultyPartIds: owed.map((item) => item.id) }, staff.clerk.token)
  return { app, staff, adminToken, part, job, other, batch }
}

describe('a packed faulty part does not block closing a job unrepaired', () => {
  it('cancelling the job succeeds: its part returns to stock and its old part comes out of the batch', async () => {
    const { app, staff, adminToken, part, job, other, batch } = await jobWithPackedFaultyPart('diagnosing')

    const closed = await callOk(
      app,
      'workOrders.transition',
      { id: job.id, to: 'cancelled', reason: '客户不修了' },
      adminToken
    )
    expect(closed.status).toBe('cancelled')
    expect(await stockOf(app, staff.clerk.token, part.id)).toMatchObject({ onHand: 1 })

    const { batch: corrected, items } = await callOk(app, 'faultyParts.batch', { id: batch.id }, staff.clerk.token)
    expect(items.map((item) => item.workOrderId)).toEqual([other.id])
    expect(corrected).toMatchObject({ status: 'packed', items: 1 })
    expect(
      (await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).some((item) => item.workOrderId === job.id)
    ).toBe(false)
    // HQ sees the corrected batch: its latest synced record lists only what is still in it.
    const synced = app.sqlite
      .prepare(
        "SELECT payload_json FROM outbox WHERE entity = 'faulty_part_return' AND entity_id = ? ORDER BY seq DESC LIMIT 1"
      )
      .get(batch.id) as { payload_json: string }
    const payload = JSON.parse(synced.payload_json) as { items: { workOrderId: string }[] }
    expect(payload.items.map((item) => item.workOrderId)).toEqual([other.id])
  })

  it('a job handed back unrepaired does the same; once the batch is shipped the part has left, and it is refused', async () => {
    const { app, staff, adminToken, job, other, batch } = await jobWithPackedFaultyPart('repairing')
    await callOk(app, 'workOrders.transition', { id: job.id, to: 'returned_unrepaired', reason: '无配件' }, adminToken)
    expect((await callOk(app, 'faultyParts.batch', { id: batch.id }, staff.clerk.token)).items).toHaveLength(1)
    await callOk(
      app,
      'faultyParts.ship',
      { batchId: batch.id, carrier: '顺丰', trackingNumber: 'SF0000000001' },
      staff.clerk.token
    )
    expect(
      await callError(
        app,
        'workOrders.transition',
        { id: other.id, to: 'returned_unrepaired', reason: '无配件' },
        adminToken
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.faultyAlreadyPacked' })
  })
})
