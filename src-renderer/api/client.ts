import type { AppErrorData, Input, OperationName, Output, RpcResult } from '../../src-shared/contract'
import { uuidv7 } from '../../src-shared/domain/ids'
import { markReachable, markUnreachable, RETRY_MS, setReachabilityProbe } from './connection'
import { readToken } from './token'
import { attempt } from './transport'

/** A contract error as the renderer sees it: a stable code and a message key to translate. */
export class ApiError extends Error {
  readonly code: AppErrorData['code']
  readonly messageKey: string
  readonly details: AppErrorData['details']

  constructor(error: AppErrorData) {
    super(error.messageKey)
    this.name = 'ApiError'
    this.code = error.code
    this.messageKey = error.messageKey
    this.details = error.details
  }
}

type SessionProblem = 'UNAUTHENTICATED' | 'SESSION_LOCKED'
type SessionProblemListener = (problem: SessionProblem, messageKey: string) => void
const sessionProblemListeners = new Set<SessionProblemListener>()

/**
 * Lets the session store react when any call finds the session gone or locked; the message key
 * says why when the server knows (e.g. an admin restored a backup).
 */
export function onSessionProblem(listener: SessionProblemListener): () => void {
  sessionProblemListeners.add(listener)
  return () => sessionProblemListeners.delete(listener)
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * The shop server no longer knows this desk (an admin revoked it), never paired it, or refuses its
 * release (the app on this PC is another version): the desk goes back to the pairing screen, which
 * says why. The codes belong to the shop server's pairing (features/desks, host/web/lanHost.ts).
 */
const DESK_PROBLEMS = new Set(['DESK_REVOKED', 'DESK_NOT_PAIRED', 'DESK_RELEASE_MISMATCH'])
type DeskProblemListener = (code: string, details: AppErrorData['details']) => void
const deskProblemListeners = new Set<DeskProblemListener>()

export function onDeskProblem(listener: DeskProblemListener): () => void {
  deskProblemListeners.add(listener)
  return () => deskProblemListeners.delete(listener)
}

/**
 * Sends a call until the shop server answers it. Every logical call has one request id, reused
 * on each retry, so a write whose answer was lost is applied once however often it is retried.
 * Meanwhile the desk shows the server as unreachable (the banner) and the open form stays as the
 * user typed it, waiting for its save.
 */
async function send(operation: string, input: unknown, token: string | undefined): Promise<RpcResult<unknown>> {
  const requestId = uuidv7()
  for (;;) {
    const outcome = await attempt(operation, input, token, requestId)
    if (outcome.answered) {
      markReachable()
      return outcome.result
    }
    markUnreachable()
    await wait(RETRY_MS)
  }
}

// While nothing else is under way, the banner still learns when the server is back.
setReachabilityProbe(async () => (await attempt('setup.status', {}, undefined, uuidv7())).answered)

/** Calls one operation of the contract, typed end to end. Throws ApiError on failure. */
export async function call<K extends OperationName>(operation: K, input: Input<K>): Promise<Output<K>> {
  const result = await send(operation, input, readToken())
  if (result.ok) return result.data as Output<K>
  const { code } = result.error
  if (code === 'UNAUTHENTICATED' || code === 'SESSION_LOCKED') {
    sessionProblemListeners.forEach((listener) => listener(code, result.error.messageKey))
  }
  if (DESK_PROBLEMS.has(code)) deskProblemListeners.forEach((listener) => listener(code, result.error.details))
  throw new ApiError(result.error)
}
