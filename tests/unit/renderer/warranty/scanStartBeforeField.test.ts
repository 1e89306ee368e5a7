// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { SCANNER_PAUSE_MS, scanStartBeforeField } from '../../../../src-renderer/features/warranty/useScannerLookup'

/** Keys typed `gap` ms apart from `from`. */
const typed = (text: string, gap: number, from = 1000) => [...text].map((key, i) => ({ key, at: from + i * gap }))

describe('the start of a scan a field took the caret in the middle of', () => {
  it('goes to the field when the keys came at a scanner’s pace up to the one the field got', () => {
    const keys = typed('WO-26', 5)
    expect(scanStartBeforeField(keys, keys.at(-1)!.at + 5)).toBe('WO-26')
  })

  it('stays out of the field when a person typed it', () => {
    const keys = typed('WO-26', 120)
    expect(scanStartBeforeField(keys, keys.at(-1)!.at + 120)).toBeNull()
  })

  it('stays out of the field after a pause', () => {
    const keys = typed('WO-26', 5)
    expect(scanStartBeforeField(keys, keys.at(-1)!.at + SCANNER_PAUSE_MS + 1)).toBeNull()
  })

  it('is nothing when no key came before', () => {
    expect(scanStartBeforeField([], 1000)).toBeNull()
  })
})
