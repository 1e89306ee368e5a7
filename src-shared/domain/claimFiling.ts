/**
 * A warranty claim a shop outside a brand network files with the brand itself: the brand's
 * answers arrive by phone, letter or bank transfer, and a manager records each step by hand.
 * (An enrolled shop's claims move by the sync instead: sent to HQ, then HQ's decision.)
 */
export type ClaimStatusByHand = 'open' | 'submitted' | 'paid' | 'rejected'
export type ClaimStepByHand = Exclude<ClaimStatusByHand, 'open'>

/**
 * Where a claim may go next: filed, then paid or rejected; a rejected claim may be filed again
 * (the brand asked for more, the shop sent it). The brand may also answer a claim the shop only
 * told it about by phone, so an open one may be decided at once. A paid claim is settled: only
 * what was paid may be recorded again, to put a mistyped amount right (the earlier step is kept).
 */
const NEXT_STEPS: Record<ClaimStatusByHand, readonly ClaimStepByHand[]> = {
  open: ['submitted', 'paid', 'rejected'],
  submitted: ['paid', 'rejected'],
  rejected: ['submitted'],
  paid: ['paid']
}

export function nextClaimSteps(status: ClaimStatusByHand): readonly ClaimStepByHand[] {
  return NEXT_STEPS[status]
}

/**
 * What the brand paid fits the claim: something, and no more than was claimed. A credit note's
 * claim is negative (the brand pays that much less): what it settled is negative the same way.
 */
export function paidAmountFits(claimedFen: number, paidFen: number): boolean {
  if (claimedFen === 0) return paidFen === 0
  return claimedFen > 0 ? paidFen > 0 && paidFen <= claimedFen : paidFen < 0 && paidFen >= claimedFen
}
