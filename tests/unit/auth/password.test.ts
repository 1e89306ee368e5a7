import { randomBytes, scryptSync } from 'node:crypto'
import { DEFAULT_APPROVAL_THRESHOLD_FEN } from '../../../src-shared/contract/settings'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { hashPassword, PASSWORD_COST, verifyPassword } from '../../../src-main/features/auth/password'
import { useShopPasswordCost } from '../setup'
import {
  AFTER_SUCCESSFUL_SIGN_IN,
  afterFailedSignIn,
  isLockedOut,
  LOCKOUT_MINUTES,
  MAX_FAILED_SIGN_INS,
  type SignInGuardState
} from '../../../src-shared/domain/lockout'
import {
  anotherDesk,
  auditRows,
  callError,
  callOk,
  closeApp,
  createUserAndSignIn,
  initializedApp,
  MINUTE,
  signInFrom,
  SHOP,
  type InitializedApp
} from '../helpers'

// Up to ten scrypt checks per test (the account's lock-out limit): slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

describe('password hashing', () => {
  useShopPasswordCost()

  it('stores scrypt with its parameters and a random salt, and never the password', async () => {
    const password = 'correct-horse-1'
    const [first, second] = await Promise.all([hashPassword(password), hashPassword(password)])

    for (const hash of [first, second]) {
      const [scheme, n, r, p, salt, key] = hash.split('$')
      expect(scheme).toBe('scrypt')
      // OWASP's set: N=2^15, r=8, p=3.
      expect([Number(n), Number(r), Number(p)]).toEqual([2 ** 15, 8, 3])
      expect(PASSWORD_COST).toEqual({ N: 2 ** 15, r: 8, p: 3 })
      expect(Buffer.from(salt!, 'base64').length).toBeGreaterThanOrEqual(16)
      expect(Buffer.from(key!, 'base64').length).toBeGreaterThanOrEqual(32)
      expect(hash).not.toContain(password)
    }
    expect(first).not.toBe(second)
    expect(first.split('$')[4]).not.toBe(second.split('$')[4])
  })

  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct-horse-1')
    const [right, wrong, nearlyRight] = await Promise.all([
      verifyPassword('correct-horse-1', hash),
      verifyPassword('correct-horse-2', hash),
      verifyPassword('Correct-horse-1', hash)
    ])
    expect(right).toBe(true)
    expect(wrong).toBe(false)
    expect(nearlyRight).toBe(false)
  })

  it('checks a hash made at another cost by the parameters stored with it', async () => {
    // As the tests' hosts make them (and as a shop's hashes will be once the cost is raised).
    const salt = randomBytes(16)
    const key = scryptSync('correct-horse-1', salt, 64, { N: 2 ** 10, r: 8, p: 1 })
    const stored = ['scrypt', 2 ** 10, 8, 1, salt.toString('base64'), key.toString('base64')].join('$')
    expect(await verifyPassword('correct-horse-1', stored)).toBe(true)
    expect(await verifyPassword('correct-horse-2', stored)).toBe(false)
  })

  it('rejects a stored value that is not a scrypt hash', async () => {
    expect(await verifyPassword('anything', 'plain-text-password')).toBe(false)
    expect(await verifyPassword('anything', '')).toBe(false)
    expect(await verifyPassword('anything', 'md5$abc$def')).toBe(false)
  })
})

describe('lock-out rules (pure)', () => {
  const now = new Date('2026-01-23T08:00:00.000Z')
  const fresh: SignInGuardState = { failedSignIns: 0, lockedUntil: null }

  function failTimes(times: number, start: SignInGuardState = fresh, at: Date = now): SignInGuardState {
    let state = start
    for (let i = 0; i < times; i++) state = afterFailedSignIn(state, at)
    return state
  }

  it('counts wrong passwords without locking below the limit', () => {
    const state = failTimes(MAX_FAILED_SIGN_INS - 1)
    expect(state).toEqual({ failedSignIns: MAX_FAILED_SIGN_INS - 1, lockedUntil: null })
    expect(isLockedOut(state, now)).toBe(false)
  })

  it('locks for LOCKOUT_MINUTES when the count reaches the limit', () => {
    const state = failTimes(MAX_FAILED_SIGN_INS)
    expect(state.failedSignIns).toBe(MAX_FAILED_SIGN_INS)
    expect(state.lockedUntil).toBe(new Date(now.getTime() + LOCKOUT_MINUTES * MINUTE).toISOString())
    expect(isLockedOut(state, now)).toBe(true)
  })

  it('the lock holds until, and ends at, lockedUntil', () => {
    const state = failTimes(MAX_FAILED_SIGN_INS)
    const until = new Date(state.lockedUntil!).getTime()
    expect(isLockedOut(state, new Date(until - 1))).toBe(true)
    expect(isLockedOut(state, new Date(until))).toBe(false)
    expect(isLockedOut(state, new Date(until + MINUTE))).toBe(false)
  })

  it('a wrong password after an expired lock starts a fresh count instead of re-locking', () => {
    const locked = failTimes(MAX_FAILED_SIGN_INS)
    const later = new Date(new Date(locked.lockedUntil!).getTime() + 1)
    const next = afterFailedSignIn(locked, later)
    expect(next).toEqual({ failedSignIns: 1, lockedUntil: null })
  })

  it('a success clears both the count and the lock', () => {
    expect(AFTER_SUCCESSFUL_SIGN_IN).toEqual({ failedSignIns: 0, lockedUntil: null })
    expect(isLockedOut(AFTER_SUCCESSFUL_SIGN_IN, now)).toBe(false)
  })

  it('no lock means not locked', () => {
    const manyFailuresButNoLock: SignInGuardState = { failedSignIns: 99, lockedUntil: null }
    expect(isLockedOut(manyFailuresButNoLock, now)).toBe(false)
  })
})

describe('sign-in lock-out', () => {
  // One shop for the whole block; each test locks out its own user. The clock only moves forward.
  let shop: InitializedApp
  beforeAll(async () => {
    shop = await initializedApp()
    // Idle lock is not under test here; the admin stays usable while the clock jumps ahead.
    await callOk(
      shop.app,
      'settings.update',
      { profile: SHOP, idleLockMinutes: 0, approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN },
      shop.adminToken
    )
  })
  afterAll(async () => {
    await closeApp(shop.app)
  })

  function guardState(shop: AppContext, userId: string) {
    return shop.sqlite.prepare('SELECT failed_sign_ins, locked_until FROM users WHERE id = ?').get(userId) as {
      failed_sign_ins: number
      locked_until: string | null
    }
  }

  // Each guess from another desk: this block is about the account's count, not a source's.
  async function failSignIns(shop: AppContext, username: string, times: number) {
    const codes: string[] = []
    for (let i = 0; i < times; i++) {
      const result = await signInFrom(shop, anotherDesk(), { username, password: 'wrong-password' })
      codes.push(result.ok ? 'ok' : result.error.code)
    }
    return codes
  }

  it(`${MAX_FAILED_SIGN_INS} wrong passwords lock the account, even against the right password, until the lock runs out`, async () => {
    const tech = await createUserAndSignIn(shop.app, shop.adminToken, 'technician')
    const username = tech.user.username

    const codes = await failSignIns(shop.app, username, MAX_FAILED_SIGN_INS)
    expect(codes).toEqual([...Array(MAX_FAILED_SIGN_INS - 1).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED'])

    const whileLocked = await callError(shop.app, 'auth.signIn', { username, password: tech.password })
    expect(whileLocked.code).toBe('ACCOUNT_LOCKED')
    const lockedUntil = guardState(shop.app, tech.user.id).locked_until
    expect(whileLocked.details).toEqual({ lockedUntil })
    expect(new Date(lockedUntil!).getTime() - shop.clock.now().getTime()).toBe(LOCKOUT_MINUTES * MINUTE)
    expect(auditRows(shop.app, 'auth.lockedOut').filter((row) => row.entityId === tech.user.id)).toHaveLength(1)

    shop.clock.advance(LOCKOUT_MINUTES * MINUTE - 1000)
    expect((await callError(shop.app, 'auth.signIn', { username, password: tech.password })).code).toBe(
      'ACCOUNT_LOCKED'
    )

    shop.clock.advance(1000)
    const signedIn = await callOk(shop.app, 'auth.signIn', { username, password: tech.password })
    expect(signedIn.user.id).toBe(tech.user.id)
    expect(guardState(shop.app, tech.user.id)).toEqual({ failed_sign_ins: 0, locked_until: null })
  })

  it('a successful sign-in resets the count of wrong passwords', async () => {
    const tech = await createUserAndSignIn(shop.app, shop.adminToken, 'technician')
    const username = tech.user.username

    await failSignIns(shop.app, username, MAX_FAILED_SIGN_INS - 1)
    expect(guardState(shop.app, tech.user.id).failed_sign_ins).toBe(MAX_FAILED_SIGN_INS - 1)
    await callOk(shop.app, 'auth.signIn', { username, password: tech.password })
    expect(guardState(shop.app, tech.user.id).failed_sign_ins).toBe(0)

    // Without the reset this slip would be the one that locks the account.
    expect(await failSignIns(shop.app, username, 1)).toEqual(['INVALID_CREDENTIALS'])
    expect(guardState(shop.app, tech.user.id)).toEqual({ failed_sign_ins: 1, locked_until: null })
  })

  it("an admin's password reset clears a lock-out at once", async () => {
    const tech = await createUserAndSignIn(shop.app, shop.adminToken, 'technician')
    const username = tech.user.username
    await failSignIns(shop.app, username, MAX_FAILED_SIGN_INS)
    expect(guardState(shop.app, tech.user.id).locked_until).not.toBeNull()
    const listed = await callOk(shop.app, 'users.list', { search: username }, shop.adminToken)
    expect(listed.rows[0]!.lockedUntil).not.toBeNull()

    const reset = await callOk(
      shop.app,
      'users.resetPassword',
      { id: tech.user.id, newPassword: 'a-fresh-start-1' },
      shop.adminToken
    )
    expect(reset.lockedUntil).toBeNull()
    expect(guardState(shop.app, tech.user.id)).toEqual({ failed_sign_ins: 0, locked_until: null })

    const signedIn = await callOk(shop.app, 'auth.signIn', { username, password: 'a-fresh-start-1' })
    expect(signedIn.user.id).toBe(tech.user.id)
    expect((await callError(shop.app, 'auth.signIn', { username, password: tech.password })).code).toBe(
      'INVALID_CREDENTIALS'
    )
  })

  it('an unknown user name gets the same answer as a wrong password', async () => {
    const unknown = await signInFrom(shop.app, anotherDesk(), { username: 'nobody', password: 'whatever-1' })
    const wrong = await signInFrom(shop.app, anotherDesk(), { username: 'admin', password: 'whatever-1' })
    expect(unknown).toEqual(wrong)
    if (unknown.ok) throw new Error('an unknown name signed in')
    expect(unknown.error.code).toBe('INVALID_CREDENTIALS')
  })

  it('user names are matched without regard to case', async () => {
    const signedIn = await callOk(shop.app, 'auth.signIn', { username: 'ADMIN', password: 'correct-horse-1' })
    expect(signedIn.user.id).toBe(shop.adminId)
  })
})
