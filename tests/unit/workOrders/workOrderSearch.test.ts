import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { SEARCH_COUNT_CAP } from '../../../src-main/features/search/capped'
import type { Input } from '../../../src-shared/contract'
import { seedSearchShop } from '../../bench/searchSeed'
import { callOk, closeApp, initializedApp } from '../helpers'

/** Work-order search over the FTS5 index: "more than N", newest first, and the index kept in step. */
describe('work-order search as you type', () => {
  let app: AppContext
  let token: string

  beforeAll(async () => {
    ;({ app, adminToken: token } = await initializedApp())
    const admin = app.sqlite.prepare(`SELECT id FROM users LIMIT 1`).get() as { id: string }
    seedSearchShop(app.sqlite, {
      customers: 600,
      workOrders: SEARCH_COUNT_CAP + 200,
      parts: 0,
      now: new Date('2026-01-23T02:00:00.000Z'),
      createdBy: admin.id
    })
  })
  afterAll(async () => {
    await closeApp(app)
  })

  const list = (query: Input<'workOrders.list'>) => callOk(app, 'workOrders.list', { pageSize: 20, ...query }, token)
  const newestNumbers = (where = '1 = 1', limit = 20) =>
    (
      app.sqlite
        .prepare(`SELECT number FROM work_orders WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ${limit}`)
        .all() as { number: string }[]
    ).map((row) => row.number)

  const setSerial = async (orderSerial: string, serial: string) => {
    const device = app.sqlite.prepare(`SELECT * FROM devices WHERE serial = ?`).get(orderSerial) as {
      id: string
      customer_id: string
      brand: string
      model: string
    }
    await callOk(
      app,
      'devices.update',
      { id: device.id, customerId: device.customer_id, brand: device.brand, model: device.model, serial },
      token
    )
  }

  it('answers a search matching more than the cap with "more than N" and the newest orders first', async () => {
    const page = await list({ search: 'wo-' })
    expect(page).toMatchObject({ total: SEARCH_COUNT_CAP, more: true })
    expect(page.rows.map((row) => row.number)).toEqual(newestNumbers())
    const third = await list({ search: 'WO-', page: 3 })
    expect(third.rows.map((row) => row.number)).toEqual(newestNumbers('1 = 1', 60).slice(40))
  })

  it('counts exactly, without "more", what the filters narrow to the cap or fewer', async () => {
    const received = await list({ search: 'wo-', statuses: ['received'] })
    const { n } = app.sqlite.prepare(`SELECT count(*) AS n FROM work_orders WHERE status = 'received'`).get() as {
      n: number
    }
    expect(received.total).toBe(n)
    expect(received.more).toBeUndefined()
    expect(received.rows.map((row) => row.number)).toEqual(newestNumbers(`status = 'received'`))
  })

  it('the plain list, unfiltered, stops counting at the cap too', async () => {
    expect(await list({})).toMatchObject({ total: SEARCH_COUNT_CAP, more: true })
  })

  it('finds an order by its customer’s new name and its device’s corrected serial, not the old ones', async () => {
    const order = (await list({ search: 'wo-' })).rows[5]!
    const customer = await callOk(app, 'customers.get', { id: order.customerId }, token)
    const { id, mobile, otherPhones, address, company, notes, tags } = customer.customer
    await callOk(
      app,
      'customers.update',
      { id, name: '欧阳改名', mobile: mobile ?? undefined, otherPhones, address, company, notes, tags },
      token
    )
    expect((await list({ search: '欧阳改名' })).rows.map((row) => row.id)).toContain(order.id)
    expect((await list({ search: 'oygm' })).rows.map((row) => row.id)).toContain(order.id)
    await setSerial(order.serial!, 'NEWSN-0001')
    expect((await list({ search: 'newsn' })).rows.map((row) => row.id)).toEqual([order.id])
    expect((await list({ search: order.serial! })).total).toBe(0)
  })

  it('finds an order by any part of its number or serial from three characters', async () => {
    const order = (await list({ search: 'wo-' })).rows[7]!
    expect((await list({ search: order.number.slice(3) })).rows.map((row) => row.id)).toContain(order.id)
    expect((await list({ search: order.serial!.slice(2) })).rows.map((row) => row.id)).toContain(order.id)
  })

  it('ranks the number or serial typed exactly first, then those starting with it, then those containing it', async () => {
    const [newest, middle, oldest] = [1, 30, 50]
    const rows = (await list({ search: 'wo-', pageSize: 60 })).rows
    await setSerial(rows[newest]!.serial!, 'XRK-55')
    await setSerial(rows[middle]!.serial!, 'RK-5599')
    await setSerial(rows[oldest]!.serial!, 'RK-55')
    const found = await list({ search: 'rk-55' })
    // Exact (the oldest), then starts with, then contains (the newest): rank before age.
    expect(found.rows.map((row) => row.id)).toEqual([rows[oldest]!.id, rows[middle]!.id, rows[newest]!.id])
    expect(found.total).toBe(3)
  })

  it('ranks a number typed exactly in lower case first', async () => {
    const order = (await list({ search: 'wo-', pageSize: 60 })).rows[44]!
    const found = await list({ search: order.number.toLowerCase() })
    expect(found.rows[0]!.id).toBe(order.id)
  })

  it('ranks an exact serial first on a search of more than the cap, the rest newest first', async () => {
    const before = (await list({ search: 'wo-', pageSize: 100 })).rows
    const old = before[90]!
    await setSerial(old.serial!, 'WO-')
    const page = await list({ search: 'wo-' })
    expect(page).toMatchObject({ total: SEARCH_COUNT_CAP, more: true })
    expect(page.rows[0]!.id).toBe(old.id)
    expect(page.rows.slice(1).map((row) => row.number)).toEqual(
      newestNumbers()
        .filter((number) => number !== old.number)
        .slice(0, 19)
    )
  })
})
