import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callError, callOk } from '../helpers'
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

describe("HQ's decisions flow back to the shop", () => {
  it('a claim goes to HQ with its evidence whole, and its decision shows on the job and in the claims list', async () => {
    const { app, staff, adminToken } = shop()
    const job = await finishedJob(app, adminToken, {
      serviceType: 'warranty_repair',
      labourFen: 6_000,
      partPriceFen: 30_000
    })
    await callOk(app, 'checkout.pay', { workOrderId: job.id, tenders: [] }, staff.frontDesk.token)
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

  it('a return batch HQ credited is credited at the shop, its parts with it', async () => {
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
    const owed = (await callOk(app, 'faultyParts.list', {}, staff.clerk.token)).filter(
      (item) => item.partId === part.id
    )
    const batch = await callOk(app, 'faultyParts.pack', { faultyPartIds: [owed[0]!.id] }, staff.clerk.token)
    await callOk(
      app,
      'faultyParts.ship',
      { batchId: batch.id, carrier: '顺丰', trackingNumber: 'SF1' },
      staff.clerk.token
    )

    hq.hq.publish(
      'returnBatchStatus',
      batch.id,
      {
        batchId: batch.id,
        status: 'credited',
        creditedFen: 100,
        creditReference: 'HQ-CR-7',
        at: '2026-01-25T03:00:00.000Z'
      },
      shopId
    )
    expect((await syncWithHq(app)).problem).toBeNull()
    const credited = await callOk(app, 'faultyParts.batch', { id: batch.id }, staff.clerk.token)
    expect(credited.batch).toMatchObject({ status: 'credited', creditReference: 'HQ-CR-7' })
    expect(credited.items.map((item) => item.status)).toEqual(['credited'])
  })
})
