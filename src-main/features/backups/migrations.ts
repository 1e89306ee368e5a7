import type { Migration } from '../../db/migration'

export const restoreDroppedMoney: Migration = {
  version: 54,
  name: 'backups: the money records a restore dropped, listed until a manager has dealt with each',
  statements: [
    // What today's database held and the restored copy did not: a payment, refund or document
    // made after the copy. Its job or invoice may not exist in the copy, so no reference is a
    // foreign key; what the counter needs to re-enter or check is kept as it read.
    `CREATE TABLE restore_dropped_money (
        id TEXT PRIMARY KEY,
        backup_name TEXT NOT NULL,
        restored_at TEXT NOT NULL,
        record_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('deposit', 'payment', 'deposit_return', 'refund', 'invoice', 'credit_note', 'counter_sale', 'counter_refund')),
        amount_fen INTEGER NOT NULL,
        method TEXT,
        document_number TEXT NOT NULL DEFAULT '',
        work_order_id TEXT,
        work_order_number TEXT,
        refunds_document_id TEXT,
        customer_name TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL,
        by_name TEXT,
        day_close_number TEXT,
        dealt_with_at TEXT,
        dealt_with_by TEXT REFERENCES users(id),
        dealt_with_note TEXT NOT NULL DEFAULT '',
        UNIQUE (record_id)
      )`,
    `CREATE INDEX restore_dropped_money_open ON restore_dropped_money(at) WHERE dealt_with_at IS NULL`,
    `CREATE INDEX restore_dropped_money_work_order ON restore_dropped_money(work_order_id) WHERE work_order_id IS NOT NULL`,
    `CREATE INDEX restore_dropped_money_refunds ON restore_dropped_money(refunds_document_id) WHERE refunds_document_id IS NOT NULL`,
    // A dropped record is a fact of the restore: only its dealing-with is ever written, once.
    `CREATE TRIGGER restore_dropped_money_dealt_once BEFORE UPDATE ON restore_dropped_money
       WHEN OLD.dealt_with_at IS NOT NULL
         OR NEW.id IS NOT OLD.id OR NEW.record_id IS NOT OLD.record_id OR NEW.kind IS NOT OLD.kind
         OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.at IS NOT OLD.at
         OR NEW.work_order_id IS NOT OLD.work_order_id OR NEW.refunds_document_id IS NOT OLD.refunds_document_id
       BEGIN SELECT RAISE(ABORT, 'a dropped money record is dealt with once and never changed'); END`,
    `CREATE TRIGGER restore_dropped_money_no_delete BEFORE DELETE ON restore_dropped_money
       BEGIN SELECT RAISE(ABORT, 'dropped money records are never deleted'); END`
  ]
}
