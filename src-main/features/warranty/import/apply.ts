import type { ImportField } from '../../../../src-shared/contract/warranty'
import type { AppContext } from '../../../app/context'
import { recordAudit } from '../../audit/record'
import { bulkIdMaker } from './bulkIds'
import { modelKey } from './validate'

export interface ApplyCounts {
  imported: number
  updated: number
  unchanged: number
}

export interface ApplyOptions {
  jobId: string
  fileName: string
  actorId: string | null
  now: Date
  rejected: number
  mappedFields: Set<ImportField>
  /** Called after each page of rows, between which the event loop gets a turn. */
  onProgress: (appliedRows: number) => void
  /** Checked between pages: true rolls the whole apply back. */
  cancelled: () => boolean
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled')
  }
}

/** Small pages keep the main process answering (a page is a few tens of milliseconds). */
const PAGE = 2_000

/** Unit columns an import may fill, with the import field each comes from. */
const OPTIONAL_COLUMNS = [
  ['card_number', 'cardNumber'],
  ['purchase_date', 'purchaseDate'],
  ['invoice_number', 'invoiceNumber'],
  ['dealer', 'dealer'],
  ['production_date', 'productionDate'],
  ['buyer_name', 'buyerName'],
  ['buyer_phone', 'buyerPhone'],
  ['activation_date', 'activationDate']
] as const

type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number][0]

type StagedDbRow = { line: number; serial: string; brand: string; model: string; category_key: string } & Record<
  OptionalColumn,
  string | null
>
type UnitDbRow = { id: string; model_id: string } & Record<OptionalColumn, string | null>

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Applies a job's staged rows to the registry in ONE transaction: missing catalogue models are
 * created, new serials registered, registered serials whose data differ updated, identical ones
 * counted as unchanged (so importing the same file again changes nothing); then the staged rows
 * are dropped and one audit row written. Any error, or a cancel, rolls all of it back.
 */
export async function applyStagedRows(app: AppContext, options: ApplyOptions): Promise<ApplyCounts> {
  const { sqlite } = app
  const nowIso = options.now.toISOString()
  const newId = bulkIdMaker(options.now.getTime())
  const page = sqlite.prepare(
    `SELECT line, serial, brand, model, category_key, ${OPTIONAL_COLUMNS.map(([column]) => column).join(', ')}
     FROM warranty_import_rows WHERE job_id = ? AND line > ? ORDER BY line LIMIT ${PAGE}`
  )
  const findUnit = sqlite.prepare(
    `SELECT id, model_id, ${OPTIONAL_COLUMNS.map(([column]) => column).join(', ')} FROM warranty_units WHERE serial = ?`
  )
  const insertUnit = sqlite.prepare(
    `INSERT INTO warranty_units (id, serial, model_id, ${OPTIONAL_COLUMNS.map(([column]) => column).join(', ')},
       exchanged_from_id, exchanged_on, source, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 'import', ?, ?)`
  )
  const updateUnit = sqlite.prepare(
    `UPDATE warranty_units SET model_id = ?, ${OPTIONAL_COLUMNS.map(([column]) => `${column} = ?`).join(', ')}, updated_at = ?
     WHERE id = ?`
  )
  const insertModel = sqlite.prepare(
    'INSERT INTO product_models (id, brand, model, category_key, created_at) VALUES (?, ?, ?, ?, ?)'
  )
  const dropStaged = sqlite.prepare('DELETE FROM warranty_import_rows WHERE job_id = ?')
  const mapped = OPTIONAL_COLUMNS.map(([, field]) => options.mappedFields.has(field))

  return app.db.transaction().execute(async (trx) => {
    const models = new Map<string, string>()
    for (const model of sqlite.prepare('SELECT id, brand, model FROM product_models').all() as {
      id: string
      brand: string
      model: string
    }[]) {
      models.set(modelKey(model.brand, model.model), model.id)
    }
    const counts: ApplyCounts = { imported: 0, updated: 0, unchanged: 0 }
    let lastLine = 0
    let applied = 0
    for (;;) {
      const rows = page.all(options.jobId, lastLine) as StagedDbRow[]
      if (rows.length === 0) break
      for (const row of rows) {
        const key = modelKey(row.brand, row.model)
        let modelId = models.get(key)
        if (modelId === undefined) {
          modelId = newId()
          insertModel.run(modelId, row.brand, row.model, row.category_key, nowIso)
          models.set(key, modelId)
        }
        const values = OPTIONAL_COLUMNS.map(([column]) => row[column])
        const unit = findUnit.get(row.serial) as UnitDbRow | undefined
        if (unit === undefined) {
          insertUnit.run(newId(), row.serial, modelId, ...values, nowIso, nowIso)
          counts.imported++
          continue
        }
        // A column the file did not map, or a cell it left empty, keeps what the registry holds
        // (a phone or an invoice date taken at the counter, say): a dealer's gaps wipe nothing.
        let same = unit.model_id === modelId
        for (let i = 0; i < OPTIONAL_COLUMNS.length; i++) {
          const empty = values[i] === null || values[i] === ''
          if (!mapped[i] || empty) values[i] = unit[OPTIONAL_COLUMNS[i]![0]]
          else if (values[i] !== unit[OPTIONAL_COLUMNS[i]![0]]) same = false
        }
        if (same) {
          counts.unchanged++
        } else {
          updateUnit.run(modelId, ...values, nowIso, unit.id)
          counts.updated++
        }
      }
      lastLine = rows[rows.length - 1]!.line
      applied += rows.length
      options.onProgress(applied)
      await nextTurn()
      if (options.cancelled()) throw new ImportCancelled()
    }
    dropStaged.run(options.jobId)
    await recordAudit(trx, options.now, {
      actorId: options.actorId,
      action: 'warranty.import',
      entity: 'warranty_import',
      entityId: options.jobId,
      after: { fileName: options.fileName, ...counts, rejected: options.rejected }
    })
    return counts
  })
}
