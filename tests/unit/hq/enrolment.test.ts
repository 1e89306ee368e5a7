import { describe, expect, it } from 'vitest'
import { registerShop, renewEnrolCode } from '../../../src-hq/shops/service'
import { useHqCluster } from './hqHelpers'

const cluster = useHqCluster()
const enrol = (code: string) => ({ code, shopName: 'Shop on Nanjing Road', appVersion: '0.1.0' })
const pull = { table: 'faultCodes', since: 0 }

describe('HQ: enrolling shops and their keys', () => {
  it('a shop enrols with the right code and its key opens HQ; only the key hash is kept', async () => {
    const t = await cluster.freshHq()
    const { shopId, code } = await registerShop(t.hq, 'Nanjing Road')
    const data = (await t.shopOk('enrol', undefined, enrol(code.toLowerCase()))) as { shopId: string; shopKey: string }
    expect(data.shopId).toBe(shopId)
    expect(await t.shopOk('pull', data.shopKey, pull)).toMatchObject({ changes: [], nextCursor: 0, remaining: 0 })
    const stored = await t.hq.db.selectFrom('shops').selectAll().where('id', '=', shopId).executeTakeFirstOrThrow()
    expect(stored.status).toBe('active')
    expect(stored.keyHash).not.toContain(data.shopKey)
    expect(JSON.stringify(stored)).not.toContain(data.shopKey)
  })

  it('a wrong code, a spent code and an expired code are refused', async () => {
    const t = await cluster.freshHq()
    const { code } = await registerShop(t.hq, 'Nanjing Road')
    expect(await t.shopError('enrol', undefined, enrol('WRONG-CODE-123'))).toBe('HQ_ENROL_CODE_INVALID')
    await t.shopOk('enrol', undefined, enrol(code))
    expect(await t.shopError('enrol', undefined, enrol(code))).toBe('HQ_ENROL_CODE_INVALID')

    const late = await registerShop(t.hq, 'Huaihai Road')
    t.advanceDays(7.01)
    expect(await t.shopError('enrol', undefined, enrol(late.code))).toBe('HQ_ENROL_CODE_EXPIRED')
    const renewed = await renewEnrolCode(t.hq, late.shopId)
    expect(await t.shopOk('enrol', undefined, enrol(renewed.code))).toMatchObject({ shopId: late.shopId })
  })

  it('a bad key is refused, a revoked key is refused as revoked, and enrolling again replaces the key', async () => {
    const t = await cluster.freshHq()
    const admin = await t.staff('networkAdmin')
    const { shopId, key } = await t.enrolledShop('Nanjing Road')
    expect(await t.shopError('pull', undefined, pull)).toBe('HQ_KEY_INVALID')
    expect(await t.shopError('pull', `${key}x`, pull)).toBe('HQ_KEY_INVALID')
    expect(await t.shopError('push', 'hqk_made-up', { batchId: 'b1', changes: [] })).toBe('HQ_KEY_INVALID')

    await t.callOk(admin, 'shops.revoke', { shopId })
    expect(await t.shopError('pull', key, pull)).toBe('HQ_KEY_REVOKED')
    expect(
      await t.shopError('push', key, {
        batchId: 'b1',
        changes: [
          { id: 'c1', at: '2026-03-10T02:00:00Z', entity: 'x', entityId: '1', operation: 'upsert', payload: {} }
        ]
      })
    ).toBe('HQ_KEY_REVOKED')

    const { code } = await t.callOk<{ code: string }>(admin, 'shops.renewCode', { shopId })
    const again = (await t.shopOk('enrol', undefined, enrol(code))) as { shopKey: string }
    expect(await t.shopOk('pull', again.shopKey, pull)).toMatchObject({ remaining: 0 })
    expect(await t.shopError('pull', key, pull)).toBe('HQ_KEY_INVALID')
  })

  it('only a network admin registers and revokes shops', async () => {
    const t = await cluster.freshHq()
    const reviewer = await t.staff('claimsReviewer')
    const result = await t.call(reviewer, 'shops.register', { name: 'Nanjing Road' })
    expect(result.ok ? null : result.error.code).toBe('FORBIDDEN')
    const signedOut = await t.call('hqs_not-a-session', 'shops.list', {})
    expect(signedOut.ok ? null : signedOut.error.code).toBe('UNAUTHENTICATED')
  })
})
