import { describe, expect, it, vi } from 'vitest'
import { openApp } from '../../../src-main/app/openApp'
import type { AppContext } from '../../../src-main/app/context'
import {
  DEFAULT_APPROVAL_THRESHOLD_FEN,
  DEFAULT_IDLE_LOCK_MINUTES,
  DEFAULT_PASSCODE_RETENTION_DAYS,
  DEFAULT_REPAIR_WARRANTY_DAYS
} from '../../../src-shared/contract/settings'
import {
  ADMIN,
  auditRows,
  call,
  callError,
  callOk,
  closeAfterEachTest,
  countRows,
  createUserAndSignIn,
  initializedApp,
  SHOP,
  testClock
} from '../helpers'

const track = closeAfterEachTest()

interface OutboxRow {
  at: string
  entity: string
  entity_id: string
  operation: string
  payload_json: string
  sent_at: string | null
}

function outboxRows(shop: AppContext): OutboxRow[] {
  return shop.sqlite
    .prepare('SELECT at, entity, entity_id, operation, payload_json, sent_at FROM outbox ORDER BY seq')
    .all() as OutboxRow[]
}

const TINY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

describe('first run', () => {
  it('setup.status reports an empty database as not initialized, then initialized after setup', async () => {
    const clock = testClock()
    const app = track(openApp({ dataDir: ':memory:', clock: clock.now }))
    expect(await callOk(app, 'setup.status', {})).toMatchObject({ initialized: false })
    expect((await callError(app, 'settings.get', {}, 'no-token')).code).toBe('UNAUTHENTICATED')

    const result = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })

    expect(await callOk(app, 'setup.status', {})).toMatchObject({ initialized: true })
    expect(result).toMatchObject({
      user: { username: ADMIN.username, displayName: ADMIN.displayName, role: 'admin' },
      shop: { name: SHOP.name, timeZone: SHOP.timeZone },
      idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
      locked: false
    })
    // The first administrator is signed in straight away.
    expect(await callOk(app, 'settings.get', {}, result.token)).toEqual({
      profile: SHOP,
      idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
      approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN,
      repairWarrantyDays: DEFAULT_REPAIR_WARRANTY_DAYS,
      passcodeRetentionDays: DEFAULT_PASSCODE_RETENTION_DAYS
    })
  })

  it('a second setup.initialize is refused and changes nothing', async () => {
    const shop = await initializedApp()
    const app = track(shop.app)
    const before = {
      users: countRows(app, 'users'),
      audit: countRows(app, 'audit_log'),
      outbox: countRows(app, 'outbox')
    }

    const error = await callError(app, 'setup.initialize', {
      shop: { ...SHOP, name: '另一家店' },
      admin: { username: 'intruder', displayName: 'Intruder', password: 'long-enough-1' }
    })

    expect(error.code).toBe('ALREADY_INITIALIZED')
    expect({
      users: countRows(app, 'users'),
      audit: countRows(app, 'audit_log'),
      outbox: countRows(app, 'outbox')
    }).toEqual(before)
    expect((await callOk(app, 'settings.get', {}, shop.adminToken)).profile.name).toBe(SHOP.name)
    expect((await callError(app, 'auth.signIn', { username: 'intruder', password: 'long-enough-1' })).code).toBe(
      'INVALID_CREDENTIALS'
    )
  })

  it('two first-run forms submitted together: exactly one wins', async () => {
    const app = track(openApp({ dataDir: ':memory:' }))
    const shop = app
    const outcomes = await Promise.all(
      ['first', 'second'].map(async (username) => {
        const result = await call(shop, 'setup.initialize', { shop: SHOP, admin: { ...ADMIN, username } })
        return result.ok ? 'ok' : result.error.code
      })
    )
    expect(outcomes.sort()).toEqual(['ALREADY_INITIALIZED', 'ok'])
    expect(countRows(app, 'users')).toBe(1)
    expect(countRows(app, 'outbox')).toBe(1)
  })

  it('initialize writes audit rows for the admin and the shop settings, and a shop_profile outbox row', async () => {
    const shop = await initializedApp()
    const app = track(shop.app)
    const at = shop.clock.now().toISOString()

    const audit = auditRows(app)
    expect(audit.map((row) => row.action).sort()).toEqual(['settings.update', 'setup.initialize'])
    expect(auditRows(app, 'setup.initialize')).toEqual([
      {
        at,
        actorId: shop.adminId,
        action: 'setup.initialize',
        entity: 'user',
        entityId: shop.adminId,
        before: null,
        after: { id: shop.adminId, username: ADMIN.username, displayName: ADMIN.displayName, role: 'admin' }
      }
    ])
    expect(auditRows(app, 'settings.update')).toMatchObject([
      {
        at,
        actorId: shop.adminId,
        before: null,
        after: {
          profile: { name: SHOP.name },
          idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
          approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN
        }
      }
    ])

    const outbox = outboxRows(app)
    expect(outbox).toHaveLength(1)
    expect(outbox[0]).toMatchObject({
      at,
      entity: 'shop_profile',
      entity_id: 'shop',
      operation: 'upsert',
      sent_at: null
    })
    expect(JSON.parse(outbox[0]!.payload_json)).toEqual(SHOP)
    expect(JSON.stringify(audit)).not.toContain(ADMIN.password)
  })
})

describe('shop settings', () => {
  it('settings.update saves the profile and writes an audit row (before/after) and an outbox row', async () => {
    const shop = await initializedApp()
    const app = track(shop.app)
    shop.clock.advance(60_000)
    const next = {
      profile: { ...SHOP, name: '新名字维修中心', phone: '021-12345678', logo: TINY_PNG },
      idleLockMinutes: 5,
      approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN,
      repairWarrantyDays: 180,
      passcodeRetentionDays: 14
    }

    const saved = await callOk(app, 'settings.update', next, shop.adminToken)

    expect(saved).toEqual(next)
    expect(await callOk(app, 'settings.get', {}, shop.adminToken)).toEqual(next)
    const updates = auditRows(app, 'settings.update')
    expect(updates).toHaveLength(2)
    const latest = updates[1]!
    expect(latest).toMatchObject({
      at: shop.clock.now().toISOString(),
      actorId: shop.adminId,
      entity: 'shop',
      before: {
        profile: { name: SHOP.name, logo: null },
        idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
        approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN
      },
      // The audit notes that a logo was set without copying its bytes.
      after: {
        profile: { name: '新名字维修中心', phone: '021-12345678', logo: '(image)' },
        idleLockMinutes: 5,
        approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN
      }
    })
    const outbox = outboxRows(app)
    expect(outbox).toHaveLength(2)
    expect(outbox[1]).toMatchObject({ at: shop.clock.now().toISOString(), entity: 'shop_profile', operation: 'upsert' })
    expect(JSON.parse(outbox[1]!.payload_json)).toEqual(next.profile)
  })

  it('settings, audit and outbox are written in one transaction: if the outbox write fails, nothing is saved', async () => {
    const shop = await initializedApp()
    const app = track(shop.app)
    const settingsBefore = app.sqlite.prepare('SELECT * FROM shop_settings ORDER BY key').all()
    const auditBefore = countRows(app, 'audit_log')
    // Make the last write of the change fail, in the real database.
    app.sqlite.exec(
      `CREATE TEMP TRIGGER outbox_refuses BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'outbox offline'); END`
    )

    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const error = await callError(
      app,
      'settings.update',
      {
        profile: { ...SHOP, name: '半途而废' },
        idleLockMinutes: 30,
        approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN
      },
      shop.adminToken
    )
    expect(logged).toHaveBeenCalledOnce()
    logged.mockRestore()

    expect(error).toEqual({ code: 'INTERNAL', messageKey: 'errors.INTERNAL' })
    expect(app.sqlite.prepare('SELECT * FROM shop_settings ORDER BY key').all()).toEqual(settingsBefore)
    expect(countRows(app, 'audit_log')).toBe(auditBefore)

    app.sqlite.exec('DROP TRIGGER outbox_refuses')
    await callOk(
      app,
      'settings.update',
      {
        profile: { ...SHOP, name: '这次成功' },
        idleLockMinutes: 30,
        approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN
      },
      shop.adminToken
    )
    expect((await callOk(app, 'settings.get', {}, shop.adminToken)).profile.name).toBe('这次成功')
  })

  it('only an admin may change settings, but everyone signed in may read them', async () => {
    const shop = await initializedApp()
    const app = track(shop.app)
    const desk = await createUserAndSignIn(app, shop.adminToken, 'front_desk')
    expect((await callOk(app, 'settings.get', {}, desk.token)).profile.name).toBe(SHOP.name)
    const error = await callError(
      app,
      'settings.update',
      { profile: { ...SHOP, name: 'x' }, idleLockMinutes: 0, approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN },
      desk.token
    )
    expect(error.code).toBe('FORBIDDEN')
    expect(countRows(app, 'outbox')).toBe(1)
  })

  it('a logo must be a small PNG, JPEG or WebP data URL', async () => {
    const shop = await initializedApp()
    const app = track(shop.app)
    for (const logo of [
      'https://example.com/logo.png',
      'data:image/svg+xml;base64,PHN2Zz4=',
      'data:text/html;base64,PGgxPg=='
    ]) {
      const error = await callError(
        app,
        'settings.update',
        { profile: { ...SHOP, logo }, idleLockMinutes: 10, approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN },
        shop.adminToken
      )
      expect(error.details?.fields).toEqual([{ path: 'profile.logo', messageKey: 'validation.logoFormat' }])
    }
  })
})
