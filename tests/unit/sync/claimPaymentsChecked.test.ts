import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callOk, countRows } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { syncWithHq } from '../../../src-main/features/sync/hq/run'
import { paymentRefusal } from '../../../src-main/features/checkout/claims/hqDecisions'
import { enrolShop, hqUnderTest, type HqUnderTest } from './hqFixture'

const shop = staffedShopPerFile()
let hq: HqUnderTest
let shopId: string

beforeAll(async () => {
  hq = await hqUnderTest()
  const { app, adminToken } = shop()
  shopId = await enrolShop(app, adminToken, hq.hq)
})
afterAll(async () => {
  await hq.dispose()
})

const APPROVED = {
  status: 'approved' as const,
  reason: '',
  approvedFen: 30_000,
  decidedAt: '2026-01-24T03:00:00.000Z',
  paidFen: null,
  paidReference: '',
  paidAt: null
}

describe('what HQ says the brand paid is checked before the shop records it', () => {
  it('a whole number of fen, at least one, no more than approved, on an approved claim', () => {
    const decision = (change: Partial<typeof APPROVED> | { paidFen: number; status?: string }) =>
      paymentRefusal({ claimId: 'c', ...APPROVED, ...change } as Parameters<typeof paymentRefusal>[0])
    expect(decision({})).toBeNull()
    expect(decision({ paidFen: 30_000 })).toBeNull()
    expect(decision({ paidFen: 1 })).toBeNull()
    expect(decision({ paidFen: 30_001 })).toEqual({
      reason: 'paidOverApproved',
      details: { paidFen: 30_001, approvedFen: 30_000 }
    })
    expect(decision({ paidFen: 0 })).toEqual({ reason: 'paidNotWholeFen', details: { paidFen: 0 } })
    expect(decision({ paidFen: -500 })).toEqual({ reason: 'paidNotWholeFen', details: { paidFen: -500 } })
    expect(decision({ paidFen: 100.5 })).toEqual({ reason: 'paidNotWholeFen', details: { paidFen: 100.5 } })
    expect(decision({ paidFen: 10_000, status: 'moreInfo' })).toEqual({
      reason: 'paidNotApproved',
      details: { paidFen: 10_000, status: 'moreInfo' }
    })
  })

  it('a wrong payment is set aside for the sync page, the rest of the pull applied; HQ putting it right settles it', async () => {
    const { app, adminToken, staff } = shop()
    const jobs: Awaited<ReturnType<typeof finishedJob>>[] = []
    for (let n = 0; n < 4; n++) {
      const job = await finishedJob(app, adminToken, { serviceType: 'warranty_repair', partPriceFen: 30_000 })
      await callOk(app, 'checkout.pay', { workOrderId: job.id, tenders: [] }, staff.frontDesk.token)
      jobs.push(job)
    }
    expect((await syncWithHq(app)).problem).toBeNull()
    const claims = []
    for (const job of jobs)
      claims.push((await callOk(app, 'checkout.claims', { workOrderId: job.id }, staff.manager.token)).rows[0]!)
    const [over, good, fraction, notApproved] = claims.map((claim) => claim.id)
    const payment = { paidReference: 'PAY-0124', paidAt: '2026-01-24T05:00:00.000Z' }
    const publish = (claimId: string, row: object) =>
      hq.hq.publish('claimDecisions', claimId, { claimId, ...APPROVED, ...row }, shopId)
    publish(over!, { ...payment, paidFen: 31_000 })
    publish(good!, { ...payment, paidFen: 28_000 })
    publish(fraction!, { ...payment, paidFen: 280.5 })
    publish(notApproved!, { ...payment, status: 'moreInfo', paidFen: 28_000 })
    const steps = countRows(app, 'warranty_claim_steps')

    expect((await syncWithHq(app)).problem).toBeNull()
    const statusOf = async (claimId: string) =>
      (await callOk(app, 'checkout.claims', {}, staff.manager.token)).rows.find((claim) => claim.id === claimId)!
    expect(await statusOf(good!)).toMatchObject({ status: 'paid', lastStep: { status: 'paid', paidFen: 28_000 } })
    // The refused payments recorded nothing: no step, no claim settled. HQ's decision each came with
    // is kept all the same: an approval or a request for more is not lost with a wrong amount.
    for (const claimId of [over!, fraction!])
      expect(await statusOf(claimId)).toMatchObject({
        status: 'submitted',
        decision: { status: 'approved', approvedFen: 30_000 }
      })
    expect(await statusOf(notApproved!)).toMatchObject({ status: 'submitted', decision: { status: 'moreInfo' } })
    expect(countRows(app, 'warranty_claim_steps')).toBe(steps + 1)

    const status = await callOk(app, 'sync.status', {}, staff.manager.token)
    expect(status.problem).toBeNull()
    expect(status.refusedRowCount).toBe(3)
    const numberOf = (index: number) => jobs[index]!.number
    expect(status.refusedRows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          table: 'claimDecisions',
          key: over,
          record: numberOf(0),
          reason: 'paidOverApproved',
          details: { paidFen: 31_000, approvedFen: 30_000 }
        }),
        expect.objectContaining({ key: fraction, record: numberOf(2), reason: 'paidNotWholeFen' }),
        expect.objectContaining({ key: notApproved, record: numberOf(3), reason: 'paidNotApproved' })
      ])
    )
    // HQ's row is kept as it came, for HQ's support.
    expect(
      JSON.parse(
        app.sqlite.prepare('SELECT row_json FROM hq_pulled_rows_refused WHERE row_key = ?').pluck().get(over) as string
      )
    ).toMatchObject({ paidFen: 31_000, paidReference: 'PAY-0124' })

    // HQ puts the amount right: the claim is settled and its refusal answered.
    publish(over!, { ...payment, paidFen: 29_000 })
    expect((await syncWithHq(app)).problem).toBeNull()
    expect(await statusOf(over!)).toMatchObject({ status: 'paid', lastStep: { paidFen: 29_000 } })
    const after = await callOk(app, 'sync.status', {}, staff.manager.token)
    expect(after.refusedRowCount).toBe(2)
    expect(after.refusedRows.map((row) => row.key)).not.toContain(over)
  })
})
