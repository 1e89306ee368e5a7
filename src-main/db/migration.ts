/**
 * A numbered, forward-only schema step. Statements run one by one inside the migrator's
 * transaction; the version numbers are global across features.
 */
export interface Migration {
  version: number
  name: string
  statements: readonly string[]
}
