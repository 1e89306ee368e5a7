import { describe, expect, it } from 'vitest'
import { callOk } from '../helpers'
import { openOrder, staffedShopPerFile } from '../workOrders/fixtures'

const shop = staffedShopPerFile()

describe('the audit log filtered by who made the change', () => {
  it('offers everyone the log names, each once by name, and lists only the chosen person’s rows', async () => {
    const { app, adminToken, staff } = shop()
    const job = await openOrder(app, staff.frontDesk.token)
    await callOk(app, 'workOrders.assign', { id: job.id, technicianId: staff.techA.user.id }, staff.manager.token)
    await callOk(app, 'workOrders.transition', { id: job.id, to: 'diagnosing' }, staff.techA.token)

    const named = app.sqlite
      .prepare(
        `SELECT DISTINCT u.id, u.display_name AS displayName FROM audit_log a JOIN users u ON u.id = a.actor_id
         ORDER BY u.display_name, u.id`
      )
      .all()
    const actors = await callOk(app, 'audit.actors', {}, adminToken)
    expect(actors).toEqual(named)
    expect(actors.map((actor) => actor.id)).toEqual(
      expect.arrayContaining([staff.frontDesk.user.id, staff.manager.user.id, staff.techA.user.id])
    )

    const technicianRows = app.sqlite
      .prepare('SELECT id FROM audit_log WHERE actor_id = ? ORDER BY at DESC, id DESC')
      .all(staff.techA.user.id) as { id: string }[]
    expect(technicianRows.length).toBeGreaterThan(0)
    const page = await callOk(app, 'audit.list', { actorId: staff.techA.user.id, pageSize: 50 }, adminToken)
    expect(page.rows.map((row) => row.id)).toEqual(technicianRows.map((row) => row.id))
    expect(new Set(page.rows.map((row) => row.actorName))).toEqual(new Set([staff.techA.user.displayName]))
    expect(page.total).toBe(technicianRows.length)

    // With the record too: that person's changes to that job.
    const onTheJob = await callOk(
      app,
      'audit.list',
      { actorId: staff.manager.user.id, record: job.order.number, pageSize: 50 },
      adminToken
    )
    expect(onTheJob.rows.map((row) => row.action)).toEqual(['workOrders.assign'])
  })
})
