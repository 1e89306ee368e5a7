import type { Migration } from '../../db/migration'

const immutable = (table: string) => [
  `CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
   BEGIN SELECT RAISE(ABORT, '${table} is immutable: correct it with a credit note'); END`,
  `CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
   BEGIN SELECT RAISE(ABORT, '${table} is immutable: correct it with a credit note'); END`
]

export const invoicesPaymentsAndDayCloses: Migration = {
  version: 13,
  name: 'checkout: invoices and credit notes, payments, warranty claims, day closes',
  statements: [
    // An invoice is written once, already paid; a credit note is an invoice of kind
    // 'credit_note' with negative lines that corrects another.
    `CREATE TABLE invoices (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        corrects_invoice_id TEXT REFERENCES invoices(id),
        lines_fen INTEGER NOT NULL,
        brand_fen INTEGER NOT NULL,
        customer_lines_fen INTEGER NOT NULL,
        discount_fen INTEGER NOT NULL,
        deposit_applied_fen INTEGER NOT NULL,
        due_fen INTEGER NOT NULL,
        deposit_returned_fen INTEGER NOT NULL,
        discount_reason TEXT NOT NULL DEFAULT '',
        discount_approved_by TEXT REFERENCES users(id),
        reason TEXT NOT NULL DEFAULT '',
        issued_at TEXT NOT NULL,
        cashier_id TEXT REFERENCES users(id),
        CHECK ((kind = 'credit_note') = (corrects_invoice_id IS NOT NULL))
      )`,
    `CREATE UNIQUE INDEX invoices_one_per_work_order ON invoices(work_order_id) WHERE kind = 'invoice'`,
    `CREATE INDEX invoices_corrects ON invoices(corrects_invoice_id) WHERE corrects_invoice_id IS NOT NULL`,
    `CREATE INDEX invoices_issued ON invoices(issued_at)`,
    `CREATE TABLE invoice_lines (
        id TEXT PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('labour', 'part', 'charge')),
        source_id TEXT,
        description TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        unit_price_fen INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        payer TEXT NOT NULL CHECK (payer IN ('customer', 'brand'))
      )`,
    `CREATE INDEX invoice_lines_invoice ON invoice_lines(invoice_id, position)`,
    `CREATE INDEX invoice_lines_source ON invoice_lines(source_id) WHERE source_id IS NOT NULL`,
    ...immutable('invoices'),
    ...immutable('invoice_lines'),
    `CREATE TABLE day_closes (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        period_start TEXT,
        period_end TEXT NOT NULL,
        report_json TEXT NOT NULL CHECK (json_valid(report_json)),
        expected_cash_fen INTEGER NOT NULL,
        counted_cash_fen INTEGER NOT NULL,
        difference_fen INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        closed_by TEXT REFERENCES users(id),
        closed_at TEXT NOT NULL
      )`,
    `CREATE INDEX day_closes_closed ON day_closes(closed_at)`,
    // Which close counted each invoice and credit note (they themselves never change).
    `CREATE TABLE day_close_documents (
        invoice_id TEXT PRIMARY KEY REFERENCES invoices(id),
        day_close_id TEXT NOT NULL REFERENCES day_closes(id)
      ) WITHOUT ROWID`,
    ...immutable('day_closes'),
    // Money in (positive) or out (negative). Recorded, never processed: the terminal or the
    // phone did that. A payment is only ever touched once more: when a day close locks it.
    `CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('deposit', 'payment', 'deposit_return', 'refund')),
        method TEXT NOT NULL CHECK (method IN ('cash', 'bank_card', 'wechat_pay', 'alipay', 'bank_transfer')),
        amount_fen INTEGER NOT NULL,
        tendered_fen INTEGER NOT NULL,
        change_fen INTEGER NOT NULL CHECK (change_fen >= 0),
        invoice_id TEXT REFERENCES invoices(id),
        work_order_id TEXT REFERENCES work_orders(id),
        reason TEXT NOT NULL DEFAULT '',
        cashier_id TEXT REFERENCES users(id),
        at TEXT NOT NULL,
        day_close_id TEXT REFERENCES day_closes(id),
        -- Money comes in as deposits and payments, and goes out as returns and refunds.
        CHECK ((kind IN ('deposit', 'payment') AND amount_fen >= 0) OR (kind IN ('deposit_return', 'refund') AND amount_fen < 0))
      )`,
    `CREATE INDEX payments_open ON payments(at) WHERE day_close_id IS NULL`,
    `CREATE INDEX payments_day_close ON payments(day_close_id) WHERE day_close_id IS NOT NULL`,
    `CREATE INDEX payments_invoice ON payments(invoice_id) WHERE invoice_id IS NOT NULL`,
    `CREATE INDEX payments_work_order ON payments(work_order_id) WHERE work_order_id IS NOT NULL`,
    `CREATE TRIGGER payments_locked BEFORE UPDATE ON payments
       WHEN OLD.day_close_id IS NOT NULL
         OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind OR NEW.method IS NOT OLD.method
         OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.tendered_fen IS NOT OLD.tendered_fen
         OR NEW.change_fen IS NOT OLD.change_fen OR NEW.invoice_id IS NOT OLD.invoice_id
         OR NEW.work_order_id IS NOT OLD.work_order_id OR NEW.reason IS NOT OLD.reason
         OR NEW.cashier_id IS NOT OLD.cashier_id OR NEW.at IS NOT OLD.at
       BEGIN SELECT RAISE(ABORT, 'a payment is recorded once; only a day close may lock it'); END`,
    `CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
       BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END`,
    `CREATE TRIGGER payments_born_open BEFORE INSERT ON payments WHEN NEW.day_close_id IS NOT NULL
       BEGIN SELECT RAISE(ABORT, 'a payment enters the open period; only a day close may lock it'); END`,
    ...immutable('day_close_documents'),
    // Deposits taken at check-in before payments were recorded: the jobs still open hold them.
    `INSERT INTO payments (id, kind, method, amount_fen, tendered_fen, change_fen, invoice_id, work_order_id, reason, cashier_id, at, day_close_id)
       SELECT 'deposit-' || id, 'deposit', 'cash', deposit_fen, deposit_fen, 0, NULL, id, '', created_by, created_at, NULL
       FROM work_orders WHERE deposit_fen > 0 AND status NOT IN ('picked_up', 'cancelled', 'returned_unrepaired')`,
    // What the brand owes for lines covered by warranty; sent to HQ by the sync work.
    `CREATE TABLE warranty_claims (
        id TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        amount_fen INTEGER NOT NULL,
        lines_json TEXT NOT NULL CHECK (json_valid(lines_json)),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted', 'paid', 'rejected')),
        created_at TEXT NOT NULL
      )`,
    `CREATE INDEX warranty_claims_status ON warranty_claims(status, created_at)`,
    // A claim's amount and lines are what was billed; only its status moves on.
    `CREATE TRIGGER warranty_claims_fixed BEFORE UPDATE ON warranty_claims
       WHEN NEW.amount_fen IS NOT OLD.amount_fen OR NEW.lines_json IS NOT OLD.lines_json OR NEW.invoice_id IS NOT OLD.invoice_id OR NEW.work_order_id IS NOT OLD.work_order_id
       BEGIN SELECT RAISE(ABORT, 'a warranty claim is corrected by a credit note, not edited'); END`
  ]
}

export const counterSales: Migration = {
  version: 21,
  name: 'checkout: counter sales (goods sold without a repair) and their refunds',
  statements: [
    // A receipt without a work order. Written once, paid at once; a refund is a row of kind
    // 'refund' with negative lines that takes goods of a sale back.
    `CREATE TABLE counter_sales (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('sale', 'refund')),
        corrects_sale_id TEXT REFERENCES counter_sales(id),
        customer_name TEXT NOT NULL DEFAULT '',
        total_fen INTEGER NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        issued_at TEXT NOT NULL,
        cashier_id TEXT REFERENCES users(id),
        CHECK ((kind = 'refund') = (corrects_sale_id IS NOT NULL)),
        CHECK ((kind = 'sale' AND total_fen > 0) OR (kind = 'refund' AND total_fen < 0))
      )`,
    `CREATE INDEX counter_sales_corrects ON counter_sales(corrects_sale_id) WHERE corrects_sale_id IS NOT NULL`,
    `CREATE INDEX counter_sales_issued ON counter_sales(issued_at)`,
    `CREATE TABLE counter_sale_lines (
        id TEXT PRIMARY KEY,
        sale_id TEXT NOT NULL REFERENCES counter_sales(id),
        position INTEGER NOT NULL,
        part_id TEXT NOT NULL REFERENCES parts(id),
        source_id TEXT REFERENCES counter_sale_lines(id),
        description TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        unit_price_fen INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        cost_value_fen INTEGER NOT NULL
      )`,
    `CREATE INDEX counter_sale_lines_sale ON counter_sale_lines(sale_id, position)`,
    `CREATE INDEX counter_sale_lines_source ON counter_sale_lines(source_id) WHERE source_id IS NOT NULL`,
    ...immutable('counter_sales'),
    ...immutable('counter_sale_lines'),
    // The till's money for a counter sale points at it; it is fixed once written like the rest.
    `ALTER TABLE payments ADD COLUMN counter_sale_id TEXT REFERENCES counter_sales(id)`,
    `CREATE INDEX payments_counter_sale ON payments(counter_sale_id) WHERE counter_sale_id IS NOT NULL`,
    `CREATE TRIGGER payments_counter_sale_fixed BEFORE UPDATE ON payments
       WHEN NEW.counter_sale_id IS NOT OLD.counter_sale_id
       BEGIN SELECT RAISE(ABORT, 'a payment is recorded once; only a day close may lock it'); END`
  ]
}

export const receiptsKeepWhatTheySaid: Migration = {
  version: 23,
  name: 'checkout: what a receipt said when issued, and the tax invoice numbers issued elsewhere',
  statements: [
    // The customer, device and shop as a document printed them at issue, so a reprint shows the
    // same whatever is edited later. Credit notes read the snapshot of the invoice they correct.
    `CREATE TABLE invoice_snapshots (
        invoice_id TEXT PRIMARY KEY REFERENCES invoices(id),
        customer_name TEXT NOT NULL,
        customer_mobile TEXT,
        device_label TEXT NOT NULL,
        device_serial TEXT,
        shop_name TEXT NOT NULL,
        shop_address TEXT NOT NULL,
        shop_phone TEXT NOT NULL,
        shop_tax_number TEXT NOT NULL
      )`,
    // Fixed like the receipt itself, with one exception: erasing a customer's personal data
    // (the personal-information law's right to erasure) blanks the name and phone, nothing else.
    `CREATE TRIGGER invoice_snapshots_no_update BEFORE UPDATE ON invoice_snapshots
       WHEN NOT (NEW.customer_name = '已删除客户' AND NEW.customer_mobile IS NULL
         AND NEW.invoice_id IS OLD.invoice_id AND NEW.device_label IS OLD.device_label
         AND NEW.device_serial IS OLD.device_serial AND NEW.shop_name IS OLD.shop_name
         AND NEW.shop_address IS OLD.shop_address AND NEW.shop_phone IS OLD.shop_phone
         AND NEW.shop_tax_number IS OLD.shop_tax_number)
       BEGIN SELECT RAISE(ABORT, 'invoice_snapshots is immutable: correct it with a credit note'); END`,
    `CREATE TRIGGER invoice_snapshots_no_delete BEFORE DELETE ON invoice_snapshots
       BEGIN SELECT RAISE(ABORT, 'invoice_snapshots is immutable: correct it with a credit note'); END`,
    // Documents issued before snapshots were kept: frozen as they read when this step ran.
    `INSERT INTO invoice_snapshots (invoice_id, customer_name, customer_mobile, device_label, device_serial,
         shop_name, shop_address, shop_phone, shop_tax_number)
       SELECT i.id, c.name, c.mobile, d.brand || ' ' || d.model, d.serial,
         COALESCE(json_extract(s.value, '$.name'), ''), COALESCE(json_extract(s.value, '$.address'), ''),
         COALESCE(json_extract(s.value, '$.phone'), ''), COALESCE(json_extract(s.value, '$.taxNumber'), '')
       FROM invoices i
       JOIN work_orders w ON w.id = i.work_order_id
       JOIN customers c ON c.id = w.customer_id
       JOIN devices d ON d.id = w.device_id
       LEFT JOIN shop_settings s ON s.key = 'shop.profile'
       WHERE i.kind = 'invoice'`,
    // The number of a tax invoice (发票) the shop issued elsewhere for a receipt. Recorded, never
    // edited: a correction is a newer row, and the newest is the number.
    `CREATE TABLE tax_invoice_numbers (
        id TEXT PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        tax_invoice_number TEXT NOT NULL,
        recorded_by TEXT REFERENCES users(id),
        recorded_at TEXT NOT NULL
      )`,
    `CREATE INDEX tax_invoice_numbers_invoice ON tax_invoice_numbers(invoice_id, recorded_at)`,
    ...immutable('tax_invoice_numbers')
  ]
}

export const dayCloseHandOvers: Migration = {
  version: 43,
  name: 'checkout: which day close counted each device let go unpaid',
  statements: [
    // A close counts the unpaid hand-overs no close has counted yet, as it does payments and
    // documents: by a row here, not by time, so a hand-over stamped before a close but written
    // after it (its manager's password was still being checked) is on the next close.
    `CREATE TABLE day_close_hand_overs (
        unpaid_hand_over_id TEXT PRIMARY KEY REFERENCES unpaid_hand_overs(id),
        day_close_id TEXT NOT NULL REFERENCES day_closes(id)
      ) WITHOUT ROWID`,
    `CREATE INDEX day_close_hand_overs_close ON day_close_hand_overs(day_close_id)`,
    ...immutable('day_close_hand_overs'),
    // Hand-overs the closes so far counted by time: each in the first close at or after it.
    `INSERT INTO day_close_hand_overs (unpaid_hand_over_id, day_close_id)
       SELECT u.id, (SELECT d.id FROM day_closes d WHERE d.closed_at >= u.at ORDER BY d.closed_at, d.id LIMIT 1)
       FROM unpaid_hand_overs u
       WHERE EXISTS (SELECT 1 FROM day_closes d WHERE d.closed_at >= u.at)`
  ]
}

export const shopPaysItsOwnWarranty: Migration = {
  version: 44,
  name: 'checkout: invoice lines the shop bears under its own repair warranty',
  statements: [
    // SQLite cannot widen a CHECK in place: the lines move to a table that also admits the shop
    // as payer. Nothing references invoice lines, so the old table can go once its rows are copied.
    `CREATE TABLE invoice_lines_widened (
        id TEXT PRIMARY KEY,
        invoice_id TEXT NOT NULL REFERENCES invoices(id),
        position INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('labour', 'part', 'charge')),
        source_id TEXT,
        description TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        unit_price_fen INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        payer TEXT NOT NULL CHECK (payer IN ('customer', 'brand', 'shop'))
      )`,
    `INSERT INTO invoice_lines_widened
       (id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen, amount_fen, payer)
       SELECT id, invoice_id, position, kind, source_id, description, quantity, unit_price_fen, amount_fen, payer
       FROM invoice_lines`,
    `DROP TRIGGER invoice_lines_no_update`,
    `DROP TRIGGER invoice_lines_no_delete`,
    `DROP TABLE invoice_lines`,
    `ALTER TABLE invoice_lines_widened RENAME TO invoice_lines`,
    `CREATE INDEX invoice_lines_invoice ON invoice_lines(invoice_id, position)`,
    `CREATE INDEX invoice_lines_source ON invoice_lines(source_id) WHERE source_id IS NOT NULL`,
    ...immutable('invoice_lines'),
    // What the shop bore on each document; every document before this step had no such line.
    `ALTER TABLE invoices ADD COLUMN shop_fen INTEGER NOT NULL DEFAULT 0`
  ]
}

/**
 * A serial-tracked unit sold over the counter names its serial, and the refund line that takes it
 * back carries it too: without it the sold unit's serial stayed on hand. The lines stay immutable
 * (their triggers fire on any column).
 */
export const counterSaleSerials: Migration = {
  version: 47,
  name: 'checkout: a counter sale line of a serial-tracked part keeps the serial sold',
  statements: [`ALTER TABLE counter_sale_lines ADD COLUMN serial TEXT`]
}

/**
 * A payment or refund re-entered after a restore, for money a day close kept by the restore had
 * already counted: which dropped record it re-enters, which close counted it, and how much of the
 * row that was. The next close leaves that much out of its cash and takings, so the drawer is not
 * expected to hold again what was counted and handed over. Its own table, as a payment row is
 * written once: the link is written with it, in its transaction, and never changes.
 */
export const paymentReEntries: Migration = {
  version: 61,
  name: 'checkout: payments re-entered after a restore for money a kept day close already counted',
  statements: [
    `CREATE TABLE payment_re_entries (
        payment_id TEXT NOT NULL REFERENCES payments(id),
        dropped_money_id TEXT NOT NULL REFERENCES restore_dropped_money(id),
        day_close_id TEXT NOT NULL REFERENCES day_closes(id),
        -- The dropped receipt or refund note the counter finds on paper, as the restore listed it.
        dropped_document_number TEXT NOT NULL DEFAULT '',
        -- Signed as the payment: the part of its amount the kept close already counted.
        counted_fen INTEGER NOT NULL CHECK (counted_fen <> 0),
        PRIMARY KEY (payment_id, dropped_money_id)
      ) WITHOUT ROWID`,
    `CREATE INDEX payment_re_entries_dropped ON payment_re_entries(dropped_money_id)`,
    `CREATE TRIGGER payment_re_entries_no_update BEFORE UPDATE ON payment_re_entries
       BEGIN SELECT RAISE(ABORT, 'a re-entered payment''s link is written with it and never changes'); END`,
    `CREATE TRIGGER payment_re_entries_no_delete BEFORE DELETE ON payment_re_entries
       BEGIN SELECT RAISE(ABORT, 'a re-entered payment''s link is written with it and never changes'); END`
  ]
}

/**
 * The customer's page lists the counter sales made under the customer's name
 * (checkout/customerPayments.ts): without an index that read went through every counter sale the
 * shop ever made, once per page view.
 */
export const counterSalesByCustomerName: Migration = {
  version: 72,
  name: "checkout: counter sales found by the customer's name, for the customer's page",
  statements: [`CREATE INDEX counter_sales_customer_name ON counter_sales(customer_name)`]
}

/**
 * A counter sale belongs to the customer picked at the till (`customer_id`), not to everyone who
 * bears the name typed. The sales written before could only be told apart by that name: they are
 * marked `customer_by_name`, and the customer's page lists them for the one live customer of that
 * name only. Marking them is the one update counter_sales ever takes: its no-update trigger steps
 * aside for it and comes back word for word, and it fires on the new columns as on the old.
 * The name index now holds only those older sales, and the customers' live names get one, as
 * the page asks whether a namesake is on record. A merged duplicate's sales stay on it (a sale
 * never changes), so the kept customer's page finds its duplicates by `merged_into_id`.
 */
export const counterSalesOfPickedCustomer: Migration = {
  version: 73,
  name: 'checkout: a counter sale keeps the customer picked at the till; older sales are marked as named only',
  statements: [
    `ALTER TABLE counter_sales ADD COLUMN customer_id TEXT REFERENCES customers(id)`,
    `ALTER TABLE counter_sales ADD COLUMN customer_by_name INTEGER NOT NULL DEFAULT 0 CHECK (customer_by_name IN (0, 1))`,
    `DROP TRIGGER counter_sales_no_update`,
    `UPDATE counter_sales SET customer_by_name = 1`,
    `CREATE TRIGGER counter_sales_no_update BEFORE UPDATE ON counter_sales
   BEGIN SELECT RAISE(ABORT, 'counter_sales is immutable: correct it with a credit note'); END`,
    `CREATE INDEX counter_sales_customer ON counter_sales(customer_id) WHERE customer_id IS NOT NULL`,
    `DROP INDEX counter_sales_customer_name`,
    `CREATE INDEX counter_sales_named_only ON counter_sales(customer_name) WHERE customer_by_name = 1`,
    `CREATE INDEX customers_live_name ON customers(name) WHERE merged_into_id IS NULL AND erased_at IS NULL`,
    `CREATE INDEX customers_merged_into ON customers(merged_into_id) WHERE merged_into_id IS NOT NULL`
  ]
}
