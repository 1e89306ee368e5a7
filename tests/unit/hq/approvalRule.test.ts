import { describe, expect, it } from 'vitest'
import { approvalRefusal } from '../../../src-hq/claims/approvalRule'

describe("HQ's approval rule, shared by its server and its page", () => {
  it('pays something and no more than the shop claimed', () => {
    expect(approvalRefusal(10_000, { labourFen: 4_000, partsFen: 6_000 })).toBeNull()
    expect(approvalRefusal(10_000, { labourFen: 0, partsFen: 1 })).toBeNull()
    expect(approvalRefusal(10_000, { labourFen: 0, partsFen: 0 })).toBe('hqErrors.approvedNothing')
    expect(approvalRefusal(10_000, { labourFen: 4_000, partsFen: 6_001 })).toBe('hqErrors.approvedAboveClaimed')
  })

  it('acknowledges a credit-note claim at nothing', () => {
    expect(approvalRefusal(-2_000, { labourFen: 0, partsFen: 0 })).toBeNull()
    expect(approvalRefusal(-2_000, { labourFen: 0, partsFen: 100 })).toBe('hqErrors.approvedAboveClaimed')
  })
})
