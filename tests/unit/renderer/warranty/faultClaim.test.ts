import { describe, expect, it } from 'vitest'
import { WHOLE_UNIT, blankFaultClaim, faultClaimOf } from '../../../../src-renderer/features/warranty/faultClaim'

describe('the fault claim form', () => {
  it('starts as a performance fault of the whole unit, which the evaluation takes as no component', () => {
    const form = blankFaultClaim()
    expect(form.component).toBe(WHOLE_UNIT)
    expect(faultClaimOf(form)).toEqual({ kind: 'performance', component: null, faultCode: null, faultDate: null })
  })

  it('passes a chosen component, fault code and fault date through unchanged', () => {
    expect(
      faultClaimOf({ kind: 'appearance', component: 'battery', faultCode: 'C04', faultDate: '2026-03-01' })
    ).toEqual({
      kind: 'appearance',
      component: 'battery',
      faultCode: 'C04',
      faultDate: '2026-03-01'
    })
  })
})
