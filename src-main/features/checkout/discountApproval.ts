import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type ParsedInput } from '../../../src-shared/contract'
import { discountNeedsApproval } from '../../../src-shared/domain/discount'
import { isManagerRole } from '../../../src-shared/domain/roles'
import type { SessionStore } from '../auth/sessions'
import { managerOnTheSpot } from '../auth/managerOnTheSpot'
import { readApprovalThresholdFen } from '../settings/service'

/**
 * Who approves the discount of a checkout: nobody when it is within the shop's threshold; above
 * it, the counter's own user when they are a manager, otherwise a manager who types their name
 * and password on the spot. Refuses when no valid approval is given. The sessions are those a
 * lock-out of that manager's account ends.
 */
export async function discountApprover(
  db: Db,
  sessions: SessionStore,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'checkout.pay'>
): Promise<string | null> {
  if (!discountNeedsApproval(input.discountFen, await readApprovalThresholdFen(db))) return null
  // A discount that needs approval needs a reason the approval is given for.
  if (input.discountReason === '') {
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: 'discountReason', messageKey: 'validation.required' }]
    })
  }
  if (isManagerRole(actor.role)) return actor.id
  if (!input.managerApproval) throw new AppError('APPROVAL_REQUIRED', 'errors.discountNeedsManager')
  return managerOnTheSpot(db, sessions, at, input.managerApproval)
}
