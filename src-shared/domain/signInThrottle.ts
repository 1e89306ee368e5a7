/**
 * Sign-in throttling per source (a desk on the shop network, or the shop server itself): the
 * first few wrong tries cost nothing, then the source waits longer after each further one.
 * The account's own lock-out (lockout.ts) needs more failures than one source is allowed, so
 * one guessing desk slows itself down without locking anyone out.
 */
export const SOURCE_FREE_FAILURES = 5
export const SOURCE_FIRST_WAIT_MS = 30_000
export const SOURCE_LONGEST_WAIT_MS = 15 * 60_000
/** A source that has made no wrong try for this long starts afresh. */
export const SOURCE_MEMORY_MS = 60 * 60_000

/** How long a source waits after its latest failure, given how many it has made: 0, then 30 s doubling to 15 min. */
export function sourceWaitMs(failures: number): number {
  if (failures < SOURCE_FREE_FAILURES) return 0
  const doublings = Math.min(failures - SOURCE_FREE_FAILURES, 10)
  return Math.min(SOURCE_FIRST_WAIT_MS * 2 ** doublings, SOURCE_LONGEST_WAIT_MS)
}

/** Whole minutes until `retryAt`, at least one: what the refusal tells the person at the desk. */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000))
}
