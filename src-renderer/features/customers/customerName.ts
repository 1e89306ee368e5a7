import { useI18n } from 'vue-i18n'
import { ERASED_CUSTOMER_NAME } from '../../../src-shared/domain/erasedCustomer'

/**
 * A customer's name as the reader sees it. An erased customer is stored as a Chinese placeholder
 * (src-shared/domain/erasedCustomer.ts); it is shown in the reader's language.
 */
export function useCustomerName(): (name: string) => string {
  const { t } = useI18n()
  return (name) => (name === ERASED_CUSTOMER_NAME ? t('customerPrivacy.erasedName') : name)
}
