import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { seedSearchShop, type SearchSeedOptions } from '../../bench/searchSeed'
import { closeApp, initializedApp } from '../helpers'

/**
 * The search benchmark seeds a million rows by setting the search triggers aside and running the
 * FTS5 migrations' backfill afterwards. That is only a fair benchmark if the shop it leaves is the
 * one the triggers would have left: the same index entries, the same customer numbering, and the
 * triggers back in place for every later change.
 */
describe('the search seed filled by the migrations backfill', () => {
  let byTriggers: AppContext
  let byBackfill: AppContext

  const seed = async (via: SearchSeedOptions['via']) => {
    const { app, adminId } = await initializedApp()
    seedSearchShop(app.sqlite, {
      customers: 300,
      workOrders: 450,
      parts: 60,
      now: new Date('2026-01-23T02:00:00.000Z'),
      createdBy: adminId,
      via
    })
    return app
  }

  beforeAll(async () => {
    byTriggers = await seed('triggers')
    byBackfill = await seed('backfill')
  })
  afterAll(async () => {
    await closeApp(byTriggers)
    await closeApp(byBackfill)
  })

  /** Every indexed trigram of an FTS5 table with the row, column and offset it stands at. */
  const indexEntries = (app: AppContext, table: string) => {
    app.sqlite.exec(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp.${table}_entries USING fts5vocab(main, ${table}, instance)`
    )
    return app.sqlite
      .prepare(`SELECT term, doc, col, offset FROM temp.${table}_entries ORDER BY doc, col, offset`)
      .all()
  }

  it.each(['customer_search', 'work_order_search', 'part_search'])('leaves %s as the triggers do', (table) => {
    const entries = indexEntries(byBackfill, table)
    expect(entries.length).toBeGreaterThan(1000)
    expect(entries).toEqual(indexEntries(byTriggers, table))
  })

  it('numbers the customers most recently changed first as the triggers do', () => {
    const numbering = (app: AppContext) =>
      app.sqlite.prepare(`SELECT id, search_seq FROM customers ORDER BY id`).all() as {
        id: string
        search_seq: number | null
      }[]
    const seeded = numbering(byBackfill)
    expect(seeded).toHaveLength(300)
    expect(seeded.every((row) => row.search_seq !== null)).toBe(true)
    expect(seeded).toEqual(numbering(byTriggers))
  })

  it('puts the search triggers back', () => {
    const triggers = (app: AppContext) =>
      app.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all()
    expect(triggers(byBackfill)).toEqual(triggers(byTriggers))
  })
})
