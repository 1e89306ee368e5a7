import { useI18n } from 'vue-i18n'
import type { ReportCell, ReportCodeSet, ReportColumn } from '../../../src-shared/contract/reports'
import { formatFen } from '../../../src-shared/domain/money'
import { PAYERS, PAYMENT_METHODS } from '../../../src-shared/domain/invoice'
import { SERVICE_TYPES } from '../../../src-shared/domain/repairTypes'
import { TURNAROUND_BUCKETS } from '../../../src-shared/domain/reportStatistics'
import { CATEGORY_KEYS } from '../../../src-shared/domain/warranty/policy'
import { SATISFACTION_ASPECTS } from '../../../src-shared/domain/customerContact'
import { CLAIM_STATUSES } from '../../../src-shared/contract/checkout'
import { showError } from '../../ui/errors'
import { useCodesStore } from '../codes/codesStore'

/** Where each list of coded values is named in the reader's language. */
export const CODE_SET_KEYS: Record<ReportCodeSet, string> = {
  category: 'warranty.categories',
  serviceType: 'serviceType',
  method: 'checkout.method',
  // A claim's status in words true whether HQ carries the claims or the shop files them itself.
  claimStatus: 'claims.reportStatus',
  bucket: 'reports.bucket',
  aspect: 'contact.call.aspects',
  // Who pays a used part, named as the parts report counts it.
  payer: 'reports.payer'
}

/** Every value of each list: what must have a name in every language. */
export const CODES: Record<ReportCodeSet, readonly string[]> = {
  category: CATEGORY_KEYS,
  serviceType: SERVICE_TYPES,
  method: PAYMENT_METHODS,
  claimStatus: CLAIM_STATUSES,
  bucket: TURNAROUND_BUCKETS,
  aspect: SATISFACTION_ASPECTS,
  payer: PAYERS
}

/**
 * How the reports show a cell: money in yuan, shares as percentages, hours with one decimal,
 * coded values by name (a shop code as "code name", as the work order shows it), and an empty
 * group (no technician, no category) as "(none)".
 */
export function useReportText() {
  const { t, te } = useI18n()
  const shopCodes = useCodesStore()
  shopCodes.ensureLoaded().catch(showError)

  function codeLabel(codeSet: ReportCodeSet, code: string): string {
    const key = `${CODE_SET_KEYS[codeSet]}.${code}`
    return te(key) ? t(key) : code
  }

  function cellText(column: Pick<ReportColumn, 'kind' | 'codeSet' | 'codeList'>, cell: ReportCell | undefined): string {
    if (cell === null || cell === undefined)
      return column.kind === 'text' || column.kind === 'code' ? t('reports.none') : '—'
    if (typeof cell === 'string' && column.kind === 'code') {
      if (column.codeSet) return codeLabel(column.codeSet, cell)
      if (column.codeList) return shopCodes.describe(column.codeList, cell)
    }
    if (typeof cell === 'string') return cell
    switch (column.kind) {
      case 'fen':
        return formatFen(cell)
      case 'percent':
        return `${(cell * 100).toFixed(1)}%`
      case 'hours':
        return cell.toFixed(1)
      default:
        return String(cell)
    }
  }

  /**
   * Every coded value's name, keyed `codeSet.code` (a shop code `list.code`), for the Excel export
   * (which writes words, not codes), and under `none` the word for an empty group.
   */
  function exportLabels(): Record<string, string> {
    const labels: Record<string, string> = { none: t('reports.none') }
    for (const [codeSet, codes] of Object.entries(CODES) as [ReportCodeSet, readonly string[]][]) {
      for (const code of codes) labels[`${codeSet}.${code}`] = codeLabel(codeSet, code)
    }
    for (const entry of shopCodes.entries) {
      // The lists a report groups by: fault causes and locations (no report names a symptom).
      if (entry.list !== 'symptom') labels[`${entry.list}.${entry.code}`] = shopCodes.describe(entry.list, entry.code)
    }
    return labels
  }

  return { cellText, codeLabel, exportLabels }
}
