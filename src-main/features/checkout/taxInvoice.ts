import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type Invoice, type ParsedInput } from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { recordAudit } from '../audit/record'
import { findInvoiceRow, loadInvoice } from './invoices'

/**
 * Records the number of a tax invoice (发票) the shop issued elsewhere for a payment receipt. The
 * receipt itself never changes; the number is its own row, and a newer one corrects an older.
 */
export async function recordTaxInvoiceNumber(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'checkout.recordTaxInvoice'>
): Promise<Invoice> {
  await db.transaction().execute(async (trx) => {
    const receipt = await findInvoiceRow(trx, input.invoiceId)
    if (receipt.kind !== 'invoice') throw new AppError('CONFLICT', 'errors.taxInvoiceOnReceiptOnly')
    const previous = await trx
      .selectFrom('taxInvoiceNumbers')
      .select('taxInvoiceNumber')
      .where('invoiceId', '=', receipt.id)
      .orderBy('recordedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
    await trx
      .insertInto('taxInvoiceNumbers')
      .values({
        id: uuidv7(at.getTime()),
        invoiceId: receipt.id,
        taxInvoiceNumber: input.taxInvoiceNumber,
        recordedBy: actor.id,
        recordedAt: at.toISOString()
      })
      .execute()
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'checkout.recordTaxInvoice',
      entity: 'invoice',
      entityId: receipt.id,
      before: { taxInvoiceNumber: previous?.taxInvoiceNumber ?? null },
      after: { taxInvoiceNumber: input.taxInvoiceNumber }
    })
  })
  return loadInvoice(db, input.invoiceId)
}
