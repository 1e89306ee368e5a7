import { describe, expect, it } from 'vitest'
import { bootstrapAdmin } from '../../../src-hq/staff/service'
import { dispatchStaffCall } from '../../../src-hq/dispatch'
import { useHqCluster } from './hqHelpers'

const cluster = useHqCluster()

describe('HQ staff', () => {
  it('the first admin signs in with a password, creates a reviewer, and a session ends at sign-out', async () => {
    const t = await cluster.freshHq()
    expect(await bootstrapAdmin(t.hq, 'first-password')).toBe(true)
    expect(await bootstrapAdmin(t.hq, 'another')).toBe(false)
    const call = (operation: string, token: string | undefined, input: unknown) =>
      dispatchStaffCall(t.hq, 'AA:BB', operation, token, input)

    const wrong = await call('staff.signIn', undefined, { username: 'admin', password: 'nope' })
    expect(wrong.ok ? null : wrong.error.code).toBe('SIGN_IN_FAILED')
    const signedIn = await call('staff.signIn', undefined, { username: 'admin', password: 'first-password' })
    if (!signedIn.ok) throw new Error('sign-in failed')
    const { token } = signedIn.data as { token: string }
    expect(await call('hq.info', token, {})).toMatchObject({
      ok: true,
      data: { name: 'Test HQ', fingerprint: 'AA:BB' }
    })
    expect(
      await call('staff.create', token, {
        username: 'li',
        displayName: 'Li',
        role: 'claimsReviewer',
        password: 'reviewer-password'
      })
    ).toMatchObject({ ok: true, data: { role: 'claimsReviewer' } })

    await call('staff.signOut', token, {})
    const after = await call('shops.list', token, {})
    expect(after.ok ? null : after.error.code).toBe('UNAUTHENTICATED')
  })

  // Fourteen sign-ins, each a full-cost scrypt (a third of a second on a quiet core, several seconds
  // on a loaded one): more time than the suite's default, which a busy machine ran out of.
  it(
    'wrong passwords in a row make the account wait, the right one included, longer each time; a right one resets',
    { timeout: 120_000 },
    async () => {
      const t = await cluster.freshHq()
      await bootstrapAdmin(t.hq, 'first-password')
      const signIn = async (password: string) => {
        const answer = await dispatchStaffCall(t.hq, 'AA:BB', 'staff.signIn', undefined, {
          username: 'admin',
          password
        })
        return answer.ok ? 'ok' : answer.error
      }
      for (let i = 0; i < 4; i++) expect(await signIn('guess')).toMatchObject({ code: 'SIGN_IN_FAILED' })
      expect(await signIn('first-password')).toBe('ok')
      for (let i = 0; i < 5; i++) expect(await signIn('guess')).toMatchObject({ code: 'SIGN_IN_FAILED' })
      expect(await signIn('first-password')).toMatchObject({ code: 'SIGN_IN_THROTTLED', params: { seconds: 30 } })
      // A name HQ does not know answers as a real one does, so the answers do not tell which exist.
      const unknown = async () => {
        const answer = await dispatchStaffCall(t.hq, 'AA:BB', 'staff.signIn', undefined, {
          username: 'x',
          password: 'y'
        })
        return answer.ok ? 'ok' : answer.error.code
      }
      for (let i = 0; i < 5; i++) expect(await unknown()).toBe('SIGN_IN_FAILED')
      expect(await unknown()).toBe('SIGN_IN_THROTTLED')

      t.clock.now = new Date(t.clock.now.getTime() + 31_000)
      expect(await signIn('guess')).toMatchObject({ code: 'SIGN_IN_FAILED' })
      expect(await signIn('first-password')).toMatchObject({ code: 'SIGN_IN_THROTTLED', params: { seconds: 60 } })
      t.clock.now = new Date(t.clock.now.getTime() + 61_000)
      expect(await signIn('first-password')).toBe('ok')
      expect(await signIn('guess')).toMatchObject({ code: 'SIGN_IN_FAILED' })
    }
  )

  it('guesses sent all at once are counted before their passwords are checked: no more than five get a check', async () => {
    const t = await cluster.freshHq()
    await bootstrapAdmin(t.hq, 'first-password')
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        dispatchStaffCall(t.hq, 'AA:BB', 'staff.signIn', undefined, { username: 'admin', password: 'guess' })
      )
    )
    const codes = answers.map((answer) => (answer.ok ? 'ok' : answer.error.code))
    expect(codes.filter((code) => code === 'SIGN_IN_FAILED')).toHaveLength(5)
    expect(codes.filter((code) => code === 'SIGN_IN_THROTTLED')).toHaveLength(15)
  })
})
