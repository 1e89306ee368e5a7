import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import type { SettlementStatement } from '../../../src-hq/contractOutputs'
import { change, useHqCluster } from './hqHelpers'

const cluster = useHqCluster()

const claim = (model: string, lines: unknown[]) => ({
  workOrderNumber: `WO-${model}`,
  amountFen: 99_999,
  serial: `SN-${model}`,
  model,
  categoryKey: 'mobilePhone',
  lines
})
const labour = { kind: 'labour', description: 'Repair', quantity: 1, amountFen: 12_000 }
const part = (partNumber: string, quantity: number) => ({
  kind: 'part',
  description: partNumber,
  partNumber,
  quantity,
  amountFen: 50_000
})

describe('HQ: the monthly settlement statement', () => {
  it('pays approved claims at the brand’s rates and prices plus credited returns, month by month', async () => {
    const t = await cluster.freshHq()
    const admin = await t.staff('networkAdmin')
    const reviewer = await t.staff('claimsReviewer')
    await t.callOk(admin, 'seed.labourRates', { rows: [{ categoryKey: 'mobilePhone', labourFen: 6_000 }] })
    const catalogue = (partNumber: string, claimPriceFen: number) => ({
      partNumber,
      name: partNumber,
      description: '',
      unit: 'pc',
      claimPriceFen,
      retailPriceFen: claimPriceFen * 2,
      returnFaulty: true,
      serialTracked: false
    })
    await t.callOk(admin, 'seed.catalogueParts', { rows: [catalogue('BAT-1', 9_000), catalogue('LCD-1', 30_000)] })
    const shop = await t.enrolledShop('Nanjing Road')
    const other = await t.enrolledShop('Huaihai Road')
    const at = '2026-03-05T01:00:00Z'
    await t.shopOk('push', shop.key, {
      batchId: 'b1',
      changes: [
        change('warranty_claim', 'c1', claim('X1', [labour, part('BAT-1', 1)]), at),
        change('warranty_claim', 'c2', claim('X2', [labour, part('LCD-1', 1), part('BAT-1', 2)]), at),
        change('warranty_claim', 'c3', claim('X3', [labour]), at),
        change('warranty_claim', 'c4', claim('X4', [labour, part('LCD-1', 1)]), at),
        change('faulty_part_return', 'rb1', { number: 'RB-1', status: 'shipped', items: [{ partId: 'p' }] }, at),
        change('faulty_part_return', 'rb2', { number: 'RB-2', status: 'shipped', items: [] }, at)
      ]
    })
    await t.shopOk('push', other.key, {
      batchId: 'b1',
      changes: [change('warranty_claim', 'c9', claim('X9', [labour]), at)]
    })
    const decide = (shopId: string, claimId: string, decision: string, reason = '') =>
      t.callOk(reviewer, 'claims.decide', { shopId, claimId, decision: decision as 'approve', reason })

    // 31 March 23:30 in Shanghai is still March there, though it is 15:30 UTC.
    t.clock.now = new Date('2026-03-31T15:30:00Z')
    await decide(shop.shopId, 'c1', 'approve')
    await decide(shop.shopId, 'c2', 'approve')
    await decide(shop.shopId, 'c3', 'reject', 'Not covered')
    await decide(other.shopId, 'c9', 'approve')
    await t.callOk(reviewer, 'returns.receive', { shopId: shop.shopId, batchId: 'rb1' })
    await t.callOk(reviewer, 'returns.credit', {
      shopId: shop.shopId,
      batchId: 'rb1',
      creditedFen: 2_500,
      creditReference: 'CR-0301'
    })
    await t.callOk(reviewer, 'returns.receive', { shopId: shop.shopId, batchId: 'rb2' })
    // 1 April 00:30 in Shanghai: April's statement.
    t.clock.now = new Date('2026-03-31T16:30:00Z')
    await decide(shop.shopId, 'c4', 'approve')

    const march = await t.callOk<SettlementStatement>(reviewer, 'settlements.statement', {
      shopId: shop.shopId,
      month: '2026-03'
    })
    // What the shop claimed stands beside what the brand approved.
    expect(march.claims.map((c) => [c.workOrderNumber, c.claimedFen, c.labourFen, c.partsFen, c.approvedFen])).toEqual([
      ['WO-X1', 99_999, 6_000, 9_000, 15_000],
      ['WO-X2', 99_999, 6_000, 48_000, 54_000]
    ])
    expect(march.returns.map((r) => [r.number, r.creditReference, r.creditedFen])).toEqual([['RB-1', 'CR-0301', 2_500]])
    expect(march.totals).toEqual({
      claimedFen: 2 * 99_999,
      labourFen: 12_000,
      partsFen: 57_000,
      claimsFen: 69_000,
      returnsFen: 2_500,
      totalFen: 71_500
    })
    const april = await t.callOk<SettlementStatement>(reviewer, 'settlements.statement', {
      shopId: shop.shopId,
      month: '2026-04'
    })
    expect(april.totals).toMatchObject({ claimsFen: 36_000, returnsFen: 0, totalFen: 36_000 })

    // The shop learns both steps of its return batches.
    const statuses = (await t.shopOk('pull', shop.key, { table: 'returnBatchStatus', since: 0 })) as {
      changes: { row: { batchId: string; status: string; creditedFen: number } }[]
    }
    expect(statuses.changes.map((c) => c.row)).toMatchObject([
      { batchId: 'rb1', status: 'credited', creditedFen: 2_500 },
      { batchId: 'rb2', status: 'received', creditedFen: 0 }
    ])

    const exported = await t.callOk<{ base64: string }>(reviewer, 'settlements.export', {
      shopId: shop.shopId,
      month: '2026-03'
    })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(exported.base64, 'base64') as unknown as ArrayBuffer)
    const values = workbook.worksheets[0]!.getSheetValues().flat()
    expect(values).toContain('WO-X2')
    expect(values).toContain(715)
    expect(values).toContain('申请 Claimed')
    expect(values).toContain(999.99)
  })

  it('a batch is received before it is credited', async () => {
    const t = await cluster.freshHq()
    const reviewer = await t.staff('claimsReviewer')
    const shop = await t.enrolledShop('Nanjing Road')
    await t.shopOk('push', shop.key, {
      batchId: 'b1',
      changes: [
        change('faulty_part_return', 'rb1', { number: 'RB-1', status: 'shipped', items: [] }, '2026-03-05T01:00:00Z')
      ]
    })
    const early = await t.call(reviewer, 'returns.credit', {
      shopId: shop.shopId,
      batchId: 'rb1',
      creditedFen: 100,
      creditReference: 'CR'
    })
    expect(early.ok ? null : early.error.code).toBe('INVALID_TRANSITION')
  })

  it('a batch the shop cancelled before shipping is neither received nor credited: its parts never left', async () => {
    const t = await cluster.freshHq()
    const reviewer = await t.staff('claimsReviewer')
    const shop = await t.enrolledShop('Nanjing Road')
    const at = '2026-03-05T01:00:00Z'
    await t.shopOk('push', shop.key, {
      batchId: 'b1',
      changes: [change('faulty_part_return', 'rb1', { number: 'RB-1', status: 'packed', items: [{ id: 'f1' }] }, at)]
    })
    await t.shopOk('push', shop.key, {
      batchId: 'b2',
      changes: [change('faulty_part_return', 'rb1', { number: 'RB-1', status: 'cancelled', items: [] }, at)]
    })
    const received = await t.call(reviewer, 'returns.receive', { shopId: shop.shopId, batchId: 'rb1' })
    expect(received.ok ? null : received.error).toMatchObject({
      code: 'INVALID_TRANSITION',
      messageKey: 'hqErrors.returnCancelled'
    })
  })
})
