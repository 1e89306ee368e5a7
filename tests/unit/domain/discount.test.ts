import { describe, expect, it } from 'vitest'
import { discountNeedsApproval, discountNeedsManagerPresent } from '../../../src-shared/domain/discount'
import { isManagerRole, MANAGER_ROLES, ROLES } from '../../../src-shared/domain/roles'

describe('the managers', () => {
  it('are the admin and the manager, and no one else', () => {
    expect([...MANAGER_ROLES].sort()).toEqual(['admin', 'manager'])
    expect(ROLES.filter(isManagerRole).sort()).toEqual(['admin', 'manager'])
    expect(isManagerRole('someone')).toBe(false)
  })
})

describe('a discount needing a manager’s approval', () => {
  it('is one above the threshold; at or below it the counter decides', () => {
    expect(discountNeedsApproval(0, 0)).toBe(false)
    expect(discountNeedsApproval(5_000, 5_000)).toBe(false)
    expect(discountNeedsApproval(5_001, 5_000)).toBe(true)
    expect(discountNeedsApproval(1, 0)).toBe(true)
  })

  it('needs a manager fetched only when the counter is not a manager', () => {
    expect(discountNeedsManagerPresent(5_001, 5_000, 'front_desk')).toBe(true)
    expect(discountNeedsManagerPresent(5_001, 5_000, 'manager')).toBe(false)
    expect(discountNeedsManagerPresent(5_001, 5_000, 'admin')).toBe(false)
    expect(discountNeedsManagerPresent(5_000, 5_000, 'front_desk')).toBe(false)
  })
})
