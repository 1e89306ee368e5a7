import type { HqContext } from '../context'
import { HqError } from '../errors'

/**
 * Sign-in throttling per staff account: after a few wrong passwords in a row the account refuses
 * every try for a while, the right password included, so a password cannot be guessed at speed;
 * each further wrong one doubles the wait, up to a quarter of an hour. A right password resets it.
 * Kept in HQ's memory: a restart forgives, which only ever favours the staff. Only accounts that
 * exist are tracked, so made-up names cannot fill the memory.
 */
const FREE_TRIES = 5
const FIRST_WAIT_MS = 30_000
const LONGEST_WAIT_MS = 15 * 60_000

interface WrongTries {
  count: number
  lockedUntil: number
}

const triesByHq = new WeakMap<HqContext, Map<string, WrongTries>>()

function triesOf(hq: HqContext): Map<string, WrongTries> {
  let tries = triesByHq.get(hq)
  if (!tries) {
    tries = new Map()
    triesByHq.set(hq, tries)
  }
  return tries
}

/** Refuses a sign-in to an account that is waiting out its wrong passwords. */
export function refuseWhileThrottled(hq: HqContext, userId: string): void {
  const tries = triesOf(hq).get(userId)
  const waitMs = (tries?.lockedUntil ?? 0) - hq.now().getTime()
  if (waitMs > 0) {
    throw new HqError('SIGN_IN_THROTTLED', 'hqErrors.SIGN_IN_THROTTLED', { seconds: Math.ceil(waitMs / 1000) })
  }
}

export function recordSignIn(hq: HqContext, userId: string, succeeded: boolean): void {
  const all = triesOf(hq)
  if (succeeded) {
    all.delete(userId)
    return
  }
  const count = (all.get(userId)?.count ?? 0) + 1
  const waitMs = count < FREE_TRIES ? 0 : Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (count - FREE_TRIES))
  all.set(userId, { count, lockedUntil: hq.now().getTime() + waitMs })
}
