import { uuidv7 } from '../../../src-shared/domain/ids'
import type { PulledTableApplier } from '../sync/hq/pulledTables'

/**
 * HQ's registry and policies, pulled into the shop's warranty tables. HQ owns them: its row
 * replaces the shop's, a unit registered at the counter included. Units keep the shop's own id.
 */

const modelKey = (brand: string, model: string) => `${brand}\u0000${model}`

export const applyRegistryUnits: PulledTableApplier<'registryUnits'> = ({ sqlite, at }, changes) => {
  const nowIso = at.toISOString()
  const models = new Map<string, string>()
  for (const model of sqlite.prepare('SELECT id, brand, model FROM product_models').all() as {
    id: string
    brand: string
    model: string
  }[]) {
    models.set(modelKey(model.brand, model.model), model.id)
  }
  const categories = new Set(
    (sqlite.prepare('SELECT key FROM product_categories').pluck().all() as string[]).map(String)
  )
  const insertModel = sqlite.prepare(
    'INSERT INTO product_models (id, brand, model, category_key, created_at) VALUES (?, ?, ?, ?, ?)'
  )
  const freeCard = sqlite.prepare('UPDATE warranty_units SET card_number = NULL WHERE card_number = ? AND serial <> ?')
  // An INSERT … ON CONFLICT DO UPDATE here costs twice a plain INSERT: with foreign keys on, SQLite
  // checks the table's own children (exchanged units) for every row such a statement writes. So a
  // serial is looked up first, then inserted or updated.
  const known = sqlite.prepare('SELECT 1 FROM warranty_units WHERE serial = ?').pluck()
  const insert = sqlite.prepare(
    `INSERT INTO warranty_units (id, serial, model_id, card_number, purchase_date, invoice_number, dealer,
       production_date, buyer_name, buyer_phone, activation_date, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)`
  )
  const update = sqlite.prepare(
    `UPDATE warranty_units SET model_id = ?, card_number = ?, purchase_date = ?, invoice_number = ?, dealer = ?,
       production_date = ?, buyer_name = ?, buyer_phone = ?, activation_date = ?, updated_at = ?
     WHERE serial = ?`
  )
  const remove = sqlite.prepare('DELETE FROM warranty_units WHERE serial = ?')
  let idTime = at.getTime()
  for (const change of changes) {
    if (change.operation === 'delete') {
      try {
        remove.run(change.key)
      } catch {
        // A unit the shop's jobs or an exchange refer to stays: its history must still resolve.
      }
      continue
    }
    const unit = change.row
    if (!categories.has(unit.categoryKey)) continue
    const key = modelKey(unit.brand, unit.model)
    let modelId = models.get(key)
    if (modelId === undefined) {
      modelId = uuidv7(idTime)
      insertModel.run(modelId, unit.brand, unit.model, unit.categoryKey, nowIso)
      models.set(key, modelId)
    }
    const fields = [
      unit.cardNumber,
      unit.purchaseDate,
      unit.invoiceNumber,
      unit.dealer,
      unit.productionDate,
      unit.buyerName,
      unit.buyerPhone,
      unit.activationDate
    ] as const
    let write: () => unknown
    if (known.get(unit.serial)) {
      write = () => update.run(modelId, ...fields, nowIso, unit.serial)
    } else {
      // More ids than one millisecond's counter holds: step the time they are made for.
      idTime += 1 / 1024
      const id = uuidv7(Math.floor(idTime))
      write = () => insert.run(id, unit.serial, modelId, ...fields, nowIso, nowIso)
    }
    try {
      write()
    } catch (error) {
      // Rarely, the card number is still another unit's: HQ's data wins, that unit gives it up.
      if (unit.cardNumber === null || !isUniqueViolation(error)) throw error
      freeCard.run(unit.cardNumber, unit.serial)
      write()
    }
  }
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'
}

export const applyWarrantyPolicies: PulledTableApplier<'warrantyPolicies'> = ({ sqlite, at }, changes) => {
  const nowIso = at.toISOString()
  const findModel = sqlite.prepare('SELECT id FROM product_models WHERE brand = ? AND model = ?').pluck()
  const insertModel = sqlite.prepare(
    'INSERT INTO product_models (id, brand, model, category_key, created_at) VALUES (?, ?, ?, ?, ?)'
  )
  const upsert = sqlite.prepare(
    `INSERT INTO warranty_policies (id, category_key, model_id, effective_from, policy_json, note, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?)
     ON CONFLICT (id) DO UPDATE SET category_key = excluded.category_key, model_id = excluded.model_id,
       effective_from = excluded.effective_from, policy_json = excluded.policy_json, note = excluded.note`
  )
  const remove = sqlite.prepare('DELETE FROM warranty_policies WHERE id = ?')
  for (const change of changes) {
    if (change.operation === 'delete') {
      remove.run(change.key)
      continue
    }
    const policy = change.row
    let modelId: string | null = null
    if (policy.brand && policy.model) {
      modelId = (findModel.get(policy.brand, policy.model) as string | undefined) ?? null
      if (modelId === null) {
        // A policy for a model the shop has not seen yet: the model comes with it, if its category is known.
        if (!policy.categoryKey) continue
        modelId = uuidv7(at.getTime())
        insertModel.run(modelId, policy.brand, policy.model, policy.categoryKey, nowIso)
      }
    } else if (!policy.categoryKey) {
      continue
    }
    upsert.run(
      policy.id,
      modelId === null ? policy.categoryKey : null,
      modelId,
      policy.effectiveFrom,
      JSON.stringify(policy.policy),
      policy.note,
      nowIso
    )
  }
}
