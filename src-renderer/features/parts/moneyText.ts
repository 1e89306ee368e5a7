import { useI18n } from 'vue-i18n'
import { formatFen } from '../../../src-shared/domain/money'

/** Money for the parts screens: "¥84.00", and an amount leaving stock as "-¥1200.00". */
export function useMoneyText(): (fen: number) => string {
  const { t } = useI18n()
  return (fen) => (fen < 0 ? '-' : '') + t('parts.money', { amount: formatFen(Math.abs(fen)) })
}
