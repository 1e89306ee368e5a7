import { useI18n } from 'vue-i18n'
import { formatFen } from '../../../src-shared/domain/money'

/** How a counted-minus-expected cash difference reads, and its colour. */
export function useDifferenceText() {
  const { t } = useI18n()
  const differenceText = (fen: number) =>
    fen > 0
      ? t('dayClose.surplus', { amount: formatFen(fen) })
      : fen < 0
        ? t('dayClose.shortfall', { amount: formatFen(-fen) })
        : t('dayClose.balanced')
  const differenceClass = (fen: number) => (fen > 0 ? 'surplus' : fen < 0 ? 'shortfall' : 'balanced')
  return { differenceText, differenceClass }
}
