/**
 * What an approval may pay, as one rule for HQ's server (claims/review.ts refuses with it) and for
 * its page (the approve dialog says it before asking): something, and no more than the shop
 * claimed. A credit-note claim (nothing or a negative amount, withdrawing part of an earlier
 * claim) is acknowledged at nothing. Pure, with no database, so the page's bundle can hold it.
 */
export type ApprovalRefusal = 'hqErrors.approvedNothing' | 'hqErrors.approvedAboveClaimed'

export function approvalRefusal(
  claimedFen: number,
  approved: { labourFen: number; partsFen: number }
): ApprovalRefusal | null {
  const total = approved.labourFen + approved.partsFen
  if (claimedFen <= 0) return total > 0 ? 'hqErrors.approvedAboveClaimed' : null
  if (total <= 0) return 'hqErrors.approvedNothing'
  if (total > claimedFen) return 'hqErrors.approvedAboveClaimed'
  return null
}
