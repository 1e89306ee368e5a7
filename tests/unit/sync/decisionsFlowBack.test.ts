import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditRows, callError, callOk, countRows } from '../helpers'
import { claimSums } from '../checkout/claimSums'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'
import { finishedJob } from '../checkout/fixtures'
import { newPart, receive } from '../parts/fixtures'
import { syncWithHq } from '../../../src-main/features/sync/hq/run'
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

/** A warranty repair checked out: labour 60 and a part 300, claimed from the brand. */
async function warrantyJobPaid() {
  const { app, staff, adminToken } = shop()
  const job = await finishedJob(app, adminToken, {
    serviceType: 'warranty_repair',
    labourFen: 6_000,
    partPriceFen: 30_000
  })
  await callOk(app, 'checkout.pay', { workOrderId: job.id, tenders: [] }, staff.frontDesk.token)
  return job
}

/** A warranty job's old part owed to the brand, packed into a return batch by the clerk. */
async function packedReturnBatch() {
  const { app, staff, adminToken } = shop()
  const part = await newPart(app, staff.clerk.token, { returnFaulty: true })
  await receive(app, staff.clerk.token, part.id, 5, 100)
  const warranty = await driveTo(app, adminToken, 'repairing')
  await callOk(
    app,
    'workOrderParts.issue',
    { workOrderId: warranty.id, partId: part.id, quantity: 1 },
    staff.clerk.token
  )
  const owed = (await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).filter((item) => item.partId === part.id)
  const batch = await callOk(app, 'faultyParts.pack', { faultyPartIds: [owed[0]!.id] }, staff.clerk.token)
  return { batch, faultyPartId: owed[0]!.id }
}

/** HQ credits a return batch, and the shop pulls its word. */
async function hqCredits(batchId: string, creditReference: string) {
  const status = { batchId, status: 'credited', creditedFen: 100, creditReference, at: '2026-01-25T03:00:00.000Z' }
  hq.hq.publish('returnBatchStatus', batchId, status, shopId)
  expect((await syncWithHq(shop().app)).problem).toBeNull()
}

describe("HQ's decisions flow back to the shop", () => {
  it('a claim goes to HQ with its evidence whole, and its decision shows on the job and in the claims list', async () => {
    const { app, staff } = shop()
    const job = await warrantyJobPaid()
    const listed = await callOk(app, 'checkout.claims', { workOrderId: job.id }, staff.frontDesk.token)
    const [open] = listed.rows
    expect(listed.filedBy).toBe('hq')
    expect(open).toMatchObject({ status: 'open', amountFen: 36_000, decision: null, nextSteps: [] })
    // An enrolled shop's claims are HQ's to decide: nobody marks them by hand, not even a manager.
    expect(
      await callError(app, 'checkout.markClaim', { claimId: open!.id, step: 'submitted' }, staff.manager.token)
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'claims.movesWithHq' })
    expect((await callOk(app, 'checkout.claims', { workOrderId: job.id }, staff.manager.token)).rows[0]).toMatchObject({
      status: 'open',
      lastStep: null
    })

    expect((await syncWithHq(app)).problem).toBeNull()
    const sent = (await callOk(app, 'checkout.claims', { workOrderId: job.id }, staff.frontDesk.token)).rows[0]!
    expect(sent.status).toBe('submitted')
    expect(
      hq.hq.db
        .prepare("SELECT count(*) AS n FROM changes WHERE entity = 'warranty_claim' AND entity_id = ?")
        .get(open!.id)
    ).toEqual({ n: 1 })

    hq.hq.publish(
      'claimDecisions',
      open!.id,
      {
        claimId: open!.id,
        status: 'rejected',
        reason: '人为损坏，不在保修范围',
        approvedFen: 0,
        decidedAt: '2026-01-24T03:00:00.000Z'
      },
      shopId
    )
    // Another shop's decisions never reach this one.
    hq.hq.publish(
      'claimDecisions',
      'someone-else',
      {
        claimId: 'someone-else',
        status: 'approved',
        reason: '',
        approvedFen: 1,
        decidedAt: '2026-01-24T03:00:00.000Z'
      },
      'shop-other'
    )
    expect((await syncWithHq(app)).problem).toBeNull()
    const decided = await callOk(app, 'checkout.claims', { workOrderId: job.id }, staff.frontDesk.token)
    expect(decided.rows).toEqual([
      expect.objectContaining({
        status: 'rejected',
        decision: {
          status: 'rejected',
          reason: '人为损坏，不在保修范围',
          approvedFen: 0,
          decidedAt: '2026-01-24T03:00:00.000Z'
        }
      })
    ])
    expect((await callOk(app, 'checkout.claims', { status: 'rejected' }, staff.manager.token)).total).toBe(1)
    expect(app.sqlite.prepare('SELECT count(*) AS n FROM hq_claim_decisions').get()).toEqual({ n: 1 })
  })

  it('a claim HQ approved and then paid is paid at the shop, with the amount the brand paid in the reports', async () => {
    const { app, staff } = shop()
    const job = await warrantyJobPaid()
    expect((await syncWithHq(app)).problem).toBeNull()
    const claim = (await callOk(app, 'checkout.claims', { workOrderId: job.id }, staff.manager.token)).rows[0]!
    const approval = {
      claimId: claim.id,
      status: 'approved',
      reason: '',
      approvedFen: 30_000,
      decidedAt: '2026-01-24T03:00:00.000Z'
    }
    hq.hq.publish('claimDecisions', claim.id, approval, shopId)
    expect((await syncWithHq(app)).problem).toBeNull()
    const before = await claimSums(shop())
    const steps = countRows(app, 'warranty_claim_steps')

    // The brand pays less than was claimed (360): HQ sends 280 with the payment's reference.
    const payment = { ...approval, paidFen: 28_000, paidReference: 'PAY-0124', paidAt: '2026-01-24T05:00:00.000Z' }
    hq.hq.publish('claimDecisions', claim.id, payment, shopId)
    expect((await syncWithHq(app)).problem).toBeNull()
    const paid = (await callOk(app, 'checkout.claims', { workOrderId: job.id }, staff.manager.token)).rows[0]!
    expect(paid).toMatchObject({
      status: 'paid',
      decision: { status: 'approved', approvedFen: 30_000 },
      lastStep: { status: 'paid', paidFen: 28_000, note: 'PAY-0124', recordedByName: null },
      nextSteps: []
    })
    // Settled now as a self-filing shop's paid step settles it: claimed 360, paid 280, owed no more.
    expect(await claimSums(shop())).toEqual({
      paidFen: (before.paidFen as number) + 36_000,
      brandPaidFen: (before.brandPaidFen as number) + 28_000,
      shortfallFen: (before.shortfallFen as number) + 8_000,
      outstandingFen: (before.outstandingFen as number) - 36_000
    })
    expect(auditRows(app, 'sync.claimPaid')).toEqual([
      expect.objectContaining({
        actorId: null,
        entity: 'warranty_claim',
        entityId: claim.id,
        before: { status: 'submitted' },
        after: { status: 'paid', paidFen: 28_000, note: 'PAY-0124', paidAt: '2026-01-24T05:00:00.000Z' }
      })
    ])
    // HQ's own record: nothing goes back up.
    const sent = app.sqlite.prepare("SELECT count(*) AS n FROM outbox WHERE entity = 'warranty_claim_step'").get()
    expect(sent).toEqual({ n: 0 })

    // The same payment again records nothing; an amount HQ puts right is a step of its own.
    hq.hq.publish('claimDecisions', claim.id, { ...payment }, shopId)
    expect((await syncWithHq(app)).problem).toBeNull()
    expect(countRows(app, 'warranty_claim_steps')).toBe(steps + 1)
    hq.hq.publish('claimDecisions', claim.id, { ...payment, paidFen: 29_000 }, shopId)
    expect((await syncWithHq(app)).problem).toBeNull()
    expect(countRows(app, 'warranty_claim_steps')).toBe(steps + 2)
    expect((await claimSums(shop())).brandPaidFen).toBe((before.brandPaidFen as number) + 29_000)
    // Still HQ's to decide: nobody marks it by hand.
    expect(
      await callError(
        app,
        'checkout.markClaim',
        { claimId: claim.id, step: 'paid', paidFen: 36_000 },
        staff.manager.token
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'claims.movesWithHq' })
  })

  it('a return batch HQ credited is credited at the shop, its parts with it', async () => {
    const { app, staff } = shop()
    const { batch } = await packedReturnBatch()
    await callOk(
      app,
      'faultyParts.ship',
      { batchId: batch.id, carrier: '顺丰', trackingNumber: 'SF1' },
      staff.clerk.token
    )

    await hqCredits(batch.id, 'HQ-CR-7')
    const credited = await callOk(app, 'faultyParts.batch', { id: batch.id }, staff.clerk.token)
    expect(credited.batch).toMatchObject({ status: 'credited', creditReference: 'HQ-CR-7' })
    expect(credited.items.map((item) => item.status)).toEqual(['credited'])
  })

  it('a batch the shop cancelled stays cancelled when HQ credits it after all: its parts are owed again', async () => {
    const { app, staff } = shop()
    const { batch, faultyPartId } = await packedReturnBatch()
    await callOk(app, 'faultyParts.cancelBatch', { batchId: batch.id }, staff.clerk.token)

    // HQ's word crossed the shop's cancel on the way.
    await hqCredits(batch.id, 'HQ-CR-8')
    const kept = await callOk(app, 'faultyParts.batch', { id: batch.id }, staff.clerk.token)
    expect(kept.batch).toMatchObject({ status: 'cancelled', creditReference: '' })
    const part0 = (await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).find(
      (item) => item.id === faultyPartId
    )
    expect(part0).toMatchObject({ status: 'awaiting', batchId: null })
    // HQ's word is kept as it came, for whoever sorts it out with the brand.
    expect(
      app.sqlite.prepare('SELECT status FROM hq_return_batch_status WHERE batch_id = ?').pluck().get(batch.id)
    ).toBe('credited')
  })
})
