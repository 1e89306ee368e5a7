import { DEFAULT_APPROVAL_THRESHOLD_FEN } from '../../../src-shared/contract/settings'
import { describe, expect, it, vi } from 'vitest'
import {
  ADMIN,
  anotherDesk,
  callError,
  callFrom,
  callOk,
  createUserAndSignIn,
  freshShopPerTest,
  MINUTE,
  signInFrom
} from '../helpers'
import { SESSION_MAX_AGE_MS } from '../../../src-main/features/auth/sessions'
import { MAX_FAILED_SIGN_INS } from '../../../src-shared/domain/lockout'

// Up to ten scrypt checks per test (the account's lock-out limit): slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

describe('lock-out under pressure, and how sessions end', () => {
  const freshShop = freshShopPerTest()

  it('guesses sent all at once cannot slip the right password past the lock-out', async () => {
    const shop = await freshShop()
    const wrong = Array.from({ length: MAX_FAILED_SIGN_INS + 2 }, (_, i) => ({
      username: ADMIN.username,
      password: `guess-${i}`
    }))
    // The right password is sent last, while the wrong ones are still being checked.
    const attempts = [...wrong, { username: ADMIN.username, password: ADMIN.password }]
    // Each from its own desk, so no source's throttle steps in: this is about the account's count.
    const results = await Promise.all(attempts.map((input) => signInFrom(shop.app, anotherDesk(), input)))

    expect(results.at(-1)).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } })
    expect(results.filter((r) => r.ok)).toHaveLength(0)
    const row = shop.app.sqlite
      .prepare('SELECT failed_sign_ins, locked_until FROM users WHERE username = ?')
      .get(ADMIN.username) as {
      failed_sign_ins: number
      locked_until: string | null
    }
    expect(row.failed_sign_ins).toBe(MAX_FAILED_SIGN_INS)
    expect(row.locked_until).not.toBeNull()
  })

  it('changing one’s own password counts wrong current passwords toward the lock-out', async () => {
    const shop = await freshShop()
    const desk = await createUserAndSignIn(shop.app, shop.adminToken, 'front_desk')
    // One desk's guesses stop at its sign-in throttle and lock no one: it takes two desks' worth.
    const [first, second] = [anotherDesk(), anotherDesk()]
    const change = (i: number, currentPassword: string) =>
      callFrom(
        shop.app,
        i < MAX_FAILED_SIGN_INS / 2 ? first : second,
        'auth.changePassword',
        { currentPassword, newPassword: 'new-pass-2026' },
        desk.token
      )
    for (let i = 0; i < MAX_FAILED_SIGN_INS - 1; i++) {
      expect(await change(i, `nope-${i}`)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_CREDENTIALS', details: { fields: [{ path: 'currentPassword' }] } }
      })
    }
    const last = await change(MAX_FAILED_SIGN_INS - 1, 'nope-last')
    expect(last).toMatchObject({ ok: false, error: { code: 'ACCOUNT_LOCKED' } })
    // The session that was guessing is over, and the password is unchanged.
    expect((await callError(shop.app, 'auth.session', {}, desk.token)).code).toBe('UNAUTHENTICATED')
    shop.clock.advance(16 * MINUTE)
    await callOk(shop.app, 'auth.signIn', { username: desk.user.username, password: desk.password })
  })

  it('an admin resetting their own password stays signed in here, and is signed out elsewhere', async () => {
    const shop = await freshShop()
    const elsewhere = await callOk(shop.app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    const { adminId, adminToken } = shop
    await callOk(shop.app, 'users.resetPassword', { id: adminId, newPassword: 'brand-new-pass-1' }, adminToken)
    await callOk(shop.app, 'auth.session', {}, adminToken)
    expect((await callError(shop.app, 'auth.session', {}, elsewhere.token)).code).toBe('UNAUTHENTICATED')
  })

  it('a session ends after the longest working day, whatever the idle setting', async () => {
    const shop = await freshShop()
    await callOk(
      shop.app,
      'settings.update',
      {
        profile: (await callOk(shop.app, 'settings.get', {}, shop.adminToken)).profile,
        idleLockMinutes: 0,
        approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN
      },
      shop.adminToken
    )
    shop.clock.advance(SESSION_MAX_AGE_MS - MINUTE)
    await callOk(shop.app, 'auth.session', {}, shop.adminToken)
    shop.clock.advance(2 * MINUTE)
    expect((await callError(shop.app, 'auth.session', {}, shop.adminToken)).code).toBe('UNAUTHENTICATED')
  })
})
