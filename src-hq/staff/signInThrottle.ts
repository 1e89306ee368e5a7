import type { HqContext } from '../context'
import { HqError } from '../errors'

/**
 * Sign-in throttling per user name: after a few wrong passwords in a row the name refuses every
 * try for a while, the right password included, so a password cannot be guessed at speed; each
 * further wrong one doubles the wait, up to a quarter of an hour. A right password resets it.
 *
 * A try counts as wrong from the moment it starts (before the slow password check) until it proves
 * right, so guesses sent in parallel cannot all slip past the limit. Names HQ does not know are
 * tracked the same way, so the answers do not tell which staff names exist; the memory is bounded
 * (the oldest names are forgotten first). Kept in HQ's memory: a restart forgives, which only
 * ever favours the staff.
 */
const FREE_TRIES = 5
const FIRST_WAIT_MS = 30_000
const LONGEST_WAIT_MS = 15 * 60_000
const MOST_NAMES_TRACKED = 10_000

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

const keyOf = (username: string) => username.trim().toLowerCase()

/**
 * Refuses a try at a name that is waiting out its wrong passwords; otherwise counts this try as
 * wrong until forgiveSignInTries() says it was right.
 */
export function takeSignInTry(hq: HqContext, username: string): void {
  const all = triesOf(hq)
  const key = keyOf(username)
  const before = all.get(key)
  const now = hq.now().getTime()
  const waitMs = (before?.lockedUntil ?? 0) - now
  if (waitMs > 0) {
    throw new HqError('SIGN_IN_THROTTLED', 'hqErrors.SIGN_IN_THROTTLED', { seconds: Math.ceil(waitMs / 1000) })
  }
  const count = (before?.count ?? 0) + 1
  const lockMs = count < FREE_TRIES ? 0 : Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (count - FREE_TRIES))
  // Re-inserted so the map's order is the order of last use, oldest first.
  all.delete(key)
  all.set(key, { count, lockedUntil: now + lockMs })
  if (all.size > MOST_NAMES_TRACKED) all.delete(all.keys().next().value!)
}

/** The right password: the name's wrong tries are forgotten. */
export function forgiveSignInTries(hq: HqContext, username: string): void {
  triesOf(hq).delete(keyOf(username))
}
