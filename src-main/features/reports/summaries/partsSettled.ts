import type { Migration } from '../../../db/migration'
import { trigger } from './migrations'
import { everything, perRow, statement, type Source } from './slices'
import { net, PART_TRIGGERS, partSums, partTriggers, startingPayer, type PartRules } from './partPayers'

/*
 * Used parts as their jobs were settled. Migration 50 counted a part at what its invoice line
 * billed less credit notes, paid by the line's payer, at the value not returned to stock. Three
 * cases still misled the shop:
 *
 * - An invoice's discount comes off what the customer pays, not off any one line: a discounted
 *   job's parts looked fully earned. A part the customer pays now earns its share of what was
 *   paid: its line (less credits) times what the customer's lines came to after the discount over
 *   what they came to before (rounded down to the fen, so a line may be a fen under the share the
 *   receipt's refunds work with; the brand's and the shop's lines take no discount).
 * - A 三包 claim HQ rejects is never paid, and the checkout bills nobody else for it: the shop
 *   bears the parts. A brand line whose claim (the one raised with its invoice) HQ rejected is the
 *   shop's, earning nothing; a rejection turned into an approval makes it the brand's again.
 * - A part handed back through a credit note comes back into stock at the value it left with, and
 *   one not to be sold again leaves at once, to the brand as faulty or written off as scrap (the
 *   ledger line right after its return, same time and reference: parts/counterStock.ts comeBack).
 *   Only what stays on the shelf lowers the part's cost: what left for good is still the job's.
 *
 * Each is kept by the triggers in the same transaction as the change: the billing and credit
 * notes (invoice lines), HQ's decision (a claim's status) and the ledger line taking a handed-back
 * part away. Migration 50's triggers are made again with these rules and the sums recomputed.
 */

/** A brand line whose claim HQ rejected is the shop's: no one else is billed after a rejection. */
const linePayer = `CASE WHEN il.payer = 'brand' AND EXISTS (SELECT 1 FROM warranty_claims c
       WHERE c.invoice_id = il.invoice_id AND c.status = 'rejected') THEN 'shop' ELSE il.payer END`

export const payerOf = (s: Source) =>
  s.payer ??
  `coalesce((SELECT ${linePayer} FROM invoice_lines il WHERE il.source_id = ${s.line}.id AND il.kind = 'part'), ${startingPayer(
    `${s.job}.service_type`
  )})`

/**
 * What a part's invoice line billed less what credit notes took off it (`less`: an amount not to
 * count yet), and for the customer's line its share of the invoice's discount taken off.
 */
export const settled = (line: string, less = '') => {
  const left = `(il.amount_fen + coalesce((SELECT sum(cn.amount_fen) FROM invoice_lines cn WHERE cn.source_id = il.id), 0)${less})`
  return `(SELECT CASE WHEN il.payer = 'customer' AND i.discount_fen > 0
       THEN ${left} * (i.customer_lines_fen - i.discount_fen) / i.customer_lines_fen ELSE ${left} END
     FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id WHERE il.source_id = ${line}.id AND il.kind = 'part')`
}

/**
 * The value of a used part's handed-back units that left stock for good right after coming back
 * (`plus`: a ledger line not to count yet). Only a line with units back can have any, so issuing
 * a part, the counter's busiest write, reads no ledger here.
 */
export const writtenOff = (line: string, plus = '') =>
  `CASE WHEN ${line}.returned_quantity = 0 THEN 0 ELSE coalesce((SELECT -sum(o.value_fen) FROM stock_movements r
       JOIN stock_movements o ON o.seq = r.seq + 1
     WHERE r.work_order_id = ${line}.work_order_id AND r.work_order_part_id = ${line}.id AND r.kind = 'return'
       AND o.kind IN ('faulty_return', 'scrap') AND o.part_id = r.part_id AND o.at = r.at AND o.reference = r.reference), 0)${plus} END`

const AS_SETTLED: PartRules = {
  payerOf,
  pricedAt: (s) => s.priced ?? `coalesce(${settled(s.line)}, ${s.line}.unit_price_fen * ${net(s)})`,
  costOut: (s) => `(${s.line}.cost_value_fen - ${s.line}.returned_value_fen + (${s.writtenOff ?? writtenOff(s.line)}))`,
  pricedBeforeCredit: settled('x', ' - NEW.amount_fen'),
  // Billing moves every part: its payer, and its price by the discount, may both change.
  billedWhen: []
}

const SUMS = partSums(AS_SETTLED)
const both = (source: Source) => SUMS.map(({ table }) => statement(table, source))
const perGroup = (sign: 1 | -1) => (expr: string) => `${sign} * sum(${expr})`

/** The brand's part lines of the invoice a claim (NEW) was raised with, as they stood (-1) and stand (+1). */
const claimedParts = (sign: 1 | -1): Source => ({
  line: 'x',
  job: 'j',
  from: ['invoice_lines il', 'work_order_parts x', 'report_jobs j'],
  where: [
    'il.invoice_id = NEW.invoice_id',
    "il.kind = 'part'",
    "il.payer = 'brand'",
    'x.id = il.source_id',
    'j.work_order_id = x.work_order_id'
  ],
  sum: perGroup(sign),
  group: true,
  ...(sign === -1 ? { payer: `CASE WHEN OLD.status = 'rejected' THEN 'shop' ELSE 'brand' END` } : {})
})

/** The used part whose handed-back units a ledger line (NEW) takes away for good, before (-1) and after (+1). */
const writtenOffPart = (sign: 1 | -1): Source => ({
  line: 'x',
  job: 'j',
  from: ['stock_movements r', 'work_order_parts x', 'report_jobs j'],
  where: [
    'r.seq = NEW.seq - 1',
    "r.kind = 'return'",
    'r.part_id = NEW.part_id',
    'r.at = NEW.at',
    'r.reference = NEW.reference',
    'x.id = r.work_order_part_id',
    'j.work_order_id = x.work_order_id'
  ],
  sum: perRow(sign),
  group: false,
  ...(sign === -1 ? { writtenOff: writtenOff('x', ' + NEW.value_fen') } : {})
})

/**
 * Every used part with its job's columns and, worked out once, who pays it, what it earns and
 * what left stock for good. The sums count each part in five rows (by part and by category, and
 * three ways within a technician or category), and each row's measures ask for the payer some
 * five times and the price twice: looked up again every time, the recompute took twenty times a
 * plain sum over the same parts (tests/bench/partsSettledUpgrade.bench.ts). MATERIALIZED: SQLite
 * would otherwise put the lookups back into each use. Linear either way: every lookup is indexed.
 */
const SETTLED_LINES = (() => {
  const part: Source = { ...everything('work_order_parts'), line: 'x', job: 'j' }
  return `WITH settled AS MATERIALIZED (SELECT x.*, j.category_key, j.technician_id, j.service_type,
       ${payerOf(part)} AS settled_payer, ${AS_SETTLED.pricedAt(part)} AS settled_fen, ${writtenOff('x')} AS written_off_fen
     FROM work_order_parts x JOIN report_jobs j ON j.work_order_id = x.work_order_id)`
})()
const settledLines: Source = {
  ...everything(null),
  line: 'x',
  job: 'x',
  from: ['settled x'],
  payer: 'x.settled_payer',
  priced: 'x.settled_fen',
  writtenOff: 'x.written_off_fen'
}

export const partsSettled: Migration = {
  version: 51,
  name: 'reports: used parts earn their share after the invoice discount, a rejected claim’s parts are the shop’s, a part handed back faulty or scrapped still costs',
  statements: [
    ...PART_TRIGGERS.map((name) => `DROP TRIGGER ${name}`),
    // A part's payer asks whether its invoice's claim was rejected: found by the invoice.
    'CREATE INDEX warranty_claims_invoice ON warranty_claims(invoice_id)',
    ...partTriggers(AS_SETTLED),
    trigger(
      'report_part_claim_decided',
      `AFTER UPDATE OF status ON warranty_claims WHEN (OLD.status = 'rejected') IS NOT (NEW.status = 'rejected')`,
      [...both(claimedParts(-1)), ...both(claimedParts(1))]
    ),
    trigger('report_part_written_off', `AFTER INSERT ON stock_movements WHEN NEW.kind IN ('faulty_return', 'scrap')`, [
      ...both(writtenOffPart(-1)),
      ...both(writtenOffPart(1))
    ]),
    // The sums kept so far counted discounted, rejected and written-off parts as above: recomputed.
    ...SUMS.flatMap(({ table }) => [`DELETE FROM ${table.table}`, `${SETTLED_LINES} ${statement(table, settledLines)}`])
  ]
}
