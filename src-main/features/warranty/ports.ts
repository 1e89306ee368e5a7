import type { Db } from '../../db/connection'
import type { PaymentMethod } from '../../../src-shared/domain/invoice'
import type { CounterSaleStock, PartComingBack, SellablePart } from '../../../src-shared/domain/stock'
import { definePort } from '../../app/port'

/*
 * What the warranty counter asks of the parts and checkout features. An accessory exchanged under
 * 三包 moves stock only through the parts ledger, and an accessory refunded is paid out of the till;
 * features do not import each other: warranty names here what it needs, and
 * src-main/features/wiring.ts plugs in the parts feature's counter functions (the ones a counter
 * sale and its refund use) and checkout's payout.
 */
export interface WarrantyStock {
  /** The accessory picked, if it is in the catalogue and active. */
  findSellablePart(db: Db, partId: string): Promise<SellablePart>
  /** The new accessory leaving over the counter, a serial-tracked one by its serial; its value at cost. */
  sellOverCounter(trx: Db, at: Date, actorId: string, sale: CounterSaleStock): Promise<{ valueFen: number }>
  /** An accessory coming back (here the faulty one, going on at once as a faulty return). */
  takeBackSoldPart(
    trx: Db,
    at: Date,
    actorId: string,
    sold: { partId: string; valueFen: number; serial: string | null },
    back: PartComingBack
  ): Promise<void>
  /**
   * The faulty accessory an exchange or a refund took back, owed to the brand on the faulty-part
   * list when the brand wants that part back; returns the owed row's id, or null.
   */
  oweTakenBackAccessory(
    trx: Db,
    at: Date,
    accessory: { partId: string; serial: string | null; accessoryRemedyId: string; slipNumber: string }
  ): Promise<string | null>
  /** A refund paid out of the till (the day close counts it); returns the payment's id. */
  payOutRefund(
    trx: Db,
    at: Date,
    cashierId: string,
    payout: { amountFen: number; method: PaymentMethod; reference: string }
  ): Promise<string>
}

const stock = definePort<WarrantyStock>('Warranty stock')

/** Called once by features/wiring.ts. */
export const wireWarrantyStock = stock.wire
export const warrantyStock = stock.get
