import { describe, expect, it } from 'vitest'
import { call, callError, callOk, countRows, freshShopPerTest, testClock } from '../helpers'

const freshShop = freshShopPerTest()
/** A new customer with a long address, so that a few fill a page. */
const walkIn = (i: number) => ({
  name: `客户${i}`,
  mobile: `1380000${String(i).padStart(4, '0')}`,
  address: '天河路 '.repeat(40)
})

describe('a write the disk or the database file refuses', () => {
  it('a full disk is named as such, and nothing is written; once there is room the same save goes through', async () => {
    const { app, adminToken } = await freshShop(testClock())
    const { page_count: pages } = app.sqlite.prepare('PRAGMA page_count').get() as { page_count: number }
    // The file may not grow by a single page: what SQLite meets on a full disk. SQLite rolls such
    // a transaction back itself; the error must still be the disk's, not the failed ROLLBACK's.
    app.sqlite.pragma(`max_page_count = ${pages}`)
    // The file's free pages take a few customers first.
    let saved = 0
    let result = await call(app, 'customers.create', walkIn(0), adminToken)
    while (result.ok && saved < 100) result = await call(app, 'customers.create', walkIn(++saved), adminToken)
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.diskFull' } })
    expect(countRows(app, 'customers')).toBe(saved)

    app.sqlite.pragma('max_page_count = 1073741823')
    await callOk(app, 'customers.create', walkIn(saved), adminToken)
    expect(countRows(app, 'customers')).toBe(saved + 1)
  })

  it('a database file that has become read-only is named as such', async () => {
    const { app, adminToken } = await freshShop(testClock())
    app.sqlite.pragma('query_only = 1')
    const refused = await callError(app, 'customers.create', walkIn(0), adminToken)
    expect(refused).toMatchObject({ code: 'INTERNAL', messageKey: 'errors.databaseReadOnly' })
    app.sqlite.pragma('query_only = 0')
    expect(countRows(app, 'customers')).toBe(0)
  })
})
