import { ElMessage } from 'element-plus'
import { useI18n } from 'vue-i18n'
import { useBusyAction } from '../../ui/busyAction'
import { useBackupsStore } from './backupsStore'

/**
 * "Back up now", from the backups page or from the home screen's first-backup notice: the copy is
 * taken, its name shown, and the page's own health read again afterwards, whether it worked or
 * not (a copy that failed is a warning there too).
 */
export function useTakeBackup(readHealthAgain: () => Promise<unknown>) {
  const { t } = useI18n()
  const store = useBackupsStore()
  const { busy: taking, run } = useBusyAction()
  const takeNow = () =>
    run(async () => {
      try {
        const copy = await store.takeNow()
        ElMessage.success(t('backups.taken', { name: copy.name }))
      } finally {
        await readHealthAgain()
      }
    })
  return { taking, takeNow }
}
