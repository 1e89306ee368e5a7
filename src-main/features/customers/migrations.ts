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
