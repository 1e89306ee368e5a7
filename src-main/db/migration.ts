/**
 * A numbered, forward-only schema step. Statements run one by one inside the migrator's
 * transaction; the version numbers are global across features. Once released a step is frozen:
 * its statements are literal SQL (never built from live code constants, which may change), and
 * the migrator refuses to start if a step's checksum differs from the one recorded when it ran.
 */
export interface Migration {
  version: number
  name: string
  statements: readonly string[]
}
