import { describe, expect, it } from 'vitest'
import { setUserDisabled } from '../../../src-main/features/users/service'
import {
  ADMIN,
  auditRows,
  callError,
  callOk,
  countRows,
  createUserAndSignIn,
  freshShopPerTest,
  MINUTE
} from '../helpers'

const shop = freshShopPerTest()

const newTechnician = {
  username: 'tech.wang',
  displayName: '王师傅',
  phone: '13800000001',
  role: 'technician',
  password: 'solder-iron-1'
} as const

describe('managing users', () => {
  it('creating, updating, disabling and resetting a password each leave an audit row with before and after', async () => {
    const { app, adminToken, adminId, clock } = await shop()
    // Each change a minute after the last, so the trail's order is the order of events.
    const times: string[] = []
    const aMinuteLater = () => {
      clock.advance(MINUTE)
      times.push(clock.now().toISOString())
    }

    aMinuteLater()
    const created = await callOk(app, 'users.create', newTechnician, adminToken)
    expect(created).toMatchObject({
      username: 'tech.wang',
      displayName: '王师傅',
      phone: '13800000001',
      role: 'technician',
      disabled: false
    })

    aMinuteLater()
    const updated = await callOk(
      app,
      'users.update',
      { id: created.id, displayName: '王工', phone: '', role: 'front_desk' },
      adminToken
    )
    expect(updated).toMatchObject({ displayName: '王工', phone: '', role: 'front_desk' })

    aMinuteLater()
    const disabled = await callOk(app, 'users.setDisabled', { id: created.id, disabled: true }, adminToken)
    expect(disabled.disabled).toBe(true)

    aMinuteLater()
    const enabled = await callOk(app, 'users.setDisabled', { id: created.id, disabled: false }, adminToken)
    expect(enabled.disabled).toBe(false)

    aMinuteLater()
    await callOk(app, 'users.resetPassword', { id: created.id, newPassword: 'new-secret-22' }, adminToken)

    const trail = auditRows(app).filter((row) => row.entityId === created.id)
    expect(trail.map((row) => row.action)).toEqual([
      'users.create',
      'users.update',
      'users.disable',
      'users.enable',
      'users.resetPassword'
    ])
    expect(trail.map((row) => row.at)).toEqual(times)
    for (const row of trail) expect(row).toMatchObject({ actorId: adminId, entity: 'user' })

    const [create, update, disable, enable, reset] = trail
    expect(create!.before).toBeNull()
    expect(create!.after).toEqual(created)
    expect(update!.before).toMatchObject({ displayName: '王师傅', phone: '13800000001', role: 'technician' })
    expect(update!.after).toMatchObject({ displayName: '王工', phone: '', role: 'front_desk' })
    expect(disable!.before).toMatchObject({ disabled: false })
    expect(disable!.after).toMatchObject({ disabled: true })
    expect(enable!.before).toMatchObject({ disabled: true })
    expect(enable!.after).toMatchObject({ disabled: false })
    expect(reset!.before).toMatchObject({ id: created.id })
    expect(reset!.after).toMatchObject({ id: created.id, lockedUntil: null })

    // The audit trail must never carry a password or its hash.
    const stored = app.sqlite.prepare('SELECT before_json, after_json FROM audit_log').all()
    const text = JSON.stringify(stored)
    expect(text).not.toContain('scrypt$')
    expect(text).not.toContain('solder-iron-1')
    expect(text).not.toContain('new-secret-22')
    expect(text.toLowerCase()).not.toContain('passwordhash')

    const { token } = await callOk(app, 'auth.signIn', { username: 'tech.wang', password: 'new-secret-22' })
    expect(token).toBeTruthy()
  })

  it('the audit viewer shows who did it by name', async () => {
    const { app, adminToken } = await shop()
    await callOk(app, 'users.create', newTechnician, adminToken)
    const page = await callOk(app, 'audit.list', { action: 'users.create' }, adminToken)
    expect(page.total).toBe(1)
    expect(page.rows[0]).toMatchObject({
      actorName: ADMIN.displayName,
      action: 'users.create',
      after: { username: 'tech.wang' }
    })
  })

  it('a user name already taken, in any letter case, is a CONFLICT on the username field', async () => {
    const { app, adminToken } = await shop()
    await callOk(app, 'users.create', newTechnician, adminToken)
    const before = { users: countRows(app, 'users'), audit: countRows(app, 'audit_log') }

    for (const username of ['TECH.WANG', 'Admin']) {
      const error = await callError(app, 'users.create', { ...newTechnician, username }, adminToken)
      expect(error).toEqual({
        code: 'CONFLICT',
        messageKey: 'errors.usernameTaken',
        details: { fields: [{ path: 'username', messageKey: 'errors.usernameTaken' }] }
      })
    }
    expect({ users: countRows(app, 'users'), audit: countRows(app, 'audit_log') }).toEqual(before)
  })

  it('an unknown user id is NOT_FOUND', async () => {
    const { app, adminToken } = await shop()
    const error = await callError(
      app,
      'users.setDisabled',
      { id: '01890a5d-ac96-774b-bcce-b302099a8057', disabled: true },
      adminToken
    )
    expect(error.code).toBe('NOT_FOUND')
  })

  it('users.list searches by name and filters by role and status', async () => {
    const { app, adminToken } = await shop()
    const tech = await callOk(app, 'users.create', newTechnician, adminToken)
    await callOk(app, 'users.setDisabled', { id: tech.id, disabled: true }, adminToken)

    expect((await callOk(app, 'users.list', { search: '王' }, adminToken)).rows.map((u) => u.id)).toEqual([tech.id])
    expect((await callOk(app, 'users.list', { search: '%' }, adminToken)).total).toBe(0)
    expect((await callOk(app, 'users.list', { role: 'technician' }, adminToken)).total).toBe(1)
    expect(
      (await callOk(app, 'users.list', { includeDisabled: false }, adminToken)).rows.map((u) => u.username)
    ).toEqual([ADMIN.username])
    const all = await callOk(app, 'users.list', {}, adminToken)
    expect(all.total).toBe(2)
    expect(all.rows[all.rows.length - 1]!.id).toBe(tech.id)
    expect(JSON.stringify(all)).not.toContain('scrypt$')
  })
})

describe('the shop always keeps an active administrator', () => {
  it('the last active admin cannot demote themself', async () => {
    const { app, adminToken, adminId } = await shop()
    const auditBefore = countRows(app, 'audit_log')
    const error = await callError(
      app,
      'users.update',
      { id: adminId, displayName: ADMIN.displayName, phone: '', role: 'manager' },
      adminToken
    )
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.lastAdmin' })
    expect((await callOk(app, 'auth.session', {}, adminToken)).user.role).toBe('admin')
    expect(countRows(app, 'audit_log')).toBe(auditBefore)

    const renamed = await callOk(
      app,
      'users.update',
      { id: adminId, displayName: '店长', phone: '', role: 'admin' },
      adminToken
    )
    expect(renamed.displayName).toBe('店长')
  })

  it('disabled admins do not count: with the other admin disabled, the remaining one cannot step down', async () => {
    const { app, adminToken, adminId } = await shop()
    const second = await createUserAndSignIn(app, adminToken, 'admin')

    // While two admins are active, one may be demoted and promoted back.
    await callOk(
      app,
      'users.update',
      { id: second.user.id, displayName: second.user.displayName, phone: '', role: 'manager' },
      adminToken
    )
    await callOk(
      app,
      'users.update',
      { id: second.user.id, displayName: second.user.displayName, phone: '', role: 'admin' },
      adminToken
    )

    await callOk(app, 'users.setDisabled', { id: second.user.id, disabled: true }, adminToken)
    const error = await callError(
      app,
      'users.update',
      { id: adminId, displayName: ADMIN.displayName, phone: '', role: 'technician' },
      adminToken
    )
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.lastAdmin' })
  })

  it('the last active admin cannot be disabled, whoever asks', async () => {
    const { app, adminId } = await shop()
    const before = app.sqlite.prepare('SELECT disabled FROM users WHERE id = ?').get(adminId)
    // Only admins may call users.setDisabled, and they may not disable themselves, so the rule
    // is exercised on the service directly with another actor.
    const actor = { id: 'someone-else', username: 'someone', displayName: 'Someone', role: 'admin' as const }
    await expect(setUserDisabled(app, new Date(), actor, { id: adminId, disabled: true })).rejects.toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.lastAdmin'
    })
    expect(app.sqlite.prepare('SELECT disabled FROM users WHERE id = ?').get(adminId)).toEqual(before)
  })

  it('an admin cannot disable themself, even when another admin remains', async () => {
    const { app, adminToken, adminId } = await shop()
    await callOk(
      app,
      'users.create',
      { username: 'deputy', displayName: 'Deputy', role: 'admin', password: 'deputy-pass-1' },
      adminToken
    )
    const error = await callError(app, 'users.setDisabled', { id: adminId, disabled: true }, adminToken)
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.cannotDisableSelf' })
    expect((await callOk(app, 'auth.session', {}, adminToken)).user.id).toBe(adminId)
  })
})

describe('the audit log is append-only', () => {
  it('rows cannot be updated or deleted, even with direct SQL', async () => {
    const { app } = await shop()
    const before = app.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all()
    expect(before.length).toBeGreaterThan(0)

    expect(() => app.sqlite.prepare(`UPDATE audit_log SET action = 'tampered'`).run()).toThrow(/append-only/)
    expect(() => app.sqlite.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect(app.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(before)
  })
})
