import { ERASED_CUSTOMER_NAME } from '../../../src-shared/domain/erasedCustomer'
import { i18n } from '../../i18n'

/**
 * A customer's name as the reader sees it. An erased customer is stored as a Chinese placeholder
 * (src-shared/domain/erasedCustomer.ts); it is shown in the reader's language. Called while a
 * template renders, it follows a change of language like `t` does.
 */
export function customerNameText(name: string): string {
  return name === ERASED_CUSTOMER_NAME ? i18n.global.t('customerPrivacy.erasedName') : name
}
