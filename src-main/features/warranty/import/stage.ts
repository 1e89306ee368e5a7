import type { AppContext } from '../../../app/context'
import type { StagedRow } from './validate'

/**
 * Writes one batch of checked rows to warranty_import_rows in its own short transaction. The
 * transaction goes through Kysely so it takes the connection's turn like every other call.
 */
export async function stageRows(app: AppContext, jobId: string, rows: StagedRow[]): Promise<void> {
  if (rows.length === 0) return
  const insert = app.sqlite.prepare(
    `INSERT INTO warranty_import_rows (job_id, line, serial, brand, model, category_key, card_number, purchase_date,
       invoice_number, dealer, production_date, buyer_name, buyer_phone, activation_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  await app.db.transaction().execute(async () => {
    for (const row of rows) {
      insert.run(
        jobId,
        row.line,
        row.serial,
        row.brand,
        row.model,
        row.categoryKey,
        row.cardNumber,
        row.purchaseDate,
        row.invoiceNumber,
        row.dealer,
        row.productionDate,
        row.buyerName,
        row.buyerPhone,
        row.activationDate
      )
    }
  })
}

/** Drops a job's staged rows (after cancel or failure); the registry is not touched. */
export async function dropStagedRows(app: AppContext, jobId: string): Promise<void> {
  await app.db.deleteFrom('warrantyImportRows').where('jobId', '=', jobId).execute()
}
