import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { formatShopDateTime } from '../../../src-shared/domain/timeZone'
import { useBusyAction } from '../../ui/busyAction'
import { useSessionStore } from '../auth/sessionStore'
import { useBackupsStore } from './backupsStore'

/**
 * "Back up now", from the backups page or from the home screen's first-backup notice: the copy is
 * taken and said by the shop's date and time (as the list shows it; the file name, in UTC, is the
 * list's tooltip), and the page's own health read again afterwards, whether it worked or
 * not (a copy that failed is a warning there too).
 */
export function useTakeBackup(readHealthAgain: () => Promise<unknown>) {
  const { t } = useI18n()
  const store = useBackupsStore()
  const session = useSessionStore()
  const { busy: taking, run } = useBusyAction()
  const takeNow = () =>
    run(async () => {
      try {
        const copy = await store.takeNow()
        ElMessage.success(t('backups.taken', { takenAt: formatShopDateTime(copy.takenAt, session.shopTimeZone) }))
      } finally {
        await readHealthAgain()
      }
    })
  return { taking, takeNow }
}
