import { beforeAll, describe, expect, it } from 'vitest'
import type { Input, WorkOrderSummary } from '../../../src-shared/contract'
import { isOverdue } from '../../../src-shared/domain/workOrderAge'
import { OPEN_STATUSES } from '../../../src-shared/domain/workOrderStatus'
import { callOk, testClock } from '../helpers'
import { openOrder, staffedShopPerFile, type Intake } from './fixtures'

describe('overdue in the domain', () => {
  it('is a passed promised date on a job the shop still owes, not one waiting for the customer', () => {
    expect(isOverdue('repairing', '2026-01-22', '2026-01-23')).toBe(true)
    expect(isOverdue('repairing', '2026-01-23', '2026-01-23')).toBe(false)
    expect(isOverdue('repairing', null, '2026-01-23')).toBe(false)
    expect(isOverdue('ready_for_pickup', '2026-01-01', '2026-01-23')).toBe(false)
    for (const closed of ['picked_up', 'cancelled', 'returned_unrepaired'] as const)
      expect(isOverdue(closed, '2026-01-01', '2026-01-23')).toBe(false)
  })
})

/**
 * One shop, "today" 2026-01-23 in Shanghai, with six orders:
 *   A  taken in on the 21st, received, promised the 22nd (overdue), warranty, 欧阳娜娜
 *   B  taken in at 23:59 on the 22nd, ready for pick-up, promised the 22nd (not overdue: waits for the customer)
 *   C  taken in at 00:01 on the 23rd, diagnosing by technician A, promised today, company Acme
 *   D  the 23rd, repairing by technician B, promised the 20th (overdue)
 *   E  the 23rd, picked up, promised the 20th (closed, so not overdue)
 *   F  the 23rd, cancelled
 * B and C are two minutes apart, on the same UTC date but different shop days.
 */
describe('the work-order list', () => {
  const clock = testClock('2026-01-23T02:00:00.000Z')
  const shop = staffedShopPerFile(clock)
  const orders = {} as Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F', { id: string; number: string; claimCode: string }>
  const setClock = (iso: string) => clock.advance(new Date(iso).getTime() - clock.now().getTime())

  beforeAll(async () => {
    const { app, adminToken, staff } = shop()
    const desk = staff.frontDesk.token
    const take = async (key: keyof typeof orders, at: string, overrides: Partial<Intake>) => {
      setClock(at)
      const { id, claimCode, order } = await openOrder(app, desk, overrides)
      orders[key] = { id, claimCode, number: order.number }
      return id
    }
    const move = (id: string, to: Input<'workOrders.transition'>['to'], token = adminToken) =>
      callOk(app, 'workOrders.transition', { id, to, reason: to === 'cancelled' ? '客户取消' : '' }, token)

    await take('A', '2026-01-21T02:00:00.000Z', {
      serviceType: 'warranty_repair',
      promisedDate: '2026-01-22',
      customer: { kind: 'new', fields: { name: '欧阳娜娜', mobile: '13512345678' } },
      device: { kind: 'new', fields: { brand: 'OPPO', model: 'Find X7', serial: 'ABC-001' } }
    })
    const b = await take('B', '2026-01-22T15:59:00.000Z', {
      serviceType: 'warranty_repair',
      promisedDate: '2026-01-22',
      customer: { kind: 'new', fields: { name: '张三丰', mobile: '13622224444' } },
      device: { kind: 'new', fields: { brand: '华为', model: 'P70', serial: 'XYZ-100' } }
    })
    const c = await take('C', '2026-01-22T16:01:00.000Z', {
      serviceType: 'warranty_repair',
      promisedDate: '2026-01-23',
      customer: { kind: 'new', fields: { name: '李雷', mobile: '13733335555', company: 'Acme 电子' } },
      device: { kind: 'new', fields: { brand: '小米', model: '14', serial: 'MI-777' } }
    })
    const d = await take('D', '2026-01-23T02:00:00.000Z', { serviceType: 'warranty_repair' })
    const e = await take('E', '2026-01-23T02:00:00.000Z', { serviceType: 'warranty_repair' })
    // Check-in refuses a promise already past, so D's and E's promise of the 20th is written
    // straight into the database, as an order whose promise slipped would carry it.
    await app.db.updateTable('workOrders').set({ promisedDate: '2026-01-20' }).where('id', 'in', [d, e]).execute()
    const f = await take('F', '2026-01-23T02:00:00.000Z', { serviceType: 'paid_repair' })

    for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'] as const) await move(b, to)
    await callOk(app, 'workOrders.transition', { id: c, to: 'diagnosing' }, staff.techA.token)
    await callOk(app, 'workOrders.assign', { id: d, technicianId: staff.techB.user.id }, desk)
    await move(d, 'diagnosing', staff.techB.token)
    await move(d, 'repairing', staff.techB.token)
    for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'] as const) await move(e, to)
    await callOk(app, 'workOrders.pickup', { id: e, claimCode: orders.E.claimCode, confirmed: true }, desk)
    await move(f, 'cancelled')
  })

  const keysOf = (rows: WorkOrderSummary[]) => {
    const byId = new Map(Object.entries(orders).map(([key, order]) => [order.id, key]))
    return rows.map((row) => byId.get(row.id) ?? row.number)
  }
  const list = async (query: Input<'workOrders.list'>, token = shop().adminToken) => {
    const page = await callOk(shop().app, 'workOrders.list', query, token)
    return { keys: keysOf(page.rows), total: page.total, rows: page.rows }
  }

  it('with no filter shows every order, newest first', async () => {
    const { keys, total } = await list({})
    expect(total).toBe(6)
    expect(keys.slice(0, 3).sort()).toEqual(['D', 'E', 'F'])
    expect(keys.slice(3)).toEqual(['C', 'B', 'A'])
  })

  it('filters by one or several statuses', async () => {
    expect(await list({ statuses: ['received'] })).toMatchObject({ keys: ['A'], total: 1 })
    const working = await list({ statuses: ['diagnosing', 'repairing'] })
    expect(working.keys.sort()).toEqual(['C', 'D'])
    expect(working.total).toBe(2)
    expect((await list({ statuses: [...OPEN_STATUSES] })).keys.sort()).toEqual(['A', 'B', 'C', 'D'])
  })

  it('shows a technician their own queue, and anyone a chosen technician’s', async () => {
    const { staff } = shop()
    expect(await list({ mine: true }, staff.techA.token)).toMatchObject({ keys: ['C'], total: 1 })
    expect(await list({ mine: true }, staff.techB.token)).toMatchObject({ keys: ['D'], total: 1 })
    expect(await list({ mine: true }, staff.frontDesk.token)).toMatchObject({ keys: [], total: 0 })
    expect(await list({ technicianId: staff.techB.user.id }, staff.frontDesk.token)).toMatchObject({
      keys: ['D'],
      total: 1
    })
    // "mine" is the caller's own, whichever technician is also named.
    expect(await list({ mine: true, technicianId: staff.techB.user.id }, staff.techA.token)).toMatchObject({
      keys: ['C']
    })
  })

  it('overdue means a passed promise on a job still owed: not ready for pick-up, not closed', async () => {
    const overdue = await list({ overdue: true })
    expect(overdue.keys.sort()).toEqual(['A', 'D'])
    expect(overdue.total).toBe(2)
    const all = await list({})
    const flagged = all.rows.filter((row) => row.overdue)
    expect(keysOf(flagged).sort()).toEqual(['A', 'D'])
    const byKey = Object.fromEntries(all.rows.map((row) => [keysOf([row])[0], row]))
    expect(byKey.A!.agingDays).toBe(2)
    expect(byKey.B!.agingDays).toBe(1)
    expect(byKey.C!.agingDays).toBe(0)
  })

  it('filters by intake date on the shop’s calendar days, inclusive', async () => {
    expect((await list({ fromDate: '2026-01-22', toDate: '2026-01-22' })).keys).toEqual(['B'])
    expect((await list({ fromDate: '2026-01-23' })).keys.sort()).toEqual(['C', 'D', 'E', 'F'])
    expect((await list({ toDate: '2026-01-21' })).keys).toEqual(['A'])
    expect(await list({ fromDate: '2026-01-21', toDate: '2026-01-22' })).toMatchObject({ keys: ['B', 'A'], total: 2 })
    expect((await list({ fromDate: '2026-01-24' })).total).toBe(0)
  })

  it('filters by service type, combined with other filters', async () => {
    expect((await list({ serviceType: 'paid_repair' })).keys).toEqual(['F'])
    expect((await list({ serviceType: 'warranty_repair', overdue: true })).keys.sort()).toEqual(['A', 'D'])
    expect((await list({ statuses: ['received'], fromDate: '2026-01-23' })).total).toBe(0)
  })

  it('searches by number prefix in any case, by customer name, pinyin initials, phone and company, and by any part of a serial', async () => {
    expect((await list({ search: orders.B.number })).keys).toEqual(['B'])
    expect((await list({ search: 'wo-260123' })).keys.sort()).toEqual(['C', 'D', 'E', 'F'])
    expect((await list({ search: 'WO-260121-' })).keys).toEqual(['A'])
    expect((await list({ search: '欧阳' })).keys).toEqual(['A'])
    expect((await list({ search: 'oynn' })).keys).toEqual(['A'])
    expect((await list({ search: '5678' })).keys).toEqual(['A'])
    expect((await list({ search: '136 2222 4444' })).keys).toEqual(['B'])
    expect((await list({ search: 'acme' })).keys).toEqual(['C'])
    expect((await list({ search: 'xyz' })).keys).toEqual(['B'])
    expect((await list({ search: 'xyz-1' })).keys).toEqual(['B'])
    // A serial is found by any part of it, its middle too (from three characters).
    expect((await list({ search: 'YZ-100' })).keys).toEqual(['B'])
  })

  it('finds an order by the last digits of its number; a search of punctuation alone finds nothing', async () => {
    const lastFour = orders.D.number.slice(-4)
    expect((await list({ search: lastFour })).keys).toContain('D')
    expect((await list({ search: String(Number(lastFour)) })).keys).toContain('D')
    expect((await list({ search: '-' })).total).toBe(0)
    expect((await list({ search: '( )' })).total).toBe(0)
  })

  it('finds an order by its claim code', async () => {
    for (const key of ['A', 'D'] as const) {
      const code = orders[key].claimCode
      const { rows } = await list({ search: code })
      expect(keysOf(rows)).toContain(key)
      // Anything else found must be found by its customer's phone containing the same digits.
      for (const row of rows.filter((r) => r.id !== orders[key].id)) expect(row.customerMobile ?? '').toContain(code)
    }
  })

  it('pages on the server with the full total on every page', async () => {
    const seen: string[] = []
    for (const page of [1, 2, 3]) {
      const result = await list({ page, pageSize: 2 })
      expect(result.total).toBe(6)
      expect(result.rows).toHaveLength(2)
      seen.push(...result.keys)
    }
    expect(new Set(seen).size).toBe(6)
    expect(await list({ page: 4, pageSize: 2 })).toMatchObject({ keys: [], total: 6 })
    expect(await list({ statuses: ['received', 'diagnosing', 'repairing'], page: 2, pageSize: 2 })).toMatchObject({
      total: 3
    })
    expect((await list({ statuses: ['received', 'diagnosing', 'repairing'], page: 2, pageSize: 2 })).rows).toHaveLength(
      1
    )
  })

  it('the board counts each open status, and "mine" keeps it to the caller’s jobs', async () => {
    const { app, adminToken, staff } = shop()
    const board = await callOk(app, 'workOrders.board', {}, adminToken)
    expect(board.map((column) => column.status)).toEqual([...OPEN_STATUSES])
    const totals = Object.fromEntries(board.map((column) => [column.status, column.total]))
    expect(totals).toMatchObject({ received: 1, diagnosing: 1, repairing: 1, ready_for_pickup: 1, awaiting_parts: 0 })
    const mine = await callOk(app, 'workOrders.board', { mine: true }, staff.techB.token)
    expect(mine.flatMap((column) => column.cards.map((card) => card.id))).toEqual([orders.D.id])
  })
})
