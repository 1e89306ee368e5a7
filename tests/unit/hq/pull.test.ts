import { describe, expect, it } from 'vitest'
import { pulledRowSchemas, type PulledTable } from '../../../src-shared/hq/protocol'
import { change, useHqCluster, type TestHq } from './hqHelpers'

const cluster = useHqCluster()

const unit = (n: number) => ({
  serial: `SN${n.toString().padStart(5, '0')}`,
  brand: 'Acme',
  model: n % 2 === 0 ? 'X1' : 'X2',
  categoryKey: 'mobilePhone',
  cardNumber: null,
  purchaseDate: '2026-01-15',
  invoiceNumber: `INV-${n}`,
  dealer: 'Acme Store',
  productionDate: null,
  buyerName: 'Wang',
  buyerPhone: '13800000000',
  activationDate: null
})

interface Page {
  changes: { seq: number; key: string; operation: string; row: unknown }[]
  nextCursor: number
  remaining: number
}

async function pullAll(t: TestHq, key: string, table: PulledTable, since: number, limit: number) {
  const pages: Page[] = []
  let cursor = since
  for (;;) {
    const page = (await t.shopOk('pull', key, { table, since: cursor, limit })) as Page
    pages.push(page)
    cursor = page.nextCursor
    if (page.changes.length === 0 || page.remaining === 0) return { pages, cursor }
  }
}

describe('HQ: pull by change sequence', () => {
  it('a shop pulls the registry in pages with a cursor and what remains, rows shaped by the protocol', async () => {
    const t = await cluster.freshHq()
    const admin = await t.staff('networkAdmin')
    const { key } = await t.enrolledShop('Nanjing Road')
    await t.callOk(admin, 'seed.registryUnits', { rows: Array.from({ length: 25 }, (_, i) => unit(i + 1)) })

    const { pages, cursor } = await pullAll(t, key, 'registryUnits', 0, 10)
    expect(pages.map((page) => [page.changes.length, page.remaining])).toEqual([
      [10, 15],
      [10, 5],
      [5, 0]
    ])
    const seqs = pages.flatMap((page) => page.changes.map((c) => c.seq))
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
    expect(new Set(pages.flatMap((page) => page.changes.map((c) => c.key))).size).toBe(25)
    for (const c of pages[0]!.changes) expect(pulledRowSchemas.registryUnits.parse(c.row)).toEqual(c.row)
    expect(cursor).toBe(seqs[seqs.length - 1])

    // Nothing new: the same cursor back, nothing remaining.
    expect(await t.shopOk('pull', key, { table: 'registryUnits', since: cursor })).toEqual({
      table: 'registryUnits',
      changes: [],
      nextCursor: cursor,
      remaining: 0
    })
  })

  it('an update comes again after the cursor, an unchanged re-import does not, a removal comes as a delete', async () => {
    const t = await cluster.freshHq()
    const admin = await t.staff('networkAdmin')
    const { key } = await t.enrolledShop('Nanjing Road')
    await t.callOk(admin, 'seed.registryUnits', { rows: [unit(1), unit(2), unit(3)] })
    const { cursor } = await pullAll(t, key, 'registryUnits', 0, 100)

    await t.callOk(admin, 'seed.registryUnits', { rows: [unit(1), { ...unit(2), buyerName: 'Zhao' }, unit(3)] })
    await t.callOk(admin, 'seed.remove', { table: 'registryUnits', key: 'SN00003' })
    const next = (await t.shopOk('pull', key, { table: 'registryUnits', since: cursor })) as Page
    expect(next.changes.map((c) => [c.key, c.operation])).toEqual([
      ['SN00002', 'upsert'],
      ['SN00003', 'delete']
    ])
    expect(next.changes[0]!.row).toMatchObject({ buyerName: 'Zhao' })
    expect(next.changes[1]!.row).toBeNull()
  })

  it('every shared table is pulled by its own sequence, in the shapes of the protocol', async () => {
    const t = await cluster.freshHq()
    const admin = await t.staff('networkAdmin')
    const { key } = await t.enrolledShop('Nanjing Road')
    await t.callOk(admin, 'seed.policies', {
      rows: [
        {
          id: 'p1',
          categoryKey: 'mobilePhone',
          brand: null,
          model: null,
          effectiveFrom: '2026-01-01',
          policy: { returnDays: 7 },
          note: ''
        }
      ]
    })
    await t.callOk(admin, 'seed.catalogueParts', {
      rows: [
        {
          partNumber: 'BAT-1',
          name: 'Battery',
          description: '',
          unit: 'pc',
          claimPriceFen: 8000,
          retailPriceFen: 12000,
          returnFaulty: true,
          serialTracked: false
        }
      ]
    })
    await t.callOk(admin, 'seed.faultCodes', {
      rows: [
        { list: 'faultCause', code: 'F01', label: 'No power', active: true, component: 'battery', voidsWarranty: null }
      ]
    })
    await t.callOk(admin, 'seed.bulletins', {
      rows: [
        {
          id: 'sb1',
          title: 'Swollen batteries',
          body: 'Replace',
          models: ['Acme X1'],
          publishedAt: '2026-02-01T00:00:00.000Z'
        }
      ]
    })
    for (const table of ['warrantyPolicies', 'catalogueParts', 'faultCodes', 'serviceBulletins'] as const) {
      const page = (await t.shopOk('pull', key, { table, since: 0 })) as Page
      expect(page.changes).toHaveLength(1)
      expect(pulledRowSchemas[table].parse(page.changes[0]!.row)).toEqual(page.changes[0]!.row)
    }
    const codes = (await t.shopOk('pull', key, { table: 'faultCodes', since: 0 })) as Page
    expect(codes.changes[0]!.key).toBe('faultCause:F01')
  })

  it('shop A reads nothing of shop B: decisions and return answers are pulled by their own shop only', async () => {
    const t = await cluster.freshHq()
    const reviewer = await t.staff('claimsReviewer')
    const a = await t.enrolledShop('Nanjing Road')
    const b = await t.enrolledShop('Huaihai Road')
    const claim = { workOrderNumber: 'WO-1', amountFen: 5000, lines: [] }
    await t.shopOk('push', b.key, {
      batchId: 'b1',
      changes: [
        change('warranty_claim', 'claim-b', claim, '2026-03-10T01:00:00Z'),
        change(
          'faulty_part_return',
          'batch-b',
          { number: 'RB-1', status: 'shipped', items: [] },
          '2026-03-10T01:00:00Z'
        )
      ]
    })
    await t.callOk(reviewer, 'claims.decide', {
      shopId: b.shopId,
      claimId: 'claim-b',
      decision: 'reject',
      reason: 'No proof'
    })
    await t.callOk(reviewer, 'returns.receive', { shopId: b.shopId, batchId: 'batch-b' })

    for (const table of ['claimDecisions', 'returnBatchStatus'] as const) {
      expect(await t.shopOk('pull', a.key, { table, since: 0 })).toMatchObject({ changes: [], remaining: 0 })
      const ofB = (await t.shopOk('pull', b.key, { table, since: 0 })) as Page
      expect(ofB.changes).toHaveLength(1)
      expect(pulledRowSchemas[table].parse(ofB.changes[0]!.row)).toEqual(ofB.changes[0]!.row)
    }
    // Shop A cannot reach B's rows by naming them either: a push about B's claim id is A's own record.
    await t.shopOk('push', a.key, {
      batchId: 'b1',
      changes: [change('warranty_claim', 'claim-b', { ...claim, amountFen: 1 }, '2026-03-10T02:00:00Z')]
    })
    const claimOfB = await t.hq.db
      .selectFrom('claims')
      .select(['claimedFen', 'status'])
      .where('shopId', '=', b.shopId)
      .executeTakeFirstOrThrow()
    expect(claimOfB).toEqual({ claimedFen: 5000, status: 'rejected' })
  })
})
