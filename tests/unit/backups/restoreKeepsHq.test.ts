import { afterEach, describe, expect, it, vi } from 'vitest'
import { syncWithHq } from '../../../src-main/features/sync/hq/run'
import { auditRows, callOk, countRows, MINUTE } from '../helpers'
import { enrolShop, hqUnderTest, type HqUnderTest } from '../sync/hqFixture'
import { addCustomer, fileShopPerTest, type FileShop } from './fixtures'

// A fake HQ over HTTPS per test, and a restore: slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const fileShop = fileShopPerTest()
let hq: HqUnderTest | undefined
afterEach(async () => {
  await hq?.dispose()
  hq = undefined
})

async function enrolledShop(): Promise<FileShop & { hq: HqUnderTest; shopId: string }> {
  const shop = await fileShop()
  hq = await hqUnderTest()
  const shopId = await enrolShop(shop.app, shop.adminToken, hq.hq)
  return { ...shop, hq, shopId }
}

/** Enrols the same shop again, with a new code from HQ: HQ takes only the new key from then on. */
async function enrolAgain(shop: FileShop & { hq: HqUnderTest; shopId: string }): Promise<void> {
  const code = `again-${shop.shopId}`
  shop.hq.hq.db.prepare('INSERT INTO enrol_codes (code, shop_id) VALUES (?, ?)').run(code, shop.shopId)
  const { fingerprint } = await callOk(shop.app, 'sync.readCertificate', { hqUrl: shop.hq.hq.url }, shop.adminToken)
  await callOk(shop.app, 'sync.enrol', { hqUrl: shop.hq.hq.url, fingerprint, code }, shop.adminToken)
}

/** The customer's latest change at HQ (the fake HQ keeps every change; the real one the latest). */
const latestAtHq = (shop: FileShop & { hq: HqUnderTest }, customerId: string): unknown =>
  JSON.parse(
    shop.hq.hq.db
      .prepare("SELECT payload_json FROM changes WHERE entity = 'customer' AND entity_id = ? ORDER BY id DESC LIMIT 1")
      .pluck()
      .get(customerId) as string
  )
const hqChanges = (shop: FileShop & { hq: HqUnderTest; shopId: string }) => shop.hq.hq.changeCount(shop.shopId)
/** A name as HQ receives it: its first character, the rest masked. */
const masked = (name: string) => `${name[0]}${'*'.repeat([...name].length - 1)}`

const unsent = (shop: FileShop) =>
  (shop.app.sqlite.prepare('SELECT count(*) AS n FROM outbox WHERE sent_at IS NULL').get() as { n: number }).n

describe('a restore and HQ', () => {
  it('a copy from before the shop enrolled again keeps today’s connection: the restored shop syncs with its new key', async () => {
    const shop = await enrolledShop()
    await addCustomer(shop.app, shop.adminToken)
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    const copy = await callOk(shop.app, 'backups.takeNow', {}, shop.adminToken)

    shop.clock.advance(MINUTE)
    await enrolAgain(shop)
    const preview = await callOk(shop.app, 'backups.previewRestore', { name: copy.name }, shop.adminToken)
    expect(preview.hq).toMatchObject({ hqName: 'Fake HQ', connectionKept: true })

    const result = await callOk(shop.app, 'backups.restore', { name: copy.name }, shop.adminToken)
    expect(result.hq).toMatchObject({ connectionKept: true })
    const { token } = await callOk(shop.app, 'auth.signIn', { username: 'admin', password: 'correct-horse-1' })
    await addCustomer(shop.app, token)
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    expect(unsent(shop)).toBe(0)
    expect(await callOk(shop.app, 'sync.status', {}, token)).toMatchObject({ enrolled: true, shopId: shop.shopId })
  })

  it('a copy from before the shop enrolled at all keeps it enrolled, and sends what the copy holds once', async () => {
    const shop = await fileShop()
    await addCustomer(shop.app, shop.adminToken)
    const copy = await callOk(shop.app, 'backups.takeNow', {}, shop.adminToken)
    shop.clock.advance(MINUTE)
    hq = await hqUnderTest()
    const shopId = await enrolShop(shop.app, shop.adminToken, hq.hq)
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    const atHq = hq.hq.changeCount(shopId)

    const result = await callOk(shop.app, 'backups.restore', { name: copy.name }, shop.adminToken)
    expect(result.hq).toMatchObject({ connectionKept: true })
    const { token } = await callOk(shop.app, 'auth.signIn', { username: 'admin', password: 'correct-horse-1' })
    expect(await callOk(shop.app, 'sync.status', {}, token)).toMatchObject({ enrolled: true, shopId })
    // The copy's changes were never marked sent in it: they go again, and HQ skips what it has.
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    expect(unsent(shop)).toBe(0)
    expect(hq.hq.changeCount(shopId)).toBe(atHq)
  })

  it('names the records HQ received after the copy, which stay at HQ; changes not sent yet are not counted', async () => {
    const shop = await enrolledShop()
    const kept = await addCustomer(shop.app, shop.adminToken)
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    const copy = await callOk(shop.app, 'backups.takeNow', {}, shop.adminToken)

    shop.clock.advance(MINUTE)
    await addCustomer(shop.app, shop.adminToken)
    await addCustomer(shop.app, shop.adminToken)
    await callOk(shop.app, 'customers.update', { id: kept, name: '改过名字' }, shop.adminToken)
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    // Made after the last sync: HQ has not got it, and it goes with the restore.
    await addCustomer(shop.app, shop.adminToken)

    const preview = await callOk(shop.app, 'backups.previewRestore', { name: copy.name }, shop.adminToken)
    expect(preview.hq).toEqual({
      hqName: 'Fake HQ',
      connectionKept: false,
      heldByHq: [{ entity: 'customer', records: 2 }],
      sentAgain: 1
    })
    const result = await callOk(shop.app, 'backups.restore', { name: copy.name }, shop.adminToken)
    expect(result.hq).toEqual(preview.hq)
    expect(auditRows(shop.app, 'backups.restore')).toMatchObject([{ after: { hq: preview.hq } }])
    expect(countRows(shop.app, 'customers')).toBe(1)

    // HQ keeps a record's latest change: the copy's state of the renamed customer goes to HQ again,
    // after HQ's newer one; the customers made since are left as HQ has them.
    const sentBefore = hqChanges(shop)
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    expect(unsent(shop)).toBe(0)
    expect(hqChanges(shop)).toBe(sentBefore + 1)
    const copyName = shop.app.sqlite.prepare('SELECT name FROM customers WHERE id = ?').pluck().get(kept) as string
    expect(copyName).not.toBe('改过名字')
    expect(latestAtHq(shop, kept)).toMatchObject({ name: masked(copyName) })
  })

  it('restoring the safety copy afterwards puts HQ’s picture back the other way', async () => {
    const shop = await enrolledShop()
    const customer = await addCustomer(shop.app, shop.adminToken)
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    const copy = await callOk(shop.app, 'backups.takeNow', {}, shop.adminToken)
    shop.clock.advance(MINUTE)
    await callOk(shop.app, 'customers.update', { id: customer, name: '改过名字' }, shop.adminToken)
    expect((await syncWithHq(shop.app)).problem).toBeNull()

    const { safetyCopy } = await callOk(shop.app, 'backups.restore', { name: copy.name }, shop.adminToken)
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    expect(latestAtHq(shop, customer)).not.toMatchObject({ name: masked('改过名字') })

    shop.clock.advance(MINUTE)
    const { token } = await callOk(shop.app, 'auth.signIn', { username: 'admin', password: 'correct-horse-1' })
    const undo = await callOk(shop.app, 'backups.restore', { name: safetyCopy.name }, token)
    expect(undo.hq).toMatchObject({ heldByHq: [], sentAgain: 1 })
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    expect(latestAtHq(shop, customer)).toMatchObject({ name: masked('改过名字') })
  })

  it('what HQ sent after the copy is pulled again onto the restored copy, once: the copy’s cursors go with its data', async () => {
    const shop = await enrolledShop()
    const bulletin = (id: string, title: string) => ({
      id,
      title,
      body: '更换尾插',
      models: ['华为 Mate 60'],
      publishedAt: '2026-01-01T00:00:00.000Z'
    })
    shop.hq.hq.publish('serviceBulletins', 'SB-1', bulletin('SB-1', '充电口松动'))
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    const copy = await callOk(shop.app, 'backups.takeNow', {}, shop.adminToken)

    shop.clock.advance(MINUTE)
    shop.hq.hq.publish('serviceBulletins', 'SB-2', bulletin('SB-2', '屏幕闪烁'))
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    await callOk(shop.app, 'backups.restore', { name: copy.name }, shop.adminToken)
    const titles = () => shop.app.sqlite.prepare('SELECT title FROM service_bulletins ORDER BY id').pluck().all()
    expect(titles()).toEqual(['充电口松动'])

    expect((await syncWithHq(shop.app)).problem).toBeNull()
    expect(titles()).toEqual(['充电口松动', '屏幕闪烁'])
  })

  it('a customer erased since the copy is erased at HQ too: the copy’s state queued again goes before the erasure', async () => {
    const shop = await enrolledShop()
    const customer = await callOk(
      shop.app,
      'customers.create',
      { name: '欧阳娜娜', mobile: '13912345678' },
      shop.adminToken
    )
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    const copy = await callOk(shop.app, 'backups.takeNow', {}, shop.adminToken)
    shop.clock.advance(MINUTE)
    await callOk(shop.app, 'customers.erase', { id: customer.id }, shop.adminToken)
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    expect(latestAtHq(shop, customer.id)).toMatchObject({ mobile: null })

    const result = await callOk(shop.app, 'backups.restore', { name: copy.name }, shop.adminToken)
    expect(result.hq).toMatchObject({ sentAgain: 1 })
    expect(result.confirmed.erasures).toBe(1)
    expect((await syncWithHq(shop.app)).problem).toBeNull()
    expect(unsent(shop)).toBe(0)
    const latest = latestAtHq(shop, customer.id) as { mobile: unknown; erasedAt: unknown }
    expect(latest.mobile).toBeNull()
    expect(latest.erasedAt).not.toBeNull()
    // Nothing queued for HQ on the restored data still names the person, masked or not.
    const queued = shop.app.sqlite
      .prepare(`SELECT payload_json FROM outbox WHERE entity_id = ?`)
      .pluck()
      .all(customer.id)
    expect(queued.join()).not.toMatch(/欧阳|5678/)
  })

  it('a shop not enrolled with HQ hears nothing of HQ', async () => {
    const shop = await fileShop()
    const copy = await callOk(shop.app, 'backups.takeNow', {}, shop.adminToken)
    const preview = await callOk(shop.app, 'backups.previewRestore', { name: copy.name }, shop.adminToken)
    expect(preview.hq).toBeNull()
    expect((await callOk(shop.app, 'backups.restore', { name: copy.name }, shop.adminToken)).hq).toBeNull()
  })
})
