import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { SEARCH_COUNT_CAP } from '../../../src-main/features/search/capped'
import { callOk, closeApp, initializedApp } from '../helpers'

/** The audit screen on a log of many rows: counted up to the cap, the actions listed each once. */
describe('the audit log list on a long log', () => {
  let app: AppContext
  let token: string

  beforeAll(async () => {
    ;({ app, adminToken: token } = await initializedApp())
    const insert = app.sqlite.prepare(
      `INSERT INTO audit_log (id, at, actor_id, action, entity, entity_id) VALUES (?, ?, NULL, ?, 'customer', NULL)`
    )
    app.sqlite.transaction(() => {
      for (let i = 0; i < SEARCH_COUNT_CAP + 50; i++)
        insert.run(`bulk-${i}`, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(), i % 2 ? 'bulk.odd' : 'bulk.even')
    })()
  })
  afterAll(async () => {
    await closeApp(app)
  })

  it('answers "more than N" past the cap and counts exactly below it', async () => {
    expect(await callOk(app, 'audit.list', { pageSize: 20 }, token)).toMatchObject({
      total: SEARCH_COUNT_CAP,
      more: true
    })
    const odd = await callOk(app, 'audit.list', { action: 'bulk.odd', pageSize: 20 }, token)
    expect([odd.total, odd.more]).toEqual([(SEARCH_COUNT_CAP + 50) / 2, undefined])
  })

  it('lists every action the log holds once, in order', async () => {
    const actions = await callOk(app, 'audit.actions', {}, token)
    const expected = (
      app.sqlite.prepare(`SELECT DISTINCT action FROM audit_log ORDER BY action`).all() as { action: string }[]
    ).map((row) => row.action)
    expect(actions).toEqual(expected)
    expect(actions).toContain('bulk.odd')
  })
})
