import { onBeforeUnmount, onMounted } from 'vue'
import { useRouter } from 'vue-router'
import { useSessionStore } from '../auth/sessionStore'

/** A barcode scanner "types" far faster than a person: each key within this many ms of the one before. */
export const SCANNER_KEY_GAP_MS = 40
/** The Enter that ends a scan may trail a little behind the last character (some scanners pause). */
export const SCANNER_ENTER_GAP_MS = 100
export const SCANNER_MIN_LENGTH = 6

/** Fields that take typing themselves: a scan into them is theirs (the intake serial box, a search box). */
function isEditable(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false
  if (element.isContentEditable) return true
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)
}

/**
 * Listens for a scanned serial anywhere in the app: at least six printable characters arriving
 * fast, ending with Enter, while no field has the focus. The warranty lookup opens with it.
 * Not while the screen is locked, and only for roles that may look warranties up.
 */
export function useScannerLookup(): void {
  const router = useRouter()
  const session = useSessionStore()
  let buffer = ''
  let lastKeyAt = 0

  function reset() {
    buffer = ''
    lastKeyAt = 0
  }

  function onKeydown(event: KeyboardEvent) {
    if (event.isComposing || session.locked || !session.may('warranty.lookup')) return reset()
    if (isEditable(event.target as Element | null) || isEditable(document.activeElement)) return reset()
    const now = event.timeStamp
    const gap = now - lastKeyAt
    if (event.key === 'Enter') {
      const scanned = buffer
      const fast = gap <= SCANNER_ENTER_GAP_MS
      reset()
      if (!fast || scanned.length < SCANNER_MIN_LENGTH) return
      // The Enter belongs to the scan, not to whatever button happens to have the focus.
      event.preventDefault()
      event.stopPropagation()
      void router.push({ name: 'warranty', query: { q: scanned } })
      return
    }
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) {
      // Shift and other modifiers come between a scanner's capitals; anything else ends the scan.
      if (!['Shift', 'CapsLock'].includes(event.key)) reset()
      return
    }
    buffer = lastKeyAt !== 0 && gap < SCANNER_KEY_GAP_MS ? buffer + event.key : event.key
    lastKeyAt = now
  }

  onMounted(() => window.addEventListener('keydown', onKeydown, true))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown, true))
}
