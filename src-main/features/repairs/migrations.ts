import type { Migration } from '../../db/migration'
import { DEFAULT_CODES } from './defaultCodes'

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`

export const repairsMigrations: Migration[] = [
  {
    version: 7,
    name: 'repairs: code lists',
    statements: [
      `CREATE TABLE code_entries (
        list TEXT NOT NULL CHECK (list IN ('symptom', 'fault_location', 'fault_cause')),
        code TEXT NOT NULL,
        label TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        sort_order INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (list, code)
      ) WITHOUT ROWID`,
      ...DEFAULT_CODES.map(
        (entry, index) =>
          `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES (${quote(entry.list)}, ${quote(entry.code)}, ${quote(entry.label)}, 1, ${(index + 1) * 10})`
      )
    ]
  },
  {
    version: 8,
    name: 'repairs: work orders, labour, quotes and timeline',
    statements: [
      `CREATE TABLE work_orders (
        id TEXT PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        claim_code TEXT NOT NULL,
        customer_id TEXT NOT NULL REFERENCES customers(id),
        device_id TEXT NOT NULL REFERENCES devices(id),
        service_type TEXT NOT NULL,
        intake_channel TEXT NOT NULL,
        status TEXT NOT NULL,
        reported_fault TEXT NOT NULL,
        symptom_code TEXT,
        condition_json TEXT NOT NULL CHECK (json_valid(condition_json)),
        accessories_json TEXT NOT NULL CHECK (json_valid(accessories_json)),
        passcode TEXT,
        estimate_fen INTEGER NOT NULL DEFAULT 0,
        deposit_fen INTEGER NOT NULL DEFAULT 0,
        promised_date TEXT,
        technician_id TEXT REFERENCES users(id),
        fault_location_code TEXT,
        fault_cause_code TEXT,
        diagnosis TEXT NOT NULL DEFAULT '',
        internal_note TEXT NOT NULL DEFAULT '',
        customer_note TEXT NOT NULL DEFAULT '',
        close_reason TEXT NOT NULL DEFAULT '',
        current_quote_id TEXT,
        reopened_from_id TEXT REFERENCES work_orders(id),
        picked_up_at TEXT,
        picked_up_by TEXT REFERENCES users(id),
        created_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      )`,
      `CREATE INDEX work_orders_status_created ON work_orders(status, created_at)`,
      `CREATE INDEX work_orders_created ON work_orders(created_at)`,
      `CREATE INDEX work_orders_technician_status ON work_orders(technician_id, status)`,
      `CREATE INDEX work_orders_customer ON work_orders(customer_id)`,
      `CREATE INDEX work_orders_device ON work_orders(device_id)`,
      `CREATE INDEX work_orders_claim_code ON work_orders(claim_code)`,
      `CREATE INDEX work_orders_promised ON work_orders(promised_date) WHERE promised_date IS NOT NULL`,
      `CREATE INDEX work_orders_reopened_from ON work_orders(reopened_from_id) WHERE reopened_from_id IS NOT NULL`,
      `CREATE TABLE work_order_labour (
        id TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        description TEXT NOT NULL,
        minutes INTEGER NOT NULL CHECK (minutes >= 0),
        price_fen INTEGER NOT NULL CHECK (price_fen >= 0),
        created_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL
      )`,
      `CREATE INDEX work_order_labour_order ON work_order_labour(work_order_id)`,
      `CREATE TABLE quotes (
        id TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        labour_fen INTEGER NOT NULL CHECK (labour_fen >= 0),
        parts_fen INTEGER NOT NULL CHECK (parts_fen >= 0),
        discount_fen INTEGER NOT NULL CHECK (discount_fen >= 0),
        total_fen INTEGER NOT NULL CHECK (total_fen >= 0),
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL,
        customer_decision TEXT NOT NULL DEFAULT 'pending' CHECK (customer_decision IN ('pending', 'approved', 'refused')),
        decision_channel TEXT,
        decided_at TEXT,
        decision_recorded_by TEXT REFERENCES users(id),
        manager_approval TEXT NOT NULL CHECK (manager_approval IN ('not_required', 'pending', 'approved', 'rejected')),
        manager_id TEXT REFERENCES users(id),
        manager_decided_at TEXT
      )`,
      `CREATE INDEX quotes_order ON quotes(work_order_id)`,
      `CREATE INDEX quotes_manager_pending ON quotes(created_at) WHERE manager_approval = 'pending'`,
      `CREATE TABLE work_order_events (
        id TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        at TEXT NOT NULL,
        actor_id TEXT REFERENCES users(id),
        kind TEXT NOT NULL,
        from_status TEXT,
        to_status TEXT,
        note TEXT NOT NULL DEFAULT ''
      )`,
      `CREATE INDEX work_order_events_order ON work_order_events(work_order_id, at)`
    ]
  },
  {
    version: 10,
    name: 'repairs: find a work order by the last digits of its number',
    statements: [`CREATE INDEX work_orders_number_tail ON work_orders(substr(number, -4))`]
  }
]
