import { i18n } from '../i18n'
import type { FieldErrors } from './errors'

/** The confirmation check every new-password form makes before sending anything. */
export function passwordMismatch(password: string, confirmation: string, field: string): FieldErrors | undefined {
  return password === confirmation ? undefined : { [field]: i18n.global.t('account.passwordMismatch') }
}
