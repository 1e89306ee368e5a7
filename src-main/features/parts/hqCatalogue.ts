import { uuidv7 } from '../../../src-shared/domain/ids'
import { PART_UNITS } from '../../../src-shared/domain/stock'
import type { PulledTableApplier } from '../sync/hq/pulledTables'
import { partSearchText } from './searchText'

/**
 * The brand's parts catalogue, pulled. HQ owns a part's name, description, unit, whether it is
 * serial-tracked and owed back when faulty, and the brand's prices (kept beside the part in
 * hq_catalogue_prices); the shop keeps its stock, bins, cost and its own selling price. A part
 * HQ withdraws is made inactive, never deleted: its ledger stays. Either moves the part's
 * catalogue version (`edited_at`), so an edit form filled before it is refused rather than
 * saved over what HQ sent.
 */
export const applyCatalogueParts: PulledTableApplier<'catalogueParts'> = ({ sqlite, at }, changes) => {
  const nowIso = at.toISOString()
  const findPart = sqlite.prepare('SELECT id FROM parts WHERE part_number = ?').pluck()
  const barcodesOf = sqlite.prepare('SELECT barcode FROM part_barcodes WHERE part_id = ?').pluck()
  const modelsOf = sqlite.prepare(
    'SELECT m.brand, m.model FROM part_models pm JOIN product_models m ON m.id = pm.model_id WHERE pm.part_id = ?'
  )
  const update = sqlite.prepare(
    `UPDATE parts SET name = ?, description = ?, unit = ?, serial_tracked = ?, return_faulty = ?, active = 1,
       search_text = ?, updated_at = ?, edited_at = ? WHERE id = ?`
  )
  const insert = sqlite.prepare(
    `INSERT INTO parts (id, part_number, name, description, unit, selling_price_fen, average_cost_fen,
       serial_tracked, return_faulty, search_text, created_at, updated_at, edited_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?)`
  )
  const price = sqlite.prepare(
    `INSERT INTO hq_catalogue_prices (part_number, claim_price_fen, retail_price_fen, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (part_number) DO UPDATE SET claim_price_fen = excluded.claim_price_fen,
       retail_price_fen = excluded.retail_price_fen, updated_at = excluded.updated_at`
  )
  // A unit this version of the app does not know keeps the shop's (or 'piece' for a new part).
  const unitOf = (unit: string, current: string | undefined) =>
    (PART_UNITS as readonly string[]).includes(unit) ? unit : (current ?? 'piece')
  const currentUnit = sqlite.prepare('SELECT unit FROM parts WHERE id = ?').pluck()
  const withdraw = sqlite.prepare('UPDATE parts SET active = 0, updated_at = ?, edited_at = ? WHERE part_number = ?')
  const dropPrice = sqlite.prepare('DELETE FROM hq_catalogue_prices WHERE part_number = ?')
  for (const change of changes) {
    if (change.operation === 'delete') {
      withdraw.run(nowIso, nowIso, change.key)
      dropPrice.run(change.key)
      continue
    }
    const part = change.row
    const id = findPart.get(part.partNumber) as string | undefined
    const searchText = partSearchText({
      partNumber: part.partNumber,
      name: part.name,
      barcodes: id ? (barcodesOf.all(id) as string[]) : [],
      models: id ? (modelsOf.all(id) as { brand: string; model: string }[]) : []
    })
    const flags = [part.serialTracked ? 1 : 0, part.returnFaulty ? 1 : 0] as const
    if (id) {
      update.run(
        part.name,
        part.description,
        unitOf(part.unit, currentUnit.get(id) as string),
        ...flags,
        searchText,
        nowIso,
        nowIso,
        id
      )
    } else {
      insert.run(
        uuidv7(at.getTime()),
        part.partNumber,
        part.name,
        part.description,
        unitOf(part.unit, undefined),
        part.retailPriceFen,
        ...flags,
        searchText,
        nowIso,
        nowIso,
        nowIso
      )
    }
    price.run(part.partNumber, part.claimPriceFen, part.retailPriceFen, nowIso)
  }
}
