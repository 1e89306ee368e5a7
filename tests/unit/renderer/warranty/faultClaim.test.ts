import { describe, expect, it } from 'vitest'
import { WHOLE_UNIT, blankFaultClaim, faultClaimOf } from '../../../../src-renderer/features/warranty/faultClaim'

describe('the fault claim form', () => {
  it('starts as a performance fault of the whole unit, which the evaluation takes as no component', () => {
    const form = blankFaultClaim()
    expect(form.component).toBe(WHOLE_UNIT)
    expect(faultClaimOf(form)).toEqual({ kind: 'performance', component: null, faultCode: null })
  })

  it('passes a chosen component and fault code through unchanged', () => {
    expect(faultClaimOf({ kind: 'appearance', component: 'battery', faultCode: 'C04' })).toEqual({
      kind: 'appearance',
      component: 'battery',
      faultCode: 'C04'
    })
  })
})
