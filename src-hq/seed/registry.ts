import { sql } from 'kysely'
import { z } from 'zod'
import { registryUnitRow } from '../../src-shared/hq/protocol'
import type { HqContext } from '../context'
import type { HqDb } from '../db/connection'
import { HqError } from '../errors'
import { parseCsvLine } from './csv'

export type RegistryUnit = z.infer<typeof registryUnitRow>

/** Rows per INSERT … SELECT FROM unnest(…): one statement, twelve array parameters. */
const STATEMENT_ROWS = 5_000
/** Rows per transaction of a long import: short enough not to hold shops' pulls back for long. */
const TRANSACTION_ROWS = 50_000

const COLUMNS = [
  'serial',
  'brand',
  'model',
  'categoryKey',
  'cardNumber',
  'purchaseDate',
  'invoiceNumber',
  'dealer',
  'productionDate',
  'buyerName',
  'buyerPhone',
  'activationDate'
] as const satisfies readonly (keyof RegistryUnit)[]

/**
 * Writes registry units, a new serial inserted and a known one updated; an update that changes
 * nothing is skipped, so re-importing the same file sends the shops nothing. The last row of a
 * serial repeated in one call wins.
 */
async function writeUnits(trx: HqDb, units: readonly RegistryUnit[]): Promise<void> {
  const bySerial = [...new Map(units.map((unit) => [unit.serial, unit])).values()]
  const column = (name: (typeof COLUMNS)[number]) => bySerial.map((unit) => unit[name])
  await sql`
    INSERT INTO registry_units (serial, brand, model, category_key, card_number, purchase_date, invoice_number,
      dealer, production_date, buyer_name, buyer_phone, activation_date, seq)
    SELECT u.*, 0 FROM unnest(${column('serial')}::text[], ${column('brand')}::text[], ${column('model')}::text[],
      ${column('categoryKey')}::text[], ${column('cardNumber')}::text[], ${column('purchaseDate')}::date[],
      ${column('invoiceNumber')}::text[], ${column('dealer')}::text[], ${column('productionDate')}::date[],
      ${column('buyerName')}::text[], ${column('buyerPhone')}::text[], ${column('activationDate')}::date[]) AS u
    ON CONFLICT (serial) DO UPDATE SET brand = excluded.brand, model = excluded.model,
      category_key = excluded.category_key, card_number = excluded.card_number, purchase_date = excluded.purchase_date,
      invoice_number = excluded.invoice_number, dealer = excluded.dealer, production_date = excluded.production_date,
      buyer_name = excluded.buyer_name, buyer_phone = excluded.buyer_phone, activation_date = excluded.activation_date,
      deleted = false
    WHERE registry_units.deleted
      OR (registry_units.brand, registry_units.model, registry_units.category_key, registry_units.card_number,
          registry_units.purchase_date, registry_units.invoice_number, registry_units.dealer,
          registry_units.production_date, registry_units.buyer_name, registry_units.buyer_phone,
          registry_units.activation_date)
      IS DISTINCT FROM (excluded.brand, excluded.model, excluded.category_key, excluded.card_number,
          excluded.purchase_date, excluded.invoice_number, excluded.dealer, excluded.production_date,
          excluded.buyer_name, excluded.buyer_phone, excluded.activation_date)
  `.execute(trx.withoutPlugins())
}

export async function upsertRegistryUnits(hq: HqContext, units: readonly RegistryUnit[]): Promise<number> {
  await hq.db.transaction().execute(async (trx) => {
    for (let i = 0; i < units.length; i += STATEMENT_ROWS) await writeUnits(trx, units.slice(i, i + STATEMENT_ROWS))
  })
  return units.length
}

const csvUnit = registryUnitRow.extend({
  cardNumber: z.string().transform((value) => value || null),
  purchaseDate: z
    .string()
    .transform((value) => value || null)
    .pipe(registryUnitRow.shape.purchaseDate),
  productionDate: z
    .string()
    .transform((value) => value || null)
    .pipe(registryUnitRow.shape.productionDate),
  activationDate: z
    .string()
    .transform((value) => value || null)
    .pipe(registryUnitRow.shape.activationDate)
})

/**
 * Imports a registry export: a header line naming the columns (the protocol's field names, any
 * order), then one unit per line. Committed every 50 000 rows, so an import of millions never
 * holds one huge transaction; a bad line stops the import there, naming the line.
 */
export async function importRegistryCsv(
  hq: HqContext,
  lines: AsyncIterable<string> | Iterable<string>
): Promise<{ imported: number }> {
  let header: string[] | null = null
  let lineNumber = 0
  let imported = 0
  let pending: RegistryUnit[] = []
  const flush = async () => {
    if (pending.length > 0) imported += await upsertRegistryUnits(hq, pending)
    pending = []
  }
  for await (const line of lines) {
    lineNumber++
    if (line.trim() === '') continue
    const fields = parseCsvLine(line)
    if (!header) {
      header = fields.map((field) => field.trim().replace(/^\uFEFF/, ''))
      const missing = COLUMNS.filter((name) => !header!.includes(name))
      if (missing.length > 0) throw new HqError('VALIDATION', 'hqErrors.csvColumnsMissing', { columns: missing })
      continue
    }
    const record = Object.fromEntries(header.map((name, index) => [name, (fields[index] ?? '').trim()]))
    const unit = csvUnit.safeParse(record)
    if (!unit.success) throw new HqError('VALIDATION', 'hqErrors.csvLine', { line: lineNumber })
    pending.push(unit.data)
    if (pending.length >= TRANSACTION_ROWS) await flush()
  }
  await flush()
  return { imported }
}
