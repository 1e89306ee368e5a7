import type { AppErrorData, Input, OperationName, Output, RpcResult } from '../../src-shared/contract'
import { readToken } from './token'

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

async function send(operation: string, input: unknown, token: string | undefined): Promise<RpcResult<unknown>> {
  // Inside Electron the preload bridge carries the call over IPC; in a browser, HTTP does.
  if (window.serviceCenter) return window.serviceCenter.call(operation, input, token)
  try {
    const response = await fetch(`/rpc/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input ?? {})
    })
    return (await response.json()) as RpcResult<unknown>
  } catch {
    return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.connection' } }
  }
}

/** Calls one operation of the contract, typed end to end. Throws ApiError on failure. */
export async function call<K extends OperationName>(operation: K, input: Input<K>): Promise<Output<K>> {
  const result = await send(operation, input, readToken())
  if (result.ok) return result.data as Output<K>
  const { code } = result.error
  if (code === 'UNAUTHENTICATED' || code === 'SESSION_LOCKED') {
    sessionProblemListeners.forEach((listener) => listener(code, result.error.messageKey))
  }
  throw new ApiError(result.error)
}
