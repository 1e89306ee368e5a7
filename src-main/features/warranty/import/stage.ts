import type { AppContext } from '../../../app/context'
import { importTransaction } from './transaction'
import type { StagedRow } from './validate'

/**
 * Writes batches of checked rows to warranty_import_rows each in its own short transaction, each
 * with the id its unit will get if it is new.
 */
export function createStager(
  app: AppContext,
  jobId: string,
  newUnitId: () => string
): (rows: StagedRow[]) => Promise<void> {
  const insert = app.sqlite.prepare(
    `INSERT INTO warranty_import_rows (job_id, line, unit_id, serial, brand, model, category_key, card_number,
       purchase_date, invoice_number, dealer, production_date, buyer_name, buyer_phone, activation_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  return (rows) =>
    importTransaction(app, () => {
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
