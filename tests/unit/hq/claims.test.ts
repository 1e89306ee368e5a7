import { describe, expect, it } from 'vitest'
import { change, useHqCluster, type TestHq } from './hqHelpers'

const cluster = useHqCluster()

/** A claim as the shop's checkout pushes it, with the evidence HQ reads. */
const claimPayload = (overrides: Record<string, unknown> = {}) => ({
  workOrderId: 'wo-1',
  workOrderNumber: 'WO-260310-0001',
  invoiceNumber: 'INV-1',
  amountFen: 25000,
  serial: 'SN00001',
  brand: 'Acme',
  model: 'X1',
  categoryKey: 'mobilePhone',
  faultCode: 'F01',
  component: 'battery',
  lines: [
    { kind: 'labour', description: 'Battery swap', quantity: 1, unitPriceFen: 10000, amountFen: 10000, payer: 'brand' },
    {
      kind: 'part',
      description: 'Battery BAT-1 SN:B123',
      quantity: 1,
      unitPriceFen: 15000,
      amountFen: 15000,
      payer: 'brand'
    }
  ],
  ...overrides
})

async function setUp(t: TestHq) {
  const admin = await t.staff('networkAdmin')
  const reviewer = await t.staff('claimsReviewer')
  await t.callOk(admin, 'seed.labourRates', {
    rows: [
      { categoryKey: 'mobilePhone', labourFen: 6000 },
      { categoryKey: '*', labourFen: 4000 }
    ]
  })
  await t.callOk(admin, 'seed.catalogueParts', {
    rows: [
      {
        partNumber: 'BAT-1',
        name: 'Battery',
        description: '',
        unit: 'pc',
        claimPriceFen: 9000,
        retailPriceFen: 15000,
        returnFaulty: true,
        serialTracked: false
      }
    ]
  })
  await t.callOk(admin, 'seed.faultCodes', {
    rows: [
      {
        list: 'faultCause',
        code: 'F01',
        label: 'Battery worn',
        active: true,
        component: 'battery',
        voidsWarranty: null
      }
    ]
  })
  const a = await t.enrolledShop('Nanjing Road')
  const b = await t.enrolledShop('Huaihai Road')
  return { admin, reviewer, a, b }
}

interface Decision {
  claimId: string
  status: string
  reason: string
  approvedFen: number
}
const decisionsOf = async (t: TestHq, key: string) =>
  (
    (await t.shopOk('pull', key, { table: 'claimDecisions', since: 0 })) as { changes: { row: Decision }[] }
  ).changes.map((c) => c.row)

describe('HQ: warranty claims reviewed', () => {
  it('a pushed claim waits in the queue and its approval, at the brand’s rates, is pulled by its shop only', async () => {
    const t = await cluster.freshHq()
    const { reviewer, a, b } = await setUp(t)
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [change('warranty_claim', 'claim-1', claimPayload(), '2026-03-10T01:00:00Z')]
    })
    const queue = await t.callOk<{ claims: { claimId: string; status: string; model: string; claimedFen: number }[] }>(
      reviewer,
      'claims.list',
      { status: 'pending' }
    )
    // The unit with its brand; the fault code with its name in the brand's list; filed at the shop, then received.
    expect(queue.claims).toMatchObject([
      {
        claimId: 'claim-1',
        status: 'pending',
        model: 'X1',
        brandModel: 'Acme X1',
        faultCode: 'F01',
        faultLabel: 'Battery worn',
        claimedFen: 25000,
        claimedAt: '2026-03-10T01:00:00.000Z',
        receivedAt: '2026-03-10T02:00:00.000Z'
      }
    ])

    await t.callOk(reviewer, 'claims.decide', { shopId: a.shopId, claimId: 'claim-1', decision: 'approve' })
    // Labour at the brand's mobile-phone rate, the battery at its claim price: not the shop's bill.
    expect(await decisionsOf(t, a.key)).toMatchObject([{ claimId: 'claim-1', status: 'approved', approvedFen: 15000 }])
    expect(await decisionsOf(t, b.key)).toEqual([])
    const again = await t.call(reviewer, 'claims.decide', {
      shopId: a.shopId,
      claimId: 'claim-1',
      decision: 'reject',
      reason: 'late'
    })
    expect(again.ok ? null : again.error.code).toBe('INVALID_TRANSITION')
  })

  it('a credit note’s claim (a negative amount, its lines as the shop credited them) approved is paid nothing, never a positive amount', async () => {
    const t = await cluster.freshHq()
    const { reviewer, a } = await setUp(t)
    const credited = claimPayload({
      amountFen: -15000,
      creditNoteNumber: 'CN-260310-0001',
      lines: [{ kind: 'part', description: 'Battery BAT-1', partNumber: 'BAT-1', amountFen: -15000 }]
    })
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [change('warranty_claim', 'claim-cn', credited, '2026-03-10T01:00:00Z')]
    })
    await t.callOk(reviewer, 'claims.decide', { shopId: a.shopId, claimId: 'claim-cn', decision: 'approve' })
    expect(await decisionsOf(t, a.key)).toMatchObject([{ claimId: 'claim-cn', status: 'approved', approvedFen: 0 }])
  })

  it('asking for more sends the question back; the shop’s new evidence puts the claim back in the queue', async () => {
    const t = await cluster.freshHq()
    const { reviewer, a } = await setUp(t)
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [change('warranty_claim', 'claim-1', claimPayload({ serial: '' }), '2026-03-10T01:00:00Z')]
    })
    const noReason = await t.call(reviewer, 'claims.decide', {
      shopId: a.shopId,
      claimId: 'claim-1',
      decision: 'moreInfo'
    })
    expect(noReason.ok ? null : noReason.error.code).toBe('VALIDATION')
    await t.callOk(reviewer, 'claims.decide', {
      shopId: a.shopId,
      claimId: 'claim-1',
      decision: 'moreInfo',
      reason: 'Serial number missing'
    })
    expect(await decisionsOf(t, a.key)).toMatchObject([{ status: 'moreInfo', reason: 'Serial number missing' }])

    await t.shopOk('push', a.key, {
      batchId: 'b2',
      changes: [change('warranty_claim', 'claim-1', claimPayload(), '2026-03-11T01:00:00Z')]
    })
    const queue = await t.callOk<{ claims: { serial: string; status: string }[] }>(reviewer, 'claims.list', {})
    expect(queue.claims).toMatchObject([{ serial: 'SN00001', status: 'pending' }])

    await t.callOk(reviewer, 'claims.decide', {
      shopId: a.shopId,
      claimId: 'claim-1',
      decision: 'reject',
      reason: 'Liquid damage'
    })
    expect(await decisionsOf(t, a.key)).toMatchObject([{ status: 'rejected', reason: 'Liquid damage', approvedFen: 0 }])
  })

  it('a category without its own rate takes the general rate; a part HQ has no price for is flagged, and HQ’s rates alone do not approve it', async () => {
    const t = await cluster.freshHq()
    const { reviewer, a } = await setUp(t)
    const lines = [
      { kind: 'labour', description: 'Diagnosis', quantity: 1, amountFen: 5000 },
      { kind: 'part', description: 'Screen', partNumber: 'LCD-9', quantity: 1, amountFen: 30000 },
      { kind: 'part', description: 'Battery', partNumber: 'BAT-1', quantity: 2, amountFen: 30000 }
    ]
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [
        change(
          'warranty_claim',
          'claim-1',
          claimPayload({ categoryKey: 'laptop', amountFen: 65000, lines }),
          '2026-03-10T01:00:00Z'
        )
      ]
    })
    const assessed = await t.callOk(reviewer, 'claims.assess', { shopId: a.shopId, claimId: 'claim-1' })
    expect(assessed).toEqual({
      claimedFen: 65000,
      labourFen: 4000,
      partsFen: 2 * 9000,
      pricesMissing: true,
      lines: [
        { kind: 'labour', description: 'Diagnosis', partNumber: '', quantity: 1, claimedFen: 5000, brandFen: 4000 },
        { kind: 'part', description: 'Screen', partNumber: 'LCD-9', quantity: 1, claimedFen: 30000, brandFen: null },
        { kind: 'part', description: 'Battery', partNumber: 'BAT-1', quantity: 2, claimedFen: 30000, brandFen: 18000 }
      ]
    })
    const byRates = await t.call(reviewer, 'claims.decide', {
      shopId: a.shopId,
      claimId: 'claim-1',
      decision: 'approve'
    })
    expect(byRates.ok ? null : byRates.error).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'hqErrors.brandPriceMissing'
    })
    expect(await decisionsOf(t, a.key)).toEqual([])
    // The reviewer prices the screen themselves.
    await t.callOk(reviewer, 'claims.decide', {
      shopId: a.shopId,
      claimId: 'claim-1',
      decision: 'approve',
      approved: { labourFen: 4000, partsFen: 18000 + 25000 }
    })
    expect(await decisionsOf(t, a.key)).toMatchObject([{ approvedFen: 4000 + 18000 + 25000 }])
  })

  it('an approval pays something and no more than the shop claimed; nothing is changed when it is refused', async () => {
    const t = await cluster.freshHq()
    const { reviewer, a } = await setUp(t)
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [change('warranty_claim', 'claim-1', claimPayload(), '2026-03-10T01:00:00Z')]
    })
    const approve = (approved: { labourFen: number; partsFen: number }) =>
      t.call(reviewer, 'claims.decide', { shopId: a.shopId, claimId: 'claim-1', decision: 'approve', approved })
    const nothing = await approve({ labourFen: 0, partsFen: 0 })
    expect(nothing.ok ? null : nothing.error).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'hqErrors.approvedNothing'
    })
    const tooMuch = await approve({ labourFen: 10000, partsFen: 15001 })
    expect(tooMuch.ok ? null : tooMuch.error).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'hqErrors.approvedAboveClaimed'
    })
    expect(await decisionsOf(t, a.key)).toEqual([])
    expect(await t.callOk(reviewer, 'claims.list', { status: 'pending' })).toMatchObject({ total: 1 })

    // The shop's own bill, all of it, is the most a claim is approved at.
    await approve({ labourFen: 10000, partsFen: 15000 })
    expect(await decisionsOf(t, a.key)).toMatchObject([{ status: 'approved', approvedFen: 25000 }])
    const listed = await t.callOk(reviewer, 'claims.list', { status: 'approved' })
    expect(listed).toMatchObject({ claims: [{ labourFen: 10000, partsFen: 15000, approvedFen: 25000 }] })
  })

  it('HQ’s rates above what the shop claimed are not approved by themselves', async () => {
    const t = await cluster.freshHq()
    const { reviewer, a } = await setUp(t)
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [change('warranty_claim', 'claim-1', claimPayload({ amountFen: 12000 }), '2026-03-10T01:00:00Z')]
    })
    const result = await t.call(reviewer, 'claims.decide', {
      shopId: a.shopId,
      claimId: 'claim-1',
      decision: 'approve'
    })
    expect(result.ok ? null : result.error).toMatchObject({ messageKey: 'hqErrors.approvedAboveClaimed' })
  })

  it('what the brand paid on an approved claim is kept and pulled by its shop with the decision', async () => {
    const t = await cluster.freshHq()
    const { reviewer, a, b } = await setUp(t)
    const analyst = await t.staff('analyst')
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [change('warranty_claim', 'claim-1', claimPayload(), '2026-03-10T01:00:00Z')]
    })
    const payment = { shopId: a.shopId, claimId: 'claim-1', paidFen: 14_000, paidReference: 'PAY-2026-03-17' }
    const errorOf = async (who: string, input: typeof payment) => {
      const result = await t.call(who, 'claims.pay', input)
      return result.ok ? null : result.error
    }
    // Nothing is paid before it is approved.
    expect(await errorOf(reviewer, payment)).toMatchObject({
      code: 'INVALID_TRANSITION',
      messageKey: 'hqErrors.claimNotApproved'
    })
    await t.callOk(reviewer, 'claims.decide', { shopId: a.shopId, claimId: 'claim-1', decision: 'approve' })
    const approved = (await t.shopOk('pull', a.key, { table: 'claimDecisions', since: 0 })) as {
      changes: { row: Decision }[]
      nextCursor: number
    }
    expect(approved.changes.map((c) => c.row)).toMatchObject([
      { approvedFen: 15_000, paidFen: null, paidReference: '', paidAt: null }
    ])
    // More than approved is refused; an analyst may not record it; another shop's claim is not found.
    expect(await errorOf(reviewer, { ...payment, paidFen: 15_001 })).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'hqErrors.paidAboveApproved'
    })
    expect(await errorOf(analyst, payment)).toMatchObject({ code: 'FORBIDDEN' })
    expect(await errorOf(reviewer, { ...payment, shopId: b.shopId })).toMatchObject({ code: 'NOT_FOUND' })

    t.clock.now = new Date('2026-03-17T02:00:00.000Z')
    await t.callOk(reviewer, 'claims.pay', payment)
    // The decision row moves on: a shop that pulled the approval pulls the payment again.
    const after = (await t.shopOk('pull', a.key, { table: 'claimDecisions', since: approved.nextCursor })) as {
      changes: { row: Decision }[]
    }
    expect(after.changes.map((c) => c.row)).toEqual([
      {
        claimId: 'claim-1',
        status: 'approved',
        reason: '',
        approvedFen: 15_000,
        decidedAt: expect.any(String),
        paidFen: 14_000,
        paidReference: 'PAY-2026-03-17',
        paidAt: '2026-03-17T02:00:00.000Z'
      }
    ])
    expect(await decisionsOf(t, b.key)).toEqual([])
    const listed = await t.callOk<{ claims: unknown[] }>(reviewer, 'claims.list', { status: 'approved' })
    expect(listed.claims).toMatchObject([
      { claimId: 'claim-1', paidFen: 14_000, paidReference: 'PAY-2026-03-17', paidAt: '2026-03-17T02:00:00.000Z' }
    ])
  })

  it('the brand’s labour rates are listed for every role and set by a network admin only', async () => {
    const t = await cluster.freshHq()
    const { reviewer } = await setUp(t)
    expect(await t.callOk(reviewer, 'labourRates.list', {})).toEqual([
      { categoryKey: '*', labourFen: 4000 },
      { categoryKey: 'mobilePhone', labourFen: 6000 }
    ])
    const set = await t.call(reviewer, 'seed.labourRates', { rows: [{ categoryKey: '*', labourFen: 1 }] })
    expect(set.ok ? null : set.error.code).toBe('FORBIDDEN')
  })

  it('a labour rate of 0 is refused, so a labour line is never paid nothing unflagged', async () => {
    const t = await cluster.freshHq()
    const { admin } = await setUp(t)
    const zero = await t.call(admin, 'seed.labourRates', { rows: [{ categoryKey: '*', labourFen: 0 }] })
    expect(zero.ok ? null : zero.error.code).toBe('VALIDATION')
    expect(await t.callOk(admin, 'labourRates.list', {})).toContainEqual({ categoryKey: '*', labourFen: 4000 })
  })

  it('a decided claim keeps the evidence it was decided on when the shop sends it again', async () => {
    const t = await cluster.freshHq()
    const { reviewer, a } = await setUp(t)
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [change('warranty_claim', 'claim-1', claimPayload(), '2026-03-10T01:00:00Z')]
    })
    await t.callOk(reviewer, 'claims.decide', {
      shopId: a.shopId,
      claimId: 'claim-1',
      decision: 'approve',
      approved: { labourFen: 10000, partsFen: 15000 }
    })
    await t.shopOk('push', a.key, {
      batchId: 'b2',
      changes: [change('warranty_claim', 'claim-1', claimPayload({ amountFen: 99000 }), '2026-03-11T01:00:00Z')]
    })
    const listed = await t.callOk(reviewer, 'claims.list', { status: 'approved' })
    expect(listed).toMatchObject({ total: 1, claims: [{ claimedFen: 25000, approvedFen: 25000 }] })
  })

  it('an analyst sees the queue but cannot decide', async () => {
    const t = await cluster.freshHq()
    const { a } = await setUp(t)
    const analyst = await t.staff('analyst')
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [change('warranty_claim', 'claim-1', claimPayload(), '2026-03-10T01:00:00Z')]
    })
    expect(await t.callOk<{ total: number }>(analyst, 'claims.list', {})).toMatchObject({ total: 1 })
    const result = await t.call(analyst, 'claims.decide', { shopId: a.shopId, claimId: 'claim-1', decision: 'approve' })
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN')
  })
})
