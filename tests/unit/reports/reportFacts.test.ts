import { describe, expect, it } from 'vitest'
import { callOk, MINUTE } from '../helpers'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'

const shop = staffedShopPerFile()

interface FactRow {
  status: string
  brand: string
  ready_minutes: number | null
  pickup_minutes: number | null
  labour_fen: number
  came_back: number
  technician_id: string | null
}

const factOf = (id: string) =>
  shop().app.sqlite.prepare('SELECT * FROM report_jobs WHERE work_order_id = ?').get(id) as FactRow | undefined

describe('the report facts follow every change in the same transaction', () => {
  it('a job driven through the counter and bench is measured as it goes', async () => {
    const { app, adminToken, clock, staff } = shop()
    const job = await driveTo(app, adminToken, 'repairing')
    expect(factOf(job.id)).toMatchObject({ status: 'repairing', brand: '华为', ready_minutes: null })

    await callOk(app, 'workOrders.assign', { id: job.id, technicianId: staff.techA.user.id }, adminToken)
    const priced = await callOk(
      app,
      'workOrders.addLabour',
      { id: job.id, description: '更换屏幕', minutes: 30, priceFen: 6_000 },
      adminToken
    )
    expect(factOf(job.id)?.labour_fen).toBe(6_000)
    // Taken off again (the customer would otherwise have to pay before pick-up).
    await callOk(app, 'workOrders.removeLabour', { id: job.id, labourId: priced.labour[0]!.id }, adminToken)
    clock.advance(90 * MINUTE)
    await callOk(app, 'workOrders.transition', { id: job.id, to: 'quality_check', reason: '' }, adminToken)
    await callOk(app, 'workOrders.transition', { id: job.id, to: 'ready_for_pickup', reason: '' }, adminToken)
    clock.advance(60 * MINUTE)
    await callOk(app, 'workOrders.pickup', { id: job.id, claimCode: job.claimCode, confirmed: true }, adminToken)

    expect(factOf(job.id)).toMatchObject({
      status: 'picked_up',
      technician_id: staff.techA.user.id,
      labour_fen: 0,
      ready_minutes: 90,
      pickup_minutes: 150,
      came_back: 0
    })

    await callOk(app, 'workOrders.reopen', { id: job.id, reason: '屏幕又不亮' }, adminToken)
    expect(factOf(job.id)?.came_back).toBe(1)
  })
})
