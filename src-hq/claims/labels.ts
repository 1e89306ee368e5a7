import { sql, type Expression, type RawBuilder } from 'kysely'

/**
 * How HQ's pages name a claim's unit and fault, in SQL so the queue and the fault statistics
 * (which groups by them) say the same thing.
 */

/** The model as people name it: its brand in front ("Redmi Book Pro 14"), unless the model already starts with it. */
export function modelWithBrand(brand: Expression<string>, model: Expression<string>): RawBuilder<string> {
  return sql<string>`CASE WHEN ${brand} = '' OR lower(left(${model}, length(${brand}))) = lower(${brand})
    THEN ${model} ELSE ${brand} || ' ' || ${model} END`
}

/**
 * The name of a claim's fault code where HQ knows it: the shop sends the job's fault cause, so it
 * is looked up in the brand's cause list (withdrawn codes too: an old claim still names one).
 */
export function faultCauseLabel(faultCode: Expression<string>): RawBuilder<string | null> {
  return sql<string | null>`(SELECT f.label FROM fault_codes f WHERE f.list = 'faultCause' AND f.code = ${faultCode})`
}
