import type { Migration } from '../../db/migration'

export const followUpsAndComplaints: Migration = {
  version: 25,
  name: 'customer contact: ready notices, follow-up calls with satisfaction scores, complaints',
  statements: [
    // Each time the desk passed the "ready for pick-up" message on, and how.
    `CREATE TABLE ready_notices (
        id TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        channel TEXT NOT NULL CHECK (channel IN ('sms', 'wechat', 'phone', 'other')),
        language TEXT NOT NULL,
        notified_by TEXT REFERENCES users(id),
        notified_at TEXT NOT NULL
      )`,
    `CREATE INDEX ready_notices_of_work_order ON ready_notices(work_order_id, notified_at)`,
    // One follow-up call a picked-up job, due some days after the pick-up.
    `CREATE TABLE follow_ups (
        id TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL UNIQUE REFERENCES work_orders(id),
        due_date TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'done', 'unreachable')),
        attempts INTEGER NOT NULL DEFAULT 0,
        reached INTEGER,
        attitude INTEGER CHECK (attitude BETWEEN 0 AND 100),
        speed INTEGER CHECK (speed BETWEEN 0 AND 100),
        quality INTEGER CHECK (quality BETWEEN 0 AND 100),
        price INTEGER CHECK (price BETWEEN 0 AND 100),
        comment TEXT NOT NULL DEFAULT '',
        called_by TEXT REFERENCES users(id),
        called_at TEXT,
        created_at TEXT NOT NULL
      )`,
    `CREATE INDEX follow_ups_open_by_due ON follow_ups(status, due_date)`,
    // The satisfaction report reads the calls made in a period.
    `CREATE INDEX follow_ups_called ON follow_ups(called_at) WHERE called_at IS NOT NULL`,
    `CREATE TABLE complaints (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        follow_up_id TEXT REFERENCES follow_ups(id),
        source TEXT NOT NULL CHECK (source IN ('follow_up', 'counter')),
        description TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'handling', 'closed')),
        opened_by TEXT REFERENCES users(id),
        opened_at TEXT NOT NULL
      )`,
    `CREATE INDEX complaints_by_status ON complaints(status, opened_at)`,
    `CREATE INDEX complaints_of_work_order ON complaints(work_order_id)`,
    // Who moved a complaint on, when, and what they wrote: append-only.
    `CREATE TABLE complaint_events (
        id TEXT PRIMARY KEY,
        complaint_id TEXT NOT NULL REFERENCES complaints(id),
        at TEXT NOT NULL,
        actor_id TEXT REFERENCES users(id),
        from_status TEXT,
        to_status TEXT NOT NULL,
        note TEXT NOT NULL
      )`,
    `CREATE INDEX complaint_events_of_complaint ON complaint_events(complaint_id, at)`,
    `CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
     BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END`,
    `CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events
     BEGIN SELECT RAISE(ABORT, 'complaint_events is append-only'); END`
  ]
}
