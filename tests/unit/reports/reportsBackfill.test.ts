import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeApp, type InitializedApp } from '../helpers'
import { benchSeededShop, creditAfterPickUp } from './fixtures'
import { REPORT_TABLES, withReportsBackfilled } from '../../bench/reportsBackfill'

/**
 * The reports benchmark seeds with the report triggers off and writes the facts and sums with the
 * migrations' backfill. Over the same rows that must give exactly the tables the triggers give
 * one row at a time, and leave the triggers in place for every change after the seed.
 */
let shop: InitializedApp
const NOW = new Date('2026-06-15T04:00:00.000Z')

beforeAll(async () => {
  // Through the triggers, as every change at the counter writes them.
  shop = await benchSeededShop({ workOrders: 3_000, devices: 1_500, years: 2, now: NOW })
  creditAfterPickUp(shop.app.sqlite)
})
afterAll(async () => {
  await closeApp(shop.app)
})

const snapshot = () =>
  REPORT_TABLES.map((table) =>
    (shop.app.sqlite.prepare(`SELECT * FROM ${table}`).all() as unknown[]).map((row) => JSON.stringify(row)).sort()
  )
const triggerNames = () =>
  shop.app.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all()

describe('seeding with the report triggers off and the backfill after', () => {
  it('gives the tables the triggers gave, and keeps the triggers', () => {
    const kept = snapshot()
    const triggers = triggerNames()
    expect(kept.every((rows) => rows.length > 0)).toBe(true)
    withReportsBackfilled(shop.app.sqlite, () => undefined)
    expect(snapshot()).toEqual(kept)
    expect(triggerNames()).toEqual(triggers)
  })

  it('writes nothing while the rows go in', () => {
    const before = snapshot()
    const sqlite = shop.app.sqlite
    let inside: number[] = []
    withReportsBackfilled(sqlite, () => {
      sqlite.exec(`UPDATE work_order_labour SET price_fen = price_fen + 100`)
      inside = REPORT_TABLES.map(
        (table) => (sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
      )
    })
    // The labour changed under the triggers' absence, yet the backfill counts it.
    expect(inside).toEqual(before.map((rows) => rows.length))
    const labour = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n
    expect(labour('SELECT sum(labour_fen) AS n FROM report_jobs')).toBe(
      labour('SELECT sum(price_fen) AS n FROM work_order_labour')
    )
  })
})
