import type { AppContext } from '../../../app/context'
import type { StagedRow } from './validate'

/**
 * Writes one batch of checked rows to warranty_import_rows in its own short transaction, each
 * with the id its unit will get if it is new. The transaction goes through Kysely so it takes
 * the connection's turn like every other call.
 */
export async function stageRows(
  app: AppContext,
  jobId: string,
  rows: StagedRow[],
  newUnitId: () => string
): Promise<void> {
  if (rows.length === 0) return
  const insert = app.sqlite.prepare(
    `INSERT INTO warranty_import_rows (job_id, line, unit_id, serial, brand, model, category_key, card_number,
       purchase_date, invoice_number, dealer, production_date, buyer_name, buyer_phone, activation_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  await app.db.transaction().execute(async () => {
    for (const row of rows) {
      insert.run(
        jobId,
        row.line,
        newUnitId(),
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
