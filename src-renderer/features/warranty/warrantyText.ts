import { useI18n } from 'vue-i18n'
import type { PolicyVersion } from '../../../src-shared/contract'
import type { Reason } from '../../../src-shared/domain/warranty/evaluate'

/** The colour family of each verdict, from "the customer gets the most" to "we cannot say". */
export const VERDICT_TONE = {
  refund: 'success',
  exchange: 'success',
  exchange_or_refund: 'success',
  free_repair: 'primary',
  free_new_component: 'primary',
  accessory_exchange: 'primary',
  accessory_refund: 'success',
  paid_repair: 'warning',
  not_covered: 'danger',
  unknown_start: 'info'
} as const

/**
 * Words for the warranty's raw values: component and category keys, void reasons, days left,
 * and the evaluation's reasons with their params already in words.
 */
export function useWarrantyText() {
  const { t, te } = useI18n()

  /** A policy component ('battery') in words; a component the shop typed itself stays as typed. */
  function componentLabel(component: string | null): string {
    if (component === null) return t('warranty.wholeUnit')
    const key = `warranty.component.${component}`
    return te(key) ? t(key) : component
  }

  function categoryLabel(category: string | null): string {
    if (category === null) return t('warranty.none')
    const key = `warranty.categories.${category}`
    return te(key) ? t(key) : category
  }

  /** 12 → "还剩 12 天", 0 → "今天是最后一天", -3 → "已过 3 天". */
  function daysLeftText(days: number | null): string {
    if (days === null) return t('warranty.none')
    if (days === 0) return t('warranty.lastDay')
    return days > 0 ? t('warranty.daysLeft', days) : t('warranty.daysOver', -days)
  }

  /**
   * One reason as a sentence: keys in the params (component, void reason) become words first. A
   * reason that counts days (since an end, to go, spent in repair) reads it as one day or several.
   */
  function reasonText(reason: Reason): string {
    if (!te(reason.key)) return reason.key
    const params: Record<string, string | number> = { ...reason.params }
    const dayCount = [params.daysSince, params.daysToGo, params.days].find((n) => typeof n === 'number')
    if (typeof params.component === 'string') params.component = componentLabel(params.component)
    if (typeof params.reason === 'string') {
      const key = `warranty.voidReason.${params.reason}`
      params.reason = te(key) ? t(key) : params.reason
    }
    if (typeof params.daysLeft === 'number') params.daysLeft = daysLeftText(params.daysLeft)
    for (const [param, prefix] of [
      ['cause', 'warranty.waitingCause'],
      ['article', 'warranty.article'],
      ['kind', 'warrantyAccessory.kinds']
    ] as const) {
      const value = params[param]
      if (typeof value === 'string' && te(`${prefix}.${value}`)) params[param] = t(`${prefix}.${value}`)
    }
    return typeof dayCount === 'number' ? t(reason.key, params, dayCount) : t(reason.key, params)
  }

  /** An import rejection's reason: its key with params, or the key itself if this build lacks it. */
  function importReasonText(reasonKey: string, params: Record<string, string | number>): string {
    if (!te(reasonKey)) return reasonKey
    const words: Record<string, string | number> = { ...params }
    if (typeof words.field === 'string') {
      const key = `warranty.import.fields.${words.field}`
      if (te(key)) words.field = t(key)
    }
    if (typeof words.category === 'string') words.category = categoryLabel(words.category)
    return t(reasonKey, words)
  }

  /** Whose policy it is (a model's own, else its category's) and from when it applies. */
  function policyTitle(version: PolicyVersion): string {
    return version.model
      ? t('warranty.policyOfModel', {
          brand: version.model.brand,
          model: version.model.model,
          date: version.effectiveFrom
        })
      : t('warranty.policyOf', { category: categoryLabel(version.categoryKey), date: version.effectiveFrom })
  }

  /** A version's note: the one the app seeded in the reader's language while unedited, else as written. */
  function policyNote(version: PolicyVersion): string {
    return version.seededNote ? t(`warranty.policies.seededNotes.${version.seededNote}`) : version.note
  }

  /** The policy's component periods in one line: "电池 6 个月、充电器 3 个月". */
  function policyComponentsText(version: PolicyVersion): string {
    return (
      version.policy.components
        .map((c) => `${componentLabel(c.component)} ${t('warranty.monthCount', c.months)}`)
        .join(t('common.listSeparator')) || t('warranty.none')
    )
  }

  return {
    componentLabel,
    categoryLabel,
    daysLeftText,
    reasonText,
    importReasonText,
    policyTitle,
    policyNote,
    policyComponentsText
  }
}
