/**
 * How an import shares the one connection and the event loop with the desks: each step (a batch
 * checked and staged, a page applied) is sized to take about TURN_TARGET_MS of wall-clock time,
 * whatever the machine's speed and however busy it is, and other calls are answered between
 * steps. A desk's call then waits for at most about one step.
 */
export const TURN_TARGET_MS = 20

export interface StepLimits {
  first: number
  min: number
  max: number
}

/** The size of the next step, from the size and duration of the last one. */
export function nextStepSize(size: number, ms: number, limits: StepLimits): number {
  return Math.round(Math.min(limits.max, Math.max(limits.min, (size * TURN_TARGET_MS) / Math.max(ms, 1))))
}

/** A turn for other calls (timers and I/O first: a desk's call waiting on either goes next). */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))
