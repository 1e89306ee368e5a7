/**
 * What an erased customer is called from then on (the jobs still need someone to belong to).
 * It is stored in Chinese, as it always was (the receipts' guard in checkout's migrations checks
 * this very value), and read in the reader's language wherever it shows.
 */
export const ERASED_CUSTOMER_NAME = '已删除客户'

/** The placeholder in each language an export or a screen can be read in. */
export const ERASED_CUSTOMER_NAMES: Record<'zh-CN' | 'en', string> = {
  'zh-CN': ERASED_CUSTOMER_NAME,
  en: 'Erased customer'
}

/** A customer's name as the reader sees it: an erased customer's placeholder in their language. */
export function customerNameIn(name: string, language: 'zh-CN' | 'en'): string {
  return name === ERASED_CUSTOMER_NAME ? ERASED_CUSTOMER_NAMES[language] : name
}
