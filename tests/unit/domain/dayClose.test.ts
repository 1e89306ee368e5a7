import { describe, expect, it } from 'vitest'
import { differenceNeedsNote, nothingToClose } from '../../../src-shared/domain/dayClose'

describe('the day close rules', () => {
  it('a drawer short or over needs a note; a balanced one does not', () => {
    expect(differenceNeedsNote(-100, '')).toBe(true)
    expect(differenceNeedsNote(500, '   ')).toBe(true)
    expect(differenceNeedsNote(-100, '少 1 元')).toBe(false)
    expect(differenceNeedsNote(0, '')).toBe(false)
  })

  it('a period with any payment, document or unpaid hand-over is something to close', () => {
    expect(nothingToClose({ payments: 0, documents: 0, unpaidHandOvers: 0 })).toBe(true)
    expect(nothingToClose({ payments: 1, documents: 0, unpaidHandOvers: 0 })).toBe(false)
    expect(nothingToClose({ payments: 0, documents: 1, unpaidHandOvers: 0 })).toBe(false)
    expect(nothingToClose({ payments: 0, documents: 0, unpaidHandOvers: 1 })).toBe(false)
  })
})
