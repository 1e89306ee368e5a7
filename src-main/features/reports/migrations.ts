import type { Migration } from '../../db/migration'

/**
 * The reports' own table: one row per work order with what every report groups and measures by
 * (when it came in, became ready and was picked up; its device; its technician and codes; its
 * labour; whether it came back). SQLite triggers keep it in the same transaction as every change
 * to the order, its timeline, its labour and its device, so no batch job ever rebuilds it and a
 * report never waits on joins over a million orders. It is clustered by the time a job came in:
 * a date range reads one contiguous stretch of it.
 */
export const reportFacts: Migration = {
  version: 34,
  name: 'reports: per-job report facts kept by triggers, corrective actions, report indexes',
  statements: [
    `CREATE TABLE report_jobs (
        received_at TEXT NOT NULL,
        work_order_id TEXT NOT NULL,
        device_id TEXT NOT NULL,
        status TEXT NOT NULL,
        service_type TEXT NOT NULL,
        technician_id TEXT,
        brand TEXT NOT NULL,
        model TEXT NOT NULL,
        category_key TEXT,
        fault_location_code TEXT,
        fault_cause_code TEXT,
        reopened_from_id TEXT,
        ready_at TEXT,
        picked_up_at TEXT,
        ready_minutes INTEGER,
        pickup_minutes INTEGER,
        labour_fen INTEGER NOT NULL DEFAULT 0,
        came_back INTEGER NOT NULL DEFAULT 0 CHECK (came_back IN (0, 1)),
        PRIMARY KEY (received_at, work_order_id)
      ) WITHOUT ROWID`,
    `CREATE UNIQUE INDEX report_jobs_order ON report_jobs(work_order_id)`,
    // Jobs finished in a period (technician output), with what that report reads.
    `CREATE INDEX report_jobs_ready ON report_jobs(ready_at, technician_id, ready_minutes, labour_fen, came_back)
        WHERE ready_at IS NOT NULL`,
    `INSERT INTO report_jobs (received_at, work_order_id, device_id, status, service_type, technician_id, brand, model,
        category_key, fault_location_code, fault_cause_code, reopened_from_id, ready_at, picked_up_at, labour_fen)
      SELECT wo.created_at, wo.id, wo.device_id, wo.status, wo.service_type, wo.technician_id, d.brand, d.model,
        pm.category_key, wo.fault_location_code, wo.fault_cause_code, wo.reopened_from_id,
        (SELECT min(e.at) FROM work_order_events e WHERE e.work_order_id = wo.id AND e.to_status = 'ready_for_pickup'),
        wo.picked_up_at,
        (SELECT coalesce(sum(l.price_fen), 0) FROM work_order_labour l WHERE l.work_order_id = wo.id)
      FROM work_orders wo
      JOIN devices d ON d.id = wo.device_id
      LEFT JOIN product_models pm ON pm.brand = d.brand AND pm.model = d.model`,
    `UPDATE report_jobs SET
        ready_minutes = CAST(round((julianday(ready_at) - julianday(received_at)) * 1440) AS INTEGER),
        pickup_minutes = CAST(round((julianday(picked_up_at) - julianday(received_at)) * 1440) AS INTEGER)`,
    `UPDATE report_jobs SET came_back = 1
      WHERE picked_up_at IS NOT NULL AND EXISTS (
        SELECT 1 FROM work_orders back
        WHERE back.reopened_from_id = report_jobs.work_order_id AND back.status != 'cancelled'
          AND julianday(back.created_at) - julianday(report_jobs.picked_up_at) <= 90)`,
    `CREATE TRIGGER report_jobs_on_intake AFTER INSERT ON work_orders BEGIN
        INSERT INTO report_jobs (received_at, work_order_id, device_id, status, service_type, technician_id, brand, model,
          category_key, fault_location_code, fault_cause_code, reopened_from_id, picked_up_at, pickup_minutes)
        SELECT NEW.created_at, NEW.id, NEW.device_id, NEW.status, NEW.service_type, NEW.technician_id, d.brand, d.model,
          (SELECT pm.category_key FROM product_models pm WHERE pm.brand = d.brand AND pm.model = d.model),
          NEW.fault_location_code, NEW.fault_cause_code, NEW.reopened_from_id, NEW.picked_up_at,
          CASE WHEN NEW.picked_up_at IS NULL THEN NULL
            ELSE CAST(round((julianday(NEW.picked_up_at) - julianday(NEW.created_at)) * 1440) AS INTEGER) END
        FROM devices d WHERE d.id = NEW.device_id;
        UPDATE report_jobs SET came_back = 1
          WHERE NEW.reopened_from_id IS NOT NULL AND work_order_id = NEW.reopened_from_id
            AND picked_up_at IS NOT NULL AND julianday(NEW.created_at) - julianday(picked_up_at) <= 90;
      END`,
    `CREATE TRIGGER report_jobs_on_change AFTER UPDATE ON work_orders BEGIN
        UPDATE report_jobs SET
          status = NEW.status,
          service_type = NEW.service_type,
          technician_id = NEW.technician_id,
          fault_location_code = NEW.fault_location_code,
          fault_cause_code = NEW.fault_cause_code,
          picked_up_at = NEW.picked_up_at,
          pickup_minutes = CASE WHEN NEW.picked_up_at IS NULL THEN NULL
            ELSE CAST(round((julianday(NEW.picked_up_at) - julianday(received_at)) * 1440) AS INTEGER) END
        WHERE work_order_id = NEW.id;
        UPDATE report_jobs SET came_back = 0
          WHERE NEW.status = 'cancelled' AND OLD.status != 'cancelled' AND NEW.reopened_from_id IS NOT NULL
            AND work_order_id = NEW.reopened_from_id;
      END`,
    `CREATE TRIGGER report_jobs_on_ready AFTER INSERT ON work_order_events
      WHEN NEW.to_status = 'ready_for_pickup' BEGIN
        UPDATE report_jobs SET
          ready_at = NEW.at,
          ready_minutes = CAST(round((julianday(NEW.at) - julianday(received_at)) * 1440) AS INTEGER)
        WHERE work_order_id = NEW.work_order_id AND ready_at IS NULL;
      END`,
    `CREATE TRIGGER report_jobs_on_labour_added AFTER INSERT ON work_order_labour BEGIN
        UPDATE report_jobs SET labour_fen = labour_fen + NEW.price_fen WHERE work_order_id = NEW.work_order_id;
      END`,
    `CREATE TRIGGER report_jobs_on_labour_changed AFTER UPDATE ON work_order_labour BEGIN
        UPDATE report_jobs SET labour_fen = labour_fen - OLD.price_fen WHERE work_order_id = OLD.work_order_id;
        UPDATE report_jobs SET labour_fen = labour_fen + NEW.price_fen WHERE work_order_id = NEW.work_order_id;
      END`,
    `CREATE TRIGGER report_jobs_on_labour_removed AFTER DELETE ON work_order_labour BEGIN
        UPDATE report_jobs SET labour_fen = labour_fen - OLD.price_fen WHERE work_order_id = OLD.work_order_id;
      END`,
    `CREATE TRIGGER report_jobs_on_erasure AFTER DELETE ON work_orders BEGIN
        DELETE FROM report_jobs WHERE work_order_id = OLD.id;
      END`,
    `CREATE TRIGGER report_jobs_on_device AFTER UPDATE OF brand, model ON devices BEGIN
        UPDATE report_jobs SET brand = NEW.brand, model = NEW.model,
          category_key = (SELECT pm.category_key FROM product_models pm WHERE pm.brand = NEW.brand AND pm.model = NEW.model)
        WHERE work_order_id IN (SELECT id FROM work_orders WHERE device_id = NEW.id);
      END`,
    // A manager's corrective action on a fault pattern (FRACAS), followed to its close.
    `CREATE TABLE fault_actions (
        id TEXT PRIMARY KEY,
        brand TEXT NOT NULL,
        model TEXT NOT NULL DEFAULT '',
        component_code TEXT,
        fault_code TEXT,
        owner TEXT NOT NULL,
        action TEXT NOT NULL,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'closed')),
        created_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        closed_at TEXT
      )`,
    `CREATE INDEX fault_actions_status ON fault_actions(status, due_date)`,
    // Takings, parts consumption and claims by date range, read from their indexes alone.
    `CREATE INDEX payments_takings ON payments(at, kind, method, amount_fen)`,
    `CREATE INDEX work_order_parts_issued ON work_order_parts(issued_at)`,
    `CREATE INDEX warranty_claims_created ON warranty_claims(created_at, status, amount_fen, work_order_id)`
  ]
}

/**
 * A report with a job filter reads fact rows rather than the sums, and read every job (payment,
 * part, claim) of the range to keep the filter's few: a model's five years read all of a million
 * jobs for a few thousand. A brand or model now finds its jobs by this index, led by the filter
 * and then the time a job came in; their claims are found by job, and the filtered takings find
 * their payments' jobs within the payments index. A technician or a category holds too many of
 * the jobs (a third, an eighth) for an index to beat reading the range in order, measured at
 * 100 000 jobs: they read the range as before.
 */
export const reportFilterIndexes: Migration = {
  version: 40,
  name: 'reports: indexes for the reports filtered by brand or model',
  statements: [
    `CREATE INDEX report_jobs_model ON report_jobs(brand, model, received_at)`,
    `CREATE INDEX warranty_claims_order ON warranty_claims(work_order_id)`,
    `DROP INDEX payments_takings`,
    `CREATE INDEX payments_takings ON payments(at, kind, method, amount_fen, work_order_id)`
  ]
}

/**
 * A job's category is its model's in the catalogue, and the catalogue often learns a model after
 * the shop took its first job (the brand's registry imported or pulled from HQ later): the facts
 * kept the category the job had at intake, none, and every report by category showed only
 * （未指定）. Now a model coming into the catalogue, changing or leaving it gives its jobs their
 * category in the same transaction, whichever path wrote it, and the jobs already there get theirs.
 * Setting report_jobs.category_key fires the summaries' own triggers, which move the job's sums,
 * its parts', payments' and claims' from the old category to the new one.
 */
export const reportCategoryFromCatalogue: Migration = {
  version: 70,
  name: 'reports: a job takes its category when its model enters or changes in the catalogue',
  statements: [
    `CREATE TRIGGER report_jobs_on_model_added AFTER INSERT ON product_models BEGIN
        UPDATE report_jobs SET category_key = NEW.category_key
        WHERE brand = NEW.brand AND model = NEW.model AND category_key IS NOT NEW.category_key;
      END`,
    `CREATE TRIGGER report_jobs_on_model_changed AFTER UPDATE OF brand, model, category_key ON product_models BEGIN
        UPDATE report_jobs SET category_key = NULL
        WHERE brand = OLD.brand AND model = OLD.model AND NOT (OLD.brand = NEW.brand AND OLD.model = NEW.model)
          AND category_key IS NOT NULL;
        UPDATE report_jobs SET category_key = NEW.category_key
        WHERE brand = NEW.brand AND model = NEW.model AND category_key IS NOT NEW.category_key;
      END`,
    `CREATE TRIGGER report_jobs_on_model_removed AFTER DELETE ON product_models BEGIN
        UPDATE report_jobs SET category_key = NULL
        WHERE brand = OLD.brand AND model = OLD.model AND category_key IS NOT NULL;
      END`,
    `UPDATE report_jobs SET category_key =
        (SELECT pm.category_key FROM product_models pm WHERE pm.brand = report_jobs.brand AND pm.model = report_jobs.model)
      WHERE category_key IS NOT
        (SELECT pm.category_key FROM product_models pm WHERE pm.brand = report_jobs.brand AND pm.model = report_jobs.model)`
  ]
}

/**
 * The catalogue's category for a job's brand and model, matched in any case: the desk types them
 * as the customer says them ("apple", "IPHONE 15") while the catalogue spells them as the brand
 * does, and the part picker already finds the model whatever the case. Should the catalogue hold
 * the same model in two spellings, the job's own spelling wins, then the oldest entry, so every
 * path below gives a job the same one. NOCASE folds ASCII letters only, as the part picker's does.
 */
const catalogueCategoryOf = (brand: string, model: string) =>
  `(SELECT pm.category_key FROM product_models pm
      WHERE pm.brand = ${brand} COLLATE NOCASE AND pm.model = ${model} COLLATE NOCASE
      ORDER BY pm.brand = ${brand} AND pm.model = ${model} DESC, pm.id LIMIT 1)`

/** The jobs of a catalogue entry in any case, given their category afresh where it changes. */
const recategoriseJobsOf = (entry: 'NEW' | 'OLD') =>
  `UPDATE report_jobs SET category_key = ${catalogueCategoryOf('report_jobs.brand', 'report_jobs.model')}
      WHERE brand = ${entry}.brand COLLATE NOCASE AND model = ${entry}.model COLLATE NOCASE
        AND category_key IS NOT ${catalogueCategoryOf('report_jobs.brand', 'report_jobs.model')};`

/**
 * Migration 70 compared brand and model with case, at intake, on a device's edit and when the
 * catalogue changed: a job taken in as "apple / IPHONE 15" for the catalogue's "Apple / iPhone 15"
 * had no category, and every report by category missed it. Every one of those paths now matches in
 * any case, each through an index of its own on the case-folded names (a catalogue change finds
 * its jobs without reading them all). The jobs already there whose category changes are only those
 * spelt otherwise than a catalogue entry: found from the catalogue through the new index and
 * updated by one statement, whose report_jobs triggers move their sums as for any other change.
 */
export const reportCategoryInAnyCase: Migration = {
  version: 74,
  name: 'reports: a job takes its model’s category whatever the case of its brand and model',
  statements: [
    `CREATE INDEX product_models_any_case ON product_models(brand COLLATE NOCASE, model COLLATE NOCASE)`,
    `CREATE INDEX report_jobs_model_any_case ON report_jobs(brand COLLATE NOCASE, model COLLATE NOCASE)`,
    `DROP TRIGGER report_jobs_on_intake`,
    `CREATE TRIGGER report_jobs_on_intake AFTER INSERT ON work_orders BEGIN
        INSERT INTO report_jobs (received_at, work_order_id, device_id, status, service_type, technician_id, brand, model,
          category_key, fault_location_code, fault_cause_code, reopened_from_id, picked_up_at, pickup_minutes)
        SELECT NEW.created_at, NEW.id, NEW.device_id, NEW.status, NEW.service_type, NEW.technician_id, d.brand, d.model,
          ${catalogueCategoryOf('d.brand', 'd.model')},
          NEW.fault_location_code, NEW.fault_cause_code, NEW.reopened_from_id, NEW.picked_up_at,
          CASE WHEN NEW.picked_up_at IS NULL THEN NULL
            ELSE CAST(round((julianday(NEW.picked_up_at) - julianday(NEW.created_at)) * 1440) AS INTEGER) END
        FROM devices d WHERE d.id = NEW.device_id;
        UPDATE report_jobs SET came_back = 1
          WHERE NEW.reopened_from_id IS NOT NULL AND work_order_id = NEW.reopened_from_id
            AND picked_up_at IS NOT NULL AND julianday(NEW.created_at) - julianday(picked_up_at) <= 90;
      END`,
    `DROP TRIGGER report_jobs_on_device`,
    `CREATE TRIGGER report_jobs_on_device AFTER UPDATE OF brand, model ON devices BEGIN
        UPDATE report_jobs SET brand = NEW.brand, model = NEW.model,
          category_key = ${catalogueCategoryOf('NEW.brand', 'NEW.model')}
        WHERE work_order_id IN (SELECT id FROM work_orders WHERE device_id = NEW.id);
      END`,
    `DROP TRIGGER report_jobs_on_model_added`,
    `CREATE TRIGGER report_jobs_on_model_added AFTER INSERT ON product_models BEGIN
        ${recategoriseJobsOf('NEW')}
      END`,
    `DROP TRIGGER report_jobs_on_model_changed`,
    // The jobs of the old names lose the entry (or find another spelling of it), the new names' gain it.
    `CREATE TRIGGER report_jobs_on_model_changed AFTER UPDATE OF brand, model, category_key ON product_models BEGIN
        ${recategoriseJobsOf('OLD')}
        ${recategoriseJobsOf('NEW')}
      END`,
    `DROP TRIGGER report_jobs_on_model_removed`,
    `CREATE TRIGGER report_jobs_on_model_removed AFTER DELETE ON product_models BEGIN
        ${recategoriseJobsOf('OLD')}
      END`,
    // A job spelt as its catalogue entry has that entry's category already (migration 70).
    `UPDATE report_jobs SET category_key = ${catalogueCategoryOf('report_jobs.brand', 'report_jobs.model')}
      WHERE work_order_id IN (
          SELECT j.work_order_id FROM product_models pm
          JOIN report_jobs j ON j.brand = pm.brand COLLATE NOCASE AND j.model = pm.model COLLATE NOCASE
          WHERE NOT (j.brand = pm.brand AND j.model = pm.model))
        AND category_key IS NOT ${catalogueCategoryOf('report_jobs.brand', 'report_jobs.model')}`
  ]
}
