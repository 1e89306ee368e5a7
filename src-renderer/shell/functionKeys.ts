import { onBeforeUnmount, onMounted, type Ref } from 'vue'
import { useRouter } from 'vue-router'
import { useSessionStore } from '../features/auth/sessionStore'
import type { NavigationItem } from './navigation'

/**
 * Whether a dialog, a confirmation or a drawer stands over the page. Element Plus keeps a closed
 * one's overlay in the page, hidden: only one drawn on screen counts.
 */
function overlayOpen(): boolean {
  return Array.from(document.querySelectorAll('.el-overlay')).some((overlay) => overlay.getClientRects().length > 0)
}

/**
 * The function keys of the navigation entries this user sees (`items`): F1 check-in and the
 * others open their page from anywhere, a field with the caret included. The key is taken from
 * the browser even when it does nothing (Chromium hands a page the keys of its own shortcuts,
 * F1 its help, before acting on them, and leaves them alone once the page prevents them); keys no
 * entry of this user has stay the browser's. Nothing happens while the screen is locked or while
 * a dialog is open: its typing would be left behind it, so it is closed first (Esc, which asks
 * once anything was typed).
 */
export function useFunctionKeys(items: Readonly<Ref<readonly NavigationItem[]>>): void {
  const router = useRouter()
  const session = useSessionStore()

  function onKeydown(event: KeyboardEvent) {
    if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return
    const item = items.value.find((entry) => entry.functionKey === event.key)
    if (!item) return
    event.preventDefault()
    if (event.repeat || session.locked || overlayOpen()) return
    void router.push(item.path)
  }

  onMounted(() => window.addEventListener('keydown', onKeydown, true))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown, true))
}
