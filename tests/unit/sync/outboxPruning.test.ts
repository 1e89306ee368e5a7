import { describe, expect, it } from 'vitest'
import { freshShopPerTest } from '../helpers'
import { ACKNOWLEDGED_KEEP_DAYS, pruneAcknowledged } from '../../../src-main/features/sync/hq/prune'

/**
 * The outbox and the push batches do not grow for ever: what HQ acknowledged more than half a
 * year ago is pruned, in short transactions; what HQ has not acknowledged never is.
 */

const shop = freshShopPerTest()
const DAY = 86_400_000

describe('pruning what HQ acknowledged long ago', () => {
  it('deletes old acknowledged rows and batches in chunks, keeps recent and unsent ones', async () => {
    const { app, clock } = await shop()
    const now = clock.now()
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY).toISOString()
    const old = daysAgo(ACKNOWLEDGED_KEEP_DAYS + 5)
    const recent = daysAgo(ACKNOWLEDGED_KEEP_DAYS - 5)
    app.sqlite.exec('DELETE FROM outbox; DELETE FROM hq_push_batches')
    const insertRow = app.sqlite.prepare(
      `INSERT INTO outbox (id, at, entity, entity_id, operation, payload_json, sent_at)
       VALUES (?, ?, 'customer', ?, 'upsert', '{}', ?)`
    )
    for (let i = 0; i < 7; i++) insertRow.run(`old-${i}`, old, `c-${i}`, old)
    insertRow.run('old-unsent', old, 'c-unsent', null)
    insertRow.run('recent-sent', recent, 'c-recent', recent)
    const insertBatch = app.sqlite.prepare(
      `INSERT INTO hq_push_batches (batch_id, first_seq, last_seq, change_count, created_at, acked_at)
       VALUES (?, ?, ?, 1, ?, ?)`
    )
    insertBatch.run('b-old-acked-1', 1, 3, old, old)
    insertBatch.run('b-old-acked-2', 4, 7, old, old)
    insertBatch.run('b-old-pending', 8, 8, old, null)
    insertBatch.run('b-recent', 9, 9, recent, recent)
    const lastSeq = (app.sqlite.prepare('SELECT max(seq) AS n FROM outbox').get() as { n: number }).n

    const result = await pruneAcknowledged(app, now, 3)

    expect(result).toEqual({ outboxRows: 7, batches: 2 })
    const left = app.sqlite.prepare('SELECT id FROM outbox ORDER BY seq').all() as { id: string }[]
    expect(left.map((row) => row.id)).toEqual(['old-unsent', 'recent-sent'])
    const batches = app.sqlite.prepare('SELECT batch_id FROM hq_push_batches ORDER BY first_seq').all() as {
      batch_id: string
    }[]
    expect(batches.map((row) => row.batch_id)).toEqual(['b-old-pending', 'b-recent'])

    insertRow.run('after-prune', now.toISOString(), 'c-after', null)
    const next = app.sqlite.prepare("SELECT seq FROM outbox WHERE id = 'after-prune'").get() as { seq: number }
    expect(next.seq).toBeGreaterThan(lastSeq)

    expect(await pruneAcknowledged(app, now, 3)).toEqual({ outboxRows: 0, batches: 0 })
  })

  it('never gives a pruned seq again, even when the last row of the outbox was pruned', async () => {
    const { app, clock } = await shop()
    const now = clock.now()
    const old = new Date(now.getTime() - (ACKNOWLEDGED_KEEP_DAYS + 1) * DAY).toISOString()
    app.sqlite.exec('DELETE FROM outbox; DELETE FROM hq_push_batches')
    const insertRow = app.sqlite.prepare(
      `INSERT INTO outbox (id, at, entity, entity_id, operation, payload_json, sent_at)
       VALUES (?, ?, 'customer', ?, 'upsert', '{}', ?)`
    )
    for (let i = 0; i < 3; i++) insertRow.run(`old-${i}`, old, `c-${i}`, old)
    const lastSeq = (app.sqlite.prepare('SELECT max(seq) AS n FROM outbox').get() as { n: number }).n

    expect(await pruneAcknowledged(app, now)).toEqual({ outboxRows: 3, batches: 0 })
    insertRow.run('after-prune', now.toISOString(), 'c-after', null)
    const next = app.sqlite.prepare("SELECT seq FROM outbox WHERE id = 'after-prune'").get() as { seq: number }
    expect(next.seq).toBeGreaterThan(lastSeq)
  })
})
