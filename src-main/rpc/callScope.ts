import { AsyncLocalStorage } from 'node:async_hooks'
import type { SignInThrottle } from '../features/auth/sourceThrottle'
import type { CallSource } from './callSource'

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
