import { describe, expect, it } from 'vitest'
import { policyStandings, type DatedPolicyVersion } from '../../../src-shared/domain/warranty/policyStanding'

const version = (
  id: string,
  effectiveFrom: string,
  createdAt: string,
  target: { categoryKey?: string; modelId?: string } = { categoryKey: 'tv' }
): DatedPolicyVersion => ({
  id,
  categoryKey: target.categoryKey ?? null,
  model: target.modelId ? { id: target.modelId } : null,
  effectiveFrom,
  createdAt
})

describe('where a policy version stands today', () => {
  const TODAY = '2026-06-15'

  it('the latest version started on or before today is in force; earlier ones superseded; later ones upcoming', () => {
    const standings = policyStandings(
      [
        version('old', '2025-01-01', '2025-01-01T00:00:00Z'),
        version('current', '2026-01-01', '2025-12-20T00:00:00Z'),
        version('next', '2026-07-01', '2026-06-01T00:00:00Z')
      ],
      TODAY
    )
    expect(Object.fromEntries(standings)).toEqual({ old: 'superseded', current: 'in_force', next: 'upcoming' })
  })

  it('a version starting today is in force today', () => {
    const standings = policyStandings(
      [version('a', '2025-01-01', '2025-01-01T00:00:00Z'), version('b', TODAY, TODAY)],
      TODAY
    )
    expect(standings.get('b')).toBe('in_force')
    expect(standings.get('a')).toBe('superseded')
  })

  it('of two versions from the same day the one saved later counts; the other never judged a unit', () => {
    // The seeded regulations' default and the legal minimum that replaced it from the same day.
    const standings = policyStandings(
      [
        version('default-tv', '2000-01-01', '2000-01-01T00:00:00.000Z'),
        version('legal-minimum-tv', '2000-01-01', '2000-01-02T00:00:00.000Z')
      ],
      TODAY
    )
    expect(standings.get('legal-minimum-tv')).toBe('in_force')
    expect(standings.get('default-tv')).toBe('never_in_force')
  })

  it('an upcoming version replaced for its first day by a later save never comes into force either', () => {
    const standings = policyStandings(
      [
        version('first', '2026-07-01', '2026-06-01T00:00:00Z'),
        version('corrected', '2026-07-01', '2026-06-02T00:00:00Z')
      ],
      TODAY
    )
    expect(Object.fromEntries(standings)).toEqual({ first: 'never_in_force', corrected: 'upcoming' })
  })

  it('each category and each model is judged among its own versions', () => {
    const standings = policyStandings(
      [
        version('tv', '2025-01-01', '2025-01-01T00:00:00Z'),
        version('phone', '2024-01-01', '2024-01-01T00:00:00Z', { categoryKey: 'mobile_phone' }),
        version('model-a', '2024-01-01', '2024-01-01T00:00:00Z', { modelId: 'a' }),
        version('model-b', '2026-01-01', '2026-01-01T00:00:00Z', { modelId: 'b' })
      ],
      TODAY
    )
    expect([...standings.values()]).toEqual(['in_force', 'in_force', 'in_force', 'in_force'])
  })

  it('no version started yet: none is in force', () => {
    const standings = policyStandings([version('later', '2027-01-01', '2026-06-01T00:00:00Z')], TODAY)
    expect(standings.get('later')).toBe('upcoming')
  })
})
