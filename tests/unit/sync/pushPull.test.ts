import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callError, callOk } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { syncWithHq } from '../../../src-main/features/sync/hq/run'
import { callHq } from '../../../src-main/features/sync/hq/hqClient'
import { endpointOf, readHqConnection } from '../../../src-main/features/sync/hq/connection'
import { pushResponse } from '../../../src-shared/hq/protocol'
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

const unsent = () =>
  (shop().app.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n
const outboxTotal = () => (shop().app.sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n

async function newCustomer(name: string, mobile: string) {
  const { app, staff } = shop()
  return callOk(
    app,
    'customers.create',
    { name, mobile, otherPhones: [], address: '北京市朝阳区某路1号', company: '', notes: '', tags: [] },
    staff.frontDesk.token
  )
}

describe('sync with HQ', () => {
  it('enrolment pins the certificate the admin confirmed and keeps the shop key sealed', async () => {
    const connection = await readHqConnection(shop().app.db)
    expect(connection).toMatchObject({ hqUrl: hq.hq.url, fingerprint: hq.hq.fingerprint, shopId })
    expect(connection!.sealedKey).toMatch(/^sk1:/)
    const key = endpointOf(connection!).shopKey!
    expect(connection!.sealedKey).not.toContain(key)
  })

  it('pushes the whole outbox once, marks it sent, and HQ sees names and phones masked', async () => {
    const { app, adminToken } = shop()
    const customer = await newCustomer('张三丰', '13812345678')
    expect(unsent()).toBeGreaterThan(0)
    const outcome = await syncWithHq(app)
    expect(outcome.problem).toBeNull()
    expect(unsent()).toBe(0)
    expect(hq.hq.changeCount(shopId)).toBe(outboxTotal())
    const payload = JSON.parse(
      (
        hq.hq.db
          .prepare("SELECT payload_json FROM changes WHERE entity = 'customer' AND entity_id = ?")
          .get(customer.id) as { payload_json: string }
      ).payload_json
    ) as Record<string, unknown>
    expect(payload).toMatchObject({ name: '张**', mobile: '138****5678', address: '***' })
    // The shop keeps the truth.
    expect((await callOk(app, 'customers.get', { id: customer.id }, adminToken)).customer.name).toBe('张三丰')
    const status = await callOk(app, 'sync.status', {}, adminToken)
    expect(status).toMatchObject({
      enrolled: true,
      changesWaiting: 0,
      problem: null,
      lastSuccessAt: expect.any(String)
    })
  })

  it('a replayed old batch is acknowledged as a duplicate and changes nothing at HQ', async () => {
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
    const before = hq.hq.changeCount()
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
    expect(hq.hq.changeCount()).toBe(before)
  })

  it("pulls HQ's registry, policies, catalogue, fault codes and bulletins, each with its cursor", async () => {
    const { app, adminToken } = shop()
    hq.hq.publish('registryUnits', 'SN-HQ-0001', {
      serial: 'SN-HQ-0001',
      brand: '华为',
      model: 'Mate 60',
      categoryKey: 'mobile_phone',
      cardNumber: 'CARD-HQ-1',
      purchaseDate: '2025-12-01',
      invoiceNumber: 'INV-1',
      dealer: '某经销商',
      productionDate: null,
      buyerName: '李四',
      buyerPhone: '13900001111',
      activationDate: null
    })
    hq.hq.publish('catalogueParts', 'HW-BAT-60', {
      partNumber: 'HW-BAT-60',
      name: '电池 Mate 60',
      description: '原装电池',
      unit: 'piece',
      claimPriceFen: 12_000,
      retailPriceFen: 25_000,
      returnFaulty: true,
      serialTracked: false
    })
    hq.hq.publish('faultCodes', 'faultCause:C90', {
      list: 'faultCause',
      code: 'C90',
      label: '电池老化',
      active: true,
      component: 'battery',
      voidsWarranty: null
    })
    hq.hq.publish('serviceBulletins', 'SB-1', {
      id: 'SB-1',
      title: '充电口松动',
      body: '更换尾插',
      models: ['华为 Mate 60'],
      publishedAt: '2026-01-01T00:00:00.000Z'
    })
    expect((await syncWithHq(app)).problem).toBeNull()

    const lookup = await callOk(app, 'warranty.lookup', { query: 'SN-HQ-0001' }, adminToken)
    expect(JSON.stringify(lookup)).toContain('Mate 60')
    const part = app.sqlite
      .prepare(
        'SELECT p.name, p.return_faulty, p.on_hand, c.claim_price_fen FROM parts p JOIN hq_catalogue_prices c ON c.part_number = p.part_number WHERE p.part_number = ?'
      )
      .get('HW-BAT-60')
    expect(part).toEqual({ name: '电池 Mate 60', return_faulty: 1, on_hand: 0, claim_price_fen: 12_000 })
    expect(
      app.sqlite.prepare("SELECT label FROM code_entries WHERE list = 'fault_cause' AND code = 'C90'").get()
    ).toEqual({
      label: '电池老化'
    })
    expect(app.sqlite.prepare('SELECT title FROM service_bulletins').all()).toEqual([{ title: '充电口松动' }])
    const status = await callOk(app, 'sync.status', {}, adminToken)
    expect(status.tables.find((table) => table.table === 'registryUnits')).toMatchObject({ cursor: 1, remaining: 0 })

    // The cursor makes the next pull ask only for what is new: a change to the part arrives alone.
    hq.hq.publish('catalogueParts', 'HW-BAT-60', {
      partNumber: 'HW-BAT-60',
      name: '电池 Mate 60 (新)',
      description: '原装电池',
      unit: 'piece',
      claimPriceFen: 13_000,
      retailPriceFen: 25_000,
      returnFaulty: true,
      serialTracked: false
    })
    expect((await syncWithHq(app)).pulled).toBe(1)
    expect(app.sqlite.prepare("SELECT name FROM parts WHERE part_number = 'HW-BAT-60'").get()).toEqual({
      name: '电池 Mate 60 (新)'
    })
  })

  it("once enrolled, the shop's edits to HQ's data are refused with a plain message; its own fields stay its own", async () => {
    const { app, adminToken } = shop()
    const id = app.sqlite.prepare("SELECT id FROM parts WHERE part_number = 'HW-BAT-60'").pluck().get() as string
    const part = await callOk(app, 'parts.get', { id }, adminToken)
    const fields = {
      partNumber: part.partNumber,
      name: part.name,
      description: part.description,
      unit: part.unit,
      barcodes: part.barcodes,
      sellingPriceFen: 26_000,
      serialTracked: part.serialTracked,
      returnFaulty: part.returnFaulty
    }
    expect(
      await callError(app, 'parts.update', { id, fields: { ...fields, name: '电池（本店改名）' } }, adminToken)
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'sync.hqOwned' })
    expect(
      await callOk(app, 'parts.update', { id, fields: { ...fields, binLocation: 'A-01' } }, adminToken)
    ).toMatchObject({
      name: '电池 Mate 60 (新)',
      sellingPriceFen: 26_000
    })
    const policies = await callOk(app, 'warranty.policies', {}, adminToken)
    const current = policies.find((policy) => policy.categoryKey === 'mobile_phone')!
    expect(
      await callError(
        app,
        'warranty.savePolicy',
        { categoryKey: 'mobile_phone', effectiveFrom: '2026-02-01', policy: { ...current.policy, repairMonths: 24 } },
        adminToken
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'sync.hqOwned' })
  })

  it('while HQ is down changes queue at the shop, the page says so in plain words, and they drain when it returns', async () => {
    const { app, adminToken } = shop()
    await hq.stop()
    await newCustomer('王五', '13700002222')
    await newCustomer('赵六', '13600003333')
    const waiting = unsent()
    expect(waiting).toBeGreaterThan(0)
    expect((await syncWithHq(app)).problem).toBe('unreachable')
    const down = await callOk(app, 'sync.status', {}, adminToken)
    expect(down).toMatchObject({ problem: 'unreachable', changesWaiting: waiting, failures: 1 })
    await hq.restart()
    expect((await syncWithHq(app)).problem).toBeNull()
    expect(unsent()).toBe(0)
    expect(hq.hq.changeCount(shopId)).toBe(outboxTotal())
    expect(await callOk(app, 'sync.status', {}, adminToken)).toMatchObject({ problem: null, failures: 0 })
  })

  it('a shop whose key HQ revoked gets a plain error on the sync page and keeps its changes', async () => {
    const { app, adminToken } = shop()
    hq.hq.revokeShop(shopId)
    await newCustomer('钱七', '13500004444')
    expect((await syncWithHq(app)).problem).toBe('keyRevoked')
    expect(await callOk(app, 'sync.status', {}, adminToken)).toMatchObject({ problem: 'keyRevoked', changesWaiting: 1 })
  })

  it('enrolment refuses a certificate other than the one the admin confirmed, and a used code', async () => {
    const { app, adminToken } = shop()
    const code = hq.hq.registerShop('另一家店')
    const wrongPin = await callError(
      app,
      'sync.enrol',
      { hqUrl: hq.hq.url, fingerprint: 'AA:BB:CC:DD:EE:FF:00:11:22:33', code },
      adminToken
    )
    expect(wrongPin).toMatchObject({ code: 'CONFLICT', messageKey: 'sync.certificateChanged' })
    await callOk(app, 'sync.enrol', { hqUrl: hq.hq.url, fingerprint: hq.hq.fingerprint, code }, adminToken)
    const again = await callError(
      app,
      'sync.enrol',
      { hqUrl: hq.hq.url, fingerprint: hq.hq.fingerprint, code },
      adminToken
    )
    expect(again).toMatchObject({ messageKey: 'sync.enrolCodeExpired' })
  })

  it('only managers and admins see the sync page; only an admin enrols', async () => {
    const { app, staff } = shop()
    expect(await callError(app, 'sync.status', {}, staff.frontDesk.token)).toMatchObject({ code: 'FORBIDDEN' })
    await callOk(app, 'sync.status', {}, staff.manager.token)
    expect(
      await callError(
        app,
        'sync.enrol',
        { hqUrl: hq.hq.url, fingerprint: hq.hq.fingerprint, code: 'abcdef' },
        staff.manager.token
      )
    ).toMatchObject({ code: 'FORBIDDEN' })
  })
})
