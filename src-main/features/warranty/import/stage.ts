import type { AppContext } from '../../../app/context'
import { importTransaction } from './transaction'
import type { StagedRow } from './validate'

/**
 * Writes one batch of checked rows to warranty_import_rows in its own short transaction, each
 * with the id its unit will get if it is new.
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
  await importTransaction(app, () => {
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
