/**
 * The day close's own rules, which the server enforces and the close screen asks before its
 * confirmation (so a manager is not asked to confirm a close the server would refuse).
 */

/** Counted cash that differs from the expected cash is explained: the next manager reads why. */
export function differenceNeedsNote(differenceFen: number, note: string): boolean {
  return differenceFen !== 0 && note.trim() === ''
}

/** A period with no payment, receipt, refund note or unpaid hand-over is no close. */
export function nothingToClose(period: { payments: number; documents: number; unpaidHandOvers: number }): boolean {
  return period.payments === 0 && period.documents === 0 && period.unpaidHandOvers === 0
}
