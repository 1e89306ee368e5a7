import type { Db } from '../../db/connection'
import {
  AppError,
  type CurrentUser,
  type FieldIssue,
  type Invoice,
  type ParsedInput
} from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { creditLineRefundsFen, creditRefundFen, type Payer } from '../../../src-shared/domain/invoice'
import { recordSyncedChange } from '../sync/recordChange'
import { nextDocumentNumber } from '../numbering/service'
import { readShopTimeZone } from '../settings/service'
import { findInvoiceRow, loadInvoice } from './invoices'
import type { InvoiceLinesTable, InvoicesTable, PaymentsTable } from './tables'
import { checkoutStock, refuseRepeatingDroppedMoney } from './ports'
import { openWarrantyClaim } from './claims/open'
import { tieReEnteredPayments, type AlreadyCounted } from './reEntries'

type CreditNoteInput = ParsedInput<'checkout.creditNote'>

/** One amount taken off one line of the invoice, and the part of it the customer gets back. */
interface CreditedLine {
  original: InvoiceLinesTable
  amountFen: number
  refundFen: number
  handedBack: CreditNoteInput['lines'][number]['handedBack']
}

/** Everything one credit note writes, worked out before anything is written. */
interface Note {
  noteId: string
  number: string
  invoice: InvoicesTable
  lines: CreditedLine[]
  customerCredited: number
  brandCredited: number
  /** taken off what the shop bore: a cost undone, nothing handed to anyone */
  shopCredited: number
  /** what goes back to the customer: at most what they paid and have not had back */
  refundFen: number
}

/**
 * A credit note takes amounts off a paid invoice's lines; the invoice itself never changes. The
 * customer gets back what they paid for those amounts (never more than they paid in all), and
 * what the brand was to pay comes off the warranty claim.
 */
export async function issueCreditNote(db: Db, at: Date, actor: CurrentUser, input: CreditNoteInput): Promise<Invoice> {
  const timeZone = await readShopTimeZone(db)
  const noteId = uuidv7(at.getTime())
  await db.transaction().execute(async (trx) => {
    const invoice = await invoiceToCredit(trx, input.invoiceId)
    // Credit notes are a manager's (permissions.ts): whoever issues it may go on over a dropped refund.
    const dealtWith = await refuseRepeatingDroppedMoney(
      trx,
      at,
      { refundingInvoice: { invoiceId: invoice.id, workOrderId: invoice.workOrderId } },
      { checked: input.droppedMoneyChecked, managerId: actor.id, operation: 'checkout.creditNote' }
    )
    const earlierNoteIds = await creditNotesOf(trx, invoice.id)
    const lines = await linesToCredit(trx, invoice, earlierNoteIds, input)
    const customerCredited = creditedFen(lines, 'customer')
    const brandCredited = creditedFen(lines, 'brand')
    const shopCredited = creditedFen(lines, 'shop')
    const refundFen = creditRefundFen(
      lines.reduce((sum, line) => sum + line.refundFen, 0),
      invoice.customerLinesFen - invoice.discountFen,
      await refundedBefore(trx, earlierNoteIds)
    )
    const number = await nextDocumentNumber(trx, 'CN', at, timeZone)
    const note: Note = { noteId, number, invoice, lines, customerCredited, brandCredited, shopCredited, refundFen }
    await writeCreditNote(trx, at, actor, input, note)
    const refunds = refundFen > 0 ? [await writeRefund(trx, at, actor, input, note)] : []
    const alreadyCounted = await tieReEnteredPayments(trx, dealtWith, refunds)
    if (brandCredited > 0) await reduceBrandClaim(trx, at, actor, note)
    await takeBackHandedBackParts(trx, at, actor, input, note)
    await recordCreditNote(trx, at, actor, input, note, alreadyCounted)
  })
  return loadInvoice(db, noteId)
}

/** Only an invoice is credited: a credit note is never corrected by another. */
async function invoiceToCredit(trx: Db, invoiceId: string): Promise<InvoicesTable> {
  const invoice = await findInvoiceRow(trx, invoiceId)
  if (invoice.kind !== 'invoice') throw new AppError('CONFLICT', 'errors.creditNoteOfCreditNote')
  return invoice
}

async function creditNotesOf(trx: Db, invoiceId: string): Promise<string[]> {
  const notes = await trx.selectFrom('invoices').select(['id']).where('correctsInvoiceId', '=', invoiceId).execute()
  return notes.map((note) => note.id)
}

/** How much of each invoice line (by its id) the earlier credit notes took off already. */
async function creditedBefore(trx: Db, earlierNoteIds: string[]): Promise<Map<string, number>> {
  const earlierLines =
    earlierNoteIds.length === 0
      ? []
      : await trx
          .selectFrom('invoiceLines')
          .select(['sourceId', 'amountFen'])
          .where('invoiceId', 'in', earlierNoteIds)
          .execute()
  const credited = new Map<string, number>()
  // Credit note lines are negative and point at the invoice line they credit.
  for (const line of earlierLines)
    credited.set(line.sourceId ?? '', (credited.get(line.sourceId ?? '') ?? 0) - line.amountFen)
  return credited
}

/**
 * The lines asked for, each checked: it must be a line of this invoice, and no line may be
 * credited beyond what is left of it (counting the earlier notes and this note's other lines).
 * Each gives back its share of what was paid: a discounted invoice refunds the discounted price.
 */
async function linesToCredit(
  trx: Db,
  invoice: InvoicesTable,
  earlierNoteIds: string[],
  input: CreditNoteInput
): Promise<CreditedLine[]> {
  const lines = await trx
    .selectFrom('invoiceLines')
    .selectAll()
    .where('invoiceId', '=', invoice.id)
    .orderBy('position')
    .execute()
  const credited = await creditedBefore(trx, earlierNoteIds)
  const refunds = creditLineRefundsFen(lines, invoice.customerLinesFen - invoice.discountFen, credited, input.lines)
  const issues: FieldIssue[] = []
  const chosen: CreditedLine[] = []
  input.lines.forEach((wanted, index) => {
    const original = lines.find((line) => line.id === wanted.lineId)
    if (!original) {
      issues.push({ path: `lines.${index}.lineId`, messageKey: 'validation.notOnInvoice' })
      return
    }
    const before = credited.get(original.id) ?? 0
    const left = original.amountFen - before
    if (wanted.amountFen > left)
      issues.push({
        path: `lines.${index}.amountFen`,
        messageKey: 'validation.moreThanLeftToCredit',
        params: { max: left }
      })
    credited.set(original.id, before + wanted.amountFen)
    // Only a part issued to the job can be handed back.
    if (wanted.handedBack && (original.kind !== 'part' || !original.sourceId))
      issues.push({ path: `lines.${index}.handedBack`, messageKey: 'validation.notAPartLine' })
    chosen.push({
      original,
      amountFen: wanted.amountFen,
      refundFen: refunds[index] ?? 0,
      handedBack: wanted.handedBack
    })
  })
  if (issues.length > 0) throw new AppError('VALIDATION', 'errors.VALIDATION', { fields: issues })
  return chosen
}

function creditedFen(lines: CreditedLine[], payer: Payer): number {
  return lines.filter((line) => line.original.payer === payer).reduce((sum, line) => sum + line.amountFen, 0)
}

/** What the earlier credit notes handed back to the customer. */
async function refundedBefore(trx: Db, earlierNoteIds: string[]): Promise<number> {
  const refunded = await trx
    .selectFrom('payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amountFen'), eb.lit(0)).as('total'))
    .where('kind', '=', 'refund')
    .where('invoiceId', 'in', [...earlierNoteIds, ''])
    .executeTakeFirstOrThrow()
  // Refunds are negative payments: their sum is minus what went back before.
  return -Number(refunded.total)
}

/** The note itself: negative totals and one negative line per amount taken off. */
async function writeCreditNote(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  input: CreditNoteInput,
  note: Note
): Promise<void> {
  await trx
    .insertInto('invoices')
    .values({
      id: note.noteId,
      number: note.number,
      kind: 'credit_note',
      workOrderId: note.invoice.workOrderId,
      correctsInvoiceId: note.invoice.id,
      linesFen: -(note.customerCredited + note.brandCredited + note.shopCredited),
      brandFen: -note.brandCredited,
      shopFen: -note.shopCredited,
      customerLinesFen: -note.customerCredited,
      discountFen: 0,
      depositAppliedFen: 0,
      dueFen: -note.refundFen,
      depositReturnedFen: 0,
      discountReason: '',
      discountApprovedBy: null,
      reason: input.reason,
      issuedAt: at.toISOString(),
      cashierId: actor.id
    })
    .execute()
  await trx
    .insertInto('invoiceLines')
    .values(
      note.lines.map((line, position) => ({
        id: uuidv7(at.getTime()),
        invoiceId: note.noteId,
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
}

/** The money handed back, by the method the counter chose. */
async function writeRefund(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  input: CreditNoteInput,
  note: Note
): Promise<PaymentsTable> {
  const refund: PaymentsTable = {
    id: uuidv7(at.getTime()),
    kind: 'refund',
    method: input.refundMethod,
    amountFen: -note.refundFen,
    tenderedFen: 0,
    changeFen: 0,
    invoiceId: note.noteId,
    workOrderId: note.invoice.workOrderId,
    reason: input.reason,
    cashierId: actor.id,
    at: at.toISOString(),
    dayCloseId: null
  }
  await trx.insertInto('payments').values(refund).execute()
  return refund
}

/** Parts the customer handed back, through the parts ledger, referenced by the note's number. */
async function takeBackHandedBackParts(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  input: CreditNoteInput,
  note: Note
): Promise<void> {
  for (const [index, line] of note.lines.entries()) {
    if (!line.handedBack || !line.original.sourceId) continue
    await checkoutStock().takeBackBilledPart(trx, at, actor.id, line.original.sourceId, {
      ...line.handedBack,
      reference: note.number,
      reason: input.reason,
      fieldPath: `lines.${index}.handedBack.quantity`
    })
  }
}

/** What the brand no longer pays: a negative warranty claim against the note. */
async function reduceBrandClaim(trx: Db, at: Date, actor: CurrentUser, note: Note): Promise<void> {
  const lines = note.lines
    .filter((line) => line.original.payer === 'brand')
    // Each line says what it credits (labour, part, charge) as on the claim it reduces: HQ reads
    // a claim's lines by kind, and part lines carry their part number (see claims/evidence.ts).
    .map((line) => ({
      kind: line.original.kind,
      sourceId: line.original.sourceId,
      description: line.original.description,
      amountFen: -line.amountFen
    }))
  await openWarrantyClaim(
    trx,
    at,
    actor.id,
    { workOrderId: note.invoice.workOrderId, invoiceId: note.noteId, amountFen: -note.brandCredited, lines },
    {
      workOrderId: note.invoice.workOrderId,
      creditNoteNumber: note.number,
      corrects: note.invoice.number,
      amountFen: -note.brandCredited,
      lines
    }
  )
}

/** The synced change; a refund re-entered after a restore says what a kept day close already counted. */
async function recordCreditNote(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  input: CreditNoteInput,
  note: Note,
  alreadyCounted: AlreadyCounted[]
): Promise<void> {
  await recordSyncedChange(trx, at, {
    actorId: actor.id,
    action: 'checkout.creditNote',
    entity: 'invoice',
    entityId: note.noteId,
    after: {
      number: note.number,
      corrects: note.invoice.number,
      reason: input.reason,
      customerCredited: note.customerCredited,
      brandCredited: note.brandCredited,
      shopCredited: note.shopCredited,
      refundFen: note.refundFen,
      refundMethod: input.refundMethod,
      handedBack: note.lines
        .filter((line) => line.handedBack)
        .map((line) => ({ lineId: line.original.id, description: line.original.description, ...line.handedBack })),
      ...(alreadyCounted.length > 0 ? { alreadyCounted } : {})
    }
  })
}
