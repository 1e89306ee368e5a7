import type { PaymentMethod } from './invoice'

/** A dropped payment or refund that a day close kept after a restore had already counted. */
export interface CountedDroppedMoney {
  droppedId: string
  /** Money in positive, out negative, as the dropped record read. */
  amountFen: number
  method: PaymentMethod
}

/** A payment row the counter is writing now, as it re-enters what was dropped. */
export interface ReEnteringPayment {
  paymentId: string
  amountFen: number
  method: PaymentMethod
}

/** How much of one new payment row re-enters one dropped record, already counted by its close. */
export interface AlreadyCountedShare {
  paymentId: string
  droppedId: string
  /** Signed as the payment: part of its amount that the kept close already counted. */
  countedFen: number
}

/**
 * Which part of the payments re-entered after a restore a kept day close already counted. Each
 * counted dropped record covers new rows of its own direction (money in against money in, out
 * against out), at most its own amount and at most each row's amount: re-entering 300 for a
 * dropped 280 leaves 20 as today's money, and re-entering 250 for it leaves nothing of today's.
 * The row paid the same way is covered first: what was counted as cash comes off the cash; a
 * row paid another way is covered next, as the money it records was counted all the same.
 */
export function alreadyCountedShares(
  counted: readonly CountedDroppedMoney[],
  payments: readonly ReEnteringPayment[]
): AlreadyCountedShare[] {
  const left = new Map(payments.map((payment) => [payment.paymentId, payment.amountFen]))
  const shares: AlreadyCountedShare[] = []
  for (const dropped of counted) {
    let toCover = dropped.amountFen
    const sameWay = payments.filter((payment) => payment.method === dropped.method)
    const otherWay = payments.filter((payment) => payment.method !== dropped.method)
    for (const payment of [...sameWay, ...otherWay]) {
      const available = left.get(payment.paymentId) ?? 0
      if (toCover === 0) break
      if (Math.sign(available) !== Math.sign(toCover)) continue
      const countedFen = Math.sign(toCover) * Math.min(Math.abs(toCover), Math.abs(available))
      left.set(payment.paymentId, available - countedFen)
      toCover -= countedFen
      shares.push({ paymentId: payment.paymentId, droppedId: dropped.droppedId, countedFen })
    }
  }
  return shares
}
