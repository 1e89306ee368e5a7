import type { Migration } from '../../db/migration'

export const codeLists: Migration = {
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
    // The starting code lists as this step shipped them (release 0.1.0), written out: a migration
    // seeds the rows it meant when it was released, whatever the code says later.
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S01', '不开机 / 无法启动', 1, 10)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S02', '屏幕无显示或显示异常', 1, 20)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S03', '触摸失灵', 1, 30)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S04', '无法充电 / 充电慢', 1, 40)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S05', '电池续航短 / 鼓包', 1, 50)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S06', '进水 / 受潮', 1, 60)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S07', '无信号 / 通话异常', 1, 70)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S08', '无声音 / 杂音', 1, 80)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S09', '摄像头故障', 1, 90)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S10', '自动重启 / 死机', 1, 100)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S11', '不制冷 / 制冷差', 1, 110)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S12', '漏水', 1, 120)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S13', '异响 / 振动大', 1, 130)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('symptom', 'S99', '其他', 1, 140)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L01', '主板', 1, 150)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L02', '屏幕总成', 1, 160)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L03', '电池', 1, 170)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L04', '充电接口 / 尾插', 1, 180)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L05', '摄像头模组', 1, 190)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L06', '扬声器 / 听筒', 1, 200)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L07', '按键 / 排线', 1, 210)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L08', '电源板', 1, 220)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L09', '压缩机', 1, 230)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L10', '电机', 1, 240)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L11', '软件系统', 1, 250)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_location', 'L99', '其他部位', 1, 260)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_cause', 'C01', '元器件自然老化 / 失效', 1, 270)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_cause', 'C02', '生产工艺缺陷', 1, 280)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_cause', 'C03', '进液腐蚀', 1, 290)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_cause', 'C04', '外力撞击 / 跌落', 1, 300)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_cause', 'C05', '使用不当', 1, 310)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_cause', 'C06', '软件故障', 1, 320)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_cause', 'C07', '第三方拆修', 1, 330)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_cause', 'C08', '未发现故障', 1, 340)`,
    `INSERT INTO code_entries (list, code, label, active, sort_order) VALUES ('fault_cause', 'C99', '其他原因', 1, 350)`
  ]
}

export const workOrdersLabourQuotesAndTimeline: Migration = {
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
}

export const workOrderNumberTailIndex: Migration = {
  version: 10,
  name: 'repairs: find a work order by the last digits of its number',
  statements: [`CREATE INDEX work_orders_number_tail ON work_orders(substr(number, -4))`]
}

/**
 * The day the fault appeared, as the desk recorded it at check-in (the warranty verdict is
 * judged on it), and why a warranty repair is waiting and since when (the 三包 waiting limits
 * entitle the customer to an exchange). Jobs from before this step have no fault date.
 */
export const faultDateAndWaiting: Migration = {
  version: 18,
  name: 'repairs: the fault date and why a warranty repair waits',
  statements: [
    `ALTER TABLE work_orders ADD COLUMN fault_date TEXT`,
    `ALTER TABLE work_orders ADD COLUMN waiting_cause TEXT
      CHECK (waiting_cause IN ('parts_not_supplied', 'repairer_delay'))`,
    `ALTER TABLE work_orders ADD COLUMN waiting_since TEXT`,
    `CREATE INDEX work_orders_waiting ON work_orders(waiting_cause) WHERE waiting_cause IS NOT NULL`
  ]
}

export const unpaidHandOvers: Migration = {
  version: 22,
  name: 'repairs: hand-overs a manager let go before checkout',
  statements: [
    // A device handed back before its job was checked out, on a manager's word: kept for the day
    // close, never edited.
    `CREATE TABLE unpaid_hand_overs (
        id TEXT PRIMARY KEY,
        work_order_id TEXT NOT NULL REFERENCES work_orders(id),
        lines_fen INTEGER NOT NULL,
        deposit_held_fen INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (reason <> ''),
        approved_by TEXT NOT NULL REFERENCES users(id),
        handed_over_by TEXT NOT NULL REFERENCES users(id),
        at TEXT NOT NULL
      )`,
    `CREATE INDEX unpaid_hand_overs_at ON unpaid_hand_overs(at)`,
    `CREATE TRIGGER unpaid_hand_overs_fixed BEFORE UPDATE ON unpaid_hand_overs
       BEGIN SELECT RAISE(ABORT, 'an unpaid hand-over is recorded once'); END`,
    `CREATE TRIGGER unpaid_hand_overs_kept BEFORE DELETE ON unpaid_hand_overs
       BEGIN SELECT RAISE(ABORT, 'an unpaid hand-over is never deleted'); END`
  ]
}

/**
 * Work-order search as you type on a million orders: an FTS5 trigram index with one row per order
 * (rowid = the order's rowid, so newest first is walking it down), holding the order's number and
 * its device's serial (column ids) and its customer's search text (column customer). Triggers
 * keep it in step in the same transaction as the change: a new or re-pointed order, a customer's
 * new name or phone, a device's corrected serial. Words are indexed as ^^word$$ like the
 * customers' index (features/search/ftsQuery.ts).
 */
export const workOrderSearchFts: Migration = {
  version: 32,
  name: 'repairs: FTS5 trigram index for work-order search as you type',
  statements: [
    `CREATE VIRTUAL TABLE work_order_search USING fts5(
        ids, customer, tokenize = 'trigram', content = '', contentless_delete = 1
      )`,
    `INSERT INTO work_order_search(rowid, ids, customer)
       SELECT wo.rowid, '^^' || wo.number || '$$ ^^' || coalesce(d.serial, '') || '$$',
              '^^' || replace(c.search_text, ' ', '$$ ^^') || '$$'
         FROM work_orders wo JOIN customers c ON c.id = wo.customer_id JOIN devices d ON d.id = wo.device_id`,
    `CREATE TRIGGER work_orders_search_insert AFTER INSERT ON work_orders
       BEGIN
         INSERT INTO work_order_search(rowid, ids, customer)
           SELECT wo.rowid, '^^' || wo.number || '$$ ^^' || coalesce(d.serial, '') || '$$',
                  '^^' || replace(c.search_text, ' ', '$$ ^^') || '$$'
             FROM work_orders wo JOIN customers c ON c.id = wo.customer_id JOIN devices d ON d.id = wo.device_id
            WHERE wo.rowid = NEW.rowid;
       END`,
    `CREATE TRIGGER work_orders_search_update AFTER UPDATE OF number, customer_id, device_id ON work_orders
       BEGIN
         DELETE FROM work_order_search WHERE rowid = OLD.rowid;
         INSERT INTO work_order_search(rowid, ids, customer)
           SELECT wo.rowid, '^^' || wo.number || '$$ ^^' || coalesce(d.serial, '') || '$$',
                  '^^' || replace(c.search_text, ' ', '$$ ^^') || '$$'
             FROM work_orders wo JOIN customers c ON c.id = wo.customer_id JOIN devices d ON d.id = wo.device_id
            WHERE wo.rowid = NEW.rowid;
       END`,
    `CREATE TRIGGER work_orders_search_delete AFTER DELETE ON work_orders
       BEGIN
         DELETE FROM work_order_search WHERE rowid = OLD.rowid;
       END`,
    `CREATE TRIGGER customers_work_order_search AFTER UPDATE OF search_text ON customers
       WHEN OLD.search_text IS NOT NEW.search_text
       BEGIN
         DELETE FROM work_order_search WHERE rowid IN (SELECT rowid FROM work_orders WHERE customer_id = NEW.id);
         INSERT INTO work_order_search(rowid, ids, customer)
           SELECT wo.rowid, '^^' || wo.number || '$$ ^^' || coalesce(d.serial, '') || '$$',
                  '^^' || replace(NEW.search_text, ' ', '$$ ^^') || '$$'
             FROM work_orders wo JOIN devices d ON d.id = wo.device_id
            WHERE wo.customer_id = NEW.id;
       END`,
    `CREATE TRIGGER devices_work_order_search AFTER UPDATE OF serial ON devices
       WHEN OLD.serial IS NOT NEW.serial
       BEGIN
         DELETE FROM work_order_search WHERE rowid IN (SELECT rowid FROM work_orders WHERE device_id = NEW.id);
         INSERT INTO work_order_search(rowid, ids, customer)
           SELECT wo.rowid, '^^' || wo.number || '$$ ^^' || coalesce(NEW.serial, '') || '$$',
                  '^^' || replace(c.search_text, ' ', '$$ ^^') || '$$'
             FROM work_orders wo JOIN customers c ON c.id = wo.customer_id
            WHERE wo.device_id = NEW.id;
       END`
  ]
}

/**
 * A work-order number or a device serial typed exactly, in any case, found by a b-tree lookup:
 * the search ranks it first, and asking the FTS5 index for a whole word ("^^86$$") reads the long
 * lists of every word starting or ending with those characters, tens of milliseconds on a
 * million orders (workOrders/listSearch.ts).
 */
export const exactNumberAndSerialInAnyCase: Migration = {
  version: 39,
  name: 'repairs: a work-order number or serial found exactly in any case',
  statements: [
    `CREATE INDEX work_orders_number_lower ON work_orders(lower(number))`,
    `CREATE INDEX devices_serial_lower ON devices(lower(serial))`
  ]
}
