import { i18n } from '../../i18n'
import { ApiError } from '../../api/client'
import { confirmStep } from '../../ui/confirmStep'

/**
 * A refund a manager gives at the counter (a credit note, a counter sale's refund) that a
 * restore's dropped record may already have made: the refusal names the record, the manager
 * reads it and goes on or not. `run` is the refund, told whether the records were checked; the
 * answer is its own, or false when the manager stopped.
 */
export async function goOnOverDroppedMoney<T>(run: (checked: boolean) => Promise<T>): Promise<T | false> {
  try {
    return await run(false)
  } catch (error) {
    if (!(error instanceof ApiError) || error.messageKey !== 'backups.droppedMoneyOnRecord') throw error
    const { t } = i18n.global
    const goOn = await confirmStep({
      message: t(error.messageKey, error.details ?? {}),
      confirm: t('backups.dropped.goOn'),
      cancel: t('common.cancel')
    })
    return goOn ? run(true) : false
  }
}
