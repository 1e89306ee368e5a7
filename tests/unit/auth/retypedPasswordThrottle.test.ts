import { describe, expect, it, vi } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import type { CallSource } from '../../../src-main/rpc/callSource'
import { dispatch } from '../../../src-main/rpc/dispatch'
import type { RpcResult, SignInResult } from '../../../src-shared/contract'
import { SOURCE_FIRST_WAIT_MS, SOURCE_FREE_FAILURES } from '../../../src-shared/domain/signInThrottle'
import { callOk, createUserAndSignIn, freshShopPerTest, handlers, signInFrom } from '../helpers'

// A dozen scrypt checks per test: slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const freshShop = freshShopPerTest()

const counterDesk: CallSource = { transport: 'http', address: '192.168.1.41' }
const otherDesk: CallSource = { transport: 'http', address: '192.168.1.42' }
const shopServerWindow: CallSource = { transport: 'ipc' }

function codeOf(result: RpcResult<unknown>): string {
  return result.ok ? 'ok' : result.error.code
}

/** A clerk signed in at `source`, who then walked away: the session is idle-locked. */
async function lockedSessionAt(app: AppContext, adminToken: string, source: CallSource) {
  const clerk = await createUserAndSignIn(app, adminToken, 'front_desk')
  const signedIn = await signInFrom(app, source, { username: clerk.user.username, password: clerk.password })
  if (!signedIn.ok) throw new Error(JSON.stringify(signedIn.error))
  const token = (signedIn.data as SignInResult).token
  await callOk(app, 'auth.lock', {}, token)
  const unlock = (password: string) =>
    dispatch(app, handlers, { operation: 'auth.unlock', input: { password }, token, source })
  return { clerk, token, unlock }
}

async function wrongTries(tries: (password: string) => Promise<RpcResult<unknown>>, times: number) {
  const codes: string[] = []
  for (let i = 0; i < times; i++) codes.push(codeOf(await tries(`guess-${i}`)))
  return codes
}

describe('a password retyped by someone signed in goes through the sign-in throttle of its desk', () => {
  it('unlocking: past the desk’s free tries it is refused even with the right password, with the minutes to wait', async () => {
    const { app, adminToken, clock } = await freshShop()
    const { clerk, unlock } = await lockedSessionAt(app, adminToken, counterDesk)
    expect(await wrongTries(unlock, SOURCE_FREE_FAILURES)).toEqual(
      Array(SOURCE_FREE_FAILURES).fill('INVALID_CREDENTIALS')
    )

    expect(await unlock(clerk.password)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_THROTTLED', messageKey: 'errors.SIGN_IN_THROTTLED', details: { minutes: 1 } }
    })
    // The desk's sign-ins wait with it: guesses typed into either count against the same desk.
    expect(
      codeOf(await signInFrom(app, counterDesk, { username: clerk.user.username, password: clerk.password }))
    ).toBe('SIGN_IN_THROTTLED')

    // Persisting through the growing waits adds nothing to the account's lock-out count.
    for (let wait = SOURCE_FIRST_WAIT_MS; wait <= 16 * SOURCE_FIRST_WAIT_MS; wait *= 2) {
      clock.advance(wait)
      expect(codeOf(await unlock(`persisting-${wait}`))).toBe('INVALID_CREDENTIALS')
    }
    expect(codeOf(await signInFrom(app, otherDesk, { username: clerk.user.username, password: clerk.password }))).toBe(
      'ok'
    )
    clock.advance(32 * SOURCE_FIRST_WAIT_MS)
    expect(codeOf(await unlock(clerk.password))).toBe('ok')
  })

  it('unlocking at the shop server itself, which the account’s lock-out spares, is throttled too: no endless guessing', async () => {
    const { app, adminToken } = await freshShop()
    const { clerk, unlock } = await lockedSessionAt(app, adminToken, shopServerWindow)
    expect(await wrongTries(unlock, SOURCE_FREE_FAILURES)).toEqual(
      Array(SOURCE_FREE_FAILURES).fill('INVALID_CREDENTIALS')
    )
    expect(codeOf(await unlock(clerk.password))).toBe('SIGN_IN_THROTTLED')
  })

  it('changing one’s own password: past the desk’s free tries the current password is refused unchecked', async () => {
    const { app, adminToken } = await freshShop()
    const clerk = await createUserAndSignIn(app, adminToken, 'front_desk')
    const signedIn = await signInFrom(app, counterDesk, { username: clerk.user.username, password: clerk.password })
    const token = (signedIn as { data: SignInResult }).data.token
    const change = (currentPassword: string) =>
      dispatch(app, handlers, {
        operation: 'auth.changePassword',
        input: { currentPassword, newPassword: 'a-new-secret-9' },
        token,
        source: counterDesk
      })
    const wrong: RpcResult<unknown>[] = []
    for (let i = 0; i < SOURCE_FREE_FAILURES; i++) wrong.push(await change(`guess-${i}`))
    expect(wrong.map((result) => !result.ok && result.error.messageKey)).toEqual(
      Array(SOURCE_FREE_FAILURES).fill('errors.currentPasswordWrong')
    )
    expect(await change(clerk.password)).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_THROTTLED', messageKey: 'errors.SIGN_IN_THROTTLED', details: { minutes: 1 } }
    })
    // The password is unchanged, and the clerk is still signed in.
    await callOk(app, 'auth.session', {}, token)
    expect(codeOf(await signInFrom(app, otherDesk, { username: clerk.user.username, password: clerk.password }))).toBe(
      'ok'
    )
  })
})
