import { describe, expect, it, vi } from 'vitest'
import { dispatch } from '../../../src-main/rpc/dispatch'
import { ADMIN, anotherDesk, callError, callOk, createUserAndSignIn, handlers, MINUTE } from '../helpers'
import { join } from 'node:path'
import { addCustomer, fileShopPerTest, openCopy, tableChecksums } from './fixtures'
import type { AppContext } from '../../../src-main/app/context'

// Several scrypt hashes and checks per test: slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const fileShop = fileShopPerTest()

async function pairedDesk(app: AppContext, adminToken: string, deskName: string): Promise<{ deskId: string }> {
  const { code } = await callOk(app, 'desks.pairingCode', {}, adminToken)
  const paired = await dispatch(app, handlers, {
    operation: 'desks.pair',
    input: { code, deskName },
    token: undefined,
    source: anotherDesk()
  })
  if (!paired.ok) throw new Error(JSON.stringify(paired.error))
  return paired.data as { deskId: string }
}

function copyChecksums(file: string): Record<string, string> {
  const copy = openCopy(file)
  try {
    return tableChecksums(copy)
  } finally {
    copy.close()
  }
}

describe('the restore’s preview says ahead what the restore will do to who may get in', () => {
  it('names what would be kept, and the accounts and desks made since the copy that would go, changing nothing', async () => {
    const { app, adminToken, clock, backupFolder } = await fileShop()
    const clerk = await createUserAndSignIn(app, adminToken, 'front_desk')
    const leaver = await createUserAndSignIn(app, adminToken, 'manager')
    const stolen = await pairedDesk(app, adminToken, '前台二号')
    await addCustomer(app, adminToken)
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)

    clock.advance(MINUTE)
    await callOk(app, 'users.resetPassword', { id: clerk.user.id, newPassword: 'a-new-secret-9' }, adminToken)
    await callOk(app, 'users.setDisabled', { id: leaver.user.id, disabled: true }, adminToken)
    await callOk(app, 'desks.revoke', { deskId: stolen.deskId }, adminToken)
    const hired = await createUserAndSignIn(app, adminToken, 'technician')
    const gone = await createUserAndSignIn(app, adminToken, 'technician')
    await callOk(app, 'users.setDisabled', { id: gone.user.id, disabled: true }, adminToken)
    await pairedDesk(app, adminToken, '维修台三号')
    const revokedSince = await pairedDesk(app, adminToken, '临时电脑')
    await callOk(app, 'desks.revoke', { deskId: revokedSince.deskId }, adminToken)

    const today = tableChecksums(app.sqlite, ['sessions'])
    const copyFile = join(backupFolder, copy.name)
    const copyBefore = copyChecksums(copyFile)

    const preview = await callOk(app, 'backups.previewRestore', { name: copy.name }, adminToken)
    expect(preview.access).toEqual({
      kept: {
        passwords: [clerk.user.displayName],
        accounts: [leaver.user.displayName],
        revokedDesks: ['前台二号'],
        lockedOut: []
      },
      // An account deactivated since, or a desk revoked since, loses nothing it still had.
      lostAccounts: [hired.user.displayName],
      lostDesks: ['维修台三号'],
      leavesNoAdmin: false
    })
    expect(tableChecksums(app.sqlite, ['sessions'])).toEqual(today)
    expect(copyChecksums(copyFile)).toEqual(copyBefore)

    // The restore then keeps exactly what the preview said.
    const result = await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(result.kept).toEqual(preview.access!.kept)
  })

  it('a copy taken just now keeps nothing and loses no one', async () => {
    const { app, adminToken } = await fileShop()
    await createUserAndSignIn(app, adminToken, 'front_desk')
    await pairedDesk(app, adminToken, '前台一号')
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    const preview = await callOk(app, 'backups.previewRestore', { name: copy.name }, adminToken)
    expect(preview.access).toEqual({
      kept: { passwords: [], accounts: [], revokedDesks: [], lockedOut: [] },
      lostAccounts: [],
      lostDesks: [],
      leavesNoAdmin: false
    })
  })

  it('says ahead when the restore would leave no active administrator, which the restore then refuses', async () => {
    const { app, adminToken, clock } = await fileShop()
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    clock.advance(MINUTE)
    // The copy's only admin has left since; the one who took over is not in the copy.
    const successor = await createUserAndSignIn(app, adminToken, 'admin')
    const admin = (await callOk(app, 'users.list', { search: ADMIN.username }, adminToken)).rows.find(
      (user) => user.username === ADMIN.username
    )!
    await callOk(app, 'users.setDisabled', { id: admin.id, disabled: true }, successor.token)

    const preview = await callOk(app, 'backups.previewRestore', { name: copy.name }, successor.token)
    expect(preview.access).toMatchObject({ kept: { accounts: [ADMIN.displayName] }, leavesNoAdmin: true })
    expect(await callError(app, 'backups.restore', { name: copy.name }, successor.token)).toMatchObject({
      messageKey: 'backups.restoreLeavesNoAdmin'
    })
  })

  it('an admin demoted since the copy counts as no administrator too', async () => {
    const { app, adminToken, clock } = await fileShop()
    const deputy = await createUserAndSignIn(app, adminToken, 'admin')
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    clock.advance(MINUTE)
    const successor = await createUserAndSignIn(app, adminToken, 'admin')
    const admin = (await callOk(app, 'users.list', { search: ADMIN.username }, adminToken)).rows.find(
      (user) => user.username === ADMIN.username
    )!
    await callOk(app, 'users.setDisabled', { id: admin.id, disabled: true }, successor.token)
    const preview = () => callOk(app, 'backups.previewRestore', { name: copy.name }, successor.token)
    expect((await preview()).access!.leavesNoAdmin).toBe(false)

    await callOk(
      app,
      'users.update',
      { id: deputy.user.id, displayName: deputy.user.displayName, role: 'manager' },
      successor.token
    )
    expect((await preview()).access!.leavesNoAdmin).toBe(true)
  })
})
