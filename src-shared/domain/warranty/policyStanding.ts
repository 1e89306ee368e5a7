/**
 * Where a policy version stands today among the versions of its category or model. A unit is
 * judged by the version in force on the day it was sold: the latest to start on or before that
 * day, and of two that start the same day the one saved later. So a version another one replaced
 * for its very first day never judged a unit (the seeded regulations' default, replaced by the
 * legal minimum from the same day, is one).
 */
export const POLICY_STANDINGS = ['in_force', 'upcoming', 'superseded', 'never_in_force'] as const
export type PolicyStanding = (typeof POLICY_STANDINGS)[number]

export interface DatedPolicyVersion {
  id: string
  categoryKey: string | null
  model: { id: string } | null
  effectiveFrom: string
  createdAt: string
}

/** Each version's standing on `today` (a date in the shop's time zone), by id. */
export function policyStandings(versions: readonly DatedPolicyVersion[], today: string): Map<string, PolicyStanding> {
  const standings = new Map<string, PolicyStanding>()
  for (const sameTarget of byTarget(versions).values()) {
    const startDays = new Set<string>()
    let inForceFound = false
    for (const version of [...sameTarget].sort(newestFirst)) {
      let standing: PolicyStanding
      if (startDays.has(version.effectiveFrom)) standing = 'never_in_force'
      else if (version.effectiveFrom > today) standing = 'upcoming'
      else if (!inForceFound) standing = 'in_force'
      else standing = 'superseded'
      inForceFound ||= standing === 'in_force'
      startDays.add(version.effectiveFrom)
      standings.set(version.id, standing)
    }
  }
  return standings
}

/** The latest start first; of two from the same day, the one saved later (the one that counts). */
export function newestFirst(a: DatedPolicyVersion, b: DatedPolicyVersion): number {
  if (a.effectiveFrom !== b.effectiveFrom) return a.effectiveFrom < b.effectiveFrom ? 1 : -1
  return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0
}

function byTarget(versions: readonly DatedPolicyVersion[]): Map<string, DatedPolicyVersion[]> {
  const groups = new Map<string, DatedPolicyVersion[]>()
  for (const version of versions) {
    const target = version.model ? `model:${version.model.id}` : `category:${version.categoryKey}`
    groups.set(target, [...(groups.get(target) ?? []), version])
  }
  return groups
}
