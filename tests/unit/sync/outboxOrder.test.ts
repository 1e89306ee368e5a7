import { describe, expect, it } from 'vitest'
import type { Customer } from '../../../src-shared/contract/customers'
import { callOk, initializedApp } from '../helpers'

const HOUR = 3_600_000

interface OutboxRow {
  seq: number
  id: string
  at: string
}

/** HQ keeps, of a record's changes, the one with the latest time, ties by change id (docs/hq.md). */
const laterForHq = (a: OutboxRow, b: OutboxRow) => (a.at !== b.at ? a.at > b.at : a.id > b.id)

describe("the outbox's order is the order HQ keeps", () => {
  it('a shop server whose clock was hours ahead and is put right still sends its later changes as later', async () => {
    // The PC's clock runs 8 hours ahead (time zone set wrong), then is corrected.
    const { app, adminToken, clock } = await shopWithMovingClock()
    clock.advance(8 * HOUR)
    const customer = await callOk(
      app,
      'customers.create',
      { name: '张三', mobile: '13800138000', otherPhones: [], address: '', company: '', notes: '', tags: [] },
      adminToken
    )
    clock.advance(-8 * HOUR + 60_000)
    const latest = (await callOk(app, 'customers.get', { id: customer.id }, adminToken)).customer
    await callOk(
      app,
      'customers.update',
      {
        ...customerInput(latest),
        id: customer.id,
        address: '上海市黄浦区南京东路1号',
        expectedUpdatedAt: latest.updatedAt
      },
      adminToken
    )
    const rows = app.sqlite
      .prepare('SELECT seq, id, at FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY seq')
      .all('customer', customer.id) as OutboxRow[]
    expect(rows.length).toBeGreaterThanOrEqual(2)
    // The address change, made last, must be the state HQ keeps.
    for (let i = 1; i < rows.length; i++) expect(laterForHq(rows[i]!, rows[i - 1]!)).toBe(true)
    // Every time stays a real time, in the outbox's order across all records too.
    const all = app.sqlite.prepare('SELECT seq, id, at FROM outbox ORDER BY seq').all() as OutboxRow[]
    for (let i = 1; i < all.length; i++) expect(laterForHq(all[i]!, all[i - 1]!)).toBe(true)
    for (const row of all) expect(new Date(row.at).toISOString()).toBe(row.at)
  })

  it('with a clock that keeps time, a change keeps the time it was made', async () => {
    const { app, adminToken, clock } = await shopWithMovingClock()
    clock.advance(HOUR)
    const customer = await callOk(
      app,
      'customers.create',
      { name: '李四', mobile: '13800138001', otherPhones: [], address: '', company: '', notes: '', tags: [] },
      adminToken
    )
    const row = app.sqlite
      .prepare('SELECT at FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY seq DESC LIMIT 1')
      .get('customer', customer.id) as { at: string }
    expect(row.at).toBe(clock.now().toISOString())
  })
})

/** A shop whose sessions do not lock while its clock is moved by hours. */
async function shopWithMovingClock() {
  const shop = await initializedApp()
  const settings = await callOk(shop.app, 'settings.get', {}, shop.adminToken)
  await callOk(shop.app, 'settings.update', { ...settings, idleLockMinutes: 0 }, shop.adminToken)
  return shop
}

function customerInput(customer: Customer) {
  const { name, mobile, otherPhones, address, company, notes, tags } = customer
  return { name, mobile: mobile ?? undefined, otherPhones, address, company, notes, tags }
}
