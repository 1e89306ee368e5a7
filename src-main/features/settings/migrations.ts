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
