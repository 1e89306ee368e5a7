/**
 * A numbered, forward-only step of HQ's PostgreSQL schema, like the shop's (src-main/db): literal
 * SQL, frozen once released; the migrator records a checksum per step and refuses to start when a
 * step differs from the one that ran.
 */
export interface HqMigration {
  version: number
  name: string
  statements: readonly string[]
}
