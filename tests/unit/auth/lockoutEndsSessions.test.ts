import { describe, expect, it, vi } from 'vitest'
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from '../../../src-shared/domain/lockout'
import { dispatch } from '../../../src-main/rpc/dispatch'
import {
  anotherDesk,
  callError,
  callFrom,
  callOk,
  createUserAndSignIn,
  freshShopPerTest,
  handlers,
  MINUTE,
  signInFrom
} from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { setApprovalThreshold } from '../workOrders/fixtures'

// Up to ten scrypt checks per test (the account's lock-out limit): slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const freshShop = freshShopPerTest()

describe('a lock-out ends the sessions the account already had', () => {
  it('wrong passwords at sign-in from other desks, enough to lock, end the session open at desk A', async () => {
    const { app, adminToken, clock } = await freshShop()
    const deskA = await createUserAndSignIn(app, adminToken, 'front_desk')
    await callOk(app, 'auth.session', {}, deskA.token)

    const codes: string[] = []
    for (let i = 0; i < MAX_FAILED_SIGN_INS; i++) {
      const attempt = { username: deskA.user.username, password: `guess-${i}` }
      const result = await signInFrom(app, anotherDesk(), attempt)
      codes.push(result.ok ? 'ok' : result.error.code)
    }
    expect(codes.at(-1)).toBe('ACCOUNT_LOCKED')

    expect((await callError(app, 'auth.session', {}, deskA.token)).code).toBe('UNAUTHENTICATED')
    // Ended, not merely blocked while locked: when the lock runs out the old session stays over.
    clock.advance((LOCKOUT_MINUTES + 1) * MINUTE)
    expect((await callError(app, 'auth.session', {}, deskA.token)).code).toBe('UNAUTHENTICATED')
    await callOk(app, 'auth.signIn', { username: deskA.user.username, password: deskA.password })
  })

  it('enough wrong current passwords when changing the password at desk B end the session at desk A too', async () => {
    const { app, adminToken, clock } = await freshShop()
    const deskA = await createUserAndSignIn(app, adminToken, 'technician')
    const deskB = await callOk(app, 'auth.signIn', { username: deskA.user.username, password: deskA.password })

    // One desk's guesses stop at its sign-in throttle and lock no one: it takes two desks' worth.
    for (const desk of [anotherDesk(), anotherDesk()]) {
      for (let i = 0; i < MAX_FAILED_SIGN_INS / 2; i++) {
        const input = { currentPassword: `nope-${i}`, newPassword: 'new-pass-2026' }
        expect((await callFrom(app, desk, 'auth.changePassword', input, deskB.token)).ok).toBe(false)
      }
    }

    expect((await callError(app, 'auth.session', {}, deskB.token)).code).toBe('UNAUTHENTICATED')
    clock.advance((LOCKOUT_MINUTES + 1) * MINUTE)
    expect((await callError(app, 'auth.session', {}, deskA.token)).code).toBe('UNAUTHENTICATED')
  })

  it('a manager locked out by wrong approvals at checkout loses their own open session', async () => {
    const { app, adminToken, clock } = await freshShop()
    const manager = await createUserAndSignIn(app, adminToken, 'manager')
    const counter = await createUserAndSignIn(app, adminToken, 'front_desk')
    const job = await finishedJob(app, adminToken, {
      serviceType: 'paid_repair',
      labourFen: 5_000,
      partPriceFen: 5_000
    })
    await setApprovalThreshold(app, adminToken, 1_000)
    const pay = {
      workOrderId: job.id,
      discountFen: 1_500,
      discountReason: '老客户',
      tenders: [{ method: 'cash' as const, amountFen: 8_500 }]
    }

    // One desk's guesses stop at its sign-in throttle and lock no one: it takes two counters' worth.
    const codes: string[] = []
    for (const desk of [anotherDesk(), anotherDesk()]) {
      for (let i = 0; i < MAX_FAILED_SIGN_INS / 2; i++) {
        const approval = { username: manager.user.username, password: `guess-${i}` }
        const input = { ...pay, managerApproval: approval }
        const result = await dispatch(app, handlers, {
          operation: 'checkout.pay',
          input,
          token: counter.token,
          source: desk
        })
        codes.push(result.ok ? 'ok' : result.error.code)
      }
    }
    expect(codes.at(-1)).toBe('ACCOUNT_LOCKED')

    expect((await callError(app, 'auth.session', {}, manager.token)).code).toBe('UNAUTHENTICATED')
    // The counter whose call typed the wrong passwords is someone else, and stays signed in.
    await callOk(app, 'auth.session', {}, counter.token)
    clock.advance((LOCKOUT_MINUTES + 1) * MINUTE)
    expect((await callError(app, 'auth.session', {}, manager.token)).code).toBe('UNAUTHENTICATED')
  })

  it('a session whose account is locked right now is refused, however the lock came about', async () => {
    const { app, adminToken, clock } = await freshShop()
    const deskA = await createUserAndSignIn(app, adminToken, 'front_desk')
    const lockedUntil = new Date(clock.now().getTime() + LOCKOUT_MINUTES * MINUTE).toISOString()
    app.sqlite.prepare('UPDATE users SET locked_until = ? WHERE id = ?').run(lockedUntil, deskA.user.id)

    expect((await callError(app, 'auth.session', {}, deskA.token)).code).toBe('UNAUTHENTICATED')
  })
})
