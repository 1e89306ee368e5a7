import type { FieldErrors } from './errors'

/**
 * What a group of fields that several forms share is given: the form's errors, where in them its
 * own start, and a prefix for its inputs' names (a page with two groups tells them apart by it).
 */
export interface FieldGroupProps {
  errors: FieldErrors
  /** Where the server's error paths for these fields start, e.g. `customer.fields.`. */
  errorPrefix?: string
  /** Prefix of the inputs' names, e.g. `device-`. */
  namePrefix?: string
  /** Help in the empty fields (examples, where other numbers go): for a form that has room for it. */
  hints?: boolean
}

/** A field group's error for one of its fields, and the name of that field's input. */
export function useFieldGroup(props: FieldGroupProps) {
  return {
    error: (field: string): string | undefined => props.errors[`${props.errorPrefix ?? ''}${field}`],
    inputName: (field: string): string => `${props.namePrefix ?? ''}${field}`
  }
}
