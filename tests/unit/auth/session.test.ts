import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_APPROVAL_THRESHOLD_FEN, DEFAULT_IDLE_LOCK_MINUTES } from '../../../src-shared/contract/settings'
import { MAX_FAILED_SIGN_INS } from '../../../src-shared/domain/lockout'
import {
  ADMIN,
  anotherDesk,
  auditRows,
  callError,
  callFrom,
  callOk,
  createUserAndSignIn,
  freshShopPerTest,
  MINUTE,
  SHOP
} from '../helpers'

// Up to ten scrypt checks per test (the account's lock-out limit): slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const shop = freshShopPerTest()

describe('signing in and out', () => {
  it('a sign-in opens a session that describes the user and the shop', async () => {
    const { app, clock, adminId } = await shop()
    const signedIn = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    expect(signedIn.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(signedIn).toMatchObject({
      user: { id: adminId, username: ADMIN.username, displayName: ADMIN.displayName, role: 'admin' },
      shop: { name: SHOP.name, timeZone: SHOP.timeZone, logo: null },
      idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
      locked: false
    })
    expect(signedIn).not.toHaveProperty('user.passwordHash')
    expect(await callOk(app, 'auth.session', {}, signedIn.token)).toMatchObject({ user: { id: adminId } })
    expect(auditRows(app, 'auth.signIn')).toMatchObject([
      { actorId: adminId, entityId: adminId, at: clock.now().toISOString() }
    ])
    const lastSignIn = app.sqlite.prepare('SELECT last_sign_in_at FROM users WHERE id = ?').get(adminId)
    expect(lastSignIn).toEqual({ last_sign_in_at: clock.now().toISOString() })
  })

  it('a signed-out token is refused; other sessions of the same user carry on', async () => {
    const { app, adminToken, adminId } = await shop()
    const other = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    expect(other.token).not.toBe(adminToken)

    expect(await callOk(app, 'auth.signOut', {}, adminToken)).toBeNull()

    expect((await callError(app, 'auth.session', {}, adminToken)).code).toBe('UNAUTHENTICATED')
    expect((await callError(app, 'auth.signOut', {}, adminToken)).code).toBe('UNAUTHENTICATED')
    expect((await callOk(app, 'auth.session', {}, other.token)).user.id).toBe(adminId)
    expect(auditRows(app, 'auth.signOut')).toMatchObject([{ actorId: adminId }])
  })
})

describe('idle lock', () => {
  it(`after idleLockMinutes without activity ordinary calls get SESSION_LOCKED until the password is typed again`, async () => {
    const { app, clock, adminToken } = await shop()

    clock.advance(DEFAULT_IDLE_LOCK_MINUTES * MINUTE + 1000)

    expect((await callError(app, 'users.list', {}, adminToken)).code).toBe('SESSION_LOCKED')
    expect((await callError(app, 'settings.get', {}, adminToken)).code).toBe('SESSION_LOCKED')
    expect(await callOk(app, 'auth.session', {}, adminToken)).toMatchObject({ locked: true })

    const wrong = await callError(app, 'auth.unlock', { password: 'not-the-password' }, adminToken)
    expect(wrong.code).toBe('INVALID_CREDENTIALS')
    expect((await callError(app, 'users.list', {}, adminToken)).code).toBe('SESSION_LOCKED')

    const unlocked = await callOk(app, 'auth.unlock', { password: ADMIN.password }, adminToken)
    expect(unlocked.locked).toBe(false)
    expect((await callOk(app, 'users.list', {}, adminToken)).total).toBe(1)
  })

  it('activity within the limit keeps the session open, and each call restarts the wait', async () => {
    const { app, clock, adminToken } = await shop()
    for (let i = 0; i < 3; i++) {
      clock.advance(DEFAULT_IDLE_LOCK_MINUTES * MINUTE - 1000)
      expect((await callOk(app, 'users.list', {}, adminToken)).total).toBe(1)
    }
  })

  it('follows the idle time the shop has set, and 0 turns it off', async () => {
    const { app, clock, adminToken } = await shop()
    await callOk(
      app,
      'settings.update',
      { profile: SHOP, idleLockMinutes: 2, approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN },
      adminToken
    )
    clock.advance(2 * MINUTE + 1000)
    expect((await callError(app, 'users.list', {}, adminToken)).code).toBe('SESSION_LOCKED')
    await callOk(app, 'auth.unlock', { password: ADMIN.password }, adminToken)

    await callOk(
      app,
      'settings.update',
      { profile: SHOP, idleLockMinutes: 0, approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN },
      adminToken
    )
    // A whole shift without a call (sessions still end after SESSION_MAX_AGE_MS, tested elsewhere).
    clock.advance(8 * 60 * MINUTE)
    expect((await callOk(app, 'users.list', {}, adminToken)).total).toBe(1)
  })

  it('auth.lock locks the session at once; signing out still works while locked', async () => {
    const { app, adminToken } = await shop()
    expect(await callOk(app, 'auth.lock', {}, adminToken)).toBeNull()
    expect((await callError(app, 'settings.get', {}, adminToken)).code).toBe('SESSION_LOCKED')
    expect(await callOk(app, 'auth.signOut', {}, adminToken)).toBeNull()
    expect((await callError(app, 'auth.session', {}, adminToken)).code).toBe('UNAUTHENTICATED')
  })

  it('wrong passwords at the unlock screen count towards lock-out, which ends the session', async () => {
    const { app, adminToken } = await shop()
    await callOk(app, 'auth.lock', {}, adminToken)
    // One desk's guesses stop at its sign-in throttle and lock no one: it takes two desks' worth.
    const codes: string[] = []
    for (const desk of [anotherDesk(), anotherDesk()]) {
      for (let i = 0; i < MAX_FAILED_SIGN_INS / 2; i++) {
        const unlock = await callFrom(app, desk, 'auth.unlock', { password: 'not-the-password' }, adminToken)
        codes.push(unlock.ok ? 'ok' : unlock.error.code)
      }
    }
    expect(codes[codes.length - 1]).toBe('ACCOUNT_LOCKED')
    expect((await callError(app, 'auth.session', {}, adminToken)).code).toBe('UNAUTHENTICATED')
  })
})

describe('account changes take effect on open sessions', () => {
  it('disabling a user ends their sessions, and they cannot sign in again', async () => {
    const { app, adminToken } = await shop()
    const tech = await createUserAndSignIn(app, adminToken, 'technician')
    const otherDesk = await callOk(app, 'auth.signIn', { username: tech.user.username, password: tech.password })
    expect((await callOk(app, 'auth.session', {}, tech.token)).user.id).toBe(tech.user.id)

    await callOk(app, 'users.setDisabled', { id: tech.user.id, disabled: true }, adminToken)

    expect((await callError(app, 'auth.session', {}, tech.token)).code).toBe('UNAUTHENTICATED')
    const signIn = await callError(app, 'auth.signIn', { username: tech.user.username, password: tech.password })
    expect(signIn.code).toBe('ACCOUNT_DISABLED')

    // Re-enabling does not bring old sessions back: they were ended, not merely blocked.
    await callOk(app, 'users.setDisabled', { id: tech.user.id, disabled: false }, adminToken)
    expect((await callError(app, 'auth.session', {}, otherDesk.token)).code).toBe('UNAUTHENTICATED')
    const again = await callOk(app, 'auth.signIn', { username: tech.user.username, password: tech.password })
    expect(again.user.id).toBe(tech.user.id)
  })

  it('a change of role applies to the very next call of an open session', async () => {
    const { app, adminToken } = await shop()
    const tech = await createUserAndSignIn(app, adminToken, 'technician')
    expect((await callError(app, 'audit.list', {}, tech.token)).code).toBe('FORBIDDEN')

    await callOk(
      app,
      'users.update',
      { id: tech.user.id, displayName: tech.user.displayName, phone: '', role: 'manager' },
      adminToken
    )
    expect((await callOk(app, 'audit.list', {}, tech.token)).total).toBeGreaterThan(0)
    expect((await callOk(app, 'auth.session', {}, tech.token)).user.role).toBe('manager')

    await callOk(
      app,
      'users.update',
      { id: tech.user.id, displayName: tech.user.displayName, phone: '', role: 'front_desk' },
      adminToken
    )
    expect((await callError(app, 'audit.list', {}, tech.token)).code).toBe('FORBIDDEN')
  })

  it("an admin's password reset ends the user's sessions", async () => {
    const { app, adminToken } = await shop()
    const tech = await createUserAndSignIn(app, adminToken, 'technician')
    await callOk(app, 'users.resetPassword', { id: tech.user.id, newPassword: 'brand-new-pass-1' }, adminToken)
    expect((await callError(app, 'auth.session', {}, tech.token)).code).toBe('UNAUTHENTICATED')
  })

  it('changing your own password keeps this session and ends the others', async () => {
    const { app, adminToken } = await shop()
    const elsewhere = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })

    const wrong = await callError(
      app,
      'auth.changePassword',
      { currentPassword: 'not-it', newPassword: 'brand-new-pass-1' },
      adminToken
    )
    expect(wrong).toMatchObject({ code: 'INVALID_CREDENTIALS', details: { fields: [{ path: 'currentPassword' }] } })
    expect((await callOk(app, 'auth.session', {}, elsewhere.token)).locked).toBe(false)

    await callOk(
      app,
      'auth.changePassword',
      { currentPassword: ADMIN.password, newPassword: 'brand-new-pass-1' },
      adminToken
    )

    expect((await callOk(app, 'auth.session', {}, adminToken)).user.username).toBe(ADMIN.username)
    expect((await callError(app, 'auth.session', {}, elsewhere.token)).code).toBe('UNAUTHENTICATED')
    expect((await callError(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })).code).toBe(
      'INVALID_CREDENTIALS'
    )
    await callOk(app, 'auth.signIn', { username: ADMIN.username, password: 'brand-new-pass-1' })
  })
})
