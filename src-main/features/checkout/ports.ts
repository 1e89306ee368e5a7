import type { Db } from '../../db/connection'
import type { CounterSaleStock, PartComingBack, SellablePart } from '../../../src-shared/domain/stock'
import { definePort } from '../../app/port'
import type { CounterMoneyStep, DroppedMoneyEntry } from '../../../src-shared/contract/backups'

/*
 * What checkout asks of the parts feature. Stock moves only through the parts ledger, and
 * features do not import each other: checkout names here what it needs, and
 * src-main/features/wiring.ts plugs the parts feature's functions in.
 */

export interface CheckoutStock {
  /** A billed part of a job handed back after checkout (within what is still out on the job). */
  takeBackBilledPart(trx: Db, at: Date, actorId: string, workOrderPartId: string, back: PartComingBack): Promise<void>
  /** The part a counter sale line names, if it is in the catalogue and active. */
  findSellablePart(db: Db, partId: string): Promise<SellablePart>
  /**
   * Stock leaving over the counter, a serial-tracked unit by its serial (refused where the sale's
   * line at `linePath` names none, or one not on the shelf); returns the value at cost it left with.
   */
  sellOverCounter(trx: Db, at: Date, actorId: string, sale: CounterSaleStock): Promise<{ valueFen: number }>
  /** A part sold over the counter coming back (its serial with it), at the value it left with. */
  takeBackSoldPart(
    trx: Db,
    at: Date,
    actorId: string,
    sold: { partId: string; valueFen: number; serial: string | null },
    back: PartComingBack
  ): Promise<void>
}

const stock = definePort<CheckoutStock>('Checkout stock')

/** Called once by features/wiring.ts. */
export const wireCheckoutStock = stock.wire
export const checkoutStock = stock.get

/**
 * A charge or refund a restore's dropped record may already have made (backups/droppedMoney.ts):
 * refused, naming the record, until the counter checked and a manager goes on; the records are
 * then dealt with in the caller's transaction, and answered with those a manager marked dealt with
 * before their counted money was re-entered (the caller ties its payments to them all).
 */
export type RefuseRepeatingDroppedMoney = (
  trx: Db,
  at: Date,
  step: CounterMoneyStep,
  confirmation: { checked: boolean; managerId: string | null; operation: string }
) => Promise<DroppedMoneyEntry[]>

const droppedMoney = definePort<RefuseRepeatingDroppedMoney>('Dropped money guard')

export const wireDroppedMoneyGuard = droppedMoney.wire
export const refuseRepeatingDroppedMoney: RefuseRepeatingDroppedMoney = (...args) => droppedMoney.get()(...args)
