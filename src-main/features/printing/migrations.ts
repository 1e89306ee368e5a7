import type { Migration } from '../../db/migration'

export const printCounts: Migration = {
  version: 14,
  name: 'printing: how often each document has been printed',
  statements: [
    `CREATE TABLE print_log (
        id TEXT PRIMARY KEY,
        document_type TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        print_number INTEGER NOT NULL,
        paper TEXT NOT NULL,
        printed_by TEXT REFERENCES users(id),
        printed_at TEXT NOT NULL,
        UNIQUE (document_type, entity_id, print_number)
      )`
  ]
}
