import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp } from '../../../src-main/app/openApp'
import type { AppContext } from '../../../src-main/app/context'
import { PASSWORD_MIN_LENGTH } from '../../../src-shared/contract/common'
import { ADMIN, callError, callOk, closeApp, countRows, initializedApp, SHOP, type InitializedApp } from '../helpers'

function snapshot(app: AppContext) {
  return {
    users: countRows(app, 'users'),
    audit: countRows(app, 'audit_log'),
    outbox: countRows(app, 'outbox'),
    settings: app.sqlite.prepare('SELECT key, value FROM shop_settings ORDER BY key').all()
  }
}

describe('input validation', () => {
  let shop: InitializedApp
  beforeAll(async () => {
    shop = await initializedApp()
  })
  afterAll(async () => {
    await closeApp(shop.app)
  })

  it('a malformed users.create is refused with every bad field listed, and changes nothing', async () => {
    const before = snapshot(shop.app)
    const error = await callError(
      shop.app,
      'users.create',
      { username: 'ab', displayName: '新人', role: 'superuser', password: 'short', nickname: 'extra' },
      shop.adminToken
    )

    expect(error.code).toBe('VALIDATION')
    expect(error.messageKey).toBe('errors.VALIDATION')
    const fields = error.details?.fields ?? []
    expect(fields.map((f) => f.path).sort()).toEqual(['nickname', 'password', 'role', 'username'])
    const byPath = Object.fromEntries(fields.map((f) => [f.path, f]))
    expect(byPath.username).toEqual({
      path: 'username',
      messageKey: 'validation.tooSmall.string',
      params: { limit: 3 }
    })
    expect(byPath.password).toEqual({
      path: 'password',
      messageKey: 'validation.tooSmall.string',
      params: { limit: PASSWORD_MIN_LENGTH }
    })
    expect(byPath.role?.messageKey).toBe('validation.invalidChoice')
    expect(byPath.nickname?.messageKey).toBe('validation.unknownField')
    expect(snapshot(shop.app)).toEqual(before)
  })

  it('several unknown fields are each named on their own', async () => {
    const error = await callError(shop.app, 'settings.get', { colour: 'red', size: 2 }, shop.adminToken)
    expect(error.code).toBe('VALIDATION')
    expect((error.details?.fields ?? []).map((f) => [f.path, f.messageKey])).toEqual([
      ['colour', 'validation.unknownField'],
      ['size', 'validation.unknownField']
    ])
  })

  it('missing and wrongly typed fields are named', async () => {
    const error = await callError(
      shop.app,
      'users.create',
      { username: 42, role: 'technician', password: 'long-enough-1' },
      shop.adminToken
    )
    expect(error.code).toBe('VALIDATION')
    const byPath = Object.fromEntries((error.details?.fields ?? []).map((f) => [f.path, f.messageKey]))
    expect(byPath).toEqual({ username: 'validation.invalidType', displayName: 'validation.required' })
  })

  it('a user name with characters outside the allowed set gets its own message', async () => {
    const error = await callError(
      shop.app,
      'users.create',
      { username: '张三丰', displayName: '张三丰', role: 'technician', password: 'long-enough-1' },
      shop.adminToken
    )
    expect(error.details?.fields).toEqual([{ path: 'username', messageKey: 'validation.username' }])
  })

  it('nested fields are reported by their dotted path', async () => {
    const before = snapshot(shop.app)
    const error = await callError(
      shop.app,
      'settings.update',
      {
        profile: { ...SHOP, name: '   ', timeZone: 'Mars/Olympus_Mons' },
        idleLockMinutes: -1,
        approvalThresholdFen: 50_000
      },
      shop.adminToken
    )
    expect(error.code).toBe('VALIDATION')
    const byPath = Object.fromEntries((error.details?.fields ?? []).map((f) => [f.path, f.messageKey]))
    expect(byPath).toEqual({
      'profile.name': 'validation.required',
      'profile.timeZone': 'validation.timeZone',
      idleLockMinutes: 'validation.tooSmall.number'
    })
    expect(snapshot(shop.app)).toEqual(before)
  })

  it('an unknown operation is refused as such', async () => {
    const error = await callError(shop.app, 'users.drop', {}, shop.adminToken)
    expect(error).toEqual({
      code: 'UNKNOWN_OPERATION',
      messageKey: 'errors.UNKNOWN_OPERATION',
      details: { operation: 'users.drop' }
    })
    for (const name of ['', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect((await callError(shop.app, name, {}, shop.adminToken)).code).toBe('UNKNOWN_OPERATION')
    }
  })

  it('a caller without a session learns nothing of the schema: authorization comes before validation', async () => {
    const error = await callError(shop.app, 'users.create', { username: 'ab' }, undefined)
    expect(error.code).toBe('UNAUTHENTICATED')
    expect(error.details).toBeUndefined()
  })

  it('a missing input counts as an empty object', async () => {
    const listed = await callOk(shop.app, 'users.list', undefined as never, shop.adminToken)
    expect(listed.total).toBe(countRows(shop.app, 'users'))
  })
})

describe('first-run validation', () => {
  it('a malformed setup.initialize leaves the shop uninitialized', async () => {
    const app = openApp({ dataDir: ':memory:' })
    try {
      const error = await callError(app, 'setup.initialize', {
        shop: { ...SHOP, timeZone: 'Nowhere/Land' },
        admin: { ...ADMIN, password: 'short' }
      })
      expect(error.code).toBe('VALIDATION')
      expect((error.details?.fields ?? []).map((f) => f.path).sort()).toEqual(['admin.password', 'shop.timeZone'])
      expect(await callOk(app, 'setup.status', {})).toMatchObject({ initialized: false })
      expect(countRows(app, 'users')).toBe(0)
      expect(countRows(app, 'audit_log')).toBe(0)
    } finally {
      await closeApp(app)
    }
  })
})
