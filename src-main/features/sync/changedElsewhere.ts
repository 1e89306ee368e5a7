import { AppError } from '../../../src-shared/contract'

/**
 * An edit filled from a record as it was at version `expected` is refused when the record has
 * been saved since (by another desk, a merge, an intake, HQ): saving it would silently put back
 * what that change replaced. `saved` is the record's version now: its `updatedAt`, or for a part
 * its `editedAt`, which stock moving leaves alone. Without `expected` (a caller that read the
 * record in the same breath) nothing is checked.
 */
export function refuseEditOfOlderVersion(saved: string, expected: string | undefined): void {
  if (expected !== undefined && expected !== saved) {
    throw new AppError('CONFLICT', 'errors.changedElsewhere', { savedAt: saved })
  }
}
