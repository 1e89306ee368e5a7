import type { Migration } from '../../db/migration'

export const outbox: Migration = {
  version: 5,
  name: 'sync: outbox',
  statements: [
    // seq keeps the order HQ must apply changes in; id identifies the change across systems.
    `CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        operation TEXT NOT NULL,
        payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
        sent_at TEXT
      )`,
    `CREATE INDEX outbox_unsent ON outbox(seq) WHERE sent_at IS NULL`
  ]
}
