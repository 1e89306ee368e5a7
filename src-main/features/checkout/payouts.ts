import type { Db } from '../../db/connection'
import { uuidv7 } from '../../../src-shared/domain/ids'
import type { PaymentMethod } from '../../../src-shared/domain/invoice'

/** Money paid out of the till that no invoice or counter sale holds: a 三包 accessory's refund. */
export interface TillPayout {
  amountFen: number
  method: PaymentMethod
  /** The document it was paid for (the accessory slip's number): the payment's reason. */
  reference: string
}

/**
 * Pays a refund out of the till, inside the caller's transaction: a refund payment the day close
 * counts with every other refund, by its method. Returns the payment's id.
 */
export async function payOutRefund(trx: Db, at: Date, cashierId: string, payout: TillPayout): Promise<string> {
  const id = uuidv7(at.getTime())
  await trx
    .insertInto('payments')
    .values({
      id,
      kind: 'refund',
      method: payout.method,
      amountFen: -payout.amountFen,
      tenderedFen: 0,
      changeFen: 0,
      invoiceId: null,
      workOrderId: null,
      reason: payout.reference,
      cashierId,
      at: at.toISOString(),
      dayCloseId: null
    })
    .execute()
  return id
}
