import { AppError } from '../../../src-shared/contract'

/**
 * An edit filled from a record as it was at `expectedUpdatedAt` is refused when the record has
 * been saved since (by another desk, a merge, an intake): saving it would silently put back what
 * that change replaced. Without `expectedUpdatedAt` (a caller that read the record in the same
 * breath) nothing is checked.
 */
export function refuseEditOfOlderVersion(current: { updatedAt: string }, expectedUpdatedAt: string | undefined): void {
  if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== current.updatedAt) {
    throw new AppError('CONFLICT', 'errors.changedElsewhere', { savedAt: current.updatedAt })
  }
}
