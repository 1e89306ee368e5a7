import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { closeApp, type InitializedApp } from '../helpers'
import { benchSeededShop, creditAfterPickUp, rejectAfterPickUp } from './fixtures'
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
  // The seed bills no part lines: the claimed jobs' parts billed to the brand, as the checkout
  // bills them before any part comes back; some claims rejected weeks after the pick-up.
  shop.app.sqlite.exec(`
    INSERT INTO invoice_lines (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen,
        amount_fen, payer)
      SELECT 'brand-' || wp.id, c.invoice_id, 0, 'part', wp.id, '', wp.quantity - wp.returned_quantity,
        wp.unit_price_fen, wp.unit_price_fen * (wp.quantity - wp.returned_quantity), 'brand'
      FROM warranty_claims c JOIN work_order_parts wp ON wp.work_order_id = c.work_order_id
      WHERE wp.returned_quantity < wp.quantity AND NOT EXISTS (SELECT 1 FROM invoice_lines il WHERE il.source_id = wp.id)
  `)
  creditAfterPickUp(shop.app.sqlite)
  rejectAfterPickUp(shop.app.sqlite)
})
afterAll(async () => {
  await closeApp(shop.app)
})

/** A sum a correction left at nothing (a claim's old status): the backfill never writes one. */
const sumsToNothing = (table: string, row: Record<string, unknown>) =>
  /_(months|days|slices)$/.test(table) && Object.values(row).every((value) => typeof value !== 'number' || value === 0)
const snapshot = () =>
  REPORT_TABLES.map((table) =>
    (shop.app.sqlite.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[])
      .filter((row) => !sumsToNothing(table, row))
      .map((row) => JSON.stringify(row))
      .sort()
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
