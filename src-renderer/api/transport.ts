import type { RpcResult } from '../../src-shared/contract'
import { isShopServerUnanswered } from '../../src-shared/bridge'
import { readDeskCredential } from './deskCredential'

/** A call that gets no answer in this time is taken as lost, and tried again (with the same request id). */
export const ANSWER_TIMEOUT_MS = 60_000

/** The header that lets the shop server apply a retried write once (it remembers recent ids). */
export const REQUEST_ID_HEADER = 'X-Request-Id'
/** The header that carries this desk's credential from pairing. */
export const DESK_CREDENTIAL_HEADER = 'X-Desk-Credential'
/** The header that names the release this page was built as: the shop server refuses another. */
export const DESK_RELEASE_HEADER = 'X-Desk-Release'
// Written in by the build (electron.vite.config.ts); absent in unit tests, which run the sources.
const PAGE_RELEASE = typeof __APP_RELEASE__ === 'string' ? __APP_RELEASE__ : undefined

/** What one try of a call came to: the server's answer, or no answer at all. */
export type Attempt = { answered: true; result: RpcResult<unknown> } | { answered: false }

/**
 * One try of one call. Inside Electron the preload bridge carries it over IPC, with the call's
 * request id (the shell of a desk sends it on to the shop server); in a browser, HTTP does, with
 * this desk's credential and the call's request id.
 */
export async function attempt(
  operation: string,
  input: unknown,
  token: string | undefined,
  requestId: string
): Promise<Attempt> {
  if (window.serviceCenter) {
    // At a desk the shell carries the call on to the shop server; no answer from there is no answer.
    const result = await window.serviceCenter.call(operation, input, token, requestId)
    return isShopServerUnanswered(result) ? { answered: false } : { answered: true, result }
  }
  const credential = readDeskCredential()
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), ANSWER_TIMEOUT_MS)
  try {
    const response = await fetch(`/rpc/${operation}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        [REQUEST_ID_HEADER]: requestId,
        ...(credential ? { [DESK_CREDENTIAL_HEADER]: credential } : {}),
        ...(PAGE_RELEASE ? { [DESK_RELEASE_HEADER]: PAGE_RELEASE } : {}),
        ...(token ? { Authorization: `Bearer ${token}` } : {})
      },
      body: JSON.stringify(input ?? {}),
      signal: abort.signal
    })
    return { answered: true, result: (await response.json()) as RpcResult<unknown> }
  } catch {
    // Refused, reset, timed out, or an answer cut short: the server may or may not have applied it.
    return { answered: false }
  } finally {
    clearTimeout(timer)
  }
}
