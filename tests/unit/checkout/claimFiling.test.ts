import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk, countRows, MINUTE } from '../helpers'
import { staffedShopPerFile, type StaffedShop } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'
import { claimSums } from './claimSums'
import { nextClaimSteps, paidAmountFits } from '../../../src-shared/domain/claimFiling'

/** A warranty repair checked out: the brand owes its labour and part, as a claim. */
async function claimOfAWarrantyJob(shop: StaffedShop, labourFen: number, partPriceFen: number) {
  const { app, adminToken, staff } = shop
  const job = await finishedJob(app, adminToken, { serviceType: 'warranty_repair', labourFen, partPriceFen })
  await callOk(app, 'checkout.pay', { workOrderId: job.id, tenders: [] }, staff.frontDesk.token)
  const page = await callOk(app, 'checkout.claims', { workOrderId: job.id }, staff.manager.token)
  return { page, claim: page.rows[0]! }
}

const stepRows = (shop: StaffedShop) => countRows(shop.app, 'warranty_claim_steps')

describe('claims a shop outside a brand network files with the brand itself', () => {
  const shop = staffedShopPerFile()

  it('are to file with the brand; a manager records them filed and paid, and the claims report follows', async () => {
    const { app, clock, staff } = shop()
    const { page, claim } = await claimOfAWarrantyJob(shop(), 6_000, 30_000)
    expect(page.filedBy).toBe('shop')
    expect(claim).toMatchObject({
      status: 'open',
      amountFen: 36_000,
      lastStep: null,
      nextSteps: ['submitted', 'paid', 'rejected']
    })
    const before = await claimSums(shop())

    // The front desk sees the claims; only a manager records the brand's answers.
    const filed = { claimId: claim.id, step: 'submitted', note: '品牌索赔单 BR-2026-0117' } as const
    expect(await callError(app, 'checkout.markClaim', filed, staff.frontDesk.token)).toMatchObject({
      code: 'FORBIDDEN'
    })
    clock.advance(MINUTE)
    const submitted = await callOk(app, 'checkout.markClaim', filed, staff.manager.token)
    expect(submitted).toMatchObject({
      id: claim.id,
      status: 'submitted',
      nextSteps: ['paid', 'rejected'],
      lastStep: {
        status: 'submitted',
        paidFen: null,
        note: '品牌索赔单 BR-2026-0117',
        recordedAt: clock.now().toISOString(),
        recordedByName: staff.manager.user.displayName
      }
    })
    expect(auditRows(app, 'checkout.markClaim')).toEqual([
      expect.objectContaining({ actorId: staff.manager.user.id, entity: 'warranty_claim', entityId: claim.id })
    ])
    const outbox = app.sqlite
      .prepare("SELECT payload_json AS payload FROM outbox WHERE entity = 'warranty_claim_step'")
      .all() as { payload: string }[]
    expect(outbox.map((row) => JSON.parse(row.payload))).toEqual([
      expect.objectContaining({ claimId: claim.id, status: 'submitted', paidFen: null })
    ])
    expect(await claimSums(shop())).toEqual(before)

    // What the brand paid is something, and no more than was claimed: else nothing is recorded.
    const steps = stepRows(shop())
    for (const paidFen of [0, 36_001, -100]) {
      expect(
        await callError(app, 'checkout.markClaim', { claimId: claim.id, step: 'paid', paidFen }, staff.manager.token)
      ).toMatchObject({
        code: 'VALIDATION',
        details: { fields: [{ path: 'paidFen', messageKey: 'validation.claimPaidAmount' }] }
      })
    }
    expect(stepRows(shop())).toBe(steps)

    const paid = await callOk(
      app,
      'checkout.markClaim',
      { claimId: claim.id, step: 'paid', paidFen: 35_000, note: '扣了 10 元运费' },
      staff.manager.token
    )
    expect(paid).toMatchObject({ status: 'paid', nextSteps: ['paid'], lastStep: { status: 'paid', paidFen: 35_000 } })
    // The report counts the claim as settled now, no longer as owed: 360 claimed, 350 paid.
    expect(await claimSums(shop())).toEqual({
      paidFen: (before.paidFen as number) + 36_000,
      brandPaidFen: (before.brandPaidFen as number) + 35_000,
      shortfallFen: (before.shortfallFen as number) + 1_000,
      outstandingFen: (before.outstandingFen as number) - 36_000
    })

    // Settled: it is not rejected after all, but a mistyped amount may be put right (both kept).
    expect(
      await callError(
        app,
        'checkout.markClaim',
        { claimId: claim.id, step: 'rejected', note: '?' },
        staff.manager.token
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'claims.stepNotAllowed' })
    const corrected = await callOk(
      app,
      'checkout.markClaim',
      { claimId: claim.id, step: 'paid', paidFen: 35_900 },
      staff.manager.token
    )
    expect(corrected.lastStep).toMatchObject({ paidFen: 35_900 })
    expect(stepRows(shop())).toBe(steps + 2)
    // The report follows the amount put right, in the same transaction.
    expect(await claimSums(shop())).toEqual({
      paidFen: (before.paidFen as number) + 36_000,
      brandPaidFen: (before.brandPaidFen as number) + 35_900,
      shortfallFen: (before.shortfallFen as number) + 100,
      outstandingFen: (before.outstandingFen as number) - 36_000
    })
  })

  it('are rejected with the brand’s reason, and may be filed again', async () => {
    const { app, staff } = shop()
    const { claim } = await claimOfAWarrantyJob(shop(), 4_000, 10_000)
    const before = await claimSums(shop())
    const steps = stepRows(shop())
    expect(
      await callError(
        app,
        'checkout.markClaim',
        { claimId: claim.id, step: 'rejected', note: ' ' },
        staff.manager.token
      )
    ).toMatchObject({ code: 'VALIDATION' })
    expect(stepRows(shop())).toBe(steps)

    const reason = '进液，不在保修范围'
    const rejected = await callOk(
      app,
      'checkout.markClaim',
      { claimId: claim.id, step: 'rejected', note: reason },
      staff.manager.token
    )
    expect(rejected).toMatchObject({ status: 'rejected', nextSteps: ['submitted'], lastStep: { note: reason } })
    // No longer owed by the brand; not paid either.
    expect(await claimSums(shop())).toEqual({
      ...before,
      outstandingFen: (before.outstandingFen as number) - 14_000
    })
    const again = await callOk(app, 'checkout.markClaim', { claimId: claim.id, step: 'submitted' }, staff.manager.token)
    expect(again.status).toBe('submitted')
    expect(await claimSums(shop())).toEqual(before)
  })

  it('refuses a claim that does not exist', async () => {
    const { app, staff } = shop()
    const missing = { claimId: '01900000-0000-7000-8000-000000000000', step: 'submitted' } as const
    expect(await callError(app, 'checkout.markClaim', missing, staff.manager.token)).toMatchObject({
      code: 'NOT_FOUND'
    })
  })
})

describe('the steps of a claim filed by hand', () => {
  it('go filed, then paid or rejected; a rejected one is filed again; a paid one only has its amount put right', () => {
    expect(nextClaimSteps('open')).toEqual(['submitted', 'paid', 'rejected'])
    expect(nextClaimSteps('submitted')).toEqual(['paid', 'rejected'])
    expect(nextClaimSteps('rejected')).toEqual(['submitted'])
    expect(nextClaimSteps('paid')).toEqual(['paid'])
  })

  it('take what the brand paid as something no more than claimed, negative for a credit note’s claim', () => {
    expect([paidAmountFits(36_000, 36_000), paidAmountFits(36_000, 1), paidAmountFits(36_000, 0)]).toEqual([
      true,
      true,
      false
    ])
    expect(paidAmountFits(36_000, 36_001)).toBe(false)
    expect([paidAmountFits(-5_000, -5_000), paidAmountFits(-5_000, -1), paidAmountFits(-5_000, 5_000)]).toEqual([
      true,
      true,
      false
    ])
    expect(paidAmountFits(-5_000, -5_001)).toBe(false)
    expect([paidAmountFits(0, 0), paidAmountFits(0, 1)]).toEqual([true, false])
  })
})
