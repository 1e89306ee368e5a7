import { useI18n } from 'vue-i18n'
import type { StocktakeScope } from '../../../src-shared/contract/parts/stocktakes'
import { formatSignedYuan } from '../../../src-shared/domain/money'

/** How a count's scope and status read on screen. */
export function useStocktakeText() {
  const { t } = useI18n()

  function scopeText(scope: StocktakeScope): string {
    if (scope.kind === 'bin') return t('stocktakes.scopeBin', { prefix: scope.prefix })
    if (scope.kind === 'range') return t('stocktakes.scopeRange', { from: scope.from, to: scope.to })
    return t('stocktakes.scopeAll')
  }

  const STATUS_TAGS = { counting: 'warning', posted: 'success', cancelled: 'info' } as const
  const statusTag = (status: keyof typeof STATUS_TAGS) => STATUS_TAGS[status]

  return { scopeText, statusTag, statusTags: STATUS_TAGS }
}

/** A count's difference with its sign: +2, -1, 0. */
export const signedCount = (n: number) => (n > 0 ? `+${n}` : String(n))

/** A variance's value in yuan with its sign in front: +¥12.00, -¥1,180.00. */
export const signedYuan = formatSignedYuan
