import { describe, expect, it } from 'vitest'
import { mustCheckOutBeforeHandOver } from '../../../src-shared/domain/handOver'

describe('must a job be checked out before its device is handed over?', () => {
  it('lines to bill, whoever pays them, need a checkout', () => {
    expect(mustCheckOutBeforeHandOver({ checkedOut: false, linesFen: 1, depositHeldFen: 0 })).toBe(true)
  })
  it('a deposit alone is something to settle', () => {
    expect(mustCheckOutBeforeHandOver({ checkedOut: false, linesFen: 0, depositHeldFen: 5_000 })).toBe(true)
  })
  it('nothing to bill, or already checked out, is not', () => {
    expect(mustCheckOutBeforeHandOver({ checkedOut: false, linesFen: 0, depositHeldFen: 0 })).toBe(false)
    expect(mustCheckOutBeforeHandOver({ checkedOut: true, linesFen: 53_000, depositHeldFen: 5_000 })).toBe(false)
  })
})
