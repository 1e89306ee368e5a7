import type { Db } from '../../db/connection'
import {
  AppError,
  type CurrentUser,
  type FieldIssue,
  type Invoice,
  type ParsedInput
} from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { creditRefundFen } from '../../../src-shared/domain/invoice'
import { recordSyncedChange } from '../sync/recordChange'
import { nextDocumentNumber } from '../numbering/service'
import { readShopTimeZone } from '../settings/service'
import { findInvoiceRow, loadInvoice } from './invoices'

/**
 * A credit note takes amounts off a paid invoice's lines; the invoice itself never changes. The
 * customer gets back what they paid for those amounts (never more than they paid in all), and
 * what the brand was to pay comes off the warranty claim.
 */
export async function issueCreditNote(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'checkout.creditNote'>
): Promise<Invoice> {
  const timeZone = await readShopTimeZone(db)
  const noteId = uuidv7(at.getTime())
  await db.transaction().execute(async (trx) => {
    const invoice = await findInvoiceRow(trx, input.invoiceId)
    if (invoice.kind !== 'invoice') throw new AppError('CONFLICT', 'errors.creditNoteOfCreditNote')
    const lines = await trx.selectFrom('invoiceLines').selectAll().where('invoiceId', '=', invoice.id).execute()
    const earlierNotes = await trx
      .selectFrom('invoices')
      .select(['id'])
      .where('correctsInvoiceId', '=', invoice.id)
      .execute()
    const earlierLines =
      earlierNotes.length === 0
        ? []
        : await trx
            .selectFrom('invoiceLines')
            .select(['sourceId', 'amountFen'])
            .where(
              'invoiceId',
              'in',
              earlierNotes.map((note) => note.id)
            )
            .execute()
    const credited = new Map<string, number>()
    for (const line of earlierLines)
      credited.set(line.sourceId ?? '', (credited.get(line.sourceId ?? '') ?? 0) - line.amountFen)

    const issues: FieldIssue[] = []
    const noteLines = input.lines.map((wanted, index) => {
      const original = lines.find((line) => line.id === wanted.lineId)
      if (!original) {
        issues.push({ path: `lines.${index}.lineId`, messageKey: 'validation.notOnInvoice' })
        return null
      }
      const left = original.amountFen - (credited.get(original.id) ?? 0)
      if (wanted.amountFen > left)
        issues.push({
          path: `lines.${index}.amountFen`,
          messageKey: 'validation.moreThanLeftToCredit',
          params: { max: left }
        })
      credited.set(original.id, (credited.get(original.id) ?? 0) + wanted.amountFen)
      return { original, amountFen: wanted.amountFen }
    })
    if (issues.length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', { fields: issues })

    const chosen = noteLines.filter((line): line is NonNullable<typeof line> => line !== null)
    const customerCredited = chosen
      .filter((line) => line.original.payer === 'customer')
      .reduce((sum, line) => sum + line.amountFen, 0)
    const brandCredited = chosen
      .filter((line) => line.original.payer === 'brand')
      .reduce((sum, line) => sum + line.amountFen, 0)
    const refundedBefore = await trx
      .selectFrom('payments')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amountFen'), eb.lit(0)).as('total'))
      .where('kind', '=', 'refund')
      .where('invoiceId', 'in', [...earlierNotes.map((note) => note.id), ''])
      .executeTakeFirstOrThrow()
    // Refunds are negative payments: their sum is minus what went back before.
    const refundFen = creditRefundFen(
      customerCredited,
      invoice.customerLinesFen - invoice.discountFen,
      -Number(refundedBefore.total)
    )

    const nowIso = at.toISOString()
    const number = await nextDocumentNumber(trx, 'CN', at, timeZone)
    await trx
      .insertInto('invoices')
      .values({
        id: noteId,
        number,
        kind: 'credit_note',
        workOrderId: invoice.workOrderId,
        correctsInvoiceId: invoice.id,
        linesFen: -(customerCredited + brandCredited),
        brandFen: -brandCredited,
        customerLinesFen: -customerCredited,
        discountFen: 0,
        depositAppliedFen: 0,
        dueFen: -refundFen,
        depositReturnedFen: 0,
        discountReason: '',
        discountApprovedBy: null,
        reason: input.reason,
        issuedAt: nowIso,
        cashierId: actor.id
      })
      .execute()
    await trx
      .insertInto('invoiceLines')
      .values(
        chosen.map((line, position) => ({
          id: uuidv7(at.getTime()),
          invoiceId: noteId,
          position,
          kind: line.original.kind,
          sourceId: line.original.id,
          description: line.original.description,
          quantity: 1,
          unitPriceFen: -line.amountFen,
          amountFen: -line.amountFen,
          payer: line.original.payer
        }))
      )
      .execute()
    if (refundFen > 0) {
      await trx
        .insertInto('payments')
        .values({
          id: uuidv7(at.getTime()),
          kind: 'refund',
          method: input.refundMethod,
          amountFen: -refundFen,
          tenderedFen: 0,
          changeFen: 0,
          invoiceId: noteId,
          workOrderId: invoice.workOrderId,
          reason: input.reason,
          cashierId: actor.id,
          at: nowIso,
          dayCloseId: null
        })
        .execute()
    }
    if (brandCredited > 0) {
      const claimId = uuidv7(at.getTime())
      const claimLines = chosen
        .filter((line) => line.original.payer === 'brand')
        .map((line) => ({ description: line.original.description, amountFen: -line.amountFen }))
      await trx
        .insertInto('warrantyClaims')
        .values({
          id: claimId,
          workOrderId: invoice.workOrderId,
          invoiceId: noteId,
          amountFen: -brandCredited,
          linesJson: JSON.stringify(claimLines),
          status: 'open',
          createdAt: nowIso
        })
        .execute()
      await recordSyncedChange(trx, at, {
        actorId: actor.id,
        action: 'checkout.warrantyClaim',
        entity: 'warranty_claim',
        entityId: claimId,
        after: {
          workOrderId: invoice.workOrderId,
          creditNoteNumber: number,
          corrects: invoice.number,
          amountFen: -brandCredited,
          lines: claimLines
        }
      })
    }
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: 'checkout.creditNote',
      entity: 'invoice',
      entityId: noteId,
      after: {
        number,
        corrects: invoice.number,
        reason: input.reason,
        customerCredited,
        brandCredited,
        refundFen,
        refundMethod: input.refundMethod
      }
    })
  })
  return loadInvoice(db, noteId)
}
