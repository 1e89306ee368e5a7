import type { ImportField } from '../../../../src-shared/contract/warranty'
import type { CategoryKey } from '../../../../src-shared/domain/warranty/policy'
import type { AppContext } from '../../../app/context'
import { recordAudit } from '../../audit/record'
import { bulkIdMaker } from './bulkIds'
import { nextStepSize, nextTurn, type StepLimits } from './pacing'
import { STAGED_ROWS, stagingRun } from './staging'
import { importTransaction } from './transaction'
import { dropUndoRows } from './undo'

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
  /** Models the file brings that the catalogue lacked when it was checked ("brand\u0000model"). */
  newModels: Map<string, CategoryKey>
  /** Called after each page of rows, between which the event loop gets a turn. */
  onProgress: (appliedRows: number) => void
  /** Checked between pages: true stops the apply (the caller then undoes it by its import id). */
  cancelled: () => boolean
}

export class ImportCancelled extends Error {
  constructor() {
    super('import cancelled')
  }
}

/** Each page is one transaction on the one connection, sized as pacing.ts says. */
export const MAX_PAGE = 20_000
const PAGE_LIMITS: StepLimits = { first: 2_000, min: 250, max: MAX_PAGE }

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
const ALL_COLUMNS = OPTIONAL_COLUMNS.map(([column]) => column).join(', ')

/** The staged rows of one page joined to their catalogue model (created before the pages). */
const PAGE_ROWS = `${STAGED_ROWS} s JOIN product_models m ON m.brand = s.brand AND m.model = s.model`
const IN_PAGE = `s.run = :run AND s.line > :after AND s.line <= :upTo`

/**
 * The statements of a page, set-based. A registered serial is updated only where the file says
 * something new: a column the file did not map, or a cell it left empty, keeps what the registry
 * holds (a phone or an invoice date taken at the counter, say), so a dealer's gaps wipe nothing
 * and importing the same file again changes nothing. Before a unit is changed its values are
 * kept aside (warranty_import_undo), so a cancel can put them back.
 */
function pageStatements(app: AppContext, mappedFields: Set<ImportField>) {
  const { sqlite } = app
  const mapped = OPTIONAL_COLUMNS.filter(([, field]) => mappedFields.has(field)).map(([column]) => column)
  const differs = [
    'u.model_id <> m.id',
    ...mapped.map((column) => `(coalesce(s.${column}, '') <> '' AND s.${column} IS NOT u.${column})`)
  ].join(' OR ')
  return {
    /** The last line of the next page, and how many rows it holds. */
    nextPage: sqlite.prepare(
      `SELECT max(line) AS upTo, count(*) AS rows
       FROM (SELECT line FROM ${STAGED_ROWS} WHERE run = ? AND line > ? ORDER BY line LIMIT ?)`
    ),
    keepForUndo: sqlite.prepare(
      `INSERT INTO warranty_import_undo (job_id, unit_id, model_id, ${ALL_COLUMNS}, updated_at)
       SELECT :jobId, u.id, u.model_id, ${OPTIONAL_COLUMNS.map(([column]) => `u.${column}`).join(', ')}, u.updated_at
       FROM ${PAGE_ROWS} JOIN warranty_units u ON u.serial = s.serial
       WHERE ${IN_PAGE} AND (${differs})`
    ),
    update: sqlite.prepare(
      `UPDATE warranty_units AS u SET model_id = m.id,
         ${mapped.map((column) => `${column} = CASE WHEN coalesce(s.${column}, '') <> '' THEN s.${column} ELSE u.${column} END, `).join('')}
         updated_at = :now
       FROM ${PAGE_ROWS}
       WHERE ${IN_PAGE} AND u.serial = s.serial AND (${differs})`
    ),
    insert: sqlite.prepare(
      `INSERT INTO warranty_units (id, serial, model_id, ${ALL_COLUMNS},
         exchanged_from_id, exchanged_on, source, created_at, updated_at, import_id)
       SELECT s.unit_id, s.serial, m.id, ${OPTIONAL_COLUMNS.map(([column]) => `s.${column}`).join(', ')},
         NULL, NULL, 'import', :now, :now, :jobId
       FROM ${PAGE_ROWS}
       WHERE ${IN_PAGE} AND NOT EXISTS (SELECT 1 FROM warranty_units u WHERE u.serial = s.serial)
       ORDER BY s.line`
    ),
    dropPage: sqlite.prepare(`DELETE FROM ${STAGED_ROWS} WHERE run = :run AND line > :after AND line <= :upTo`)
  }
}

/**
 * Applies a job's staged rows to the registry in short transactions, a page of rows each:
 * missing catalogue models are created first, then per page the new serials are registered,
 * registered serials whose data differ updated and identical ones counted as unchanged, and the
 * page's staged rows dropped. Other calls are answered between pages. Whatever is written
 * carries the import's id, and the values it replaced are kept, so a cancel or a failure part
 * way is undone by revertImport. The last transaction writes the audit row and ends the run.
 */
export async function applyStagedRows(app: AppContext, options: ApplyOptions): Promise<ApplyCounts> {
  const { sqlite } = app
  const { jobId } = options
  const run = stagingRun(sqlite, jobId)
  const nowIso = options.now.toISOString()
  const newModelId = bulkIdMaker(options.now.getTime())
  const insertModel = sqlite.prepare(
    `INSERT INTO product_models (id, brand, model, category_key, created_at, import_id) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (brand, model) DO NOTHING`
  )

  await importTransaction(app, () => {
    sqlite.prepare('INSERT INTO warranty_import_runs (job_id, started_at) VALUES (?, ?)').run(jobId, nowIso)
    for (const [key, categoryKey] of options.newModels) {
      const [brand, model] = key.split('\u0000') as [string, string]
      insertModel.run(newModelId(), brand, model, categoryKey, nowIso, jobId)
    }
  })

  const statements = pageStatements(app, options.mappedFields)
  const counts: ApplyCounts = { imported: 0, updated: 0, unchanged: 0 }
  let after = 0
  let applied = 0
  let pageSize = PAGE_LIMITS.first
  for (;;) {
    if (options.cancelled()) throw new ImportCancelled()
    let started = 0
    const page = await importTransaction(app, () => {
      started = performance.now()
      const { upTo, rows } = statements.nextPage.get(run, after, pageSize) as { upTo: number | null; rows: number }
      if (upTo === null) return null
      const range = { jobId, run, after, upTo, now: nowIso }
      const imported = statements.insert.run(range).changes
      // The rows just registered hold the file's values, so the updates pass them by: a page of
      // new serials (a dealer's file, mostly) needs neither of the two joins with the registry.
      let updated = 0
      if (imported < rows) {
        statements.keepForUndo.run(range)
        updated = statements.update.run(range).changes
      }
      statements.dropPage.run(range)
      // Every staged row is either registered already (updated or unchanged) or new.
      return { upTo, rows, imported, updated, unchanged: rows - imported - updated }
    })
    if (page === null) break
    // The page's whole turn of the connection, its commit included.
    const ms = performance.now() - started
    counts.imported += page.imported
    counts.updated += page.updated
    counts.unchanged += page.unchanged
    after = page.upTo
    applied += page.rows
    pageSize = nextStepSize(pageSize, ms, PAGE_LIMITS)
    options.onProgress(applied)
    await nextTurn()
  }

  await app.db.transaction().execute(async (trx) => {
    sqlite.prepare('DELETE FROM warranty_import_runs WHERE job_id = ?').run(jobId)
    await recordAudit(trx, options.now, {
      actorId: options.actorId,
      action: 'warranty.import',
      entity: 'warranty_import',
      entityId: jobId,
      after: { fileName: options.fileName, ...counts, rejected: options.rejected }
    })
  })
  // Applied: the values kept for a cancel are no longer needed.
  await dropUndoRows(app, jobId)
  return counts
}
