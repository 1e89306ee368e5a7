import { describe, expect, it, vi } from 'vitest'
import { LOCKOUT_MINUTES, MAX_FAILED_SIGN_INS } from '../../../src-shared/domain/lockout'
import { anotherDesk, auditRows, callOk, createUserAndSignIn, MINUTE, signInFrom, type SignedInUser } from '../helpers'
import { addCustomer, fileShopPerTest } from './fixtures'
import type { AppContext } from '../../../src-main/app/context'

// Up to ten scrypt checks per test (the account's lock-out limit): slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const fileShop = fileShopPerTest()

function codeOf(result: { ok: boolean; error?: { code: string } }): string {
  return result.ok ? 'ok' : result.error!.code
}

/** Wrong passwords from desks of their own (one desk's guesses stop at its throttle). */
async function wrongPasswords(app: AppContext, user: SignedInUser, count: number): Promise<string[]> {
  const codes: string[] = []
  for (let i = 0; i < count; i++) {
    codes.push(codeOf(await signInFrom(app, anotherDesk(), { username: user.user.username, password: `guess-${i}` })))
  }
  return codes
}

describe('a restore keeps the lock-outs and wrong passwords counted since the copy', () => {
  it('an account locked out since the copy stays locked until its lock runs out, and the preview and answer name it', async () => {
    const { app, adminToken, clock } = await fileShop()
    const clerk = await createUserAndSignIn(app, adminToken, 'front_desk')
    await addCustomer(app, adminToken)
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)

    clock.advance(MINUTE)
    expect((await wrongPasswords(app, clerk, MAX_FAILED_SIGN_INS)).at(-1)).toBe('ACCOUNT_LOCKED')

    const preview = await callOk(app, 'backups.previewRestore', { name: copy.name }, adminToken)
    expect(preview.access!.kept.lockedOut).toEqual([clerk.user.displayName])
    const result = await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(result.kept.lockedOut).toEqual([clerk.user.displayName])
    expect(auditRows(app, 'backups.restore')).toMatchObject([
      { after: { kept: { lockedOut: [clerk.user.displayName] } } }
    ])

    // The right password from the network is still refused while the lock stands.
    const rightPassword = { username: clerk.user.username, password: clerk.password }
    expect(codeOf(await signInFrom(app, anotherDesk(), rightPassword))).toBe('ACCOUNT_LOCKED')
    clock.advance((LOCKOUT_MINUTES + 1) * MINUTE)
    expect(codeOf(await signInFrom(app, anotherDesk(), rightPassword))).toBe('ok')
  })

  it('wrong passwords counted since the copy still count: the next one locks the account', async () => {
    const { app, adminToken, clock } = await fileShop()
    const clerk = await createUserAndSignIn(app, adminToken, 'technician')
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)

    clock.advance(MINUTE)
    expect(await wrongPasswords(app, clerk, MAX_FAILED_SIGN_INS - 1)).not.toContain('ACCOUNT_LOCKED')
    const result = await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    // Not locked yet: nothing to name.
    expect(result.kept.lockedOut).toEqual([])

    expect(await wrongPasswords(app, clerk, 1)).toEqual(['ACCOUNT_LOCKED'])
  })

  it('a password changed since the copy comes with its lock-out, not with a fresh count', async () => {
    const { app, adminToken, clock } = await fileShop()
    const clerk = await createUserAndSignIn(app, adminToken, 'front_desk')
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)

    clock.advance(MINUTE)
    const newPassword = 'a-new-secret-9'
    await callOk(app, 'auth.changePassword', { currentPassword: clerk.password, newPassword }, clerk.token)
    expect((await wrongPasswords(app, clerk, MAX_FAILED_SIGN_INS)).at(-1)).toBe('ACCOUNT_LOCKED')

    const result = await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(result.kept).toMatchObject({ passwords: [clerk.user.displayName], lockedOut: [clerk.user.displayName] })
    expect(codeOf(await signInFrom(app, anotherDesk(), { username: clerk.user.username, password: newPassword }))).toBe(
      'ACCOUNT_LOCKED'
    )
  })

  it('a lock in the copy that an admin lifted since (a password reset) is not put back', async () => {
    const { app, adminToken, clock } = await fileShop()
    const clerk = await createUserAndSignIn(app, adminToken, 'front_desk')
    expect((await wrongPasswords(app, clerk, MAX_FAILED_SIGN_INS)).at(-1)).toBe('ACCOUNT_LOCKED')
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)

    clock.advance(MINUTE)
    await callOk(app, 'users.resetPassword', { id: clerk.user.id, newPassword: 'reset-by-admin-1' }, adminToken)
    const result = await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(result.kept.lockedOut).toEqual([])
    expect(
      codeOf(await signInFrom(app, anotherDesk(), { username: clerk.user.username, password: 'reset-by-admin-1' }))
    ).toBe('ok')
  })
})
