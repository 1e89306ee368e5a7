import type { Migration } from '../../db/migration'

/**
 * The shop network: the desks paired with this shop server (their credentials kept as hashes),
 * the one-time pairing codes an admin hands out, and the answers to recent writes so a desk's
 * retried write is answered, not applied twice.
 */
export const desksPairingAndRequestLog: Migration = {
  version: 29,
  name: 'desks: paired desks, pairing codes, and the answers to recent writes',
  statements: [
    `CREATE TABLE desks (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        credential_hash TEXT NOT NULL UNIQUE,
        paired_at TEXT NOT NULL,
        paired_by TEXT REFERENCES users(id),
        last_seen_at TEXT,
        revoked_at TEXT,
        revoked_by TEXT REFERENCES users(id)
      )`,
    `CREATE TABLE desk_pairing_codes (
        code_hash TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        created_by TEXT NOT NULL REFERENCES users(id),
        used_at TEXT,
        used_by_desk TEXT REFERENCES desks(id)
      )`,
    `CREATE TABLE request_log (
        desk_id TEXT NOT NULL,
        request_id TEXT NOT NULL,
        operation TEXT NOT NULL,
        result_json TEXT NOT NULL CHECK (json_valid(result_json)),
        at TEXT NOT NULL,
        PRIMARY KEY (desk_id, request_id)
      )`,
    `CREATE INDEX request_log_at ON request_log(at)`
  ]
}

/**
 * A desk's write is claimed in its own transaction, beside its audit row: if the shop server dies
 * after the commit and before the answer is kept, the desk's retry is told the write was applied
 * instead of applying it again. A claimed row waits for its answer with `answered = 0`.
 */
export const requestClaimedInTheWrite: Migration = {
  version: 49,
  name: 'desks: a write is claimed in its own transaction',
  statements: [`ALTER TABLE request_log ADD COLUMN answered INTEGER NOT NULL DEFAULT 1 CHECK (answered IN (0, 1))`]
}
