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

/*
 * A manager's word that dropped money a kept day close counted will not be re-entered was kept
 * only in the audit row of the marking, and a later charge or refund of the same job or invoice
 * was still tied to that close as its re-entry: a genuinely new refund then came up over at the
 * next close, the drawer asked for cash it had paid out. The word is now kept on the record, and
 * a record carrying it ties nothing (backups/droppedMoney.ts).
 */
export const droppedMoneyNotReEntered: Migration = {
  version: 67,
  name: 'backups: the manager’s word that counted dropped money will not be re-entered is kept on the record',
  statements: [
    `ALTER TABLE restore_dropped_money ADD COLUMN not_re_entered INTEGER NOT NULL DEFAULT 0 CHECK (not_re_entered IN (0, 1))`,
    // Existing shops: the word as the marking's audit row kept it.
    `UPDATE restore_dropped_money SET not_re_entered = 1
       WHERE dealt_with_at IS NOT NULL AND id IN (SELECT entity_id FROM audit_log
         WHERE entity = 'restore_dropped_money' AND action = 'backups.markDroppedMoneyDealtWith'
           AND json_extract(after_json, '$.notReEntered') = 1)`,
    // Given with the marking, the word never changes after it, as the rest of the dealing.
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
              OR NEW.day_close_number IS NOT OLD.day_close_number OR NEW.not_re_entered IS NOT OLD.not_re_entered))
       BEGIN SELECT RAISE(ABORT, 'a dropped money record is dealt with once and never changed'); END`
  ]
}
