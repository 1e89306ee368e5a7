import type { Migration } from '../../db/migration'

export const customersAndDevices: Migration = {
  version: 6,
  name: 'customers: customers and their devices',
  statements: [
    `CREATE TABLE customers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        mobile TEXT,
        other_phones_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(other_phones_json)),
        address TEXT NOT NULL DEFAULT '',
        company TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        tags_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags_json)),
        -- lower-case name, pinyin initials, phone digits and company: what search-as-you-type scans
        search_text TEXT NOT NULL,
        merged_into_id TEXT REFERENCES customers(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
    // A mobile number identifies one living customer; merged-away records keep theirs for history.
    `CREATE UNIQUE INDEX customers_mobile ON customers(mobile) WHERE mobile IS NOT NULL AND merged_into_id IS NULL`,
    `CREATE INDEX customers_created ON customers(created_at)`,
    `CREATE TABLE devices (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        brand TEXT NOT NULL,
        model TEXT NOT NULL,
        serial TEXT,
        colour TEXT NOT NULL DEFAULT '',
        purchase_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
    `CREATE UNIQUE INDEX devices_serial ON devices(serial) WHERE serial IS NOT NULL`,
    `CREATE INDEX devices_customer ON devices(customer_id)`
  ]
}

export const customerSearchIndex: Migration = {
  version: 9,
  name: 'customers: index for search as you type',
  statements: [
    // Search as you type scans every live customer's search text with LIKE '%…%', newest first.
    // This narrow index holds that text in that order: the count reads the index alone, and a
    // page stops as soon as it has its rows (the empty search, the customer list, reads just those).
    `CREATE INDEX customers_search ON customers(updated_at DESC, id DESC, search_text) WHERE merged_into_id IS NULL`
  ]
}

export const customerErasure: Migration = {
  version: 16,
  name: 'customers: erased_at marks a customer whose personal data was erased on request',
  statements: [`ALTER TABLE customers ADD COLUMN erased_at TEXT`]
}

/**
 * Search as you type on a million customers: an FTS5 trigram index over each live customer's
 * search text, kept in step by triggers inside the same transaction as the change. Each word is
 * indexed as ^^word$$ so the trigrams also answer "starts with" and "ends with" for one and two
 * typed characters (features/search/ftsQuery.ts). The index's rowid is search_seq, a number every
 * change of a customer takes anew (the highest yet plus one): walking the index from its highest
 * rowid down meets customers most recently changed first, the order the list shows, so a first
 * page needs only its own rows however many customers match.
 */
export const customerSearchFts: Migration = {
  version: 31,
  name: 'customers: FTS5 trigram index for search as you type, most recently changed first',
  statements: [
    `ALTER TABLE customers ADD COLUMN search_seq INTEGER`,
    `UPDATE customers SET search_seq = ranked.seq
       FROM (SELECT rowid AS row_id, row_number() OVER (ORDER BY updated_at, id) AS seq
               FROM customers WHERE merged_into_id IS NULL AND erased_at IS NULL) AS ranked
      WHERE customers.rowid = ranked.row_id`,
    `CREATE UNIQUE INDEX customers_search_seq ON customers(search_seq)`,
    `CREATE VIRTUAL TABLE customer_search USING fts5(
        words, tokenize = 'trigram', content = '', contentless_delete = 1
      )`,
    `INSERT INTO customer_search(rowid, words)
       SELECT search_seq, '^^' || replace(search_text, ' ', '$$ ^^') || '$$' FROM customers
        WHERE search_seq IS NOT NULL`,
    `CREATE TRIGGER customers_search_insert AFTER INSERT ON customers
       WHEN NEW.merged_into_id IS NULL AND NEW.erased_at IS NULL
       BEGIN
         UPDATE customers
            SET search_seq = (SELECT coalesce(max(search_seq), 0) + 1 FROM customers)
          WHERE rowid = NEW.rowid;
         INSERT INTO customer_search(rowid, words)
           SELECT search_seq, '^^' || replace(search_text, ' ', '$$ ^^') || '$$' FROM customers WHERE rowid = NEW.rowid;
       END`,
    `CREATE TRIGGER customers_search_update AFTER UPDATE OF search_text, updated_at, merged_into_id, erased_at ON customers
       BEGIN
         DELETE FROM customer_search WHERE rowid = OLD.search_seq;
         UPDATE customers
            SET search_seq = CASE WHEN NEW.merged_into_id IS NULL AND NEW.erased_at IS NULL
                  THEN (SELECT coalesce(max(search_seq), 0) + 1 FROM customers) END
          WHERE rowid = NEW.rowid;
         INSERT INTO customer_search(rowid, words)
           SELECT search_seq, '^^' || replace(search_text, ' ', '$$ ^^') || '$$' FROM customers
            WHERE rowid = NEW.rowid AND search_seq IS NOT NULL;
       END`,
    `CREATE TRIGGER customers_search_delete AFTER DELETE ON customers
       BEGIN
         DELETE FROM customer_search WHERE rowid = OLD.search_seq;
       END`
  ]
}

/**
 * Erasing a customer must reach the records around their jobs that were written once and never
 * changed: a complaint's history (the first note is the customer's own words), the reason a device
 * went home unpaid, and a restore's list of dropped money (which names the customer). Each row
 * still never changes in what happened, by whom and when; only its text about the person may be
 * redacted.
 */
export const erasureReachesNotesAndHandOvers: Migration = {
  version: 58,
  name: 'customers: an erasure may redact complaint notes, unpaid hand-over reasons and dropped-money names',
  statements: [
    `DROP TRIGGER complaint_events_no_update`,
    `CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
       WHEN NEW.id IS NOT OLD.id OR NEW.complaint_id IS NOT OLD.complaint_id OR NEW.at IS NOT OLD.at
         OR NEW.actor_id IS NOT OLD.actor_id OR NEW.from_status IS NOT OLD.from_status
         OR NEW.to_status IS NOT OLD.to_status
       BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END`,
    `DROP TRIGGER unpaid_hand_overs_fixed`,
    `CREATE TRIGGER unpaid_hand_overs_fixed BEFORE UPDATE ON unpaid_hand_overs
       WHEN NEW.id IS NOT OLD.id OR NEW.work_order_id IS NOT OLD.work_order_id
         OR NEW.lines_fen IS NOT OLD.lines_fen OR NEW.deposit_held_fen IS NOT OLD.deposit_held_fen
         OR NEW.approved_by IS NOT OLD.approved_by OR NEW.handed_over_by IS NOT OLD.handed_over_by
         OR NEW.at IS NOT OLD.at
       BEGIN SELECT RAISE(ABORT, 'an unpaid hand-over is recorded once'); END`,
    `DROP TRIGGER restore_dropped_money_dealt_once`,
    `CREATE TRIGGER restore_dropped_money_dealt_once BEFORE UPDATE ON restore_dropped_money
       WHEN NEW.id IS NOT OLD.id OR NEW.record_id IS NOT OLD.record_id OR NEW.kind IS NOT OLD.kind
         OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.at IS NOT OLD.at
         OR NEW.work_order_id IS NOT OLD.work_order_id OR NEW.refunds_document_id IS NOT OLD.refunds_document_id
         OR (OLD.dealt_with_at IS NOT NULL AND (
              NEW.dealt_with_at IS NOT OLD.dealt_with_at OR NEW.dealt_with_by IS NOT OLD.dealt_with_by
              OR NEW.backup_name IS NOT OLD.backup_name OR NEW.restored_at IS NOT OLD.restored_at
              OR NEW.method IS NOT OLD.method OR NEW.document_number IS NOT OLD.document_number
              OR NEW.work_order_number IS NOT OLD.work_order_number OR NEW.by_name IS NOT OLD.by_name
              OR NEW.day_close_number IS NOT OLD.day_close_number))
       BEGIN SELECT RAISE(ABORT, 'a dropped money record is dealt with once and never changed'); END`
  ]
}
