import type { FaultClaim } from './warrantyStore'

/** The component select's value for the whole unit (a select shows null or '' as nothing chosen). */
export const WHOLE_UNIT = '*'

/** The fault the customer describes, as the claim form holds it. */
export interface FaultClaimForm {
  kind: FaultClaim['kind']
  component: string
  faultCode: string | null
  /** when the fault appeared; null: today */
  faultDate: string | null
}

/** A unit not yet judged for a fault starts from "performance fault of the whole unit". */
export function blankFaultClaim(): FaultClaimForm {
  return { kind: 'performance', component: WHOLE_UNIT, faultCode: null, faultDate: null }
}

/** The form's answer as the evaluation takes it: the whole unit is no component. */
export function faultClaimOf(form: FaultClaimForm): FaultClaim {
  return {
    kind: form.kind,
    component: form.component === WHOLE_UNIT ? null : form.component,
    faultCode: form.faultCode,
    faultDate: form.faultDate
  }
}
