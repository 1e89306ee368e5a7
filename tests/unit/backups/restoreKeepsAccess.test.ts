import { describe, expect, it, vi } from 'vitest'
import { verifyDeskCredential } from '../../../src-main/features/desks/registry'
import { dispatch } from '../../../src-main/rpc/dispatch'
import {
  ADMIN,
  anotherDesk,
  auditRows,
  callError,
  callOk,
  countRows,
  createUserAndSignIn,
  handlers,
  MINUTE,
  signInFrom
} from '../helpers'
import { addCustomer, fileShopPerTest } from './fixtures'
import type { AppContext } from '../../../src-main/app/context'

// Several scrypt hashes and checks per test: slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const fileShop = fileShopPerTest()

async function pairedDesk(app: AppContext, adminToken: string, deskName: string) {
  const { code } = await callOk(app, 'desks.pairingCode', {}, adminToken)
  const paired = await dispatch(app, handlers, {
    operation: 'desks.pair',
    input: { code, deskName },
    token: undefined,
    source: anotherDesk()
  })
  if (!paired.ok) throw new Error(JSON.stringify(paired.error))
  return paired.data as { deskId: string; credential: string }
}

function codeOf(result: { ok: boolean; error?: { code: string } }): string {
  return result.ok ? 'ok' : result.error!.code
}

describe('a restore keeps the access taken away since the copy', () => {
  it('a desk revoked, an account deactivated and a password changed since the copy stay so, and the answer names them', async () => {
    const { app, adminToken, clock } = await fileShop()
    const clerk = await createUserAndSignIn(app, adminToken, 'front_desk')
    const leaver = await createUserAndSignIn(app, adminToken, 'manager')
    const stolen = await pairedDesk(app, adminToken, '前台二号')
    await addCustomer(app, adminToken)
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)

    clock.advance(MINUTE)
    await addCustomer(app, adminToken)
    await callOk(
      app,
      'auth.changePassword',
      { currentPassword: clerk.password, newPassword: 'a-new-secret-9' },
      clerk.token
    )
    await callOk(app, 'users.setDisabled', { id: leaver.user.id, disabled: true }, adminToken)
    await callOk(app, 'desks.revoke', { deskId: stolen.deskId }, adminToken)

    const result = await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(countRows(app, 'customers')).toBe(1)

    const clerkWith = (password: string) => signInFrom(app, anotherDesk(), { username: clerk.user.username, password })
    expect(codeOf(await clerkWith(clerk.password))).toBe('INVALID_CREDENTIALS')
    expect(codeOf(await clerkWith('a-new-secret-9'))).toBe('ok')
    expect(
      codeOf(await signInFrom(app, anotherDesk(), { username: leaver.user.username, password: leaver.password }))
    ).toBe('ACCOUNT_DISABLED')
    await expect(verifyDeskCredential(app.db, stolen.credential, clock.now())).rejects.toMatchObject({
      code: 'DESK_REVOKED'
    })
    expect(result.kept).toEqual({
      passwords: [clerk.user.displayName],
      accounts: [leaver.user.displayName],
      revokedDesks: ['前台二号'],
      lockedOut: []
    })
    expect(auditRows(app, 'backups.restore')).toMatchObject([{ after: { kept: result.kept } }])
  })

  it('what changed in the copy after the running database’s version stays as the copy has it', async () => {
    const { app, adminToken, clock } = await fileShop()
    const clerk = await createUserAndSignIn(app, adminToken, 'front_desk')
    const older = await callOk(app, 'backups.takeNow', {}, adminToken)
    clock.advance(MINUTE)
    await callOk(app, 'users.resetPassword', { id: clerk.user.id, newPassword: 'newer-secret-1' }, adminToken)
    const newer = await callOk(app, 'backups.takeNow', {}, adminToken)

    // Back to the older copy, then forward to the newer one: the newer password comes back with it.
    await callOk(app, 'backups.restore', { name: older.name }, adminToken)
    const { token } = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    const result = await callOk(app, 'backups.restore', { name: newer.name }, token)
    expect(result.kept).toEqual({ passwords: [], accounts: [], revokedDesks: [], lockedOut: [] })
    expect(
      codeOf(await signInFrom(app, anotherDesk(), { username: clerk.user.username, password: 'newer-secret-1' }))
    ).toBe('ok')
  })

  it('a restore that would leave no active administrator is refused, and today’s data stays', async () => {
    const { app, adminToken, clock } = await fileShop()
    await addCustomer(app, adminToken)
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    clock.advance(MINUTE)
    // The copy's only admin has left since; the one who took over is not in the copy.
    const successor = await createUserAndSignIn(app, adminToken, 'admin')
    const admin = (await callOk(app, 'users.list', { search: ADMIN.username }, adminToken)).rows.find(
      (user) => user.username === ADMIN.username
    )!
    await callOk(app, 'users.setDisabled', { id: admin.id, disabled: true }, successor.token)
    await addCustomer(app, successor.token)

    expect(await callError(app, 'backups.restore', { name: copy.name }, successor.token)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'backups.restoreLeavesNoAdmin'
    })
    expect(countRows(app, 'customers')).toBe(2)
    await callOk(app, 'customers.search', { query: '' }, successor.token)
  })
})
