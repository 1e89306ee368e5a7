import type { Migration } from '../../db/migration'

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`

/**
 * The 三包 regulations' defaults (see src-shared/domain/warranty/policy.ts), frozen here as they
 * were when this step was written: a migration must mean the same thing forever.
 */
const DEFAULT_POLICY_JSON: Record<string, string> = {
  mobile_phone:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"repairMonths":12,"components":[{"component":"battery","months":6},{"component":"charger","months":12}]}',
  computer:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"repairMonths":12,"components":[{"component":"main_board","months":24},{"component":"cpu","months":24},{"component":"hard_disk","months":24},{"component":"display","months":24}]}',
  tv: '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"repairMonths":12,"components":[{"component":"panel","months":36}]}',
  air_conditioner:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"repairMonths":12,"components":[{"component":"compressor","months":36}]}',
  refrigerator:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"repairMonths":12,"components":[{"component":"compressor","months":36}]}',
  washing_machine:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"repairMonths":12,"components":[{"component":"motor","months":36}]}'
}
const CATEGORY_KEYS = Object.keys(DEFAULT_POLICY_JSON)

/** The regulations' defaults are in force from before any unit this shop will see. */
const DEFAULTS_IN_FORCE_FROM = '2000-01-01'

export const catalogueAndPolicies: Migration = {
  version: 11,
  name: 'warranty: catalogue, versioned policies and the registry of sold units',
  statements: [
    `CREATE TABLE product_categories (
        key TEXT PRIMARY KEY,
        sort_order INTEGER NOT NULL
      ) WITHOUT ROWID`,
    ...CATEGORY_KEYS.map(
      (key, index) => `INSERT INTO product_categories (key, sort_order) VALUES (${quote(key)}, ${index + 1})`
    ),
    `CREATE TABLE product_models (
        id TEXT PRIMARY KEY,
        brand TEXT NOT NULL,
        model TEXT NOT NULL,
        category_key TEXT NOT NULL REFERENCES product_categories(key),
        created_at TEXT NOT NULL,
        UNIQUE (brand, model)
      )`,
    // A policy belongs to a category, or to one model that differs from its category. Each
    // change is a new version in force from a date; a unit is judged by the one in force when sold.
    `CREATE TABLE warranty_policies (
        id TEXT PRIMARY KEY,
        category_key TEXT REFERENCES product_categories(key),
        model_id TEXT REFERENCES product_models(id),
        effective_from TEXT NOT NULL,
        policy_json TEXT NOT NULL CHECK (json_valid(policy_json)),
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        CHECK ((category_key IS NULL) != (model_id IS NULL))
      )`,
    `CREATE INDEX warranty_policies_category ON warranty_policies(category_key, effective_from) WHERE category_key IS NOT NULL`,
    `CREATE INDEX warranty_policies_model ON warranty_policies(model_id, effective_from) WHERE model_id IS NOT NULL`,
    ...CATEGORY_KEYS.map(
      (key) =>
        `INSERT INTO warranty_policies (id, category_key, model_id, effective_from, policy_json, note, created_by, created_at)
           VALUES (${quote(`default-${key}`)}, ${quote(key)}, NULL, '${DEFAULTS_IN_FORCE_FROM}', ${quote(DEFAULT_POLICY_JSON[key]!)}, '三包规定默认', NULL, '${DEFAULTS_IN_FORCE_FROM}T00:00:00.000Z')`
    ),
    `CREATE TABLE warranty_units (
        id TEXT PRIMARY KEY,
        serial TEXT NOT NULL UNIQUE,
        model_id TEXT NOT NULL REFERENCES product_models(id),
        card_number TEXT,
        purchase_date TEXT,
        invoice_number TEXT NOT NULL DEFAULT '',
        dealer TEXT NOT NULL DEFAULT '',
        production_date TEXT,
        buyer_name TEXT NOT NULL DEFAULT '',
        buyer_phone TEXT NOT NULL DEFAULT '',
        activation_date TEXT,
        exchanged_from_id TEXT REFERENCES warranty_units(id),
        exchanged_on TEXT,
        source TEXT NOT NULL CHECK (source IN ('counter', 'import', 'exchange')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
    `CREATE UNIQUE INDEX warranty_units_card ON warranty_units(card_number) WHERE card_number IS NOT NULL`,
    `CREATE INDEX warranty_units_phone ON warranty_units(buyer_phone)`,
    `CREATE INDEX warranty_units_model ON warranty_units(model_id)`,
    // Finding the unit that replaced this one in an exchange.
    `CREATE INDEX warranty_units_exchanged_from ON warranty_units(exchanged_from_id) WHERE exchanged_from_id IS NOT NULL`,
    // Rows of a file being imported wait here, outside the registry, until the import is applied
    // in one transaction (or dropped on cancel).
    `CREATE TABLE warranty_import_rows (
        job_id TEXT NOT NULL,
        line INTEGER NOT NULL,
        serial TEXT NOT NULL,
        brand TEXT NOT NULL,
        model TEXT NOT NULL,
        category_key TEXT NOT NULL,
        card_number TEXT,
        purchase_date TEXT,
        invoice_number TEXT NOT NULL,
        dealer TEXT NOT NULL,
        production_date TEXT,
        buyer_name TEXT NOT NULL,
        buyer_phone TEXT NOT NULL,
        activation_date TEXT,
        PRIMARY KEY (job_id, line)
      ) WITHOUT ROWID`,
    // Which shop component a fault location is: warranty periods differ per component.
    `ALTER TABLE code_entries ADD COLUMN component TEXT`,
    `UPDATE code_entries SET component = 'main_board' WHERE list = 'fault_location' AND code = 'L01'`,
    `UPDATE code_entries SET component = 'panel' WHERE list = 'fault_location' AND code = 'L02'`,
    `UPDATE code_entries SET component = 'battery' WHERE list = 'fault_location' AND code = 'L03'`,
    `UPDATE code_entries SET component = 'compressor' WHERE list = 'fault_location' AND code = 'L09'`,
    `UPDATE code_entries SET component = 'motor' WHERE list = 'fault_location' AND code = 'L10'`
  ]
}

/**
 * Whether a fault cause voids the warranty, and as what, becomes a property of the shop's code
 * (NULL: it does not void). The codes that voided it when this step was written are marked with
 * the reasons they had: C03 liquid damage, C04 physical damage, C07 third-party repair.
 */
export const codesVoidWarranty: Migration = {
  version: 15,
  name: 'warranty: fault causes that void the warranty',
  statements: [
    `ALTER TABLE code_entries ADD COLUMN voids_warranty TEXT
      CHECK (voids_warranty IN ('physical_damage', 'liquid_damage', 'third_party_repair', 'serial_tampered'))`,
    `UPDATE code_entries SET voids_warranty = 'liquid_damage' WHERE list = 'fault_cause' AND code = 'C03'`,
    `UPDATE code_entries SET voids_warranty = 'physical_damage' WHERE list = 'fault_cause' AND code = 'C04'`,
    `UPDATE code_entries SET voids_warranty = 'third_party_repair' WHERE list = 'fault_cause' AND code = 'C07'`
  ]
}

/**
 * The rule that allowed an exchange recorded at the counter (the 7-day or 15-day window, the
 * second-repair rule, the waiting limit), kept on the unit that replaced the old one.
 */
export const exchangeRule: Migration = {
  version: 19,
  name: 'warranty: the rule that allowed an exchange',
  statements: [
    `ALTER TABLE warranty_units ADD COLUMN exchange_rule TEXT
      CHECK (exchange_rule IN ('refund_window', 'exchange_window', 'second_repair', 'waiting_limit'))`
  ]
}

/**
 * The national 三包 legal minimum as the regulations' annexes list it (frozen as written, see
 * src-shared/domain/warranty/policy.ts DEFAULT_POLICIES): the regulation the goods fall under,
 * what a unit without invoice or card gets, and every main component (主要部件) or accessory
 * (附件) with its period.
 */
const LEGAL_MINIMUM_JSON: Record<string, string> = {
  mobile_phone:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"regulation":"mobile_phone_2001","noInvoiceGrants":"repair_only","repairMonths":12,"components":[{"component":"battery","months":6},{"component":"charger","months":12},{"component":"terminal_card","months":12},{"component":"data_card","months":12},{"component":"wired_headset","months":3}]}',
  computer:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"regulation":"computer_2002","noInvoiceGrants":"nothing","repairMonths":12,"components":[{"component":"cpu","months":24},{"component":"main_board","months":24},{"component":"memory","months":24},{"component":"hard_disk","months":24},{"component":"display","months":24}]}',
  desktop_computer:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"regulation":"computer_2002","noInvoiceGrants":"nothing","repairMonths":12,"components":[{"component":"cpu","months":24},{"component":"main_board","months":24},{"component":"memory","months":24},{"component":"hard_disk","months":24},{"component":"power_supply","months":24},{"component":"display","months":24}]}',
  laptop_computer:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"regulation":"computer_2002","noInvoiceGrants":"nothing","repairMonths":12,"components":[{"component":"cpu","months":24},{"component":"main_board","months":24},{"component":"memory","months":24},{"component":"hard_disk","months":24},{"component":"display","months":24},{"component":"keyboard","months":24},{"component":"power_adapter","months":24}]}',
  tv: '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"regulation":"appliances_1995","noInvoiceGrants":"nothing","repairMonths":12,"components":[{"component":"panel","months":36},{"component":"flyback_transformer","months":36},{"component":"tuner","months":36},{"component":"integrated_circuit","months":36}]}',
  air_conditioner:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"regulation":"appliances_1995","noInvoiceGrants":"nothing","repairMonths":12,"components":[{"component":"compressor","months":36}]}',
  refrigerator:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"regulation":"appliances_1995","noInvoiceGrants":"nothing","repairMonths":12,"components":[{"component":"compressor","months":36}]}',
  washing_machine:
    '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"regulation":"appliances_1995","noInvoiceGrants":"nothing","repairMonths":12,"components":[{"component":"motor","months":36},{"component":"program_controller","months":36}]}'
}

/** The TV's legal minimum with the flat-panel TVs' main components (2011), see refundRule. */
const FLAT_PANEL_TV_JSON =
  '{"refundDays":7,"exchangeDays":15,"noInvoiceFallbackDays":90,"exchangeRestartsPeriod":true,"regulation":"appliances_1995","noInvoiceGrants":"nothing","repairMonths":12,"components":[{"component":"panel","months":36},{"component":"backlight","months":36},{"component":"drive_module","months":36},{"component":"logic_board","months":36},{"component":"flyback_transformer","months":36},{"component":"tuner","months":36},{"component":"integrated_circuit","months":36}]}'

/**
 * Desktops and laptops become categories of their own (their main-component lists differ; the
 * earlier 'computer' stays for the units registered under it), and every category gets the legal
 * minimum as a new default version from the same date as the first defaults: it wins over them
 * (created later), while versions a shop saved from a later date still win from that date.
 */
export const legalMinimumPolicies: Migration = {
  version: 20,
  name: 'warranty: desktop and laptop categories, the legal minimum policies with the annexes’ components',
  statements: [
    `INSERT INTO product_categories (key, sort_order) VALUES ('desktop_computer', 7)`,
    `INSERT INTO product_categories (key, sort_order) VALUES ('laptop_computer', 8)`,
    ...Object.entries(LEGAL_MINIMUM_JSON).map(
      ([key, json]) =>
        `INSERT INTO warranty_policies (id, category_key, model_id, effective_from, policy_json, note, created_by, created_at)
           VALUES (${quote(`legal-minimum-${key}`)}, ${quote(key)}, NULL, '${DEFAULTS_IN_FORCE_FROM}', ${quote(json)}, '国家三包法定最低标准', NULL, '2000-01-02T00:00:00.000Z')`
    )
  ]
}

/**
 * The registry import applies in short transactions instead of one: what an import registered
 * carries its id (units and new catalogue models), the registry values of units it changed are
 * kept aside until it is done, and an apply under way is recorded, so a cancel, a failure or a
 * restart after a crash can put the registry back as it was. The staging table (always empty
 * between runs) is rebuilt with the unit id each new row will get and indexes for checking a
 * file's serials and card numbers against its earlier rows in batches.
 */
export const importInShortTransactions: Migration = {
  version: 28,
  name: 'warranty: registry import in short transactions, undone by its import id',
  statements: [
    `DROP TABLE warranty_import_rows`,
    `CREATE TABLE warranty_import_rows (
        job_id TEXT NOT NULL,
        line INTEGER NOT NULL,
        unit_id TEXT NOT NULL,
        serial TEXT NOT NULL,
        brand TEXT NOT NULL,
        model TEXT NOT NULL,
        category_key TEXT NOT NULL,
        card_number TEXT,
        purchase_date TEXT,
        invoice_number TEXT NOT NULL,
        dealer TEXT NOT NULL,
        production_date TEXT,
        buyer_name TEXT NOT NULL,
        buyer_phone TEXT NOT NULL,
        activation_date TEXT,
        PRIMARY KEY (job_id, line)
      ) WITHOUT ROWID`,
    `CREATE INDEX warranty_import_rows_serial ON warranty_import_rows(job_id, serial)`,
    `CREATE INDEX warranty_import_rows_card ON warranty_import_rows(job_id, card_number) WHERE card_number IS NOT NULL`,
    `ALTER TABLE warranty_units ADD COLUMN import_id TEXT`,
    `CREATE INDEX warranty_units_import ON warranty_units(import_id) WHERE import_id IS NOT NULL`,
    `ALTER TABLE product_models ADD COLUMN import_id TEXT`,
    `CREATE TABLE warranty_import_undo (
        job_id TEXT NOT NULL,
        unit_id TEXT NOT NULL,
        model_id TEXT NOT NULL,
        card_number TEXT,
        purchase_date TEXT,
        invoice_number TEXT NOT NULL,
        dealer TEXT NOT NULL,
        production_date TEXT,
        buyer_name TEXT NOT NULL,
        buyer_phone TEXT NOT NULL,
        activation_date TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (job_id, unit_id)
      ) WITHOUT ROWID`,
    `CREATE TABLE warranty_import_runs (
        job_id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL
      ) WITHOUT ROWID`
  ]
}

/**
 * A unit given back for a 三包 refund at the counter: the day, and the rule that allowed it (the
 * 7-day refund window, or for the 1995 goods the second-repair rule or the waiting limit, where the
 * customer chose a refund over the exchange).
 *
 * And the TV's legal minimum gains the flat-panel TVs' main components: 质检总局 2011年第20号公告
 * put 液晶电视机 (显示屏、背光组件、逻辑组件、高频调谐器) and 等离子电视机 (显示屏、驱动组件、逻辑组件、
 * 高频调谐器), 整机 1 年 / 主要部件 3 年, into the 1995 annex. The built-in row keeps the picture
 * tube TV's parts too, so whatever kind of TV is brought in, its main components have 3 years;
 * only the built-in row is changed, and only while it is as the earlier step wrote it.
 */
export const refundRule: Migration = {
  version: 37,
  name: 'warranty: a unit refunded at the counter with the rule that allowed it; the flat-panel TV main components',
  statements: [
    `ALTER TABLE warranty_units ADD COLUMN refunded_on TEXT`,
    `ALTER TABLE warranty_units ADD COLUMN refund_rule TEXT
      CHECK (refund_rule IN ('refund_window', 'second_repair', 'waiting_limit'))`,
    `UPDATE warranty_policies SET policy_json = ${quote(FLAT_PANEL_TV_JSON)}
      WHERE id = 'legal-minimum-tv' AND policy_json = ${quote(LEGAL_MINIMUM_JSON.tv!)}`
  ]
}

/**
 * A faulty accessory (a phone's charger, battery…) exchanged or refunded at the counter under its
 * own 三包: the unit's history keeps it, the verdict counts its exchanges (exchanged twice and
 * failing again, it is refunded) and its number is the slip's. An exchange's new accessory leaves
 * stock through the ledger under that number, the faulty one comes back as a faulty return; a
 * refund's money goes out as a payment of the till (`payment_id`), which the day close counts.
 */
export const accessoryRemedies: Migration = {
  version: 52,
  name: 'warranty: accessories exchanged or refunded at the counter under their own 三包',
  statements: [
    `CREATE TABLE warranty_accessory_remedies (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        unit_id TEXT NOT NULL REFERENCES warranty_units(id),
        kind TEXT NOT NULL CHECK (kind IN ('exchange', 'refund')),
        component TEXT NOT NULL,
        fault_code TEXT,
        part_id TEXT NOT NULL REFERENCES parts(id),
        serial TEXT,
        faulty_serial TEXT,
        refund_fen INTEGER,
        payment_id TEXT UNIQUE REFERENCES payments(id),
        created_by TEXT NOT NULL REFERENCES users(id),
        created_at TEXT NOT NULL,
        CHECK ((kind = 'exchange' AND refund_fen IS NULL AND payment_id IS NULL)
          OR (kind = 'refund' AND refund_fen > 0 AND payment_id IS NOT NULL AND serial IS NULL))
      )`,
    `CREATE INDEX warranty_accessory_remedies_unit ON warranty_accessory_remedies(unit_id, created_at)`
  ]
}
