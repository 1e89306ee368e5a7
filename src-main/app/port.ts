/**
 * A port: what one feature needs from another it may not import (features build on the
 * work-order kernel and never import each other). features/wiring.ts, the composition root, plugs
 * the other feature in once at start-up; wiring again replaces it (tests may). Using a port before
 * the wiring ran is a programming error, and is said as one.
 */
export interface Port<T> {
  wire(implementation: T): void
  get(): T
}

/** A port named by `what` it carries, for the error when used before the wiring. */
export function definePort<T>(what: string): Port<T> {
  let wired: T | null = null
  return {
    wire(implementation) {
      wired = implementation
    },
    get() {
      if (wired === null) throw new Error(`${what} is not wired: features/wiring.ts must run first`)
      return wired
    }
  }
}
