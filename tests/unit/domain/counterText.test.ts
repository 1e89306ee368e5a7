import { describe, expect, it } from 'vitest'
import { kindOfCounterText } from '../../../src-shared/domain/counterText'

describe('what the counter typed into the customer search', () => {
  it('is a serial when letters and digits mix, or digits run longer than any phone', () => {
    expect(kindOfCounterText('SN-KB-0001')).toBe('serial')
    expect(kindOfCounterText('861234567890123')).toBe('serial')
  })
  it('is a phone when only digits, spaces, + and - (five or more), else a name', () => {
    expect(kindOfCounterText('139 1234 5678')).toBe('phone')
    expect(kindOfCounterText('+86-10-8888')).toBe('phone')
    expect(kindOfCounterText('陈小明')).toBe('name')
    expect(kindOfCounterText('Chen Daming')).toBe('name')
    expect(kindOfCounterText('1234')).toBe('name')
  })
})
