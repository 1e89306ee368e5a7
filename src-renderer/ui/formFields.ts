import type { Choice } from './choices'

/**
 * The keys of a form whose values are of type `V`: a text field edits only a string, a date only a
 * date. A key the form may lack (a group shared by forms that do not all have it) counts too: the
 * layout that names it is the one for forms that have it.
 */
type KeyOf<F, V> = { [K in keyof F]-?: Exclude<F[K], undefined> extends V ? K : never }[keyof F] & string

/** What every field of a declared form has. Texts are i18n keys: the field translates them as it is drawn. */
interface FieldCommon {
  /** i18n key of the label. */
  label: string
  /** The input's name (what tests and the Enter-moves-on order find it by); the form's key when not given. */
  name?: string
  /** Where the server's error for the field is, after the group's prefix; the form's key when not given. */
  error?: string
  required?: boolean
  /** `data-test` of the control, for the end-to-end tests. */
  test?: string
  /** i18n key of a line of help under the control, shown while the field has no error. */
  hint?: string
}

/** A one-line text (the default kind); the length limit is shown, as `TextField` does. */
export interface TextFieldSpec<F> extends FieldCommon {
  kind?: 'text'
  key: KeyOf<F, string>
  maxlength?: number
  /** i18n key of the example shown in the empty box. */
  placeholder?: string
  disabled?: boolean
  /** A code or a serial: shown in the fixed-width font. */
  mono?: boolean
  inputmode?: 'tel' | 'numeric'
  /** The browser's suggestions of earlier entries; the group's `autocomplete` when not given. */
  autocomplete?: 'off'
}

/** Several lines of free text (a note, a reason), with a counter up to its limit. */
export interface TextareaFieldSpec<F> extends FieldCommon {
  kind: 'textarea'
  key: KeyOf<F, string>
  maxlength: number
  rows: number
  placeholder?: string
}

/** A whole number (days, minutes, a quantity). */
export interface NumberFieldSpec<F> extends FieldCommon {
  kind: 'number'
  key: KeyOf<F, number>
  min?: number
  max: number
  step?: number
  /** Up and down arrows stacked on the right instead of minus and plus either side. */
  stacked?: boolean
}

/** A calendar date kept as `YYYY-MM-DD` (or `null` while empty). */
export interface DateFieldSpec<F> extends FieldCommon {
  kind: 'date'
  key: KeyOf<F, string | null>
  clearable?: boolean
}

/** One of fixed choices (a category, a reason, a role). */
export interface SelectFieldSpec<F> extends FieldCommon {
  kind: 'select'
  key: keyof F & string
  choices: readonly Choice<unknown>[]
  placeholder?: string
  clearable?: boolean
  filterable?: boolean
}

/** On or off (a code still in use). */
export interface SwitchFieldSpec<F> extends FieldCommon {
  kind: 'switch'
  key: KeyOf<F, boolean>
}

/** One of a few fixed choices, each a radio button in view (a user's role); a choice's `test` is its radio's. */
export interface RadioFieldSpec<F> extends FieldCommon {
  kind: 'radio'
  key: keyof F & string
  choices: readonly (Choice<string | number | boolean> & { test?: string })[]
}

/** A password, with the eye that shows it; `autocomplete` tells the password manager which one it is. */
export interface PasswordFieldSpec<F> extends FieldCommon {
  kind: 'password'
  key: KeyOf<F, string>
  autocomplete: 'current-password' | 'new-password' | 'off'
}

/** The form's own markup at this place: the `FormFields` slot named `key`. */
export interface SlotFieldSpec {
  kind: 'slot'
  key: string
}

export type FormFieldSpec<F> =
  | TextFieldSpec<F>
  | TextareaFieldSpec<F>
  | NumberFieldSpec<F>
  | DateFieldSpec<F>
  | SelectFieldSpec<F>
  | SwitchFieldSpec<F>
  | RadioFieldSpec<F>
  | PasswordFieldSpec<F>
  | SlotFieldSpec

/** A form's fields in order; a list inside the list is a row whose fields share the width. */
export type FormFieldLayout<F> = readonly (FormFieldSpec<F> | readonly FormFieldSpec<F>[])[]
