import type { Migration } from '../../db/migration'

export const partsAndStockLedger: Migration = {
  version: 12,
  name: 'parts: catalogue, the append-only stock ledger, parts on work orders, faulty-part returns and stocktakes',
  statements: [
    // On hand and value are running sums of the ledger, kept in the same transaction; the
    // checks are the last guard against a bug that would drive stock below zero.
    `CREATE TABLE parts (
        id TEXT PRIMARY KEY,
        part_number TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        unit TEXT NOT NULL,
        bin_location TEXT NOT NULL DEFAULT '',
        selling_price_fen INTEGER NOT NULL CHECK (selling_price_fen >= 0),
        average_cost_fen INTEGER NOT NULL CHECK (average_cost_fen >= 0),
        on_hand INTEGER NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
        stock_value_fen INTEGER NOT NULL DEFAULT 0 CHECK (stock_value_fen >= 0 AND (on_hand > 0 OR stock_value_fen = 0)),
        reorder_point INTEGER NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
        reorder_quantity INTEGER NOT NULL DEFAULT 0 CHECK (reorder_quantity >= 0),
        serial_tracked INTEGER NOT NULL DEFAULT 0,
        return_faulty INTEGER NOT NULL DEFAULT 0,
        active INTEGER NOT NULL DEFAULT 1,
        search_text TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
    `CREATE INDEX parts_bin ON parts(bin_location)`,
    // Only the parts at or under their reorder point, in the reorder list's order. Its WHERE is
    // deliberately more than `active = 1`: an index covering every active part would lure the
    // planner into scanning it for text search and looking each row up (2-3x slower than
    // scanning the table, measured by the parts benchmark).
    `CREATE INDEX parts_low ON parts(bin_location, part_number) WHERE active = 1 AND on_hand <= reorder_point`,
    `CREATE TABLE part_barcodes (
        barcode TEXT PRIMARY KEY COLLATE NOCASE,
        part_id TEXT NOT NULL REFERENCES parts(id)
      ) WITHOUT ROWID`,
    `CREATE INDEX part_barcodes_part ON part_barcodes(part_id)`,
    `CREATE TABLE part_models (
        part_id TEXT NOT NULL REFERENCES parts(id),
        model_id TEXT NOT NULL REFERENCES product_models(id),
        PRIMARY KEY (part_id, model_id)
      ) WITHOUT ROWID`,
    `CREATE INDEX part_models_model ON part_models(model_id)`,
    `CREATE TABLE work_order_part_requests (
        id TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        part_id TEXT NOT NULL REFERENCES parts(id),
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        issued_quantity INTEGER NOT NULL DEFAULT 0 CHECK (issued_quantity >= 0),
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('open', 'issued', 'cancelled')),
        requested_by TEXT REFERENCES users(id),
        requested_at TEXT NOT NULL,
        closed_at TEXT
      )`,
    `CREATE INDEX work_order_part_requests_order ON work_order_part_requests(work_order_id)`,
    `CREATE INDEX work_order_part_requests_open ON work_order_part_requests(requested_at) WHERE status = 'open'`,
    `CREATE TABLE work_order_parts (
        id TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        part_id TEXT NOT NULL REFERENCES parts(id),
        request_id TEXT REFERENCES work_order_part_requests(id),
        serial TEXT,
        quantity INTEGER NOT NULL CHECK (quantity > 0),
        returned_quantity INTEGER NOT NULL DEFAULT 0 CHECK (returned_quantity >= 0 AND returned_quantity <= quantity),
        unit_price_fen INTEGER NOT NULL CHECK (unit_price_fen >= 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        -- The value that left stock with this line, and how much of it came back: a return
        -- restores its exact share, so issuing and returning everything changes no value.
        cost_value_fen INTEGER NOT NULL DEFAULT 0,
        returned_value_fen INTEGER NOT NULL DEFAULT 0,
        issued_by TEXT REFERENCES users(id),
        issued_at TEXT NOT NULL
      )`,
    `CREATE INDEX work_order_parts_order ON work_order_parts(work_order_id)`,
    `CREATE INDEX work_order_parts_serial ON work_order_parts(part_id, serial) WHERE serial IS NOT NULL`,
    `CREATE TABLE stock_movements (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        part_id TEXT NOT NULL REFERENCES parts(id),
        at TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('receive', 'issue', 'return', 'faulty_return', 'adjust', 'scrap', 'stocktake')),
        quantity INTEGER NOT NULL CHECK (quantity != 0),
        unit_cost_fen INTEGER NOT NULL CHECK (unit_cost_fen >= 0),
        value_fen INTEGER NOT NULL,
        balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
        reference TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        serial TEXT,
        work_order_id TEXT REFERENCES work_orders(id),
        work_order_part_id TEXT REFERENCES work_order_parts(id),
        actor_id TEXT REFERENCES users(id)
      )`,
    // A part's ledger in order; quantity and value ride along so that summing the whole ledger
    // per part (verifyLedger) reads this index alone: 2 000 000 movements in about 0.25 s
    // instead of 5 s of lookups into the table (parts benchmark).
    `CREATE INDEX stock_movements_part ON stock_movements(part_id, seq, quantity, value_fen)`,
    `CREATE INDEX stock_movements_work_order ON stock_movements(work_order_id) WHERE work_order_id IS NOT NULL`,
    `CREATE INDEX stock_movements_stocktake ON stock_movements(reference) WHERE kind = 'stocktake'`,
    // The ledger is append-only: a wrong line is corrected by another line, never edited away.
    `CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
       BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END`,
    `CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
       BEGIN SELECT RAISE(ABORT, 'stock_movements is append-only'); END`,
    `CREATE TABLE stock_adjustments (
        id TEXT PRIMARY KEY,
        part_id TEXT NOT NULL REFERENCES parts(id),
        kind TEXT NOT NULL CHECK (kind IN ('adjust', 'scrap', 'faulty_return')),
        quantity INTEGER NOT NULL CHECK (quantity != 0),
        value_fen INTEGER NOT NULL,
        reason TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'posted', 'rejected')),
        -- The part's last ledger line when asked: a correction posted since makes this one stale.
        ledger_seq INTEGER NOT NULL DEFAULT 0,
        requested_by TEXT REFERENCES users(id),
        requested_at TEXT NOT NULL,
        decided_by TEXT REFERENCES users(id),
        decided_at TEXT
      )`,
    `CREATE INDEX stock_adjustments_status ON stock_adjustments(status, requested_at)`,
    `CREATE TABLE return_batches (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('packed', 'shipped', 'credited')),
        carrier TEXT NOT NULL DEFAULT '',
        tracking_number TEXT NOT NULL DEFAULT '',
        credit_reference TEXT NOT NULL DEFAULT '',
        created_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        shipped_at TEXT,
        credited_at TEXT
      )`,
    `CREATE TABLE faulty_parts (
        id TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        work_order_part_id TEXT NOT NULL UNIQUE REFERENCES work_order_parts(id),
        part_id TEXT NOT NULL REFERENCES parts(id),
        serial TEXT,
        quantity INTEGER NOT NULL CHECK (quantity >= 0),
        status TEXT NOT NULL CHECK (status IN ('awaiting', 'packed', 'shipped', 'credited', 'cancelled')),
        batch_id TEXT REFERENCES return_batches(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
    `CREATE INDEX faulty_parts_status ON faulty_parts(status, created_at)`,
    `CREATE INDEX faulty_parts_batch ON faulty_parts(batch_id) WHERE batch_id IS NOT NULL`,
    `CREATE TABLE stocktakes (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        scope_json TEXT NOT NULL CHECK (json_valid(scope_json)),
        note TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('counting', 'posted', 'cancelled')),
        started_by TEXT REFERENCES users(id),
        started_at TEXT NOT NULL,
        posted_by TEXT REFERENCES users(id),
        posted_at TEXT
      )`,
    `CREATE TABLE stocktake_lines (
        stocktake_id TEXT NOT NULL REFERENCES stocktakes(id),
        part_id TEXT NOT NULL REFERENCES parts(id),
        snapshot_quantity INTEGER NOT NULL,
        counted_quantity INTEGER CHECK (counted_quantity >= 0),
        book_quantity_at_count INTEGER,
        ledger_seq_at_count INTEGER,
        counted_at TEXT,
        counted_by TEXT REFERENCES users(id),
        PRIMARY KEY (stocktake_id, part_id)
      ) WITHOUT ROWID`
  ]
}

export const blindStocktakesAndRecounts: Migration = {
  version: 24,
  name: 'parts: blind stocktakes, and lines posted or flagged for a recount one by one',
  statements: [
    `ALTER TABLE stocktakes ADD COLUMN blind INTEGER NOT NULL DEFAULT 0 CHECK (blind IN (0, 1))`,
    // Posting leaves out a line whose books were corrected after its count and flags it here.
    `ALTER TABLE stocktake_lines ADD COLUMN recount_needed INTEGER NOT NULL DEFAULT 0 CHECK (recount_needed IN (0, 1))`,
    // A line whose variance is in the ledger; it is settled even while others await a recount.
    `ALTER TABLE stocktake_lines ADD COLUMN posted_at TEXT`,
    // Lines of counts already posted are settled.
    `UPDATE stocktake_lines SET posted_at = (SELECT posted_at FROM stocktakes s WHERE s.id = stocktake_lines.stocktake_id)
       WHERE stocktake_id IN (SELECT id FROM stocktakes WHERE status = 'posted')`
  ]
}

/**
 * Part search as you type: an FTS5 trigram index over each part's search text (number, name,
 * initials, barcodes, models), kept in step by triggers in the same transaction as the change.
 * Words are indexed as ^^word$$ like the customers' index (features/search/ftsQuery.ts).
 */
export const partSearchFts: Migration = {
  version: 33,
  name: 'parts: FTS5 trigram index for part search as you type',
  statements: [
    `CREATE VIRTUAL TABLE part_search USING fts5(
        words, tokenize = 'trigram', content = '', contentless_delete = 1
      )`,
    `INSERT INTO part_search(rowid, words)
       SELECT rowid, '^^' || replace(search_text, ' ', '$$ ^^') || '$$' FROM parts`,
    `CREATE TRIGGER parts_search_insert AFTER INSERT ON parts
       BEGIN
         INSERT INTO part_search(rowid, words) VALUES (NEW.rowid, '^^' || replace(NEW.search_text, ' ', '$$ ^^') || '$$');
       END`,
    `CREATE TRIGGER parts_search_update AFTER UPDATE OF search_text ON parts
       BEGIN
         DELETE FROM part_search WHERE rowid = OLD.rowid;
         INSERT INTO part_search(rowid, words) VALUES (NEW.rowid, '^^' || replace(NEW.search_text, ' ', '$$ ^^') || '$$');
       END`,
    `CREATE TRIGGER parts_search_delete AFTER DELETE ON parts
       BEGIN
         DELETE FROM part_search WHERE rowid = OLD.rowid;
       END`
  ]
}

/**
 * A part's catalogue record (number, name, prices, bin, codes, models, flags) gets a version of
 * its own: `updated_at` moves with every stock movement, so an edit checked against it would be
 * refused by a harmless issue at another desk. `edited_at` moves only when the record itself is
 * saved (an edit here, HQ's catalogue arriving); a part already there starts from its last save.
 */
export const partCatalogueEditVersion: Migration = {
  version: 45,
  name: 'parts: the catalogue record has a version of its own, which stock movements leave alone',
  statements: [
    `ALTER TABLE parts ADD COLUMN edited_at TEXT NOT NULL DEFAULT ''`,
    `UPDATE parts SET edited_at = updated_at`
  ]
}

/**
 * A serial-tracked unit scrapped, sent back or found by hand names its serial, and a request
 * waiting for a manager keeps it until it is posted: without it the serials on the books stayed
 * on hand after the unit had left.
 */
export const adjustmentSerials: Migration = {
  version: 46,
  name: 'parts: an adjustment of a serial-tracked part keeps the serial it moves',
  statements: [`ALTER TABLE stock_adjustments ADD COLUMN serial TEXT`]
}

/**
 * A faulty accessory taken back by a 三包 accessory exchange at the counter is owed to the brand
 * like a part replaced in a warranty repair: it joins the faulty-part list with the exchange's
 * slip (its id and PJ number) in place of a work order. A row has one source, a job's part line or
 * an exchange, never both. The table is rebuilt to let the job's columns be empty.
 */
export const faultyAccessories: Migration = {
  version: 53,
  name: 'parts: a faulty accessory taken back by a 三包 exchange is owed to the brand like a job part',
  statements: [
    `CREATE TABLE faulty_parts_with_accessories (
        id TEXT PRIMARY KEY,
        work_order_id TEXT REFERENCES work_orders(id),
        work_order_part_id TEXT UNIQUE REFERENCES work_order_parts(id),
        accessory_remedy_id TEXT UNIQUE REFERENCES warranty_accessory_remedies(id),
        slip_number TEXT,
        part_id TEXT NOT NULL REFERENCES parts(id),
        serial TEXT,
        quantity INTEGER NOT NULL CHECK (quantity >= 0),
        status TEXT NOT NULL CHECK (status IN ('awaiting', 'packed', 'shipped', 'credited', 'cancelled')),
        batch_id TEXT REFERENCES return_batches(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((work_order_id IS NOT NULL AND work_order_part_id IS NOT NULL
                AND accessory_remedy_id IS NULL AND slip_number IS NULL)
          OR (work_order_id IS NULL AND work_order_part_id IS NULL
                AND accessory_remedy_id IS NOT NULL AND slip_number IS NOT NULL))
      )`,
    `INSERT INTO faulty_parts_with_accessories
        (id, work_order_id, work_order_part_id, part_id, serial, quantity, status, batch_id, created_at, updated_at)
      SELECT id, work_order_id, work_order_part_id, part_id, serial, quantity, status, batch_id, created_at, updated_at
      FROM faulty_parts`,
    `DROP TABLE faulty_parts`,
    `ALTER TABLE faulty_parts_with_accessories RENAME TO faulty_parts`,
    `CREATE INDEX faulty_parts_status ON faulty_parts(status, created_at)`,
    `CREATE INDEX faulty_parts_batch ON faulty_parts(batch_id) WHERE batch_id IS NOT NULL`
  ]
}

/**
 * A cancelled part request keeps who cancelled it and, when it was withdrawn because its job
 * closed, the status the job closed to, so the job's timeline can tell it. Requests cancelled
 * before this step are found as they happened: by hand through the audit row their cancel wrote
 * at that instant, else by the job's closing status line at that instant, whose actor closed it.
 */
export const partRequestCancellations: Migration = {
  version: 56,
  name: 'parts: a cancelled part request keeps who cancelled it and whether its job closed',
  statements: [
    `ALTER TABLE work_order_part_requests ADD COLUMN cancelled_by TEXT REFERENCES users(id)`,
    `ALTER TABLE work_order_part_requests ADD COLUMN closed_with_job TEXT`,
    `UPDATE work_order_part_requests SET cancelled_by = (
        SELECT a.actor_id FROM audit_log a
        WHERE a.action = 'workOrderParts.cancelRequest' AND a.at = work_order_part_requests.closed_at
          AND json_extract(a.after_json, '$.requestId') = work_order_part_requests.id)
      WHERE status = 'cancelled'`,
    `UPDATE work_order_part_requests SET
        cancelled_by = (SELECT e.actor_id FROM work_order_events e
          WHERE e.work_order_id = work_order_part_requests.work_order_id AND e.kind = 'status'
            AND e.at = work_order_part_requests.closed_at ORDER BY e.id LIMIT 1),
        closed_with_job = (SELECT e.to_status FROM work_order_events e
          WHERE e.work_order_id = work_order_part_requests.work_order_id AND e.kind = 'status'
            AND e.at = work_order_part_requests.closed_at ORDER BY e.id LIMIT 1)
      WHERE status = 'cancelled' AND cancelled_by IS NULL`
  ]
}

/**
 * A part request cancelled by hand keeps why (the customer gave up, stock on the shelf did
 * instead, asked by mistake), so the job's timeline can say it. Requests cancelled before this step
 * have no reason: the empty text.
 */
export const partRequestCancelReasons: Migration = {
  version: 60,
  name: 'parts: a part request cancelled by hand keeps the reason given',
  statements: [`ALTER TABLE work_order_part_requests ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''`]
}

/**
 * A return batch cancelled before it ships is kept, as 已取消 with when and by whom: its number
 * may already be on a box or in a message to the brand, and the audit rows name it. SQLite cannot
 * widen a CHECK in place, so the table is rebuilt. Faulty parts and HQ's receipts point at it:
 * with the checks deferred to the commit, the old table is dropped (its rows leave their
 * references dangling for a moment) and the new one, under the same name, is filled from a copy,
 * which is what makes them whole again; the commit refuses the step if any were left dangling.
 */
export const returnBatchCancellations: Migration = {
  version: 69,
  name: 'parts: a cancelled return batch is kept as cancelled, with when and by whom',
  statements: [
    `CREATE TABLE return_batches_before_cancellations AS SELECT * FROM return_batches`,
    `PRAGMA defer_foreign_keys = ON`,
    `DROP TABLE return_batches`,
    `CREATE TABLE return_batches (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('packed', 'shipped', 'credited', 'cancelled')),
        carrier TEXT NOT NULL DEFAULT '',
        tracking_number TEXT NOT NULL DEFAULT '',
        credit_reference TEXT NOT NULL DEFAULT '',
        created_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        shipped_at TEXT,
        credited_at TEXT,
        cancelled_by TEXT REFERENCES users(id),
        cancelled_at TEXT,
        CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
      )`,
    `INSERT INTO return_batches
        (id, number, status, carrier, tracking_number, credit_reference, created_by, created_at, shipped_at, credited_at)
      SELECT id, number, status, carrier, tracking_number, credit_reference, created_by, created_at, shipped_at, credited_at
      FROM return_batches_before_cancellations`,
    `DROP TABLE return_batches_before_cancellations`,
    `PRAGMA defer_foreign_keys = OFF`
  ]
}

/**
 * A receipt's ledger lines keep the supplier and the delivery note apart, beside the reference
 * that joins them for people to read. The same-delivery check (parts/receiving.ts) compares them
 * as two values: joined, a note "8812" received without a supplier read like the tail of an
 * earlier note "PO 8812" and was refused. Receipts before this step keep both empty (NULL) and
 * are compared by their joined reference as before; the ledger is append-only, so nothing is
 * split after the fact. Each kind of row has the index its comparison reads.
 */
export const receiptSupplierAndNoteApart: Migration = {
  version: 71,
  name: 'parts: a receipt keeps its supplier and delivery note apart, for the same-delivery check',
  statements: [
    `ALTER TABLE stock_movements ADD COLUMN delivery_supplier TEXT`,
    `ALTER TABLE stock_movements ADD COLUMN delivery_note TEXT`,
    `CREATE INDEX stock_movements_delivery ON stock_movements(part_id, delivery_note COLLATE NOCASE, at)
       WHERE delivery_note IS NOT NULL`,
    `CREATE INDEX stock_movements_received_joined ON stock_movements(part_id, at)
       WHERE kind = 'receive' AND delivery_note IS NULL`
  ]
}
