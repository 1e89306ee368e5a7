import { describe, expect, it } from 'vitest'
import { draftQuote, QUOTE_NOTE_MAX, type QuoteDraftSources } from '../../../src-shared/domain/quoteDraft'

const screen = { partNumber: 'SCR-100', partName: '屏幕总成', unitPriceFen: 45_000 }
const battery = { partNumber: 'BAT-200', partName: '电池', unitPriceFen: 12_000 }

function sources(overrides: Partial<QuoteDraftSources> = {}): QuoteDraftSources {
  return { diagnosis: '', labour: [], issued: [], requested: [], ...overrides }
}

describe('a new quote starts from what the job already says', () => {
  it('an empty job starts at zero with no note', () => {
    expect(draftQuote(sources())).toEqual({ labourFen: 0, partsFen: 0, discountFen: 0, note: '' })
  })

  it('labour is the sum of the labour lines; parts held count what was not returned, at their issued price', () => {
    const draft = draftQuote(
      sources({
        labour: [
          { description: '拆机', priceFen: 3_000 },
          { description: '更换屏幕', priceFen: 5_000 }
        ],
        issued: [
          { ...screen, quantity: 2, returnedQuantity: 1 },
          { ...battery, quantity: 1, returnedQuantity: 1 }
        ]
      })
    )
    expect(draft).toMatchObject({ labourFen: 8_000, partsFen: 45_000, discountFen: 0 })
    expect(draft.note).toBe('SCR-100 屏幕总成 ×1 · 拆机, 更换屏幕')
  })

  it('an open request counts only what is still to come; issued or cancelled requests are not counted again', () => {
    const draft = draftQuote(
      sources({
        issued: [{ ...screen, quantity: 1, returnedQuantity: 0 }],
        requested: [
          { ...screen, quantity: 3, issuedQuantity: 1, status: 'open' },
          { ...battery, quantity: 1, issuedQuantity: 1, status: 'issued' },
          { ...battery, quantity: 2, issuedQuantity: 0, status: 'cancelled' }
        ]
      })
    )
    expect(draft.partsFen).toBe(3 * 45_000)
    expect(draft.note).toBe('SCR-100 屏幕总成 ×1, SCR-100 屏幕总成 ×2')
  })

  it('the diagnosis opens the note on one line', () => {
    const draft = draftQuote(
      sources({
        diagnosis: '主板进液\n  屏幕排线断裂',
        requested: [{ ...battery, quantity: 1, issuedQuantity: 0, status: 'open' }]
      })
    )
    expect(draft.note).toBe('主板进液 屏幕排线断裂 · BAT-200 电池 ×1')
  })

  it('a long note is cut to the quote limit with an ellipsis, never splitting a character', () => {
    const draft = draftQuote(sources({ diagnosis: `${'屏'.repeat(QUOTE_NOTE_MAX - 2)}😀😀` }))
    expect(draft.note.length).toBeLessThanOrEqual(QUOTE_NOTE_MAX)
    expect(draft.note.endsWith('…')).toBe(true)
    expect(draft.note).not.toMatch(/[\uD800-\uDBFF]…$/)
    expect(draftQuote(sources({ diagnosis: '屏'.repeat(QUOTE_NOTE_MAX) })).note).toBe('屏'.repeat(QUOTE_NOTE_MAX))
  })
})
