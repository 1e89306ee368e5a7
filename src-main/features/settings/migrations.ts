import type { Migration } from '../../db/migration'

export const shopSettings: Migration = {
  version: 2,
  name: 'settings: shop settings',
  statements: [
    `CREATE TABLE shop_settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users(id)
      )`
  ]
}

/**
 * Settings that belong to one desk (its printers and paper, its UI language), next to the
 * shop-wide ones. What a shop saved as its print settings becomes the shop server's own desk's
 * ('this-pc'); the shop-wide row stays as the default a newly paired desk starts from.
 */
export const deskSettings: Migration = {
  version: 27,
  name: 'settings: settings per desk, the print settings saved so far kept for this PC',
  statements: [
    `CREATE TABLE desk_settings (
        desk_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL CHECK (json_valid(value)),
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users(id),
        PRIMARY KEY (desk_id, key)
      )`,
    `INSERT INTO desk_settings (desk_id, key, value, updated_at, updated_by)
       SELECT 'this-pc', key, value, updated_at, updated_by FROM shop_settings WHERE key = 'printing.settings'`
  ]
}
