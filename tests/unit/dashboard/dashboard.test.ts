import { describe, expect, it } from 'vitest'
import { ADMIN, callOk, type SignedInUser } from '../helpers'
import { statementsRun } from '../statementsRun'
import { driveTo, openOrder, staffedShopPerFile } from '../workOrders/fixtures'
import { WORKABLE_STATUSES } from '../../../src-shared/domain/dashboard'

const DAY = 24 * 60 * 60_000

/**
 * A shop built so every tile's count is known: a job left in diagnosis eight days ago (stuck),
 * one ready for three days and one ready since today, and one promised for today.
 */
describe('the home dashboard by role', () => {
  const shop = staffedShopPerFile()
  // Sessions end after a day, and these tests move the clock by days: each step signs in anew.
  const signIn = async (username: string, password: string) =>
    (await callOk(shop().app, 'auth.signIn', { username, password })).token
  const tokenOf = (who: SignedInUser) => signIn(who.user.username, who.password)
  const adminToken = () => signIn(ADMIN.username, ADMIN.password)

  it('counts each tile of the front desk, the technician and the manager on a fixture shop', async () => {
    const { app, clock, staff } = shop()
    const firstDay = await adminToken()
    const stuck = await driveTo(app, firstDay, 'diagnosing')
    await callOk(app, 'workOrders.assign', { id: stuck.id, technicianId: staff.techA.user.id }, firstDay)
    clock.advance(5 * DAY)
    const waitingLong = await driveTo(app, await adminToken(), 'ready_for_pickup')
    clock.advance(3 * DAY)
    const readyToday = await driveTo(app, await adminToken(), 'ready_for_pickup')
    const deskToken = await tokenOf(staff.frontDesk)
    const today = (await callOk(app, 'dashboard.get', {}, deskToken)).today
    await openOrder(app, deskToken, { promisedDate: today })

    const desk = await callOk(app, 'dashboard.get', {}, deskToken)
    expect(desk.technician).toBeUndefined()
    expect(desk.manager).toBeUndefined()
    expect(desk.warehouse).toBeUndefined()
    expect(desk.frontDesk).toMatchObject({ readyForPickUp: 2, promisedToday: 1, overdue: 0, intakesToday: 2 })
    expect(desk.frontDesk?.longestWaits.map((wait) => [wait.number, wait.daysWaiting])).toEqual([
      [waitingLong.order.number, 3],
      [readyToday.order.number, 0]
    ])

    const bench = await callOk(app, 'dashboard.get', {}, await tokenOf(staff.techA))
    expect(bench.frontDesk).toBeUndefined()
    expect(bench.technician).toEqual({ myQueue: 1, waitingForParts: 0, myComebacks: 0 })
    const otherBench = await callOk(app, 'dashboard.get', {}, await tokenOf(staff.techB))
    expect(otherBench.technician).toEqual({ myQueue: 0, waitingForParts: 0, myComebacks: 0 })

    const manager = await callOk(app, 'dashboard.get', {}, await tokenOf(staff.manager))
    expect(manager.technician).toBeUndefined()
    expect(manager.frontDesk?.readyForPickUp).toBe(2)
    expect(manager.warehouse).toMatchObject({
      partRequestsWaiting: 0,
      faultyOwed: { upTo30: 0, from31To60: 0, over60: 0 }
    })
    expect(manager.manager).toMatchObject({ stuckJobs: 1, stuckDays: 7, takingsToday: [], takingsTodayFen: 0 })

    const clerk = await callOk(app, 'dashboard.get', {}, await tokenOf(staff.clerk))
    expect(Object.keys(clerk).sort()).toEqual(['today', 'warehouse'])
  })

  it('lists under each queue filter exactly the jobs its tile counts', async () => {
    const { app, clock, staff } = shop()
    const firstDay = await adminToken()
    // Before: a job stuck since eight days ago, and a picked-up one that comes back as techA's.
    const stuck = await driveTo(app, firstDay, 'repairing')
    const earlier = await driveTo(app, firstDay, 'picked_up')
    clock.advance(8 * DAY)
    const admin = await adminToken()
    const today = (await callOk(app, 'dashboard.get', {}, admin)).today
    const { workOrder: back } = await callOk(app, 'workOrders.reopen', { id: earlier.id, reason: '复发' }, admin)
    await callOk(app, 'workOrders.assign', { id: back.id, technicianId: staff.techA.user.id }, admin)
    const promised = await openOrder(app, admin, { promisedDate: today })
    // Promised for today but already waiting for its owner: neither the tile nor the list counts it.
    const ready = await openOrder(app, admin, { promisedDate: today, serviceType: 'warranty_repair' })
    for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'] as const) {
      await callOk(app, 'workOrders.transition', { id: ready.id, to, reason: '' }, admin)
    }
    // TechA's job waiting for parts: counted under waiting for parts, not also as work to do now.
    const waiting = await driveTo(app, admin, 'awaiting_parts')
    await callOk(app, 'workOrders.assign', { id: waiting.id, technicianId: staff.techA.user.id }, admin)
    // TechA's job in the quote stage: the customer's yes leaves it to the technician's start, so it is work to do.
    const quoted = await driveTo(app, admin, 'awaiting_approval')
    await callOk(app, 'workOrders.assign', { id: quoted.id, technicianId: staff.techA.user.id }, admin)
    const listed = async (token: string, filter: Record<string, unknown>) => {
      const page = await callOk(app, 'workOrders.list', filter, token)
      return page.rows.map((row) => row.id).sort()
    }

    const desk = await callOk(app, 'dashboard.get', {}, await tokenOf(staff.frontDesk))
    const byDesk = await listed(await tokenOf(staff.frontDesk), { promisedToday: true })
    expect(byDesk).toHaveLength(desk.frontDesk!.promisedToday)
    expect(byDesk).toContain(promised.id)
    expect(byDesk).not.toContain(ready.id)
    expect(await listed(admin, { overdue: true })).toHaveLength(desk.frontDesk!.overdue)

    const techToken = await tokenOf(staff.techA)
    const bench = await callOk(app, 'dashboard.get', {}, techToken)
    expect(bench.technician?.myComebacks).toBe(1)
    const toDo = await listed(techToken, { mine: true, statuses: WORKABLE_STATUSES })
    expect(toDo).toHaveLength(bench.technician!.myQueue)
    expect(toDo).toContain(back.id)
    expect(toDo).not.toContain(waiting.id)
    expect(toDo).toContain(quoted.id)
    expect(bench.technician?.waitingForParts).toBe(1)
    expect(await listed(techToken, { mine: true, statuses: ['awaiting_parts'] })).toEqual([waiting.id])
    expect(await listed(techToken, { mine: true, comebacks: true })).toEqual([back.id])
    const otherTech = await tokenOf(staff.techB)
    expect(await listed(otherTech, { mine: true, comebacks: true })).toEqual([])

    const manager = await callOk(app, 'dashboard.get', {}, await tokenOf(staff.manager))
    const stuckListed = await listed(await tokenOf(staff.manager), { stuck: true })
    expect(stuckListed).toHaveLength(manager.manager!.stuckJobs)
    expect(stuckListed).toContain(stuck.id)
    expect(stuckListed).not.toContain(back.id)
    expect(stuckListed).not.toContain(promised.id)
  })

  it('answers every tile from an index, never by scanning a whole table', async () => {
    const { app, staff } = shop()
    const token = await tokenOf(staff.manager)
    const statements = await statementsRun(app.sqlite, () => callOk(app, 'dashboard.get', {}, token))
    const tileQueries = statements.filter((source) => /SELECT (COUNT|coalesce|wo\.id|method)/i.test(source))
    expect(tileQueries.length).toBeGreaterThanOrEqual(9)
    for (const source of tileQueries) {
      const parameters = Array.from(source.matchAll(/\?/g), () => '2026-01-01')
      const plan = app.sqlite.prepare(`EXPLAIN QUERY PLAN ${source}`).all(...parameters) as { detail: string }[]
      // A scan is fine only over a partial index that holds just the rows counted.
      const scans = plan.filter(
        (step) => /^SCAN /.test(step.detail) && !/INDEX (parts_low|work_order_part_requests_open)\b/.test(step.detail)
      )
      expect({ source, scans }).toEqual({ source, scans: [] })
    }
  })
})
