import type { HqMigration } from './migration'

/**
 * HQ's schema, one step per entry, run 1..n. A released step never changes (the migrator checks
 * its checksum); a change is a new step appended at the end.
 */

export const staffAndShops: HqMigration = {
  version: 1,
  name: 'staff, shops and their keys',
  statements: [
    `CREATE TABLE staff_users (
      id text PRIMARY KEY,
      username text NOT NULL UNIQUE,
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('networkAdmin', 'claimsReviewer', 'analyst')),
      password_hash text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL
    )`,
    // Only a hash of the bearer token is kept, so a copy of the database opens no session.
    `CREATE TABLE staff_sessions (
      token_hash text PRIMARY KEY,
      user_id text NOT NULL REFERENCES staff_users(id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL
    )`,
    // A shop is registered first (with a one-time enrolment code), then enrols and gets its key.
    // Code and key are kept as sha256 hashes: both are long random secrets, not passwords.
    `CREATE TABLE shops (
      id text PRIMARY KEY,
      name text NOT NULL,
      status text NOT NULL CHECK (status IN ('registered', 'active', 'revoked')),
      enrol_code_hash text UNIQUE,
      enrol_code_expires_at timestamptz,
      key_hash text UNIQUE,
      enrolled_at timestamptz,
      enrolled_name text NOT NULL DEFAULT '',
      app_version text NOT NULL DEFAULT '',
      revoked_at timestamptz,
      last_contact_at timestamptz,
      created_at timestamptz NOT NULL
    )`
  ]
}

export const pushedChanges: HqMigration = {
  version: 2,
  name: 'push: applied batches and changes, shop records, claims and return batches',
  statements: [
    // Exactly once: a batch id and every change id a shop sent are remembered in the transaction
    // that applied them, so a replay (whole or in part) applies nothing twice.
    `CREATE TABLE pushed_batches (
      shop_id text NOT NULL REFERENCES shops(id),
      batch_id text NOT NULL,
      change_count integer NOT NULL,
      applied_count integer NOT NULL,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (shop_id, batch_id)
    )`,
    `CREATE TABLE applied_changes (
      shop_id text NOT NULL REFERENCES shops(id),
      change_id text NOT NULL,
      batch_id text NOT NULL,
      PRIMARY KEY (shop_id, change_id)
    )`,
    // The latest state of every record a shop pushed, latest wins by the change's time.
    `CREATE TABLE shop_records (
      shop_id text NOT NULL REFERENCES shops(id),
      entity text NOT NULL,
      entity_id text NOT NULL,
      deleted boolean NOT NULL,
      payload jsonb,
      at timestamptz NOT NULL,
      change_id text NOT NULL,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (shop_id, entity, entity_id)
    )`,
    // The typed projection of the warranty claims HQ reviews and settles.
    `CREATE TABLE claims (
      shop_id text NOT NULL REFERENCES shops(id),
      claim_id text NOT NULL,
      work_order_id text NOT NULL DEFAULT '',
      work_order_number text NOT NULL DEFAULT '',
      invoice_number text NOT NULL DEFAULT '',
      claimed_fen bigint NOT NULL,
      serial text NOT NULL DEFAULT '',
      brand text NOT NULL DEFAULT '',
      model text NOT NULL DEFAULT '',
      category_key text NOT NULL DEFAULT '',
      fault_code text NOT NULL DEFAULT '',
      component text NOT NULL DEFAULT '',
      payload jsonb NOT NULL,
      claimed_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'moreInfo')),
      reason text NOT NULL DEFAULT '',
      labour_fen bigint NOT NULL DEFAULT 0,
      parts_fen bigint NOT NULL DEFAULT 0,
      approved_fen bigint NOT NULL DEFAULT 0,
      decided_by text REFERENCES staff_users(id),
      decided_at timestamptz,
      received_at timestamptz NOT NULL,
      PRIMARY KEY (shop_id, claim_id)
    )`,
    `CREATE INDEX claims_queue ON claims (status, claimed_at)`,
    `CREATE INDEX claims_decided ON claims (shop_id, decided_at) WHERE status = 'approved'`,
    `CREATE TABLE return_batches (
      shop_id text NOT NULL REFERENCES shops(id),
      batch_id text NOT NULL,
      number text NOT NULL DEFAULT '',
      shop_status text NOT NULL,
      carrier text NOT NULL DEFAULT '',
      tracking_number text NOT NULL DEFAULT '',
      items jsonb NOT NULL,
      shipped_at timestamptz,
      hq_status text CHECK (hq_status IN ('received', 'credited')),
      credited_fen bigint NOT NULL DEFAULT 0,
      credit_reference text NOT NULL DEFAULT '',
      received_at timestamptz,
      credited_at timestamptz,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (shop_id, batch_id)
    )`
  ]
}

export const changeSequences: HqMigration = {
  version: 3,
  name: 'pull: HQ-owned tables with a change sequence each',
  statements: [
    // Every insert or update of a pulled table takes the table's next sequence number. Writers of
    // one table are serialised for the rest of their transaction, so numbers become visible in
    // order and a shop's cursor never skips a row that commits late.
    `CREATE FUNCTION hq_lock_changes() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       PERFORM pg_advisory_xact_lock(hashtext('hq_changes:' || TG_TABLE_NAME));
       RETURN NULL;
     END $$`,
    `CREATE FUNCTION hq_stamp_seq() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       NEW.seq := nextval(TG_ARGV[0]::regclass);
       RETURN NEW;
     END $$`,
    `CREATE SEQUENCE registry_units_seq`,
    `CREATE TABLE registry_units (
      serial text PRIMARY KEY,
      brand text NOT NULL,
      model text NOT NULL,
      category_key text NOT NULL,
      card_number text,
      purchase_date date,
      invoice_number text NOT NULL DEFAULT '',
      dealer text NOT NULL DEFAULT '',
      production_date date,
      buyer_name text NOT NULL DEFAULT '',
      buyer_phone text NOT NULL DEFAULT '',
      activation_date date,
      deleted boolean NOT NULL DEFAULT false,
      seq bigint NOT NULL
    )`,
    `CREATE SEQUENCE warranty_policies_seq`,
    `CREATE TABLE warranty_policies (
      id text PRIMARY KEY,
      category_key text,
      brand text,
      model text,
      effective_from date NOT NULL,
      policy jsonb NOT NULL,
      note text NOT NULL DEFAULT '',
      deleted boolean NOT NULL DEFAULT false,
      seq bigint NOT NULL
    )`,
    `CREATE SEQUENCE catalogue_parts_seq`,
    `CREATE TABLE catalogue_parts (
      part_number text PRIMARY KEY,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      unit text NOT NULL DEFAULT '',
      claim_price_fen bigint NOT NULL CHECK (claim_price_fen >= 0),
      retail_price_fen bigint NOT NULL CHECK (retail_price_fen >= 0),
      return_faulty boolean NOT NULL DEFAULT false,
      serial_tracked boolean NOT NULL DEFAULT false,
      deleted boolean NOT NULL DEFAULT false,
      seq bigint NOT NULL
    )`,
    `CREATE SEQUENCE fault_codes_seq`,
    `CREATE TABLE fault_codes (
      list text NOT NULL,
      code text NOT NULL,
      label text NOT NULL,
      active boolean NOT NULL DEFAULT true,
      component text,
      voids_warranty text,
      deleted boolean NOT NULL DEFAULT false,
      seq bigint NOT NULL,
      PRIMARY KEY (list, code)
    )`,
    `CREATE SEQUENCE service_bulletins_seq`,
    `CREATE TABLE service_bulletins (
      id text PRIMARY KEY,
      title text NOT NULL,
      body text NOT NULL,
      models jsonb NOT NULL DEFAULT '[]',
      published_at timestamptz NOT NULL,
      deleted boolean NOT NULL DEFAULT false,
      seq bigint NOT NULL
    )`,
    // Per shop: only the shop the row belongs to pulls it.
    `CREATE SEQUENCE claim_decisions_seq`,
    `CREATE TABLE claim_decisions (
      shop_id text NOT NULL REFERENCES shops(id),
      claim_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('approved', 'rejected', 'moreInfo')),
      reason text NOT NULL,
      approved_fen bigint NOT NULL,
      decided_at timestamptz NOT NULL,
      seq bigint NOT NULL,
      PRIMARY KEY (shop_id, claim_id)
    )`,
    `CREATE SEQUENCE return_batch_status_seq`,
    `CREATE TABLE return_batch_status (
      shop_id text NOT NULL REFERENCES shops(id),
      batch_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('received', 'credited')),
      credited_fen bigint NOT NULL,
      credit_reference text NOT NULL,
      at timestamptz NOT NULL,
      seq bigint NOT NULL,
      PRIMARY KEY (shop_id, batch_id)
    )`,
    ...[
      'registry_units',
      'warranty_policies',
      'catalogue_parts',
      'fault_codes',
      'service_bulletins',
      'claim_decisions',
      'return_batch_status'
    ].flatMap((table) => [
      `CREATE UNIQUE INDEX ${table}_by_seq ON ${table} (seq)`,
      `CREATE TRIGGER ${table}_lock BEFORE INSERT OR UPDATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION hq_lock_changes()`,
      `CREATE TRIGGER ${table}_seq BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION hq_stamp_seq('${table}_seq')`
    ]),
    `CREATE INDEX claim_decisions_shop ON claim_decisions (shop_id, seq)`,
    `CREATE INDEX return_batch_status_shop ON return_batch_status (shop_id, seq)`,
    // The brand's labour rate per product category, paid on an approved claim ('*': any other).
    `CREATE TABLE labour_rates (
      category_key text PRIMARY KEY,
      labour_fen bigint NOT NULL CHECK (labour_fen >= 0)
    )`
  ]
}

export const pushWithoutRowChecks: HqMigration = {
  version: 4,
  name: 'push: no per-row shop check on applied changes and shop records',
  statements: [
    // Every row of a pushed batch carries the shop id of the key that sent it, and shops are never
    // deleted (only revoked): checking each row against shops cost a third of applying a batch.
    `ALTER TABLE applied_changes DROP CONSTRAINT applied_changes_shop_id_fkey`,
    `ALTER TABLE shop_records DROP CONSTRAINT shop_records_shop_id_fkey`
  ]
}

/**
 * What the brand paid on an approved claim, recorded at HQ when the money went out: kept on the
 * claim and on the decision row its shop pulls, so the shop's claim moves to paid with the amount.
 */
export const claimsPaid: HqMigration = {
  version: 5,
  name: 'claims: what the brand paid on an approved claim, and its payment reference',
  statements: [
    `ALTER TABLE claims ADD COLUMN paid_fen bigint CHECK (paid_fen >= 0)`,
    `ALTER TABLE claims ADD COLUMN paid_reference text NOT NULL DEFAULT ''`,
    `ALTER TABLE claims ADD COLUMN paid_by text REFERENCES staff_users(id)`,
    `ALTER TABLE claims ADD COLUMN paid_at timestamptz`,
    `ALTER TABLE claim_decisions ADD COLUMN paid_fen bigint CHECK (paid_fen >= 0)`,
    `ALTER TABLE claim_decisions ADD COLUMN paid_reference text NOT NULL DEFAULT ''`,
    `ALTER TABLE claim_decisions ADD COLUMN paid_at timestamptz`
  ]
}

export const HQ_MIGRATIONS: readonly HqMigration[] = [
  staffAndShops,
  pushedChanges,
  changeSequences,
  pushWithoutRowChecks,
  claimsPaid
]
