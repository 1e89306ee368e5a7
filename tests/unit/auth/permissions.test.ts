import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { handleIpcCall } from '../../../src-main/host/electron/ipcBridge'
import { startWebHost, type WebHost } from '../../../src-main/host/web/server'
import { OPERATION_NAMES, type OperationName, type RpcResult } from '../../../src-shared/contract'
import { ALLOWED_WHILE_LOCKED, permissions, roleMayCall } from '../../../src-shared/contract/permissions'
import { ROLES, type Role } from '../../../src-shared/domain/roles'
import {
  call,
  callError,
  callOk,
  closeApp,
  countRows,
  createUserAndSignIn,
  handlers,
  initializedApp,
  type SignedInUser
} from '../helpers'

const APP_URL_PREFIX = 'file:///opt/service-center/resources/app/out/renderer/'
const APP_FRAME = { frameUrl: `${APP_URL_PREFIX}index.html#/users`, fromAppWindow: true }

describe('the permission matrix', () => {
  it('has an entry for every operation and none for operations that do not exist', () => {
    expect(Object.keys(permissions).sort()).toEqual([...OPERATION_NAMES].sort())
  })

  it('has a handler for every operation and no stray handlers', () => {
    expect(Object.keys(handlers).sort()).toEqual([...OPERATION_NAMES].sort())
  })

  it('leaves only first-run, sign-in and pairing a desk open to callers without a session', () => {
    const publicOperations = OPERATION_NAMES.filter((name) => permissions[name] === 'public')
    expect(publicOperations.sort()).toEqual(['auth.signIn', 'desks.pair', 'setup.initialize', 'setup.status'])
  })

  it('allows only signed-in session operations while a session is locked', () => {
    for (const name of ALLOWED_WHILE_LOCKED) {
      expect(OPERATION_NAMES).toContain(name)
      expect(permissions[name]).toBe('signedIn')
    }
  })

  it('lets an admin call every operation and keeps user management to admins', () => {
    for (const name of OPERATION_NAMES) expect(roleMayCall('admin', name)).toBe(true)
    const userOperations = OPERATION_NAMES.filter((name) => name.startsWith('users.'))
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      for (const name of userOperations) expect(roleMayCall(role, name)).toBe(false)
    }
  })

  it('role lists name only real roles', () => {
    for (const access of Object.values(permissions)) {
      if (Array.isArray(access)) for (const role of access) expect(ROLES).toContain(role)
    }
  })
})

describe('who may call what, enforced on the server', () => {
  let app: AppContext
  let adminToken: string
  let technician: SignedInUser
  let web: WebHost
  const signedIn = new Map<Role, string>()

  beforeAll(async () => {
    const shop = await initializedApp()
    app = shop.app
    adminToken = shop.adminToken
    signedIn.set('admin', adminToken)
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const user = await createUserAndSignIn(app, adminToken, role)
      signedIn.set(role, user.token)
      if (role === 'technician') technician = user
    }
    web = await startWebHost(app, handlers, { port: 0 })
  })

  afterAll(async () => {
    await web.close()
    await closeApp(app)
  })

  /** Valid input for each users.* operation, so a refusal can only come from the role. */
  function validUserOperations(): [OperationName, unknown][] {
    return [
      ['users.list', {}],
      ['users.create', { username: 'newcomer', displayName: '新人', role: 'front_desk', password: 'long-enough-1' }],
      ['users.update', { id: technician.user.id, displayName: '技师', phone: '', role: 'admin' }],
      ['users.setDisabled', { id: technician.user.id, disabled: true }],
      ['users.resetPassword', { id: technician.user.id, newPassword: 'taken-over-1' }]
    ]
  }

  it('every role gets exactly what the matrix grants, for every operation', async () => {
    for (const role of ROLES) {
      const token = signedIn.get(role)!
      for (const name of OPERATION_NAMES) {
        if (permissions[name] === 'public') continue
        // An unknown field makes every permitted call stop at validation, so nothing is changed.
        const error = await callError(app, name, { probe: true }, token)
        const expected = roleMayCall(role, name) ? 'VALIDATION' : 'FORBIDDEN'
        expect({ role, name, code: error.code }).toEqual({ role, name, code: expected })
      }
    }
  })

  it('a technician is refused every users.* operation through dispatch, and nothing changes', async () => {
    const usersBefore = countRows(app, 'users')
    const auditBefore = countRows(app, 'audit_log')
    for (const [name, input] of validUserOperations()) {
      const error = await callError(app, name, input, technician.token)
      expect({ name, code: error.code, operation: error.details?.operation }).toEqual({
        name,
        code: 'FORBIDDEN',
        operation: name
      })
    }
    expect(countRows(app, 'users')).toBe(usersBefore)
    expect(countRows(app, 'audit_log')).toBe(auditBefore)
    expect(await callOk(app, 'auth.session', {}, technician.token)).toMatchObject({ user: { role: 'technician' } })
  })

  it('a technician is refused every users.* operation through the HTTP host with 403', async () => {
    const usersBefore = countRows(app, 'users')
    for (const [name, input] of validUserOperations()) {
      const response = await fetch(new URL(`rpc/${name}`, web.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${technician.token}` },
        body: JSON.stringify(input)
      })
      const body = (await response.json()) as RpcResult<unknown>
      expect({ name, status: response.status, body }).toMatchObject({
        name,
        status: 403,
        body: { ok: false, error: { code: 'FORBIDDEN' } }
      })
    }
    expect(countRows(app, 'users')).toBe(usersBefore)
  })

  it('a technician is refused every users.* operation through the IPC host', async () => {
    const usersBefore = countRows(app, 'users')
    for (const [operation, input] of validUserOperations()) {
      const result = await handleIpcCall(app, handlers, APP_URL_PREFIX, APP_FRAME, {
        operation,
        input,
        token: technician.token
      })
      expect({ operation, result }).toMatchObject({ operation, result: { ok: false, error: { code: 'FORBIDDEN' } } })
    }
    expect(countRows(app, 'users')).toBe(usersBefore)
  })

  it('an admin may list and create users through dispatch, HTTP and IPC', async () => {
    const listed = await callOk(app, 'users.list', {}, adminToken)
    expect(listed.total).toBe(countRows(app, 'users'))

    const viaDispatch = await call(
      app,
      'users.create',
      { username: 'desk.dispatch', displayName: '前台', role: 'front_desk', password: 'long-enough-1' },
      adminToken
    )
    expect(viaDispatch).toMatchObject({ ok: true, data: { username: 'desk.dispatch', role: 'front_desk' } })

    const response = await fetch(new URL('rpc/users.list', web.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ search: 'desk.dispatch' })
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ ok: true, data: { total: 1, rows: [{ username: 'desk.dispatch' }] } })

    const viaIpc = await handleIpcCall(app, handlers, APP_URL_PREFIX, APP_FRAME, {
      operation: 'users.update',
      input: { id: technician.user.id, displayName: '技师甲', phone: '13800000000', role: 'technician' },
      token: adminToken
    })
    expect(viaIpc).toMatchObject({ ok: true, data: { id: technician.user.id, displayName: '技师甲' } })
  })

  describe('the IPC host refuses untrusted senders before looking at the call', () => {
    const createCall = () => ({
      operation: 'users.create',
      input: { username: 'intruder', displayName: 'Intruder', role: 'admin', password: 'long-enough-1' },
      token: adminToken
    })

    it.each([
      ['a page on the web', { frameUrl: 'https://evil.example/index.html', fromAppWindow: true }],
      ['a file outside the renderer folder', { frameUrl: 'file:///tmp/evil.html', fromAppWindow: true }],
      [
        'a sibling folder whose name extends the renderer folder',
        { frameUrl: 'file:///opt/service-center/resources/app/out/renderer-evil/index.html', fromAppWindow: true }
      ],
      ['a frame with no URL', { frameUrl: '', fromAppWindow: true }],
      ['the app URL but not the app window', { frameUrl: `${APP_URL_PREFIX}index.html`, fromAppWindow: false }]
    ])('%s', async (_label, sender) => {
      const usersBefore = countRows(app, 'users')
      const result = await handleIpcCall(app, handlers, APP_URL_PREFIX, sender, createCall())
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', details: { reason: 'untrusted sender' } } })
      expect(countRows(app, 'users')).toBe(usersBefore)
    })

    it('a payload that is not an object is a validation error', async () => {
      for (const payload of [null, 'users.list', 42]) {
        const result = await handleIpcCall(app, handlers, APP_URL_PREFIX, APP_FRAME, payload)
        expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      }
    })

    it('a trusted sender without a token is unauthenticated', async () => {
      const result = await handleIpcCall(app, handlers, APP_URL_PREFIX, APP_FRAME, {
        operation: 'users.list',
        input: {}
      })
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    })
  })
})
