import { sql } from 'kysely'
import { describe, expect, it, vi } from 'vitest'
import { change, useHqCluster, type TestHq } from './hqHelpers'

const cluster = useHqCluster()

async function counts(t: TestHq, shopId: string) {
  const count = async (table: 'appliedChanges' | 'shopRecords' | 'pushedBatches') =>
    Number(
      (
        await t.hq.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('shopId', '=', shopId)
          .executeTakeFirstOrThrow()
      ).n
    )
  return {
    changes: await count('appliedChanges'),
    records: await count('shopRecords'),
    batches: await count('pushedBatches')
  }
}

const order = (n: number, at: string, status = 'received') =>
  change('work_order', `wo-${n}`, { number: `WO-${n}`, status }, at)

describe('HQ: push, exactly once', () => {
  it('a batch is applied in one go and a replayed batch is a no-op', async () => {
    const t = await cluster.freshHq()
    const { shopId, key } = await t.enrolledShop('Nanjing Road')
    const batch = { batchId: 'batch-1', changes: [1, 2, 3].map((n) => order(n, '2026-03-10T01:00:00Z')) }
    expect(await t.shopOk('push', key, batch)).toEqual({ batchId: 'batch-1', applied: 3, duplicate: false })
    expect(await counts(t, shopId)).toEqual({ changes: 3, records: 3, batches: 1 })

    expect(await t.shopOk('push', key, batch)).toEqual({ batchId: 'batch-1', applied: 0, duplicate: true })
    expect(await counts(t, shopId)).toEqual({ changes: 3, records: 3, batches: 1 })
  })

  it('a batch id used again for changes HQ has not seen applies those, not dropping them', async () => {
    const t = await cluster.freshHq()
    const { shopId, key } = await t.enrolledShop('Nanjing Road')
    const first = [order(1, '2026-03-10T01:00:00Z')]
    await t.shopOk('push', key, { batchId: 'batch-1', changes: first })
    const reused = { batchId: 'batch-1', changes: [...first, order(2, '2026-03-10T01:05:00Z')] }
    expect(await t.shopOk('push', key, reused)).toEqual({ batchId: 'batch-1', applied: 1, duplicate: true })
    expect(await counts(t, shopId)).toEqual({ changes: 2, records: 2, batches: 1 })
  })

  it('changes re-sent in a new batch after a crash are applied once; only the new ones count', async () => {
    const t = await cluster.freshHq()
    const { shopId, key } = await t.enrolledShop('Nanjing Road')
    const first = [1, 2, 3].map((n) => order(n, '2026-03-10T01:00:00Z'))
    await t.shopOk('push', key, { batchId: 'batch-1', changes: first })
    // The shop lost the answer, restarted and cut its outbox into a different batch.
    const recut = [...first.slice(1), order(4, '2026-03-10T01:05:00Z')]
    expect(await t.shopOk('push', key, { batchId: 'batch-2', changes: recut })).toMatchObject({
      applied: 1,
      duplicate: false
    })
    expect(await counts(t, shopId)).toEqual({ changes: 4, records: 4, batches: 2 })
  })

  it('a batch with one malformed change is refused whole, leaving nothing remembered', async () => {
    const t = await cluster.freshHq()
    const { shopId, key } = await t.enrolledShop('Nanjing Road')
    const good = [order(1, '2026-03-10T01:00:00Z'), order(2, '2026-03-10T01:00:00Z')]
    const broken = { batchId: 'batch-1', changes: [...good, order(3, 'not a time')] }
    expect(await t.shopError('push', key, broken)).toBe('VALIDATION')
    expect(await counts(t, shopId)).toEqual({ changes: 0, records: 0, batches: 0 })
    expect(await t.shopOk('push', key, { batchId: 'batch-1', changes: good })).toMatchObject({ applied: 2 })
  })

  it('every change HQ cannot take is named, so the shop can set exactly those aside and send the rest', async () => {
    const t = await cluster.freshHq()
    const { shopId, key } = await t.enrolledShop('Nanjing Road')
    const good = [order(1, '2026-03-10T01:00:00Z'), order(2, '2026-03-10T01:00:00Z')]
    const badTime = order(3, 'not a time')
    const otherBadTime = order(4, 'yesterday')
    // Refused by the protocol's own schema (an entity name longer than it allows), not by the apply.
    const badEntity = change('x'.repeat(65), 'wo-5', {}, '2026-03-10T01:00:00Z')
    const broken = { batchId: 'batch-1', changes: [good[0], badTime, good[1], otherBadTime, badEntity] }
    const answer = await t.shop('push', key, broken)
    expect(answer.ok).toBe(false)
    if (answer.ok) return
    expect(answer.error.code).toBe('VALIDATION')
    expect(answer.error.params).toEqual({
      field: 'at',
      changeId: badTime.id,
      refusedChanges: [
        { changeId: badTime.id, field: 'at' },
        { changeId: otherBadTime.id, field: 'at' },
        { changeId: badEntity.id, field: 'entity' }
      ]
    })
    // All or none: nothing of the refused batch was applied or remembered.
    expect(await counts(t, shopId)).toEqual({ changes: 0, records: 0, batches: 0 })
    expect(await t.shopOk('push', key, { batchId: 'batch-2', changes: good })).toMatchObject({ applied: 2 })
  })

  it('HQ failing mid-apply rolls the whole batch back, so its retry applies all of it', async () => {
    const t = await cluster.freshHq()
    const { shopId, key } = await t.enrolledShop('Nanjing Road')
    // A fault inside the transaction, after the batch and change ids were written.
    await sql`CREATE FUNCTION fail_on_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.entity_id = 'wo-3' THEN RAISE EXCEPTION 'disk full'; END IF; RETURN NEW; END $$`.execute(t.hq.db)
    await sql`CREATE TRIGGER boom BEFORE INSERT ON shop_records FOR EACH ROW EXECUTE FUNCTION fail_on_boom()`.execute(
      t.hq.db
    )
    const batch = { batchId: 'batch-1', changes: [1, 2, 3].map((n) => order(n, '2026-03-10T01:00:00Z')) }
    // HQ logs the fault; the console is quiet for this call only (the spy would outlive the file).
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await t.shopError('push', key, batch)).toBe('INTERNAL')
    } finally {
      logged.mockRestore()
    }
    expect(await counts(t, shopId)).toEqual({ changes: 0, records: 0, batches: 0 })
    await sql`DROP TRIGGER boom ON shop_records`.execute(t.hq.db)
    expect(await t.shopOk('push', key, batch)).toEqual({ batchId: 'batch-1', applied: 3, duplicate: false })
  })

  it('a NUL character in a payload is stored, not refused for ever', async () => {
    const t = await cluster.freshHq()
    const { key } = await t.enrolledShop('Nanjing Road')
    const nul = change('customer', 'c-1', { name: 'Li\u0000Lei' }, '2026-03-10T01:00:00Z')
    expect(await t.shopOk('push', key, { batchId: 'b1', changes: [nul] })).toMatchObject({ applied: 1 })
  })

  it('half of an emoji (a lone UTF-16 surrogate) in a payload is stored, not refused for ever', async () => {
    const t = await cluster.freshHq()
    const { shopId, key } = await t.enrolledShop('Nanjing Road')
    // A name cut inside an emoji's surrogate pair: SQLite keeps it in the outbox as JSON text
    // (\\ud83d), and PostgreSQL's jsonb refuses such an escape, failing the whole batch.
    const cut = change(
      'customer',
      'c-1',
      { name: 'Li Lei \ud83d', notes: 'ok \ude00 \\ud800 as typed' },
      '2026-03-10T01:00:00Z'
    )
    const after = change('customer', 'c-2', { name: 'Han Meimei' }, '2026-03-10T01:00:01Z')
    expect(await t.shopOk('push', key, { batchId: 'b1', changes: [cut, after] })).toMatchObject({ applied: 2 })
    const record = await t.hq.db
      .selectFrom('shopRecords')
      .select(['payload'])
      .where('shopId', '=', shopId)
      .where('entityId', '=', 'c-1')
      .executeTakeFirstOrThrow()
    // The broken half becomes U+FFFD; a backslash the user typed stays as typed.
    expect(record.payload).toEqual({ name: 'Li Lei \ufffd', notes: 'ok \ufffd \\ud800 as typed' })
  })

  it('the latest change of a record wins by its time, whatever order the changes arrive in', async () => {
    const t = await cluster.freshHq()
    const { shopId, key } = await t.enrolledShop('Nanjing Road')
    await t.shopOk('push', key, { batchId: 'b1', changes: [order(1, '2026-03-10T03:00:00Z', 'repairing')] })
    await t.shopOk('push', key, { batchId: 'b2', changes: [order(1, '2026-03-10T02:00:00Z', 'diagnosing')] })
    await t.shopOk('push', key, {
      batchId: 'b3',
      changes: [order(1, '2026-03-10T04:00:00Z', 'ready_for_pickup'), order(1, '2026-03-10T03:30:00Z', 'late')]
    })
    const record = await t.hq.db
      .selectFrom('shopRecords')
      .select(['payload'])
      .where('shopId', '=', shopId)
      .where('entityId', '=', 'wo-1')
      .executeTakeFirstOrThrow()
    expect(record.payload).toEqual({ number: 'WO-1', status: 'ready_for_pickup' })
  })

  it("one shop's batch and change ids never collide with another shop's", async () => {
    const t = await cluster.freshHq()
    const a = await t.enrolledShop('Nanjing Road')
    const b = await t.enrolledShop('Huaihai Road')
    const same = { batchId: 'batch-1', changes: [order(1, '2026-03-10T01:00:00Z')] }
    await t.shopOk('push', a.key, same)
    expect(await t.shopOk('push', b.key, same)).toMatchObject({ applied: 1, duplicate: false })
    expect(await counts(t, a.shopId)).toEqual({ changes: 1, records: 1, batches: 1 })
    expect(await counts(t, b.shopId)).toEqual({ changes: 1, records: 1, batches: 1 })
  })

  it('two copies of one batch sent at once are applied once', async () => {
    const t = await cluster.freshHq()
    const { shopId, key } = await t.enrolledShop('Nanjing Road')
    const batch = { batchId: 'batch-1', changes: [1, 2, 3, 4].map((n) => order(n, '2026-03-10T01:00:00Z')) }
    const answers = (await Promise.all([t.shopOk('push', key, batch), t.shopOk('push', key, batch)])) as {
      applied: number
      duplicate: boolean
    }[]
    expect(answers.map((answer) => answer.applied).sort()).toEqual([0, 4])
    expect(await counts(t, shopId)).toEqual({ changes: 4, records: 4, batches: 1 })
  })
})
