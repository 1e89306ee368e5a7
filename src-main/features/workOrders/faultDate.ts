import { AppError } from '../../../src-shared/contract'
import { faultDateProblem, type FaultDateBounds } from '../../../src-shared/domain/warranty/faultDate'

/**
 * Refuses a fault date the rule in domain/warranty/faultDate.ts finds impossible, on the field at
 * `path`. The date the message cites goes with the field's message too: it is what the message
 * under the field names. Used by the check-in and by the warranty lookup's claim.
 */
export function refuseImpossibleFaultDate(path: string, faultDate: string, bounds: FaultDateBounds): void {
  const problem = faultDateProblem(faultDate, bounds)
  if (!problem) return
  const { messageKey, params } = problem
  throw new AppError('VALIDATION', messageKey, { ...params, fields: [{ path, messageKey, params }] })
}
