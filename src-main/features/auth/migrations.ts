import type { Migration } from '../../db/migration'
import { ROLES } from '../../../src-shared/domain/roles'

export const authMigrations: Migration[] = [
  {
    version: 1,
    name: 'auth: roles and users',
    statements: [
      `CREATE TABLE roles (
        code TEXT PRIMARY KEY,
        sort_order INTEGER NOT NULL
      )`,
      ...ROLES.map((role, index) => `INSERT INTO roles (code, sort_order) VALUES ('${role}', ${index + 1})`),
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL COLLATE NOCASE UNIQUE,
        display_name TEXT NOT NULL,
        phone TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL REFERENCES roles(code),
        password_hash TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        failed_sign_ins INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        last_sign_in_at TEXT,
        password_changed_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX users_role ON users(role)`
    ]
  }
]
