import {
  AppError,
  contract,
  isOperationName,
  type CurrentUser,
  type OperationName,
  type RpcResult
} from '../../src-shared/contract'
import { ALLOWED_WHILE_LOCKED, permissions, roleMayCall } from '../../src-shared/contract/permissions'
import type { AppContext } from '../app/context'
import type { Session } from '../features/auth/sessions'
import { findActiveUser } from '../features/auth/users'
import { readIdleLockMinutes } from '../features/settings/service'
import { deskIdOf, UNKNOWN_SOURCE, type CallSource } from './callSource'
import { runInCallScope } from './callScope'
import { applyOnce, isReplayableWrite } from '../features/desks/requestLog'
import type { CallContext, HandlerTable } from './handler'
import { parseInput } from './validation'
import { storageFailure } from '../db/storageFailure'

export interface CallRequest {
  operation: string
  input: unknown
  token: string | undefined
  /** Reported by the host; a caller that names none is an unknown desk. */
  source?: CallSource
  /**
   * The desk's id for this try of a write (`X-Request-Id`): a retry with the same id is answered
   * with the first try's result instead of being applied again.
   */
  requestId?: string | undefined
}

/** Request ids are the desk's own (a UUID, say): short, plain, and never parsed. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,100}$/

/**
 * The one path every call takes, whichever host it came through: find the operation, check the
 * session and the caller's role, validate the input, run the handler, and turn any failure into
 * a stable error. Authorization comes before validation so strangers learn nothing of the schema.
 */
export async function dispatch(
  app: AppContext,
  handlers: HandlerTable,
  request: CallRequest
): Promise<RpcResult<unknown>> {
  try {
    const source = request.source ?? UNKNOWN_SOURCE
    // Every audit row written for this call names the desk it came from.
    const scope = { deskId: deskIdOf(source), source, signInThrottle: app.signInThrottle }
    const data = await runInCallScope(scope, () => run(app, handlers, request, source))
    return { ok: true, data }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toData() }
    console.error(`[rpc] ${request.operation} failed`, error)
    return { ok: false, error: (storageFailure(error) ?? new AppError('INTERNAL')).toData() }
  }
}

async function run(
  app: AppContext,
  handlers: HandlerTable,
  request: CallRequest,
  source: CallSource
): Promise<unknown> {
  const name = request.operation
  if (!isOperationName(name)) throw new AppError('UNKNOWN_OPERATION', 'errors.UNKNOWN_OPERATION', { operation: name })
  const now = app.clock()
  const caller =
    permissions[name] === 'public'
      ? { session: null, user: null }
      : await authorize(app, name, request.token, now, source)
  const input = parseInput(contract[name].input, request.input)
  const ctx: CallContext = { app, now, source, ...caller }
  const handler = handlers[name] as (ctx: CallContext, input: unknown) => Promise<unknown>
  const { requestId } = request
  if (requestId === undefined || !isReplayableWrite(name)) return handler(ctx, input)
  if (!REQUEST_ID_PATTERN.test(requestId)) throw new AppError('VALIDATION', 'errors.VALIDATION', { requestId })
  return applyOnce(app, deskIdOf(source), requestId, name, () => handler(ctx, input))
}

async function authorize(
  app: AppContext,
  name: OperationName,
  token: string | undefined,
  now: Date,
  source: CallSource
): Promise<{ session: Session; user: CurrentUser }> {
  const session = app.sessions.get(token)
  if (!session) throw new AppError('UNAUTHENTICATED', app.sessions.endedReason(token))
  // A session belongs to the desk it was opened at: a token carried to another desk is no use there.
  if (session.deskId !== deskIdOf(source)) throw new AppError('UNAUTHENTICATED', 'errors.sessionOfAnotherDesk')
  // The account is read on every call, so disabling a user or changing a role takes effect at once.
  // A locked-out account is refused too: its sessions end at the lock-out, and this holds even so.
  const user = await findActiveUser(app.db, session.userId, now, session.atShopServer)
  if (!user) {
    app.sessions.revoke(session.token)
    throw new AppError('UNAUTHENTICATED')
  }
  app.sessions.applyIdleLock(session, now, await readIdleLockMinutes(app.db))
  if (session.locked && !ALLOWED_WHILE_LOCKED.has(name)) throw new AppError('SESSION_LOCKED')
  if (!roleMayCall(user.role, name)) throw new AppError('FORBIDDEN', 'errors.FORBIDDEN', { operation: name })
  if (!session.locked) app.sessions.touch(session, now)
  return { session, user }
}
