import { describe, expect, it } from 'vitest'
import { callError, callOk } from '../helpers'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, receive } from './fixtures'

const shop = staffedShopPerFile()

/** Three warranty jobs' old parts owed, packed together into one batch. */
async function packedThree() {
  const { app, staff, adminToken } = shop()
  const part = await newPart(app, staff.clerk.token, { returnFaulty: true })
  await receive(app, staff.clerk.token, part.id, 3, 500)
  const jobs = []
  for (let n = 0; n < 3; n++) {
    const job = await driveTo(app, adminToken, 'repairing')
    await callOk(app, 'workOrderParts.issue', { workOrderId: job.id, partId: part.id, quantity: 1 }, staff.clerk.token)
    jobs.push(job)
  }
  const owed = (await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).filter((item) => item.partId === part.id)
  const batch = await callOk(app, 'faultyParts.pack', { faultyPartIds: owed.map((item) => item.id) }, staff.clerk.token)
  return { app, token: staff.clerk.token, part, jobs, owed, batch }
}

function latestSynced(app: ReturnType<typeof shop>['app'], batchId: string) {
  const row = app.sqlite
    .prepare(
      "SELECT payload_json FROM outbox WHERE entity = 'faulty_part_return' AND entity_id = ? ORDER BY seq DESC LIMIT 1"
    )
    .get(batchId) as { payload_json: string }
  return JSON.parse(row.payload_json) as { status: string; items: { id: string }[] }
}

function auditActions(app: ReturnType<typeof shop>['app'], batchId: string): string[] {
  return (
    app.sqlite.prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY rowid').all(batchId) as {
      action: string
    }[]
  ).map((row) => row.action)
}

/** Neither a part taken out nor the batch cancelled: refused with `messageKey`, nothing audited. */
async function expectUnchangeable(packed: Awaited<ReturnType<typeof packedThree>>, messageKey: string) {
  const { app, token, owed } = packed
  const audits = auditActions(app, packed.batch.id)
  for (const [operation, input] of [
    ['faultyParts.takeOut', { batchId: packed.batch.id, faultyPartId: owed[0]!.id }],
    ['faultyParts.cancelBatch', { batchId: packed.batch.id }]
  ] as const) {
    expect(await callError(app, operation, input, token)).toMatchObject({ code: 'INVALID_TRANSITION', messageKey })
  }
  expect(auditActions(app, packed.batch.id)).toEqual(audits)
}

describe('a return batch packed by mistake', () => {
  it('gives one part back to the owed list; the batch keeps the others and HQ is sent the corrected batch', async () => {
    const { app, token, owed, batch } = await packedThree()
    const wrong = owed[1]!
    const corrected = await callOk(app, 'faultyParts.takeOut', { batchId: batch.id, faultyPartId: wrong.id }, token)
    expect(corrected?.batch).toMatchObject({ status: 'packed', items: 2 })
    expect(corrected?.items.map((item) => item.id).sort()).toEqual([owed[0]!.id, owed[2]!.id].sort())
    const list = await callOk(app, 'faultyParts.list', {}, token)
    expect(list.find((item) => item.id === wrong.id)).toMatchObject({ status: 'awaiting', batchId: null })
    expect(latestSynced(app, batch.id).items.map((item) => item.id)).not.toContain(wrong.id)
    expect(auditActions(app, batch.id)).toEqual(['faultyParts.pack', 'faultyParts.takeOut'])
    // The audit says what the batch held before, and which part came out.
    const takeOut = JSON.parse(
      app.sqlite
        .prepare("SELECT before_json FROM audit_log WHERE entity_id = ? AND action = 'faultyParts.takeOut'")
        .pluck()
        .get(batch.id) as string
    ) as { items: string[]; takenOut: string }
    expect(takeOut.items.sort()).toEqual(owed.map((item) => item.id).sort())
    expect(takeOut.takenOut).toBe(wrong.id)
    // Owed again, it is packed anew like any other.
    const again = await callOk(app, 'faultyParts.pack', { faultyPartIds: [wrong.id] }, token)
    expect(again).toMatchObject({ status: 'packed', items: 1 })
  })

  it('is cancelled whole: every part is owed again, the batch is kept as cancelled and HQ has it as cancelled', async () => {
    const { app, token, owed, batch } = await packedThree()
    expect(await callOk(app, 'faultyParts.cancelBatch', { batchId: batch.id }, token)).toEqual({
      number: batch.number,
      items: 3
    })
    const list = await callOk(app, 'faultyParts.list', {}, token)
    for (const item of owed) expect(list.find((row) => row.id === item.id)).toMatchObject({ status: 'awaiting' })
    // Kept, with its number, when and by whom: the number may already be on the box.
    const clerk = shop().staff.clerk.user.displayName
    const kept = { id: batch.id, number: batch.number, status: 'cancelled', items: 0, cancelledByName: clerk }
    expect((await callOk(app, 'faultyParts.batches', {}, token)).find((row) => row.id === batch.id)).toMatchObject(kept)
    const { batch: detail, items } = await callOk(app, 'faultyParts.batch', { id: batch.id }, token)
    expect(detail).toMatchObject(kept)
    expect(detail.cancelledAt).toBe(shop().clock.now().toISOString())
    expect(items).toEqual([])
    expect(latestSynced(app, batch.id)).toMatchObject({ number: batch.number, status: 'cancelled', items: [] })
    expect(auditActions(app, batch.id)).toEqual(['faultyParts.pack', 'faultyParts.cancelBatch'])
    // Cancelled is where it stays: not cancelled twice, not shipped.
    expect(await callError(app, 'faultyParts.cancelBatch', { batchId: batch.id }, token)).toMatchObject({
      code: 'INVALID_TRANSITION',
      messageKey: 'errors.batchStep'
    })
    expect(
      await callError(app, 'faultyParts.ship', { batchId: batch.id, carrier: '顺丰', trackingNumber: 'SF1' }, token)
    ).toMatchObject({ code: 'INVALID_TRANSITION' })
    // Packed again, the parts go in a batch under a new number.
    const again = await callOk(app, 'faultyParts.pack', { faultyPartIds: owed.map((item) => item.id) }, token)
    expect(again.number).not.toBe(batch.number)
    expect(again).toMatchObject({ status: 'packed', items: 3 })
  })

  it('lists the batches of one status when asked: cancelled ones apart from those still open', async () => {
    const first = await packedThree()
    const { app, token } = first
    await callOk(app, 'faultyParts.cancelBatch', { batchId: first.batch.id }, token)
    const second = await packedThree()
    const ids = async (status: 'packed' | 'cancelled' | null) =>
      (await callOk(app, 'faultyParts.batches', { status }, token)).map((row) => row.id)
    expect(await ids('cancelled')).toContain(first.batch.id)
    expect(await ids('cancelled')).not.toContain(second.batch.id)
    expect(await ids('packed')).toContain(second.batch.id)
    expect(await ids('packed')).not.toContain(first.batch.id)
    expect(await ids(null)).toEqual(expect.arrayContaining([first.batch.id, second.batch.id]))
  })

  it('taking out the last part cancels the batch, which is kept as cancelled', async () => {
    const { app, token, owed, batch } = await packedThree()
    await callOk(app, 'faultyParts.takeOut', { batchId: batch.id, faultyPartId: owed[0]!.id }, token)
    await callOk(app, 'faultyParts.takeOut', { batchId: batch.id, faultyPartId: owed[1]!.id }, token)
    expect(await callOk(app, 'faultyParts.takeOut', { batchId: batch.id, faultyPartId: owed[2]!.id }, token)).toBeNull()
    expect((await callOk(app, 'faultyParts.batches', {}, token)).find((row) => row.id === batch.id)).toMatchObject({
      status: 'cancelled',
      items: 0
    })
    const list = await callOk(app, 'faultyParts.list', {}, token)
    for (const item of owed) expect(list.find((row) => row.id === item.id)).toMatchObject({ status: 'awaiting' })
    expect(auditActions(app, batch.id)).toEqual([
      'faultyParts.pack',
      'faultyParts.takeOut',
      'faultyParts.takeOut',
      'faultyParts.cancelBatch'
    ])
  })

  it('cannot be changed once shipped: the parts have left with the courier', async () => {
    const packed = await packedThree()
    const { app, token, batch } = packed
    await callOk(app, 'faultyParts.ship', { batchId: batch.id, carrier: '顺丰', trackingNumber: 'SF0000000009' }, token)
    await expectUnchangeable(packed, 'errors.batchStep')
    const { items } = await callOk(app, 'faultyParts.batch', { id: batch.id }, token)
    expect(items.map((item) => item.status)).toEqual(['shipped', 'shipped', 'shipped'])
  })

  it('cannot be changed once HQ says it received it, though 发货 was never pressed: the box is at HQ', async () => {
    const packed = await packedThree()
    const { app, token, batch } = packed
    app.sqlite
      .prepare(
        `INSERT INTO hq_return_batch_status (batch_id, status, credited_fen, credit_reference, at, received_at)
         VALUES (?, 'received', 0, '', '2026-01-20T02:00:00.000Z', '2026-01-20T02:05:00.000Z')`
      )
      .run(batch.id)
    await expectUnchangeable(packed, 'errors.batchAtHq')
    expect((await callOk(app, 'faultyParts.batch', { id: batch.id }, token)).items).toHaveLength(3)
  })

  it('refuses a part that is not in the batch', async () => {
    const { app, token, batch } = await packedThree()
    const otherBatch = await packedThree()
    expect(
      await callError(app, 'faultyParts.takeOut', { batchId: batch.id, faultyPartId: otherBatch.owed[0]!.id }, token)
    ).toMatchObject({ code: 'NOT_FOUND' })
    expect((await callOk(app, 'faultyParts.batch', { id: batch.id }, token)).items).toHaveLength(3)
  })
})
