import type { Migration } from '../../db/migration'

export const auditLog: Migration = {
  version: 4,
  name: 'audit: append-only audit log',
  statements: [
    `CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT REFERENCES users(id),
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
        after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json))
      )`,
    `CREATE INDEX audit_log_at ON audit_log(at)`,
    `CREATE INDEX audit_log_action_at ON audit_log(action, at)`,
    `CREATE INDEX audit_log_actor_at ON audit_log(actor_id, at)`,
    `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`,
    `CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`
  ]
}

/**
 * Erasing a customer's personal data (China's personal-information law) must reach the audit
 * log too, where a customer's name and phones sit in the before/after records. Who did what,
 * when and to which record still never changes; only the recorded values may be redacted.
 */
export const auditRedaction: Migration = {
  version: 17,
  name: 'audit: recorded values may be redacted, who/what/when never change',
  statements: [
    `DROP TRIGGER audit_log_no_update`,
    `CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        WHEN NEW.id IS NOT OLD.id OR NEW.at IS NOT OLD.at OR NEW.actor_id IS NOT OLD.actor_id
          OR NEW.action IS NOT OLD.action OR NEW.entity IS NOT OLD.entity OR NEW.entity_id IS NOT OLD.entity_id
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`
  ]
}

/** The shop network: every audit row names the desk the action came from (null: the server's own chores). */
export const auditRowsNameTheDesk: Migration = {
  version: 30,
  name: 'audit: the desk each action came from',
  statements: [`ALTER TABLE audit_log ADD COLUMN desk_id TEXT`]
}

/**
 * The audit page finds a record's rows (a job's, a part's, a customer's) by the record's id:
 * without this index each look-up read the whole log, which grows by every change the shop makes.
 */
export const auditRowsByRecord: Migration = {
  version: 68,
  name: 'audit: a record’s rows found by its id, newest first',
  statements: [`CREATE INDEX audit_log_record ON audit_log(entity, entity_id, at)`]
}
