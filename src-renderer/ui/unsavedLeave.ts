import { onBeforeRouteLeave, type RouteLocationNormalized } from 'vue-router'
import { i18n } from '../i18n'
import { confirmStep } from './confirmStep'
import { useLeaveGuard } from './leaveGuard'

/** The answer given for a navigation: two forms of one page with edits in both ask once, not twice. */
const answers = new WeakMap<RouteLocationNormalized, Promise<boolean>>()

/**
 * A page whose form holds edits not saved yet (`unsaved()`) asks before the menu or a link takes
 * the person elsewhere, in the words a dialog with typing in it uses, and in a browser before a
 * reload; staying keeps the edits on screen to save. A move the app makes itself to a page outside
 * the shell (signed out, the desk to pair again) is not asked about: there is no staying there.
 */
export function useAskBeforeLeavingUnsaved(unsaved: () => boolean): void {
  useLeaveGuard(unsaved)
  onBeforeRouteLeave((to) => {
    if (to.meta.public || !unsaved()) return true
    let answer = answers.get(to)
    if (!answer) {
      const { t } = i18n.global
      answer = confirmStep({
        message: t('common.discardTyping'),
        confirm: t('common.discard'),
        cancel: t('common.keepTyping')
      })
      answers.set(to, answer)
    }
    return answer
  })
}
