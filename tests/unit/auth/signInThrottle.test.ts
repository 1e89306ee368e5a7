import { describe, expect, it, vi } from 'vitest'
import type { CallSource } from '../../../src-main/rpc/callSource'
import { dispatch } from '../../../src-main/rpc/dispatch'
import { MAX_FAILED_SIGN_INS } from '../../../src-shared/domain/lockout'
import { SOURCE_FIRST_WAIT_MS, SOURCE_FREE_FAILURES } from '../../../src-shared/domain/signInThrottle'
import type { RpcResult } from '../../../src-shared/contract'
import { ADMIN, callOk, createUserAndSignIn, freshShopPerTest, handlers } from '../helpers'
import type { AppContext } from '../../../src-main/app/context'
import { useShopPasswordCost } from '../setup'

// Up to ten scrypt checks per test (the account's lock-out limit): slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const freshShop = freshShopPerTest()

const deskA: CallSource = { transport: 'http', address: '192.168.1.21' }
const deskB: CallSource = { transport: 'http', address: '192.168.1.22' }
const deskC: CallSource = { transport: 'http', address: '192.168.1.23' }
const shopServerWindow: CallSource = { transport: 'ipc' }

function signInFrom(app: AppContext, source: CallSource, username: string, password: string) {
  return dispatch(app, handlers, { operation: 'auth.signIn', input: { username, password }, token: undefined, source })
}

function codeOf(result: RpcResult<unknown>): string {
  return result.ok ? 'ok' : result.error.code
}

async function guess(app: AppContext, source: CallSource, username: string, times: number): Promise<string[]> {
  const codes: string[] = []
  for (let i = 0; i < times; i++) codes.push(codeOf(await signInFrom(app, source, username, `guess-${i}`)))
  return codes
}

describe('sign-in throttling per source', () => {
  it('a source past its free tries is refused with when to retry, even with the right password, and waits longer each time', async () => {
    const { app, clock } = await freshShop()
    expect(await guess(app, deskA, ADMIN.username, SOURCE_FREE_FAILURES)).toEqual(
      Array(SOURCE_FREE_FAILURES).fill('INVALID_CREDENTIALS')
    )

    const refused = await signInFrom(app, deskA, ADMIN.username, ADMIN.password)
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'SIGN_IN_THROTTLED',
        messageKey: 'errors.SIGN_IN_THROTTLED',
        details: { retryAt: new Date(clock.now().getTime() + SOURCE_FIRST_WAIT_MS).toISOString(), minutes: 1 }
      }
    })

    clock.advance(SOURCE_FIRST_WAIT_MS)
    expect(codeOf(await signInFrom(app, deskA, ADMIN.username, 'one-more-guess'))).toBe('INVALID_CREDENTIALS')
    const longer = await signInFrom(app, deskA, ADMIN.username, ADMIN.password)
    expect(longer).toMatchObject({
      ok: false,
      error: { details: { retryAt: new Date(clock.now().getTime() + 2 * SOURCE_FIRST_WAIT_MS).toISOString() } }
    })
    clock.advance(2 * SOURCE_FIRST_WAIT_MS)
    expect(codeOf(await signInFrom(app, deskA, ADMIN.username, ADMIN.password))).toBe('ok')
  })

  it('guesses from one desk lock no account: the same account signs in at once from another desk', async () => {
    const { app, clock } = await freshShop()
    const desk = await createUserAndSignIn(app, (await freshAdminToken(app)).token, 'front_desk')
    await guess(app, deskA, ADMIN.username, SOURCE_FREE_FAILURES)
    // Persisting through the growing waits adds nothing more to the account's count.
    for (let wait = SOURCE_FIRST_WAIT_MS; wait <= 16 * SOURCE_FIRST_WAIT_MS; wait *= 2) {
      clock.advance(wait)
      expect(await guess(app, deskA, ADMIN.username, 1)).toEqual(['INVALID_CREDENTIALS'])
    }
    expect(codeOf(await signInFrom(app, deskB, ADMIN.username, ADMIN.password))).toBe('ok')
    // The desk that guessed is still slowed down, for any account it tries.
    expect(codeOf(await signInFrom(app, deskA, desk.user.username, desk.password))).toBe('SIGN_IN_THROTTLED')
  })

  it('guesses from several desks lock the account against the network, and the admin still signs in at the shop server', async () => {
    const { app, adminToken } = await freshShop()
    const perDesk = MAX_FAILED_SIGN_INS / 2
    await guess(app, deskA, ADMIN.username, perDesk)
    const codes = await guess(app, deskB, ADMIN.username, perDesk)
    expect(codes.at(-1)).toBe('ACCOUNT_LOCKED')
    expect(codeOf(await signInFrom(app, deskC, ADMIN.username, ADMIN.password))).toBe('ACCOUNT_LOCKED')

    const atServer = await signInFrom(app, shopServerWindow, ADMIN.username, ADMIN.password)
    expect(atServer.ok).toBe(true)
    const token = (atServer as { ok: true; data: { token: string } }).data.token
    await callOk(app, 'users.list', {}, token)
    // The lock still holds the network off, and the sessions opened from the network ended with it.
    expect(codeOf(await signInFrom(app, deskC, ADMIN.username, ADMIN.password))).toBe('ACCOUNT_LOCKED')
    const stale = await dispatch(app, handlers, { operation: 'auth.session', input: {}, token: adminToken })
    expect(codeOf(stale)).toBe('UNAUTHENTICATED')
  })

  it('a session opened at the shop server outlasts a lock-out caused from the network', async () => {
    const { app } = await freshShop()
    const atServer = await signInFrom(app, shopServerWindow, ADMIN.username, ADMIN.password)
    const token = (atServer as { ok: true; data: { token: string } }).data.token
    await guess(app, deskA, ADMIN.username, MAX_FAILED_SIGN_INS / 2)
    await guess(app, deskB, ADMIN.username, MAX_FAILED_SIGN_INS / 2)
    await callOk(app, 'users.list', {}, token)
  })

  describe('while each check takes its real time', () => {
    useShopPasswordCost()

    it('forty unknown names at once from one desk: most are refused unchecked, and a real sign-in waits at most a turn', async () => {
      const { app } = await freshShop()
      const finished: string[] = []
      const flood = Array.from({ length: 40 }, (_, i) =>
        signInFrom(app, deskA, `nobody-${i}`, 'whatever').then((result) => {
          finished.push(`flood:${codeOf(result)}`)
          return result
        })
      )
      const real = signInFrom(app, shopServerWindow, ADMIN.username, ADMIN.password).then((result) => {
        finished.push('real')
        return result
      })
      const results = await Promise.all(flood)
      expect((await real).ok).toBe(true)

      const checked = results.filter((result) => codeOf(result) === 'INVALID_CREDENTIALS')
      expect(checked).toHaveLength(SOURCE_FREE_FAILURES)
      expect(results.filter((result) => codeOf(result) === 'SIGN_IN_THROTTLED')).toHaveLength(40 - SOURCE_FREE_FAILURES)
      // The refusals come back before any password was checked; of the checked ones, the real
      // sign-in took its turn ahead of the flood's later ones.
      const checkedOrder = finished.filter((entry) => entry === 'real' || entry === 'flood:INVALID_CREDENTIALS')
      expect(checkedOrder.indexOf('real')).toBeLessThan(SOURCE_FREE_FAILURES - 1)
    })
  })
})

async function freshAdminToken(app: AppContext) {
  return callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
}
