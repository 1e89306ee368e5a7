/** A record as an edit form reads it: any of the form's fields, possibly missing or null. */
export type FormSource<T> = { [K in keyof T]?: T[K] | null }

/**
 * The values a create-or-edit form starts from: for each of `blank`'s fields what `record` holds,
 * else the blank value (a new record, or a field the record leaves empty). Lists are copied, so
 * editing the form touches neither the record nor the blank; a record's other fields are left out.
 */
export function formValuesOf<T extends object>(blank: T, record: FormSource<T> | null | undefined): T {
  const values = { ...blank }
  for (const key of Object.keys(blank) as (keyof T)[]) {
    const value = record?.[key] ?? blank[key]
    values[key] = (Array.isArray(value) ? [...(value as unknown[])] : value) as T[keyof T]
  }
  return values
}

/**
 * After a submitted form is answered: each field that still holds what was sent goes back to its
 * blank value, and a field changed since (the next pick of a fast user, typed while the answer was
 * on its way) keeps what it holds now.
 */
export function clearWhatWasSent<T extends object>(form: T, sent: Readonly<T>, blank: Readonly<T>): void {
  for (const key of Object.keys(blank) as (keyof T)[]) {
    if (Object.is(form[key], sent[key])) form[key] = blank[key]
  }
}
