import type { FaultyPartStatus } from '../contract/parts/faultyParts'

/** A faulty part replaced under warranty should be on its way back to the brand within this many days. */
export const FAULTY_RETURN_DUE_DAYS = 30

/**
 * Still in the shop: waiting for a return batch, or packed in one not yet shipped. A shipped part is
 * still owed (the brand has not credited it) but no longer the shop's to send back.
 */
export const NOT_SENT_BACK: readonly FaultyPartStatus[] = ['awaiting', 'packed']

/** The shop has kept a faulty part longer than the brand allows: it is overdue to be sent back. */
export function isReturnOverdue(part: { status: FaultyPartStatus; ageDays: number }): boolean {
  return NOT_SENT_BACK.includes(part.status) && part.ageDays > FAULTY_RETURN_DUE_DAYS
}
