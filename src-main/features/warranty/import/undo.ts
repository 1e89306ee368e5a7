import type BetterSqlite3 from 'better-sqlite3'
import type { AppContext } from '../../../app/context'
import { nextTurn } from './pacing'
import { dropStagedRows, ensureStagingTable, STAGED_ROWS } from './staging'
import { importTransaction } from './transaction'

const PAGE = 5_000

const UNIT_VALUES = [
  'model_id',
  'card_number',
  'purchase_date',
  'invoice_number',
  'dealer',
  'production_date',
  'buyer_name',
  'buyer_phone',
  'activation_date',
  'updated_at'
] as const

/**
 * The steps that take an unfinished import back out of the registry, each a page at a time and
 * returning how many rows it touched (0 when the step is done), in this order:
 * - units the import changed get their kept values back;
 * - units it registered are removed (not one another unit was since exchanged from: that
 *   exchange is the counter's record and stays);
 * - catalogue models it added and nothing uses any more are removed;
 * - its staged rows are dropped, and its run forgotten.
 */
function revertSteps(sqlite: BetterSqlite3.Database, jobId: string): (() => number)[] {
  const restore = sqlite.prepare(
    `UPDATE warranty_units AS u SET ${UNIT_VALUES.map((column) => `${column} = d.${column}`).join(', ')}
     FROM (SELECT * FROM warranty_import_undo WHERE job_id = :jobId ORDER BY unit_id LIMIT ${PAGE}) d
     WHERE u.id = d.unit_id`
  )
  const forgetRestored = sqlite.prepare(
    `DELETE FROM warranty_import_undo WHERE job_id = :jobId AND unit_id IN
       (SELECT unit_id FROM warranty_import_undo WHERE job_id = :jobId ORDER BY unit_id LIMIT ${PAGE})`
  )
  const removeUnits = sqlite.prepare(
    `DELETE FROM warranty_units WHERE id IN
       (SELECT u.id FROM warranty_units u WHERE u.import_id = :jobId
          AND NOT EXISTS (SELECT 1 FROM warranty_units x WHERE x.exchanged_from_id = u.id) LIMIT ${PAGE})`
  )
  const addedModels = sqlite
    .prepare(
      `SELECT m.id FROM product_models m WHERE m.import_id = ?
         AND NOT EXISTS (SELECT 1 FROM warranty_units u WHERE u.model_id = m.id)`
    )
    .pluck()
  const removeModel = sqlite.prepare('DELETE FROM product_models WHERE id = ?')
  const forgetRun = sqlite.prepare('DELETE FROM warranty_import_runs WHERE job_id = :jobId')
  return [
    () => {
      restore.run({ jobId })
      return forgetRestored.run({ jobId }).changes
    },
    () => removeUnits.run({ jobId }).changes,
    () => {
      for (const modelId of addedModels.all(jobId) as string[]) {
        try {
          removeModel.run(modelId)
        } catch {
          // Since given a policy or a part at the counter: the model stays in the catalogue.
        }
      }
      return 0
    },
    () => dropStagedRows(sqlite, jobId),
    () => {
      forgetRun.run({ jobId })
      return 0
    }
  ]
}

/**
 * Takes a cancelled or failed import back out of the registry, by its import id, in short
 * transactions with turns for other calls between them, as it went in.
 */
export async function revertImport(app: AppContext, jobId: string): Promise<void> {
  const steps = await importTransaction(app, () => revertSteps(app.sqlite, jobId))
  for (const step of steps) {
    while ((await importTransaction(app, step)) > 0) await nextTurn()
  }
}

/**
 * At start-up (openApp): imports that were being applied when the app stopped (it quit or
 * crashed) are taken back out, in one go, before anyone works; staged rows and kept values left
 * by any other run mean nothing now.
 */
export function revertUnfinishedImports(sqlite: BetterSqlite3.Database): void {
  const unfinished = sqlite.prepare('SELECT job_id FROM warranty_import_runs').pluck().all() as string[]
  ensureStagingTable(sqlite)
  sqlite.transaction(() => {
    for (const jobId of unfinished) {
      for (const step of revertSteps(sqlite, jobId)) while (step() > 0);
    }
    sqlite.prepare(`DELETE FROM ${STAGED_ROWS}`).run()
    // Rows staged in the shop's file by a version that staged there.
    sqlite.prepare('DELETE FROM main.warranty_import_rows').run()
    sqlite.prepare('DELETE FROM warranty_import_undo').run()
  })()
}

/** Once an import is applied, the values it kept for a cancel go, a page at a time. */
export async function dropUndoRows(app: AppContext, jobId: string): Promise<void> {
  const drop = app.sqlite.prepare(
    `DELETE FROM warranty_import_undo WHERE job_id = :jobId AND unit_id IN
       (SELECT unit_id FROM warranty_import_undo WHERE job_id = :jobId LIMIT ${PAGE})`
  )
  while ((await importTransaction(app, () => drop.run({ jobId }).changes)) > 0) await nextTurn()
}
