import type BetterSqlite3 from 'better-sqlite3'
import type { AppContext } from '../../../app/context'
import { STAGED_ROWS, stagingRun } from './staging'
import { importTransaction } from './transaction'
import type { StagedRow } from './validate'

/**
 * Writes batches of checked rows to the staging table each in its own short transaction, each
 * with the id its unit will get if it is new.
 */
export function createStager(
  app: AppContext,
  jobId: string,
  newUnitId: () => string
): (rows: StagedRow[]) => Promise<void> {
  let insert: BetterSqlite3.Statement | undefined
  const run = stagingRun(app.sqlite, jobId)
  return (rows) =>
    importTransaction(app, () => {
      insert ??= app.sqlite.prepare(
        `INSERT INTO ${STAGED_ROWS} (run, line, unit_id, serial, brand, model, category_key, card_number,
           purchase_date, invoice_number, dealer, production_date, buyer_name, buyer_phone, activation_date)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      for (const row of rows) {
        insert.run(
          run,
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
