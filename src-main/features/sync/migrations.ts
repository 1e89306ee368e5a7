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

export const hqSync: Migration = {
  version: 26,
  name: 'sync: the HQ connection, push batches, pull cursors and what HQ sends back',
  statements: [
    // One row once the shop is enrolled. The shop key is sealed (sync/shopKeySeal.ts); the
    // fingerprint is the SHA-256 of HQ's certificate the admin confirmed at enrolment.
    `CREATE TABLE hq_connection (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hq_url TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        shop_id TEXT NOT NULL,
        hq_name TEXT NOT NULL,
        sealed_key TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        enrolled_by TEXT REFERENCES users(id),
        last_success_at TEXT,
        last_attempt_at TEXT,
        last_error TEXT,
        last_error_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0
      )`,
    // The batch being pushed, written before it is sent: a retry after a time-out or a crash
    // sends the same rows under the same id. acked_at is set with the rows' sent_at.
    `CREATE TABLE hq_push_batches (
        batch_id TEXT PRIMARY KEY,
        first_seq INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        change_count INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        acked_at TEXT
      )`,
    `CREATE INDEX hq_push_batches_pending ON hq_push_batches(first_seq) WHERE acked_at IS NULL`,
    // How far the shop has applied each HQ table, advanced in the transaction that applies a page.
    `CREATE TABLE hq_pull_cursors (
        table_name TEXT PRIMARY KEY,
        cursor INTEGER NOT NULL,
        remaining INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID`,
    // The brand's figures for a catalogue part the shop's parts table has no column for.
    `CREATE TABLE hq_catalogue_prices (
        part_number TEXT PRIMARY KEY COLLATE NOCASE,
        claim_price_fen INTEGER NOT NULL,
        retail_price_fen INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID`,
    `CREATE TABLE service_bulletins (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        models_json TEXT NOT NULL CHECK (json_valid(models_json)),
        published_at TEXT NOT NULL,
        received_at TEXT NOT NULL
      )`,
    // HQ's decision on a claim; warranty_claims.status follows it (rejected) or says it is with HQ.
    `CREATE TABLE hq_claim_decisions (
        claim_id TEXT PRIMARY KEY REFERENCES warranty_claims(id),
        status TEXT NOT NULL CHECK (status IN ('approved', 'rejected', 'moreInfo')),
        reason TEXT NOT NULL,
        approved_fen INTEGER NOT NULL,
        decided_at TEXT NOT NULL,
        received_at TEXT NOT NULL
      )`,
    `CREATE TABLE hq_return_batch_status (
        batch_id TEXT PRIMARY KEY REFERENCES return_batches(id),
        status TEXT NOT NULL CHECK (status IN ('received', 'credited')),
        credited_fen INTEGER NOT NULL,
        credit_reference TEXT NOT NULL,
        at TEXT NOT NULL,
        received_at TEXT NOT NULL
      )`
  ]
}

export const pushRefusals: Migration = {
  version: 48,
  name: 'sync: what HQ said when it refused a push batch',
  statements: [
    // A batch HQ refuses stays unacknowledged and is sent again; what HQ answered is kept on it
    // so the sync page can name the batch and the change for HQ's support.
    `ALTER TABLE hq_push_batches ADD COLUMN refused_at TEXT`,
    `ALTER TABLE hq_push_batches ADD COLUMN refusal TEXT`,
    `ALTER TABLE hq_push_batches ADD COLUMN refused_change_id TEXT`
  ]
}

export const pulledRowsRefused: Migration = {
  version: 66,
  name: 'sync: a row pulled from HQ that the shop will not apply is kept with why, for the sync page',
  statements: [
    // One row per HQ row refused (the latest refusal of it); gone once HQ sends a version the shop applies.
    `CREATE TABLE hq_pulled_rows_refused (
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        record TEXT NOT NULL,
        reason TEXT NOT NULL,
        details_json TEXT NOT NULL,
        row_json TEXT NOT NULL,
        refused_at TEXT NOT NULL,
        PRIMARY KEY (table_name, row_key)
      )`
  ]
}
