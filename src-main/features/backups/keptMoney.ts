import BetterSqlite3 from 'better-sqlite3'
import { uuidv7 } from '../../../src-shared/domain/ids'
import type { Database } from '../../db/schema'
import type { DroppedMoneyRecord, RestoreMoney } from '../../../src-shared/contract/backups'

/**
 * Money that moved after the copy. A payment, refund or document made since cannot simply be put
 * onto the copy: the job it paid may be unbilled there, the invoice it refunded unrefunded, the
 * sale missing. Left alone, the restore would make an invoice look unrefunded (the counter could
 * pay the customer twice) or a paid job look unpaid (charged twice). So each is read from today's
 * database before the swap and listed on the restored data (restore_dropped_money), where the
 * counter meets it, until a manager has dealt with it (droppedMoney.ts).
 *
 * A day closed since is different: its cash was counted and handed over, a fact outside the
 * database, and its report is frozen. It stays closed on the restored data: the close itself, and
 * it counts those of its payments, documents and unpaid hand-overs the copy holds, so the next
 * close starts where it ended and never counts that cash again.
 */
export interface RunningMoney {
  dropped: DroppedMoneyRecord[]
  dayCloses: RunningDayClose[]
  /** Earlier restores' list, for the records the copy does not hold either. */
  earlier: EarlierDroppedRow[]
}

/** A day close as today's database has it, with what it counted. */
export type RunningDayClose = Database['dayCloses'] & {
  paymentIds: string[]
  invoiceIds: string[]
  unpaidHandOverIds: string[]
}

interface EarlierDroppedRow {
  [column: string]: unknown
  record_id: string
}

/**
 * Reads, from today's database file, the money records and day closes the copy does not hold. A
 * connection of its own, read-only, with the copy attached read-only: the caller's connection
 * may be inside a transaction, where nothing can be attached.
 */
export function readMoneyAfterCopy(databaseFile: string, copyFile: string): RunningMoney {
  const today = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true })
  try {
    today.prepare('ATTACH DATABASE ? AS copy').run(copyFile)
    const notInCopy = (table: string, idColumn: string) => copyLacks(today, table, idColumn)
    return {
      dropped: [...droppedPayments(today, notInCopy), ...droppedDocuments(today, notInCopy)].sort(byTime),
      dayCloses: closesAfterCopy(today, notInCopy),
      earlier: earlierList(today, notInCopy)
    }
  } finally {
    today.close()
  }
}

/** A condition true when the copy does not hold the row `idColumn` names (a copy before the table holds none). */
function copyLacks(today: BetterSqlite3.Database, table: string, idColumn: string): string {
  const exists = today.prepare(`SELECT 1 FROM copy.sqlite_master WHERE type = 'table' AND name = ?`).get(table)
  return exists ? `NOT EXISTS (SELECT 1 FROM copy.${table} c WHERE c.id = ${idColumn})` : '1'
}

type NotInCopy = (table: string, idColumn: string) => string

const byTime = (a: DroppedMoneyRecord, b: DroppedMoneyRecord) =>
  a.at.localeCompare(b.at) || a.recordId.localeCompare(b.recordId)

/** The customer a job's or receipt's money is for, as the receipt said it or the job has it. */
const CUSTOMER = `COALESCE(snap.customer_name, customer.name, '')`

function droppedPayments(today: BetterSqlite3.Database, notInCopy: NotInCopy): DroppedMoneyRecord[] {
  return today
    .prepare(
      `SELECT p.id AS recordId, p.kind, p.amount_fen AS amountFen, p.method,
              -- A payout no invoice or sale holds (a 三包 accessory's refund) names its slip as its reason.
              COALESCE(i.number, s.number, CASE WHEN p.work_order_id IS NULL THEN p.reason END, '') AS documentNumber,
              COALESCE(p.work_order_id, i.work_order_id) AS workOrderId, w.number AS workOrderNumber,
              CASE WHEN i.kind = 'credit_note' THEN i.corrects_invoice_id
                   WHEN s.kind = 'refund' THEN s.corrects_sale_id END AS refundsDocumentId,
              COALESCE(snap.customer_name, customer.name, s.customer_name, '') AS customerName,
              p.at, u.display_name AS byName, d.number AS dayCloseNumber
       FROM payments p
       LEFT JOIN invoices i ON i.id = p.invoice_id
       LEFT JOIN invoice_snapshots snap ON snap.invoice_id = p.invoice_id
       LEFT JOIN counter_sales s ON s.id = p.counter_sale_id
       LEFT JOIN work_orders w ON w.id = COALESCE(p.work_order_id, i.work_order_id)
       LEFT JOIN customers customer ON customer.id = w.customer_id
       LEFT JOIN users u ON u.id = p.cashier_id
       LEFT JOIN day_closes d ON d.id = p.day_close_id
       WHERE ${notInCopy('payments', 'p.id')}`
    )
    .all() as DroppedMoneyRecord[]
}

/**
 * Invoices, credit notes and counter sales made after the copy with no dropped payment of their
 * own to name them: a 三包 repair the brand pays, a credit note with nothing handed back.
 */
function droppedDocuments(today: BetterSqlite3.Database, notInCopy: NotInCopy): DroppedMoneyRecord[] {
  const invoices = today
    .prepare(
      `SELECT i.id AS recordId, i.kind, i.due_fen AS amountFen, NULL AS method, i.number AS documentNumber,
              i.work_order_id AS workOrderId, w.number AS workOrderNumber, i.corrects_invoice_id AS refundsDocumentId,
              ${CUSTOMER} AS customerName, i.issued_at AS at, u.display_name AS byName, d.number AS dayCloseNumber
       FROM invoices i
       LEFT JOIN invoice_snapshots snap ON snap.invoice_id = i.id
       LEFT JOIN work_orders w ON w.id = i.work_order_id
       LEFT JOIN customers customer ON customer.id = w.customer_id
       LEFT JOIN users u ON u.id = i.cashier_id
       LEFT JOIN day_close_documents dd ON dd.invoice_id = i.id
       LEFT JOIN day_closes d ON d.id = dd.day_close_id
       WHERE ${notInCopy('invoices', 'i.id')}
         AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.invoice_id = i.id AND ${notInCopy('payments', 'p.id')})`
    )
    .all() as DroppedMoneyRecord[]
  const sales = today
    .prepare(
      `SELECT s.id AS recordId, CASE s.kind WHEN 'sale' THEN 'counter_sale' ELSE 'counter_refund' END AS kind,
              s.total_fen AS amountFen, NULL AS method, s.number AS documentNumber, NULL AS workOrderId,
              NULL AS workOrderNumber, s.corrects_sale_id AS refundsDocumentId, s.customer_name AS customerName,
              s.issued_at AS at, u.display_name AS byName, NULL AS dayCloseNumber
       FROM counter_sales s
       LEFT JOIN users u ON u.id = s.cashier_id
       WHERE ${notInCopy('counter_sales', 's.id')}
         AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.counter_sale_id = s.id AND ${notInCopy('payments', 'p.id')})`
    )
    .all() as DroppedMoneyRecord[]
  return [...invoices, ...sales]
}

/** The day closes made after the copy, each with what it counted, in the order they were closed. */
function closesAfterCopy(today: BetterSqlite3.Database, notInCopy: NotInCopy): RunningDayClose[] {
  const closes = today
    .prepare(
      `SELECT id, number, period_start AS periodStart, period_end AS periodEnd, report_json AS reportJson,
              expected_cash_fen AS expectedCashFen, counted_cash_fen AS countedCashFen,
              difference_fen AS differenceFen, note, closed_by AS closedBy, closed_at AS closedAt
       FROM day_closes d WHERE ${notInCopy('day_closes', 'd.id')} ORDER BY closed_at, id`
    )
    .all() as Omit<RunningDayClose, 'paymentIds' | 'invoiceIds' | 'unpaidHandOverIds'>[]
  const ids = (sql: string) => today.prepare(sql).pluck()
  const payments = ids(`SELECT id FROM payments WHERE day_close_id = ?`)
  const invoices = ids(`SELECT invoice_id FROM day_close_documents WHERE day_close_id = ?`)
  const handOvers = ids(`SELECT unpaid_hand_over_id FROM day_close_hand_overs WHERE day_close_id = ?`)
  return closes.map((close) => ({
    ...close,
    paymentIds: payments.all(close.id) as string[],
    invoiceIds: invoices.all(close.id) as string[],
    unpaidHandOverIds: handOvers.all(close.id) as string[]
  }))
}

/** Earlier restores' dropped records that neither the copy's list nor the copy itself holds. */
function earlierList(today: BetterSqlite3.Database, notInCopy: NotInCopy): EarlierDroppedRow[] {
  const copyHasList = today
    .prepare(`SELECT 1 FROM copy.sqlite_master WHERE type = 'table' AND name = 'restore_dropped_money'`)
    .get()
  const notListed = copyHasList
    ? `NOT EXISTS (SELECT 1 FROM copy.restore_dropped_money c WHERE c.record_id = r.record_id)`
    : '1'
  return today
    .prepare(
      `SELECT r.* FROM restore_dropped_money r
       WHERE ${notListed} AND ${notInCopy('payments', 'r.record_id')}
         AND ${notInCopy('invoices', 'r.record_id')} AND ${notInCopy('counter_sales', 'r.record_id')}`
    )
    .all() as EarlierDroppedRow[]
}

/** What the preview and the answer say: every dropped record, and the day closes kept closed. */
export function restoreMoneyOf(running: RunningMoney): RestoreMoney {
  return { dropped: running.dropped, keptDayCloses: running.dayCloses.map((close) => close.number) }
}

/**
 * On the restored (and migrated) copy, in one transaction: the day closes made since are kept
 * closed over what of theirs the copy holds, and every dropped record is listed under this
 * restore (an earlier restore's list comes along as it was).
 */
export function keepRunningMoney(
  restored: BetterSqlite3.Database,
  running: RunningMoney,
  backupName: string,
  at: Date
): RestoreMoney {
  restored.transaction(() => {
    for (const close of running.dayCloses) keepDayClosed(restored, close)
    const list = restored.prepare(
      `INSERT INTO restore_dropped_money (id, backup_name, restored_at, record_id, kind, amount_fen, method,
         document_number, work_order_id, work_order_number, refunds_document_id, customer_name, at, by_name,
         day_close_number)
       VALUES (@id, @backupName, @restoredAt, @recordId, @kind, @amountFen, @method, @documentNumber, @workOrderId,
         @workOrderNumber, @refundsDocumentId, @customerName, @at, @byName, @dayCloseNumber)
       ON CONFLICT (record_id) DO NOTHING`
    )
    for (const record of running.dropped) {
      list.run({ ...record, id: uuidv7(at.getTime()), backupName, restoredAt: at.toISOString() })
    }
    keepEarlierList(restored, running.earlier)
  })()
  return restoreMoneyOf(running)
}

function keepDayClosed(restored: BetterSqlite3.Database, close: RunningDayClose): void {
  // Who closed may be an account made after the copy; the report names them either way.
  restored
    .prepare(
      `INSERT INTO day_closes (id, number, period_start, period_end, report_json, expected_cash_fen,
         counted_cash_fen, difference_fen, note, closed_by, closed_at)
       VALUES (@id, @number, @periodStart, @periodEnd, @reportJson, @expectedCashFen, @countedCashFen,
         @differenceFen, @note, (SELECT id FROM users WHERE id = @closedBy), @closedAt)`
    )
    .run(close)
  const payment = restored.prepare(`UPDATE payments SET day_close_id = ? WHERE id = ? AND day_close_id IS NULL`)
  for (const id of close.paymentIds) payment.run(close.id, id)
  const document = restored.prepare(
    `INSERT INTO day_close_documents (invoice_id, day_close_id) SELECT id, ? FROM invoices WHERE id = ?
     ON CONFLICT (invoice_id) DO NOTHING`
  )
  for (const id of close.invoiceIds) document.run(close.id, id)
  const handOver = restored.prepare(
    `INSERT INTO day_close_hand_overs (unpaid_hand_over_id, day_close_id) SELECT id, ? FROM unpaid_hand_overs WHERE id = ?
     ON CONFLICT (unpaid_hand_over_id) DO NOTHING`
  )
  for (const id of close.unpaidHandOverIds) handOver.run(close.id, id)
}

function keepEarlierList(restored: BetterSqlite3.Database, earlier: EarlierDroppedRow[]): void {
  for (const row of earlier) {
    const columns = Object.keys(row)
    const values = columns.map((column) => `@${column}`)
    // Whoever dealt with it may not be in the copy: the row keeps when, not who.
    restored
      .prepare(
        `INSERT INTO restore_dropped_money (${columns.join(', ')}) VALUES (${values.join(', ')})
         ON CONFLICT (record_id) DO NOTHING`
      )
      .run({ ...row, dealt_with_by: knownUser(restored, row.dealt_with_by) })
  }
}

function knownUser(restored: BetterSqlite3.Database, id: unknown): string | null {
  if (typeof id !== 'string') return null
  return restored.prepare(`SELECT 1 FROM users WHERE id = ?`).get(id) ? id : null
}
