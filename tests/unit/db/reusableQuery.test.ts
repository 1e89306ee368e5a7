import { describe, expect, it } from 'vitest'
import { reusableInsert } from '../../../src-main/db/reusableInsert'
import { reusableQuery } from '../../../src-main/db/reusableQuery'
import type { Db } from '../../../src-main/db/connection'
import { freshShopPerTest } from '../helpers'

describe('a query compiled once and run with new values', () => {
  const shop = freshShopPerTest()

  it('binds each run’s values where they go, keeping the values written into the query', async () => {
    const { app } = await shop()
    const insert = app.sqlite.prepare(
      `INSERT INTO code_entries (list, code, label, sort_order, active) VALUES (?, ?, ?, ?, 1)`
    )
    insert.run('fault_cause', 'RQ-1', 'one', 1)
    insert.run('fault_cause', 'RQ-2', 'two', 2)
    insert.run('symptom', 'RQ-1', 'symptom', 1)
    // A constant ('fault_cause') sits between the two slots.
    const codes = reusableQuery(2, (db: Db, from: string, to: string) =>
      db
        .selectFrom('codeEntries')
        .select(['code', 'label'])
        .where('code', '>=', from)
        .where('list', '=', 'fault_cause')
        .where('code', '<=', to)
        .orderBy('code')
    )
    expect(await codes.all(app.db, 'RQ-1', 'RQ-2')).toEqual([
      { code: 'RQ-1', label: 'one' },
      { code: 'RQ-2', label: 'two' }
    ])
    expect(await codes.all(app.db, 'RQ-2', 'RQ-9')).toEqual([{ code: 'RQ-2', label: 'two' }])
    // Inside a transaction too, seeing its own writes.
    await app.db.transaction().execute(async (trx) => {
      insert.run('fault_cause', 'RQ-3', 'three', 3)
      expect(await codes.first(trx, 'RQ-3', 'RQ-3')).toEqual({ code: 'RQ-3', label: 'three' })
    })
  })

  it('writes each row it is given and tells how many rows a compiled update changed', async () => {
    const { app } = await shop()
    const insertCode = reusableInsert('codeEntries', ['list', 'code', 'label', 'sortOrder', 'active'])
    await insertCode(app.db, { list: 'fault_cause', code: 'RI-1', label: 'one', sortOrder: 1, active: 1 })
    await app.db.transaction().execute(async (trx) => {
      await insertCode(trx, { list: 'fault_cause', code: 'RI-2', label: 'two', sortOrder: 2, active: 0 })
    })
    const rows = app.sqlite
      .prepare(`SELECT code, label, sort_order, active FROM code_entries WHERE code LIKE 'RI-%' ORDER BY code`)
      .all()
    expect(rows).toEqual([
      { code: 'RI-1', label: 'one', sort_order: 1, active: 1 },
      { code: 'RI-2', label: 'two', sort_order: 2, active: 0 }
    ])
    const relabel = reusableQuery(2, (db: Db, label: string, code: string) =>
      db.updateTable('codeEntries').set({ label }).where('code', '=', code).where('list', '=', 'fault_cause')
    )
    expect((await relabel.execute(app.db, 'uno', 'RI-1')).numAffectedRows).toBe(1n)
    expect((await relabel.execute(app.db, 'none', 'RI-9')).numAffectedRows).toBe(0n)
    expect(app.sqlite.prepare(`SELECT label FROM code_entries WHERE code = 'RI-1'`).pluck().get()).toBe('uno')
  })
})
