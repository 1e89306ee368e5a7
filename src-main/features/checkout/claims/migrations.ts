import type { Migration } from '../../../db/migration'

/**
 * A shop outside a brand network files its claims with the brand itself; a manager records each
 * answer by hand. The steps are kept as they were recorded (filed, paid with the amount the brand
 * paid, rejected with why); the claim's own status follows the latest, so the reports' claim sums
 * (kept by the triggers on its status) move with it.
 */
export const claimsFiledByTheShop: Migration = {
  version: 59,
  name: 'checkout: the steps of a warranty claim the shop files with the brand by hand',
  statements: [
    `CREATE TABLE warranty_claim_steps (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES warranty_claims(id),
        status TEXT NOT NULL CHECK (status IN ('submitted', 'paid', 'rejected')),
        paid_fen INTEGER CHECK ((status = 'paid') = (paid_fen IS NOT NULL)),
        note TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL REFERENCES users(id),
        recorded_at TEXT NOT NULL
      )`,
    `CREATE INDEX warranty_claim_steps_claim ON warranty_claim_steps(claim_id, recorded_at)`,
    // A step is what was recorded then: a wrong one is put right by recording the next.
    `CREATE TRIGGER warranty_claim_steps_no_update BEFORE UPDATE ON warranty_claim_steps
       BEGIN SELECT RAISE(ABORT, 'a claim step is kept as recorded: record the next step instead'); END`,
    `CREATE TRIGGER warranty_claim_steps_no_delete BEFORE DELETE ON warranty_claim_steps
       BEGIN SELECT RAISE(ABORT, 'a claim step is kept as recorded: record the next step instead'); END`
  ]
}

const CLAIM_STEP_KEPT = `BEGIN SELECT RAISE(ABORT, 'a claim step is kept as recorded: record the next step instead'); END`

/**
 * An enrolled shop's claim reaches paid: HQ sends what the brand paid with its decision, and the
 * sync records it as the claim's paid step, as a manager's step records it for a shop that files
 * itself, so the claim list, the claim sheet and the reports' 品牌实付 read it the same way. Nobody
 * at the shop recorded it: the step's recorder is empty (only a paid step may be). SQLite cannot
 * loosen a NOT NULL in place, so the steps move to a table that admits it; the triggers on the old
 * table go with it and are written again. The claim sums' triggers on other tables name the steps
 * in their bodies, which the rename would re-check against a table that is gone for the moment:
 * the rename is the old kind (references are left as written, and resolve to the new table).
 * HQ's decisions keep what it paid beside what it approved, and are pulled again from the start.
 */
export const claimsPaidByHq: Migration = {
  version: 64,
  name: 'checkout: a claim HQ paid is recorded as its paid step, with no recorder at the shop',
  statements: [
    `CREATE TABLE warranty_claim_steps_paid_by_hq (
        id TEXT PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES warranty_claims(id),
        status TEXT NOT NULL CHECK (status IN ('submitted', 'paid', 'rejected')),
        paid_fen INTEGER CHECK ((status = 'paid') = (paid_fen IS NOT NULL)),
        note TEXT NOT NULL DEFAULT '',
        recorded_by TEXT REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        CHECK (recorded_by IS NOT NULL OR status = 'paid')
      )`,
    `INSERT INTO warranty_claim_steps_paid_by_hq (id, claim_id, status, paid_fen, note, recorded_by, recorded_at)
       SELECT id, claim_id, status, paid_fen, note, recorded_by, recorded_at FROM warranty_claim_steps`,
    `DROP TABLE warranty_claim_steps`,
    `PRAGMA legacy_alter_table = ON`,
    `ALTER TABLE warranty_claim_steps_paid_by_hq RENAME TO warranty_claim_steps`,
    `PRAGMA legacy_alter_table = OFF`,
    `CREATE INDEX warranty_claim_steps_claim ON warranty_claim_steps(claim_id, recorded_at)`,
    `CREATE TRIGGER warranty_claim_steps_no_update BEFORE UPDATE ON warranty_claim_steps ${CLAIM_STEP_KEPT}`,
    `CREATE TRIGGER warranty_claim_steps_no_delete BEFORE DELETE ON warranty_claim_steps ${CLAIM_STEP_KEPT}`,
    // Migration 62's: a paid step putting the amount right moves what the brand paid (the amount
    // before it out, the amount with it in), on the claim's month and its days. Written out, not
    // taken from reports/summaries/claimsPaid.ts: a migration file imports no code, and the
    // statement built there is other text (it also adds -1 * (0) to the claim counts and amounts
    // and sums them on conflict), so this step's checksum, which shops recorded, would change.
    `CREATE TRIGGER report_claim_paid_corrected AFTER INSERT ON warranty_claim_steps WHEN NEW.status = 'paid' BEGIN
      INSERT INTO report_claim_months (month, brand, status, claims, amount_fen, paid_fen)
        SELECT strftime('%Y-%m', c.created_at, '+480 minutes'), j.brand, c.status, 0, 0, -1 * (CASE WHEN c.status = 'paid' THEN coalesce((SELECT ps.paid_fen FROM warranty_claim_steps ps
           WHERE ps.claim_id = c.id AND ps.status = 'paid' AND ps.id IS NOT NEW.id ORDER BY ps.recorded_at DESC, ps.id DESC LIMIT 1),
         c.amount_fen) ELSE 0 END)
        FROM warranty_claims c, report_jobs j
        WHERE c.id = NEW.claim_id AND c.status = 'paid' AND j.work_order_id = c.work_order_id
        ON CONFLICT (month, brand, status) DO UPDATE SET paid_fen = paid_fen + excluded.paid_fen;
      INSERT INTO report_claim_slices (sdim, skey, day, brand, status, claims, amount_fen, paid_fen)
        SELECT s.sdim, CASE s.sdim WHEN 'technician' THEN coalesce(j.technician_id, '') ELSE coalesce(j.category_key, '') END,
          strftime('%Y-%m-%d', c.created_at, '+480 minutes'), j.brand, c.status, 0, 0, -1 * (CASE WHEN c.status = 'paid' THEN coalesce((SELECT ps.paid_fen FROM warranty_claim_steps ps
           WHERE ps.claim_id = c.id AND ps.status = 'paid' AND ps.id IS NOT NEW.id ORDER BY ps.recorded_at DESC, ps.id DESC LIMIT 1),
         c.amount_fen) ELSE 0 END)
        FROM warranty_claims c, report_jobs j, (SELECT 'technician' AS sdim UNION ALL SELECT 'category') s
        WHERE c.id = NEW.claim_id AND c.status = 'paid' AND j.work_order_id = c.work_order_id
        ON CONFLICT (sdim, skey, day, brand, status) DO UPDATE SET paid_fen = paid_fen + excluded.paid_fen;
      INSERT INTO report_claim_months (month, brand, status, claims, amount_fen, paid_fen)
        SELECT strftime('%Y-%m', c.created_at, '+480 minutes'), j.brand, c.status, 0, 0, 1 * (CASE WHEN c.status = 'paid' THEN coalesce((SELECT ps.paid_fen FROM warranty_claim_steps ps
           WHERE ps.claim_id = c.id AND ps.status = 'paid' ORDER BY ps.recorded_at DESC, ps.id DESC LIMIT 1),
         c.amount_fen) ELSE 0 END)
        FROM warranty_claims c, report_jobs j
        WHERE c.id = NEW.claim_id AND c.status = 'paid' AND j.work_order_id = c.work_order_id
        ON CONFLICT (month, brand, status) DO UPDATE SET paid_fen = paid_fen + excluded.paid_fen;
      INSERT INTO report_claim_slices (sdim, skey, day, brand, status, claims, amount_fen, paid_fen)
        SELECT s.sdim, CASE s.sdim WHEN 'technician' THEN coalesce(j.technician_id, '') ELSE coalesce(j.category_key, '') END,
          strftime('%Y-%m-%d', c.created_at, '+480 minutes'), j.brand, c.status, 0, 0, 1 * (CASE WHEN c.status = 'paid' THEN coalesce((SELECT ps.paid_fen FROM warranty_claim_steps ps
           WHERE ps.claim_id = c.id AND ps.status = 'paid' ORDER BY ps.recorded_at DESC, ps.id DESC LIMIT 1),
         c.amount_fen) ELSE 0 END)
        FROM warranty_claims c, report_jobs j, (SELECT 'technician' AS sdim UNION ALL SELECT 'category') s
        WHERE c.id = NEW.claim_id AND c.status = 'paid' AND j.work_order_id = c.work_order_id
        ON CONFLICT (sdim, skey, day, brand, status) DO UPDATE SET paid_fen = paid_fen + excluded.paid_fen;
    END`,
    `ALTER TABLE hq_claim_decisions ADD COLUMN paid_fen INTEGER`,
    `ALTER TABLE hq_claim_decisions ADD COLUMN paid_reference TEXT NOT NULL DEFAULT ''`,
    `ALTER TABLE hq_claim_decisions ADD COLUMN paid_at TEXT`,
    // A shop that pulled a decision from an upgraded HQ before upgrading itself dropped the payment
    // it did not know yet, and its cursor went past the row: the decisions are pulled again from
    // the start (applying one already applied records nothing new).
    `DELETE FROM hq_pull_cursors WHERE table_name = 'claimDecisions'`
  ]
}
