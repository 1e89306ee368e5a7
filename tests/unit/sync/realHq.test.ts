import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callOk } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { finishedJob } from '../checkout/fixtures'
import { syncWithHq } from '../../../src-main/features/sync/hq/run'
import { callHq, HqCallError } from '../../../src-main/features/sync/hq/hqClient'
import { endpointOf, readHqConnection } from '../../../src-main/features/sync/hq/connection'
import { pushResponse } from '../../../src-shared/hq/protocol'
import { startHq, type RunningHq } from '../../../src-hq/app'
import { registerShop, revokeShop } from '../../../src-hq/shops/service'
import { upsertRegistryUnits } from '../../../src-hq/seed/registry'
import { removeSharedRow, setLabourRates, upsertCatalogueParts, upsertFaultCodes } from '../../../src-hq/seed/shared'
import { decideClaim } from '../../../src-hq/claims/review'

/**
 * The shop and the REAL HQ (src-hq on an embedded PostgreSQL, over HTTPS with its own
 * certificate), not the fake one: enrolment with a code HQ issued, push, pull, a claim's evidence
 * and HQ's decision on it, replay, revocation, and both sides holding the same changes.
 */

const shop = staffedShopPerFile()
let running: RunningHq
let dataDir: string
let shopId: string

const SERIAL = 'SN-REAL-HQ-0001'
const PART_NUMBER = 'HW-BAT-M60'

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'real-hq-'))
  running = await startHq({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    name: 'Brand HQ',
    timeZone: 'Asia/Shanghai',
    adminPassword: 'test-admin-password'
  })
  const { app, adminToken } = shop()
  const { code } = await registerShop(running.hq, '测试店')
  const certificate = await callOk(app, 'sync.readCertificate', { hqUrl: running.url }, adminToken)
  expect(certificate.fingerprint).toBe(running.fingerprint)
  const status = await callOk(
    app,
    'sync.enrol',
    { hqUrl: running.url, fingerprint: certificate.fingerprint, code },
    adminToken
  )
  shopId = status.shopId!
}, 120_000)

afterAll(async () => {
  await running?.stop()
  if (dataDir) rmSync(dataDir, { recursive: true, force: true })
}, 60_000)

const outboxRows = () =>
  shop().app.sqlite.prepare('SELECT id, entity, entity_id, sent_at FROM outbox ORDER BY id').all() as {
    id: string
    entity: string
    entity_id: string
    sent_at: string | null
  }[]

const checksum = (ids: readonly string[]) =>
  createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex')

async function hqAppliedIds(): Promise<string[]> {
  const rows = await running.hq.db
    .selectFrom('appliedChanges')
    .select('changeId')
    .where('shopId', '=', shopId)
    .execute()
  return rows.map((row) => row.changeId)
}

async function admin() {
  const user = await running.hq.db
    .selectFrom('staffUsers')
    .select(['id', 'username', 'displayName', 'role'])
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow()
  return user
}

describe('the shop against the real HQ', () => {
  it('enrols with the code HQ issued and pins the certificate HQ serves', async () => {
    const connection = await readHqConnection(shop().app.db)
    expect(connection).toMatchObject({ hqUrl: running.url, fingerprint: running.fingerprint, shopId })
    const atHq = await running.hq.db.selectFrom('shops').select(['id', 'name']).where('id', '=', shopId).execute()
    expect(atHq).toEqual([{ id: shopId, name: '测试店' }])
  })

  it('pulls the registry, catalogue and fault codes seeded at HQ, and a fault code HQ withdraws', async () => {
    const { app, adminToken } = shop()
    await upsertRegistryUnits(running.hq, [
      {
        serial: SERIAL,
        brand: '华为',
        model: 'Mate 60',
        categoryKey: 'mobile_phone',
        cardNumber: 'CARD-REAL-1',
        purchaseDate: '2026-01-05',
        invoiceNumber: 'INV-REAL-1',
        dealer: '某经销商',
        productionDate: null,
        buyerName: '李四',
        buyerPhone: '13900001111',
        activationDate: null
      }
    ])
    await upsertCatalogueParts(running.hq, [
      {
        partNumber: PART_NUMBER,
        name: '电池 Mate 60',
        description: '原装电池',
        unit: 'piece',
        claimPriceFen: 12_000,
        retailPriceFen: 25_000,
        returnFaulty: true,
        serialTracked: false
      }
    ])
    await upsertFaultCodes(running.hq, [
      { list: 'faultCause', code: 'C90', label: '电池老化', active: true, component: 'battery', voidsWarranty: null },
      { list: 'faultCause', code: 'C91', label: '电池鼓包', active: true, component: 'battery', voidsWarranty: null }
    ])
    const outcome = await syncWithHq(app)
    expect(outcome.problem).toBeNull()

    const lookup = await callOk(app, 'warranty.lookup', { query: SERIAL }, adminToken)
    expect(JSON.stringify(lookup)).toContain('Mate 60')
    expect(
      app.sqlite.prepare('SELECT c.claim_price_fen FROM hq_catalogue_prices c WHERE c.part_number = ?').get(PART_NUMBER)
    ).toEqual({ claim_price_fen: 12_000 })
    const codes = app.sqlite.prepare(
      "SELECT code, label, active, component FROM code_entries WHERE list = 'fault_cause' AND code IN ('C90', 'C91') ORDER BY code"
    )
    expect(codes.all()).toEqual([
      { code: 'C90', label: '电池老化', active: 1, component: 'battery' },
      { code: 'C91', label: '电池鼓包', active: 1, component: 'battery' }
    ])

    // HQ's tombstone key for a fault code is `list:code`; the shop withdraws exactly that code.
    await removeSharedRow(running.hq, 'faultCodes', 'faultCause:C91')
    expect((await syncWithHq(app)).problem).toBeNull()
    expect(codes.all()).toEqual([
      { code: 'C90', label: '电池老化', active: 1, component: 'battery' },
      { code: 'C91', label: '电池鼓包', active: 0, component: 'battery' }
    ])
  })

  it("pushes a customer, a job and the warranty claim made at checkout with its evidence; HQ's approval shows on the shop's job", async () => {
    const { app, staff, adminToken } = shop()
    await callOk(
      app,
      'customers.create',
      { name: '王五', mobile: '13711112222', otherPhones: [], address: '北京市', company: '', notes: '', tags: [] },
      staff.frontDesk.token
    )
    const job = await finishedJob(app, adminToken, {
      serviceType: 'warranty_repair',
      labourFen: 6_000,
      partPriceFen: 30_000,
      intake: { device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60', serial: SERIAL } } }
    })
    // The bench found the cause from HQ's fault list.
    await callOk(
      app,
      'workOrders.diagnose',
      { id: job.id, faultLocationCode: null, faultCauseCode: 'C90', diagnosis: '电池老化' },
      adminToken
    )
    await callOk(app, 'checkout.pay', { workOrderId: job.id, tenders: [] }, staff.frontDesk.token)
    const [claim] = (await callOk(app, 'checkout.claims', { workOrderId: job.id }, staff.frontDesk.token)).rows
    expect(claim).toMatchObject({ status: 'open', amountFen: 36_000 })

    expect((await syncWithHq(app)).problem).toBeNull()
    expect(outboxRows().filter((row) => row.sent_at === null)).toEqual([])

    const atHq = await running.hq.db
      .selectFrom('claims')
      .select(['claimId', 'status', 'claimedFen', 'serial', 'brand', 'model', 'categoryKey', 'faultCode', 'component'])
      .where('shopId', '=', shopId)
      .execute()
    expect(atHq).toEqual([
      {
        claimId: claim!.id,
        status: 'pending',
        claimedFen: 36_000,
        serial: SERIAL,
        brand: '华为',
        model: 'Mate 60',
        categoryKey: 'mobile_phone',
        faultCode: 'C90',
        component: 'battery'
      }
    ])
    const record = await running.hq.db
      .selectFrom('shopRecords')
      .select('payload')
      .where('shopId', '=', shopId)
      .where('entity', '=', 'warranty_claim')
      .executeTakeFirstOrThrow()
    const lines = (record.payload as { lines: { kind: string; partNumber?: string }[] }).lines
    expect(lines.filter((line) => line.kind === 'part').map((line) => line.partNumber)).toEqual([
      `SCR-${job.id.slice(-8)}`
    ])

    // HQ pays at its own rates: labour for the category, the part at the catalogue's claim price.
    await setLabourRates(running.hq, [{ categoryKey: 'mobile_phone', labourFen: 5_000 }])
    await upsertCatalogueParts(running.hq, [
      {
        partNumber: `SCR-${job.id.slice(-8)}`,
        name: '屏幕总成',
        description: '',
        unit: 'piece',
        claimPriceFen: 20_000,
        retailPriceFen: 45_000,
        returnFaulty: false,
        serialTracked: false
      }
    ])
    await decideClaim(running.hq, await admin(), {
      shopId,
      claimId: claim!.id,
      decision: 'approve',
      reason: ''
    })
    expect((await syncWithHq(app)).problem).toBeNull()
    const decided = (await callOk(app, 'checkout.claims', { workOrderId: job.id }, staff.frontDesk.token)).rows
    // The claim stays with HQ (submitted) until it is paid; HQ's decision shows beside it.
    expect(decided).toEqual([
      expect.objectContaining({
        status: 'submitted',
        decision: expect.objectContaining({ status: 'approved', approvedFen: 25_000 })
      })
    ])
  })

  it("a credit note's reduction of a claim reaches HQ with its amount and the unit's evidence", async () => {
    const { app, staff, adminToken } = shop()
    const job = await finishedJob(app, adminToken, {
      serviceType: 'warranty_repair',
      labourFen: 6_000,
      partPriceFen: 30_000,
      intake: { device: { kind: 'new', fields: { brand: '华为', model: 'Mate 60', serial: 'SN-REAL-HQ-0002' } } }
    })
    const invoice = await callOk(app, 'checkout.pay', { workOrderId: job.id, tenders: [] }, staff.manager.token)
    await callOk(
      app,
      'checkout.creditNote',
      {
        invoiceId: invoice.id,
        lines: [{ lineId: invoice.lines[0]!.id, amountFen: 1_000 }],
        reason: '工时调整',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    expect((await syncWithHq(app)).problem).toBeNull()
    const claims = await running.hq.db
      .selectFrom('claims')
      .select(['claimedFen', 'serial', 'model'])
      .where('shopId', '=', shopId)
      .where('workOrderId', '=', job.id)
      .orderBy('claimedFen')
      .execute()
    expect(claims).toEqual([
      { claimedFen: -1_000, serial: 'SN-REAL-HQ-0002', model: 'Mate 60' },
      { claimedFen: 36_000, serial: 'SN-REAL-HQ-0002', model: 'Mate 60' }
    ])
  })

  it('what the shop sent equals what HQ holds: same change ids, one record per entity, no duplicates', async () => {
    const rows = outboxRows()
    expect(rows.length).toBeGreaterThan(0)
    const applied = await hqAppliedIds()
    expect(applied.length).toBe(rows.length)
    expect(new Set(applied).size).toBe(applied.length)
    expect(checksum(applied)).toBe(checksum(rows.map((row) => row.id)))
    const records = await running.hq.db
      .selectFrom('shopRecords')
      .select(['entity', 'entityId'])
      .where('shopId', '=', shopId)
      .execute()
    const distinct = new Set(rows.map((row) => `${row.entity}/${row.entity_id}`))
    expect(records.length).toBe(distinct.size)
    expect(new Set(records.map((row) => `${row.entity}/${row.entityId}`))).toEqual(distinct)
  })

  it('a replayed old batch is acknowledged as a duplicate and applies nothing', async () => {
    const { app } = shop()
    const batch = app.sqlite.prepare('SELECT batch_id, first_seq, last_seq FROM hq_push_batches LIMIT 1').get() as {
      batch_id: string
      first_seq: number
      last_seq: number
    }
    const rows = app.sqlite
      .prepare('SELECT id, at, entity, entity_id, payload_json FROM outbox WHERE seq BETWEEN ? AND ? ORDER BY seq')
      .all(batch.first_seq, batch.last_seq) as {
      id: string
      at: string
      entity: string
      entity_id: string
      payload_json: string
    }[]
    const before = checksum(await hqAppliedIds())
    const answer = await callHq(
      endpointOf((await readHqConnection(app.db))!),
      'push',
      {
        batchId: batch.batch_id,
        changes: rows.map((row) => ({
          id: row.id,
          at: row.at,
          entity: row.entity,
          entityId: row.entity_id,
          operation: 'upsert',
          payload: JSON.parse(row.payload_json)
        }))
      },
      pushResponse
    )
    expect(answer).toEqual({ batchId: batch.batch_id, applied: 0, duplicate: true })
    expect(checksum(await hqAppliedIds())).toBe(before)
  })

  it('a wrong key and then a revoked key are refused by HQ, and the shop says so in its own words', async () => {
    const { app, adminToken } = shop()
    const endpoint = endpointOf((await readHqConnection(app.db))!)
    const wrong = await callHq(
      { ...endpoint, shopKey: 'x'.repeat(48) },
      'pull',
      { table: 'faultCodes', since: 0 },
      pushResponse
    ).catch((error: unknown) => error)
    expect(wrong).toBeInstanceOf(HqCallError)
    expect((wrong as HqCallError).problem).toBe('keyInvalid')

    await revokeShop(running.hq, shopId)
    const outcome = await syncWithHq(app)
    expect(outcome.problem).toBe('keyRevoked')
    const status = await callOk(app, 'sync.status', {}, adminToken)
    expect(status.problem).toBe('keyRevoked')
  })
})
