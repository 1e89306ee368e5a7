import type { Db } from '../../db/connection'
import type { DroppedMoneyEntry } from '../../../src-shared/contract/backups'
import type { PaymentMethod } from '../../../src-shared/domain/invoice'
import { alreadyCountedShares, type CountedDroppedMoney } from '../../../src-shared/domain/reEnteredMoney'

/** What a re-entry tells its audit row and HQ: which dropped money it re-enters, and who counted it. */
export interface AlreadyCounted {
  droppedRecordId: string
  droppedDocumentNumber: string
  dayCloseNumber: string
  method: PaymentMethod
  countedFen: number
}

/**
 * A charge or refund the counter went on with over a restore's dropped records (the dealt-with
 * records its guard answered): the part of the payments just written that re-enters money a kept
 * day close already counted is tied to that record and close, in the step's transaction, so the
 * next close does not expect that cash in the drawer again. Dropped money no close counted is
 * left alone: re-entered, it is today's money.
 */
export async function tieReEnteredPayments(
  trx: Db,
  dealtWith: readonly DroppedMoneyEntry[],
  payments: readonly { id: string; amountFen: number; method: PaymentMethod }[]
): Promise<AlreadyCounted[]> {
  const countedByClose = dealtWith.filter((entry) => entry.dayCloseNumber !== null && entry.method !== null)
  if (countedByClose.length === 0 || payments.length === 0) return []
  const closes = await trx
    .selectFrom('dayCloses')
    .select(['id', 'number'])
    .where(
      'number',
      'in',
      countedByClose.map((entry) => entry.dayCloseNumber!)
    )
    .execute()
  const closeOf = new Map(closes.map((close) => [close.number, close.id]))
  const kept = countedByClose.filter((entry) => closeOf.has(entry.dayCloseNumber!))
  const counted: CountedDroppedMoney[] = kept.map((entry) => ({
    droppedId: entry.id,
    amountFen: entry.amountFen,
    method: entry.method!
  }))
  const shares = alreadyCountedShares(
    counted,
    payments.map((payment) => ({ paymentId: payment.id, amountFen: payment.amountFen, method: payment.method }))
  )
  if (shares.length === 0) return []
  const entryOf = new Map(kept.map((entry) => [entry.id, entry]))
  const methodOf = new Map(payments.map((payment) => [payment.id, payment.method]))
  await trx
    .insertInto('paymentReEntries')
    .values(
      shares.map((share) => {
        const entry = entryOf.get(share.droppedId)!
        return {
          paymentId: share.paymentId,
          droppedMoneyId: share.droppedId,
          dayCloseId: closeOf.get(entry.dayCloseNumber!)!,
          droppedDocumentNumber: entry.documentNumber,
          countedFen: share.countedFen
        }
      })
    )
    .execute()
  return shares.map((share) => {
    const entry = entryOf.get(share.droppedId)!
    return {
      droppedRecordId: entry.recordId,
      droppedDocumentNumber: entry.documentNumber,
      dayCloseNumber: entry.dayCloseNumber!,
      method: methodOf.get(share.paymentId)!,
      countedFen: share.countedFen
    }
  })
}
