import type { Migration } from '../../db/migration'

export const numberSequences: Migration = {
  version: 3,
  name: 'numbering: number sequences',
  statements: [
    `CREATE TABLE number_sequences (
        name TEXT NOT NULL,
        period TEXT NOT NULL,
        last_value INTEGER NOT NULL CHECK (last_value > 0),
        PRIMARY KEY (name, period)
      ) WITHOUT ROWID`
  ]
}
