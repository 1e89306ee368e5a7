import { afterEach, describe, expect, it, vi } from 'vitest'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import { createKysely } from '../../../src-main/db/connection'
import { cachingStatements } from '../../../src-main/db/statementCache'
import { callOk, freshShopPerTest, testClock } from '../helpers'

describe('prepared statements are reused under Kysely', () => {
  const shop = freshShopPerTest()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('a repeated warranty lookup prepares no statement again', async () => {
    const { app, adminToken } = await shop(testClock('2026-01-20T02:00:00.000Z'))
    await callOk(
      app,
      'warranty.register',
      {
        serial: 'SN-CACHE-1',
        brand: '华为',
        model: 'Mate 60 Pro',
        categoryKey: 'mobile_phone',
        cardNumber: 'CARD-CACHE-1',
        purchaseDate: '2026-01-10',
        invoiceNumber: 'INV-1',
        dealer: '',
        buyerName: '',
        buyerPhone: ''
      },
      adminToken
    )
    const first = await callOk(app, 'warranty.lookup', { query: 'SN-CACHE-1' }, adminToken)
    const prepare = vi.spyOn(app.sqlite, 'prepare')
    const again = await callOk(app, 'warranty.lookup', { query: 'SN-CACHE-1' }, adminToken)
    expect(again).toEqual(first)
    expect(prepare).not.toHaveBeenCalled()
  })

  it('a cached statement inside a rolled-back transaction leaves nothing behind, and runs again after it', async () => {
    const sqlite = new BetterSqlite3(':memory:')
    const db = createKysely(sqlite)
    await sql`create table notes (id integer primary key, text text not null)`.execute(db)
    const insert = (text: string) =>
      db
        .insertInto('notes' as never)
        .values({ text } as never)
        .execute()
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('notes' as never)
          .values({ text: 'kept?' } as never)
          .execute()
        throw new Error('changed my mind')
      })
    ).rejects.toThrow('changed my mind')
    await insert('kept')
    expect(sqlite.prepare('select text from notes').pluck().all()).toEqual(['kept'])
    await db.destroy()
  })

  it('keeps at most its capacity of statements, the least recently used leaving first', () => {
    const sqlite = new BetterSqlite3(':memory:')
    const prepare = vi.spyOn(sqlite, 'prepare')
    const cache = cachingStatements(sqlite, 2)
    cache.prepare('select 1')
    cache.prepare('select 2')
    cache.prepare('select 1')
    cache.prepare('select 3') // "select 2" leaves
    cache.prepare('select 1')
    cache.prepare('select 3')
    expect(prepare).toHaveBeenCalledTimes(3)
    cache.prepare('select 2')
    expect(prepare).toHaveBeenCalledTimes(4)
    cache.close()
    expect(sqlite.open).toBe(false)
  })

  it('a statement still being streamed is not handed out twice', async () => {
    const sqlite = new BetterSqlite3(':memory:')
    const cache = cachingStatements(sqlite)
    const streaming = cache.prepare('select value from json_each(?)')
    const rows = streaming.iterate(['[1,2]'])
    rows.next()
    const meanwhile = cache.prepare('select value from json_each(?)')
    expect(meanwhile).not.toBe(streaming)
    expect(meanwhile.all(['[3]'])).toEqual([{ value: 3 }])
    rows.return?.()
    cache.close()
  })
})
