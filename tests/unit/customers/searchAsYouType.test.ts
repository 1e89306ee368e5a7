import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { customerSearchText } from '../../../src-main/features/customers/searchText'
import { SEARCH_COUNT_CAP } from '../../../src-main/features/search/capped'
import { callOk, closeApp, initializedApp, MINUTE, testClock } from '../helpers'

/**
 * Search as you type over the FTS5 index: ranking (an exact word, then a phone's tail, then the
 * most recently changed) and the "more than N" answer when a keystroke matches more than the cap.
 */
describe('customer search as you type', () => {
  const clock = testClock('2026-01-23T02:00:00.000Z')
  let app: AppContext
  let token: string
  const created: Record<string, string> = {}

  /** Customers written straight into the table (the triggers index them), one minute apart. */
  function seedCustomers(count: number, draft: (i: number) => { name: string; mobile: string }) {
    const insert = app.sqlite.prepare(
      `INSERT INTO customers (id, name, mobile, search_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`
    )
    app.sqlite.transaction(() => {
      for (let i = 0; i < count; i++) {
        const { name, mobile } = draft(i)
        const at = new Date(Date.parse('2025-06-01T00:00:00.000Z') + i * MINUTE).toISOString()
        const text = customerSearchText({ name, mobile, otherPhones: [], company: '' })
        insert.run(`01940000-0000-7000-8000-${String(i).padStart(12, '0')}`, name, mobile, text, at, at)
      }
    })()
  }

  beforeAll(async () => {
    ;({ app, adminToken: token } = await initializedApp(clock))
    const create = async (key: string, fields: { name: string; mobile?: string }) => {
      clock.advance(MINUTE)
      created[key] = (await callOk(app, 'customers.create', fields, token)).id
    }
    // The oldest of all: only its phone's tail can lift it to the top.
    await create('tail', { name: '周九', mobile: '15900013800' })
    seedCustomers(SEARCH_COUNT_CAP + 100, (i) => ({ name: `李${i}`, mobile: `13800${String(i).padStart(6, '0')}` }))
    await create('zhangSan', { name: '张三', mobile: '13911112222' })
    await create('zhangSanfeng', { name: '张三丰', mobile: '13922223333' })
  })
  afterAll(async () => {
    await closeApp(app)
  })

  const search = (query: string, page = 1, pageSize = 20) =>
    callOk(app, 'customers.search', { query, page, pageSize }, token)

  it('counts up to the cap, then answers "more than N" with the newest changes first', async () => {
    const page = await search('李')
    expect(page).toMatchObject({ total: SEARCH_COUNT_CAP, more: true })
    expect(page.rows.map((row) => row.name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `李${SEARCH_COUNT_CAP + 99 - i}`)
    )
    const second = await search('李', 2)
    expect(second.rows[0]!.name).toBe(`李${SEARCH_COUNT_CAP + 79}`)
  })

  it('counts every match, without "more", when there are no more than the cap', async () => {
    const page = await search('张三')
    expect(page.total).toBe(2)
    expect(page.more).toBeUndefined()
    expect((await search('李10')).total).toBe(1 + 10 + 100)
  })

  it('ranks a word typed exactly above words that merely start with it', async () => {
    // 张三丰 changed last, so by recency alone it would come first.
    expect((await search('张三')).rows.map((row) => row.name)).toEqual(['张三', '张三丰'])
  })

  it('ranks a phone ending with the digits first even among more than N matches', async () => {
    const page = await search('13800')
    expect(page).toMatchObject({ total: SEARCH_COUNT_CAP, more: true })
    expect(page.rows[0]!.id).toBe(created.tail)
    expect(page.rows[1]!.name).toBe(`李${SEARCH_COUNT_CAP + 99}`)
  })

  it('moves a customer just changed to the top of a long answer, and finds them by the new name only', async () => {
    const old = (await search('李17')).rows.find((row) => row.name === '李17')!
    clock.advance(MINUTE)
    const { id, mobile, otherPhones, address, company, notes, tags } = old
    await callOk(
      app,
      'customers.update',
      { id, name: '李十七', mobile: mobile ?? undefined, otherPhones, address, company, notes, tags },
      token
    )
    expect((await search('李')).rows[0]!.name).toBe('李十七')
    expect((await search('李17')).rows.map((row) => row.name)).not.toContain('李17')
    expect((await search('lsq')).rows.map((row) => row.name)).toEqual(['李十七'])
  })

  it('answers one and two typed characters from the start of a word or the end of a phone', async () => {
    expect((await search('z')).rows.map((row) => row.name)).toEqual(expect.arrayContaining(['张三', '周九']))
    expect((await search('zs')).rows.map((row) => row.name)).toEqual(['张三', '张三丰'])
    expect((await search('周九')).rows.map((row) => row.id)).toEqual([created.tail])
    expect((await search('周')).rows.map((row) => row.id)).toEqual([created.tail])
  })
})
