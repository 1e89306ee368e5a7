import { isManagerRole } from './roles'

/**
 * A discount larger than the shop's approval threshold needs a manager's approval (and a reason
 * it is given for); one at or below the threshold is the counter's own call.
 */
export function discountNeedsApproval(discountFen: number, approvalThresholdFen: number): boolean {
  return discountFen > approvalThresholdFen
}

/**
 * Whether the counter must fetch a manager to approve this discount: it needs approval and the
 * person at the counter is not a manager themselves (a manager's own checkout approves it).
 */
export function discountNeedsManagerPresent(discountFen: number, approvalThresholdFen: number, role: string): boolean {
  return discountNeedsApproval(discountFen, approvalThresholdFen) && !isManagerRole(role)
}
