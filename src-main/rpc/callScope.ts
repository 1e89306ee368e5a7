import { AsyncLocalStorage } from 'node:async_hooks'
import type { SignInThrottle } from '../features/auth/sourceThrottle'
import type { CallSource } from './callSource'
import type { Db } from '../db/connection'

/** What every piece of work done for one call may need to know without being handed it. */
export interface CallScope {
  /** The desk the call came from (rpc/callSource.ts `deskIdOf`): the audit log records it. */
  deskId: string
  /**
   * Where the call came from, and the shop's sign-in throttle: a name and password typed into a
   * call (a manager's approval at the counter) go through the source's throttle like a sign-in.
   */
  source: CallSource
  signInThrottle: SignInThrottle
  /**
   * For a desk's write sent under a request id: claims that id inside the transaction it is given,
   * so the claim commits with the change or not at all (features/desks/requestLog.ts). The audit
   * row of every change calls it, beside its own insert.
   */
  claimWrite?: (trx: Db) => Promise<void>
}

const storage = new AsyncLocalStorage<CallScope>()

/** Runs one call's work inside its scope; dispatch is the only caller. */
export function runInCallScope<T>(scope: CallScope, work: () => Promise<T>): Promise<T> {
  return storage.run(scope, work)
}

/** The scope of the call being served; undefined for the shop server's own chores (housekeeping). */
export function currentCallScope(): CallScope | undefined {
  return storage.getStore()
}
