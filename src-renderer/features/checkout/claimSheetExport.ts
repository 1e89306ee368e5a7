import { useI18n } from 'vue-i18n'
import { ElMessage } from 'element-plus'
import { CLAIM_SHEET_COLUMNS, CLAIM_STATUSES } from '../../../src-shared/contract/checkout'
import { call } from '../../api/client'
import { useBusyAction } from '../../ui/busyAction'
import { saveWorkbook } from '../../ui/download'
import { useClaimsStore } from './claimsStore'

/**
 * Exports the claims the list shows (its days and status) as the claim sheet a shop sends the
 * brand, in the reader's language: the sheet's title, its columns and the statuses come from here.
 */
export function useClaimSheetExport() {
  const { t, tm } = useI18n()
  const store = useClaimsStore()
  const { busy: exporting, run } = useBusyAction()

  async function exportSheet(): Promise<void> {
    if (exporting.value) return
    const statusWords = store.filedBy === 'hq' ? 'status' : 'shopStatus'
    await run(async () => {
      const file = await call('checkout.exportClaims', {
        ...store.filter(),
        title: t('claims.sheet.title'),
        columns: Object.fromEntries(CLAIM_SHEET_COLUMNS.map((key) => [key, t(`claims.sheet.columns.${key}`)])),
        labels: {
          ...Object.fromEntries(
            CLAIM_STATUSES.map((status) => [`status.${status}`, t(`claims.${statusWords}.${status}`)])
          ),
          // The components in the warranty's own words, the ones the job page shows.
          ...Object.fromEntries(
            Object.keys(tm('warranty.component')).map((key) => [`component.${key}`, t(`warranty.component.${key}`)])
          ),
          total: t('claims.sheet.total'),
          paid: t('claims.sheet.paid'),
          partsSeparator: t('claims.sheet.partsSeparator')
        }
      })
      saveWorkbook(file)
      ElMessage.success(t('claims.sheet.exported', { fileName: file.fileName }))
    })
  }

  return { exporting, exportSheet }
}
