import { mkdtempSync, rmSync } from 'node:fs'
import { afterEach } from 'vitest'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { closeApp, openApp } from '../../src-main/app/openApp'
import type { AppContext } from '../../src-main/app/context'
import type { CallSource } from '../../src-main/rpc/callSource'
import { dispatch } from '../../src-main/rpc/dispatch'
import { handlers } from '../../src-main/rpc/handlers'
import type { AppErrorData, Input, OperationName, Output, RpcResult, UserSummary } from '../../src-shared/contract'
import type { Role } from '../../src-shared/domain/roles'

export const SHOP = {
  name: '测试维修中心',
  address: '',
  phone: '',
  taxNumber: '',
  logo: null,
  timeZone: 'Asia/Shanghai'
}

export const ADMIN = { username: 'admin', displayName: '管理员', password: 'correct-horse-1' }

export const MINUTE = 60_000

/** A clock the test moves by hand, for lock-out and idle-lock rules. */
export interface TestClock {
  now: () => Date
  advance(ms: number): void
}

export function testClock(start = '2026-01-23T02:00:00.000Z'): TestClock {
  let current = new Date(start).getTime()
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms
    }
  }
}

/** One call through the same dispatcher both hosts use. */
export function call(app: AppContext, operation: string, input: unknown, token?: string): Promise<RpcResult<unknown>> {
  return dispatch(app, handlers, { operation, input, token })
}

let deskCounter = 0

/**
 * A desk on the shop network that has not signed in before. Sign-in is throttled per source, so
 * tests about the account's own lock-out spread their guesses over several desks.
 */
export function anotherDesk(): CallSource {
  deskCounter += 1
  return { transport: 'http', address: `10.0.${(deskCounter >> 8) & 255}.${deskCounter & 255}` }
}

/** A sign-in from a given source (calls without one come from an unknown desk). */
export function signInFrom(
  app: AppContext,
  source: CallSource,
  input: { username: string; password: string }
): Promise<RpcResult<unknown>> {
  return dispatch(app, handlers, { operation: 'auth.signIn', input, token: undefined, source })
}

/** A call in a session, made from a given desk (sign-in, unlock and password checks are throttled per desk). */
export function callFrom(
  app: AppContext,
  source: CallSource,
  operation: string,
  input: unknown,
  token: string
): Promise<RpcResult<unknown>> {
  return dispatch(app, handlers, { operation, input, token, source })
}

/** A call that must succeed; its data, typed from the contract. */
export async function callOk<K extends OperationName>(
  app: AppContext,
  operation: K,
  input: Input<K>,
  token?: string
): Promise<Output<K>> {
  const result = await call(app, operation, input, token)
  if (!result.ok) throw new Error(`${operation} failed: ${JSON.stringify(result.error)}`)
  return result.data as Output<K>
}

/** A call that must fail; its error. */
export async function callError(
  app: AppContext,
  operation: string,
  input: unknown,
  token?: string
): Promise<AppErrorData> {
  const result = await call(app, operation, input, token)
  if (result.ok) throw new Error(`${operation} unexpectedly succeeded: ${JSON.stringify(result.data)}`)
  return result.error
}

export interface InitializedApp {
  app: AppContext
  adminToken: string
  adminId: string
  clock: TestClock
}

/** A fresh in-memory shop that has been through first-run setup; the admin is signed in. */
export async function initializedApp(clock: TestClock = testClock()): Promise<InitializedApp> {
  const app = openApp({ dataDir: ':memory:', clock: clock.now })
  const result = await callOk(app, 'setup.initialize', { shop: SHOP, admin: ADMIN })
  return { app, adminToken: result.token, adminId: result.user.id, clock }
}

let userCounter = 0

export interface SignedInUser {
  user: UserSummary
  token: string
  password: string
}

/** Creates a user through the admin's session and signs them in. */
export async function createUserAndSignIn(app: AppContext, adminToken: string, role: Role): Promise<SignedInUser> {
  userCounter += 1
  const password = `pass-${role}-${userCounter}`
  const user = await callOk(
    app,
    'users.create',
    { username: `${role}.${userCounter}`, displayName: `${role} ${userCounter}`, role, password },
    adminToken
  )
  const { token } = await callOk(app, 'auth.signIn', { username: user.username, password })
  return { user, token, password }
}

export function countRows(app: AppContext, table: string): number {
  return (app.sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
}

export interface AuditRow {
  at: string
  actorId: string | null
  action: string
  entity: string
  entityId: string | null
  before: unknown
  after: unknown
}

/** Audit rows as stored, oldest first, optionally of one action. */
export function auditRows(app: AppContext, action?: string): AuditRow[] {
  const rows = app.sqlite
    .prepare(
      `SELECT at, actor_id, action, entity, entity_id, before_json, after_json FROM audit_log
       ${action ? 'WHERE action = ?' : ''} ORDER BY at, id`
    )
    .all(...(action ? [action] : [])) as {
    at: string
    actor_id: string | null
    action: string
    entity: string
    entity_id: string | null
    before_json: string | null
    after_json: string | null
  }[]
  return rows.map((row) => ({
    at: row.at,
    actorId: row.actor_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json)
  }))
}

/** A throwaway folder, removed by the returned function. */
export function tempDir(): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), 'service-center-test-'))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export { closeApp, handlers }

/** Registers an afterEach that closes every app handed to the returned `track`. */
export function closeAfterEachTest(): (app: AppContext) => AppContext {
  const opened: AppContext[] = []
  afterEach(async () => {
    for (const app of opened.splice(0)) await closeApp(app)
  })
  return (app) => {
    opened.push(app)
    return app
  }
}

/** For suites where each test starts from its own freshly set-up shop, closed after the test. */
export function freshShopPerTest(): (clock?: TestClock) => Promise<InitializedApp> {
  const track = closeAfterEachTest()
  return async (clock) => {
    const shop = await initializedApp(clock)
    track(shop.app)
    return shop
  }
}
