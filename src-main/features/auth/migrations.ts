import type { Migration } from '../../db/migration'

export const rolesAndUsers: Migration = {
  version: 1,
  name: 'auth: roles and users',
  statements: [
    `CREATE TABLE roles (
        code TEXT PRIMARY KEY,
        sort_order INTEGER NOT NULL
      )`,
    // The roles as this step shipped them (release 0.1.0), written out rather than read from ROLES.
    `INSERT INTO roles (code, sort_order) VALUES ('admin', 1)`,
    `INSERT INTO roles (code, sort_order) VALUES ('manager', 2)`,
    `INSERT INTO roles (code, sort_order) VALUES ('front_desk', 3)`,
    `INSERT INTO roles (code, sort_order) VALUES ('technician', 4)`,
    `INSERT INTO roles (code, sort_order) VALUES ('warehouse_clerk', 5)`,
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

/**
 * Sign-in sessions kept in the database, so a restart of the shop server does not sign every
 * desk out in the middle of a form. Only a hash of each token is stored: a copy of the file
 * (a backup) opens no session.
 */
export const sessionsSurviveRestart: Migration = {
  version: 35,
  name: 'auth: sessions kept in the database',
  statements: [
    `CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        desk_id TEXT NOT NULL,
        at_shop_server INTEGER NOT NULL CHECK (at_shop_server IN (0, 1)),
        locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
        created_at INTEGER NOT NULL,
        last_activity_at INTEGER NOT NULL
      )`,
    `CREATE INDEX sessions_user ON sessions(user_id)`,
    `CREATE INDEX sessions_created ON sessions(created_at)`
  ]
}
