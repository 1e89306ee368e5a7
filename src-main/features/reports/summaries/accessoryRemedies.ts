import type { Migration } from '../../../db/migration'
import { MONTH, trigger, upsert } from './migrations'

/*
 * 三包 accessory remedies given at the counter (warranty/accessoryRemedies.ts), summed by month and
 * kind for the 三包 (claims) and parts reports. They belong to no job, so the job sums never saw
 * them: an exchange issues a new accessory from stock at the shop's cost (the faulty one taken
 * back goes on to the brand at that same value, so it costs nothing more), which the brand owes
 * back through the faulty-part return; a refund pays the accessory's price out of the till, which
 * the takings report already counts with every refund (report_payment_days), so it is summed
 * here to be shown, never added to the takings again.
 */

/**
 * What an accessory exchange `r` took out of stock for good: the value its new accessory left
 * with, the slip's issue line in the ledger (the part's latest issue under the slip's number, found
 * walking back from the newest line); nothing for a refund, which moves no stock.
 */
export const remedyCostFen = (r: string) =>
  `CASE WHEN ${r}.kind = 'exchange' THEN coalesce((SELECT -m.value_fen FROM stock_movements m
      WHERE m.part_id = ${r}.part_id AND m.kind = 'issue' AND m.reference = ${r}.number ORDER BY m.seq DESC LIMIT 1), 0)
    ELSE 0 END`

/** A remedy's share of the month it was given (sign 1), or taken off (sign -1). */
function remedyMonths(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const r = row
  return upsert(
    'report_accessory_remedy_months',
    ['month', 'kind'],
    ['remedies', 'cost_fen', 'refund_fen'],
    `SELECT ${MONTH(`${r}.created_at`)}, ${r}.kind, ${sign}, ${sign} * ${remedyCostFen(r)},
       ${sign} * coalesce(${r}.refund_fen, 0) WHERE true`
  )
}

export const accessoryRemedyMonths: Migration = {
  version: 57,
  name: 'reports: 三包 accessory exchanges and refunds summed by month',
  statements: [
    `CREATE TABLE report_accessory_remedy_months (
        month TEXT NOT NULL, kind TEXT NOT NULL,
        remedies INTEGER NOT NULL, cost_fen INTEGER NOT NULL, refund_fen INTEGER NOT NULL,
        PRIMARY KEY (month, kind)
      ) WITHOUT ROWID`,
    // A report's days around its whole months (or with a brand, model or category) read the remedies themselves.
    `CREATE INDEX warranty_accessory_remedies_created ON warranty_accessory_remedies(created_at)`,
    trigger('report_accessory_remedies_in', 'AFTER INSERT ON warranty_accessory_remedies', [remedyMonths('NEW', 1)]),
    trigger('report_accessory_remedies_out', 'AFTER DELETE ON warranty_accessory_remedies', [remedyMonths('OLD', -1)]),
    // The remedies given before this step, grouped as the trigger would have added them one by one.
    `INSERT INTO report_accessory_remedy_months (month, kind, remedies, cost_fen, refund_fen)
      SELECT ${MONTH('r.created_at')}, r.kind, count(*), sum(${remedyCostFen('r')}), sum(coalesce(r.refund_fen, 0))
      FROM warranty_accessory_remedies r GROUP BY 1, 2`
  ]
}
