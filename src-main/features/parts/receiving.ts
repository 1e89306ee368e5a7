import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import {
  AppError,
  type CurrentUser,
  type ErrorKey,
  type ParsedInput,
  type WaitingRequest
} from '../../../src-shared/contract'
import { escapeLike } from '../../db/like'
import { formatShopDateTime } from '../../../src-shared/domain/timeZone'
import { recordAudit } from '../audit/record'
import { readShopTimeZone } from '../settings/service'
import { postMovement } from './ledger'
import { isSerialOnHand, refuseSerialOutOnJob } from './serials'

type ReceiptLine = ParsedInput<'parts.receive'>['lines'][number]

function refuseSerials(index: number, messageKey: ErrorKey): never {
  throw new AppError('VALIDATION', 'errors.VALIDATION', {
    fields: [{ path: `lines.${index}.serials`, messageKey }]
  })
}

/**
 * The serials of each line, checked before anything is written: a serial-tracked part names one
 * serial per unit, each once in the delivery and none already on the shelf or out on a job; any
 * other part none.
 */
async function checkSerials(trx: Db, lines: ReceiptLine[]): Promise<void> {
  const seen = new Set<string>()
  for (const [index, line] of lines.entries()) {
    const part = await trx.selectFrom('parts').select('serialTracked').where('id', '=', line.partId).executeTakeFirst()
    // An unknown part is refused by the ledger, as before.
    if (!part) continue
    if (part.serialTracked !== 1) {
      if (line.serials.length > 0) refuseSerials(index, 'validation.partNotSerialTracked')
      continue
    }
    if (line.serials.length !== line.quantity || line.serials.some((serial) => serial === null))
      refuseSerials(index, 'validation.serialsPerUnit')
    for (const serial of line.serials as string[]) {
      const key = `${line.partId} ${serial}`
      if (seen.has(key)) refuseSerials(index, 'validation.serialsRepeated')
      seen.add(key)
      if (await isSerialOnHand(trx, line.partId, serial))
        throw new AppError('CONFLICT', 'errors.serialAlreadyOnHand', { serial })
      // A unit out on a job (on the bench, or scanned from it by mistake) is not new stock: once
      // the job returned it the shelf would hold the one serial twice.
      await refuseSerialOutOnJob(trx, line.partId, serial)
    }
  }
}

/**
 * How far back a delivery note is taken to be the same delivery. Suppliers' note numbers start
 * again each month or year, and some shops type one word (补货) for every delivery: a note seen
 * months ago is another delivery.
 */
export const SAME_DELIVERY_DAYS = 60

/** The reference a receipt's ledger lines carry: the supplier, when given, before the note. */
function deliveryReference(supplier: string, note: string): string {
  return supplier === '' ? note : `${supplier} ${note}`
}

/**
 * A delivery is received once. The same delivery note scanned again, or received at two desks,
 * would count its units twice: a receipt is refused when one of its parts came in under the same
 * delivery within SAME_DELIVERY_DAYS, and the refusal names that first receipt. The note number
 * identifies the delivery (Latin letters in either case); the supplier only tells two deliveries
 * apart when both receipts name one and they differ, since two suppliers may number their notes
 * alike. A supplier typed on one receipt and left blank on the other is the same delivery: the
 * clerk who left it blank did not say it came from someone else. Two clerks sharing out one
 * delivery's boxes receive other parts under the one note, which stays allowed; so does another
 * delivery of the part under its own note.
 */
async function refuseReceivedBefore(
  trx: Db,
  at: Date,
  delivery: { supplier: string; note: string },
  lines: ReceiptLine[]
): Promise<void> {
  const partIds = [...new Set(lines.map((line) => line.partId))]
  const since = new Date(at.getTime() - SAME_DELIVERY_DAYS * 86_400_000).toISOString()
  // Receipts from before the ledger kept the two apart come first in the ledger, so the first
  // receipt of the delivery is one of them when there is one.
  const first =
    (await receiptWithJoinedReference(trx, delivery, partIds, since)) ??
    (await receiptOfDelivery(trx, delivery, partIds, since))
  if (!first) return
  const details = {
    reference: first.reference,
    partNumber: first.partNumber,
    receivedAt: formatShopDateTime(first.at, await readShopTimeZone(trx)),
    receivedBy: first.displayName ?? ''
  }
  throw new AppError('CONFLICT', 'errors.deliveryAlreadyReceived', {
    ...details,
    fields: [{ path: 'delivery', messageKey: 'errors.deliveryAlreadyReceived', params: details }]
  })
}

/** The earliest receipt of any of these parts since then, with who received it; narrowed by the caller. */
const firstReceipt = (trx: Db, partIds: string[], since: string) =>
  trx
    .selectFrom('stockMovements as m')
    .innerJoin('parts as p', 'p.id', 'm.partId')
    .leftJoin('users as u', 'u.id', 'm.actorId')
    .select(['m.at', 'm.reference', 'p.partNumber', 'u.displayName'])
    .where('m.kind', '=', 'receive')
    .where('m.partId', 'in', partIds)
    .where('m.at', '>=', since)
    .orderBy('m.seq')
    .limit(1)

/** A receipt of the delivery that kept its supplier and note apart: the two compared as values. */
function receiptOfDelivery(trx: Db, delivery: { supplier: string; note: string }, partIds: string[], since: string) {
  const { supplier, note } = delivery
  let query = firstReceipt(trx, partIds, since).where(sql<boolean>`m.delivery_note = ${note} COLLATE NOCASE`)
  if (supplier !== '')
    query = query.where(sql<boolean>`(m.delivery_supplier = '' OR m.delivery_supplier = ${supplier} COLLATE NOCASE)`)
  return query.executeTakeFirst()
}

/**
 * A receipt of the delivery from before supplier and note were kept apart, found by the reference
 * that joins them (see deliveryReference): a receipt without a supplier stored the bare note, one
 * with a supplier "supplier note". Without a supplier now, a reference ending in " note" is taken
 * for the same delivery from a named supplier.
 */
function receiptWithJoinedReference(
  trx: Db,
  delivery: { supplier: string; note: string },
  partIds: string[],
  since: string
) {
  const { supplier, note } = delivery
  const sameDelivery =
    supplier === ''
      ? sql<boolean>`(m.reference = ${note} COLLATE NOCASE OR m.reference LIKE ${'% ' + escapeLike(note)} ESCAPE '\\')`
      : sql<boolean>`(m.reference = ${note} COLLATE NOCASE OR m.reference = ${deliveryReference(supplier, note)} COLLATE NOCASE)`
  return firstReceipt(trx, partIds, since).where('m.deliveryNote', 'is', null).where(sameDelivery).executeTakeFirst()
}

/**
 * A delivery: all its lines enter the ledger together or not at all. A serial-tracked part enters
 * one ledger line per serial, which is how the shop knows later which serials are on the shelf.
 */
export async function receiveDelivery(db: Db, at: Date, actor: CurrentUser, input: ParsedInput<'parts.receive'>) {
  const reference = deliveryReference(input.supplier, input.reference)
  return db.transaction().execute(async (trx) => {
    await refuseReceivedBefore(trx, at, { supplier: input.supplier, note: input.reference }, input.lines)
    await checkSerials(trx, input.lines)
    let quantity = 0
    let valueFen = 0
    for (const line of input.lines) {
      const units =
        line.serials.length > 0
          ? line.serials.map((serial) => ({ quantity: 1, serial }))
          : [{ quantity: line.quantity, serial: null }]
      for (const unit of units) {
        const moved = await postMovement(trx, at, actor.id, {
          partId: line.partId,
          kind: 'receive',
          quantity: unit.quantity,
          unitCostFen: line.unitCostFen,
          serial: unit.serial,
          reference,
          delivery: { supplier: input.supplier, note: input.reference }
        })
        quantity += moved.quantity
        valueFen += moved.valueFen
      }
    }
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'parts.receive',
      entity: 'delivery',
      entityId: null,
      after: { ...input, quantity, valueFen }
    })
    const waiting = await requestsWaitingFor(trx, [...new Set(input.lines.map((line) => line.partId))])
    return { reference: input.reference, lines: input.lines.length, quantity, valueFen, waiting }
  })
}

/** How many waiting requests a receipt names: more than a screen shows are in the 发料 queue. */
const WAITING_SHOWN = 50

/** The open requests on jobs for the parts just received, oldest first: whom to issue to now. */
function requestsWaitingFor(trx: Db, partIds: string[]): Promise<WaitingRequest[]> {
  return trx
    .selectFrom('workOrderPartRequests as r')
    .innerJoin('workOrders as w', 'w.id', 'r.workOrderId')
    .innerJoin('parts as p', 'p.id', 'r.partId')
    .select(['r.workOrderId', 'w.number as workOrderNumber', 'p.partNumber', 'r.quantity'])
    .where('r.status', '=', 'open')
    .where('r.partId', 'in', partIds)
    .orderBy('r.requestedAt')
    .limit(WAITING_SHOWN)
    .execute()
}
