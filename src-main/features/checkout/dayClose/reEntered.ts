import type { Db } from '../../../db/connection'
import type { ReEnteredPayment } from '../../../../src-shared/contract/checkout/dayClose'

/**
 * The payments no close has counted yet that re-enter, after a restore, money a kept close
 * counted already (checkout/reEntries.ts): one line per dropped record re-entered, with that close.
 */
export async function openReEnteredPayments(db: Db): Promise<ReEnteredPayment[]> {
  const lines = await db
    .selectFrom('paymentReEntries as r')
    .innerJoin('payments as pay', 'pay.id', 'r.paymentId')
    .innerJoin('dayCloses as d', 'd.id', 'r.dayCloseId')
    .select([
      'pay.id as paymentId',
      'pay.at',
      'pay.kind',
      'pay.method',
      'pay.amountFen',
      'r.countedFen as alreadyCountedFen',
      'r.droppedDocumentNumber',
      'd.number as dayCloseNumber',
      'd.closedAt as dayClosedAt'
    ])
    .where('pay.dayCloseId', 'is', null)
    .orderBy('pay.at')
    .orderBy('pay.id')
    .orderBy('d.closedAt')
    .execute()
  return withTheirPayments(lines)
}

/**
 * Each line with its payment's own figures on the payment's first line: what this close counts of
 * it (its amount less every share kept closes counted), so a payment re-entering two dropped
 * records reads once, not twice. Reports closed before these figures were kept get them too.
 */
export function withTheirPayments(
  lines: readonly Omit<ReEnteredPayment, 'countedHereFen' | 'firstOfItsPayment'>[]
): ReEnteredPayment[] {
  const countedBefore = countedByKeptCloses(lines)
  const seen = new Set<string>()
  return lines.map((line) => {
    const first = !seen.has(line.paymentId)
    seen.add(line.paymentId)
    return {
      ...line,
      countedHereFen: first ? line.amountFen - (countedBefore.get(line.paymentId) ?? 0) : 0,
      firstOfItsPayment: first
    }
  })
}

/**
 * The payments as this close counts them: a re-entered one for what the kept close did not count
 * already (re-entered 300 for a dropped 280: 20), and one it counted whole not at all.
 */
export function countedHere<Row extends { id: string; amountFen: number }>(
  payments: readonly Row[],
  reEntered: readonly ReEnteredPayment[]
): Row[] {
  const countedBefore = countedByKeptCloses(reEntered)
  return payments
    .map((payment) => ({ ...payment, amountFen: payment.amountFen - (countedBefore.get(payment.id) ?? 0) }))
    .filter((payment) => !(countedBefore.has(payment.id) && payment.amountFen === 0))
}

/** What kept closes counted already of each re-entered payment (its lines' shares added up), by payment. */
function countedByKeptCloses(lines: readonly Pick<ReEnteredPayment, 'paymentId' | 'alreadyCountedFen'>[]) {
  const counted = new Map<string, number>()
  for (const line of lines) counted.set(line.paymentId, (counted.get(line.paymentId) ?? 0) + line.alreadyCountedFen)
  return counted
}

/** The cash of the re-entered lines a kept close counted: what the expected cash leaves out for them. */
export function reEnteredCash(lines: readonly Pick<ReEnteredPayment, 'method' | 'alreadyCountedFen'>[]): number {
  return lines.filter((line) => line.method === 'cash').reduce((total, line) => total + line.alreadyCountedFen, 0)
}

/**
 * The receipts and refund notes a re-entry issued: documents of money a kept close counted, which
 * counted the dropped document with it (its receipt, the deposit it applied, its warranty shares).
 * The next close locks them in and lists their payments, but counts them no more than their money.
 */
export function documentsOfReEntries(
  payments: readonly { id: string; invoiceId: string | null }[],
  reEntered: readonly Pick<ReEnteredPayment, 'paymentId'>[]
): Set<string> {
  const reEnteredPayments = new Set(reEntered.map((line) => line.paymentId))
  return new Set(
    payments.flatMap((payment) => (reEnteredPayments.has(payment.id) && payment.invoiceId ? [payment.invoiceId] : []))
  )
}
