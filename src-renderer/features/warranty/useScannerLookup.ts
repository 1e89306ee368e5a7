import { onBeforeUnmount, onMounted } from 'vue'
import { useRouter } from 'vue-router'
import { useSessionStore } from '../auth/sessionStore'
import { call } from '../../api/client'
import { showError } from '../../ui/errors'

/** A barcode scanner "types" far faster than a person: keys come on average less than this many ms apart. */
export const SCANNER_KEY_GAP_MS = 40
/**
 * A longer pause ends any scan in progress. Between the two, one slow key (a busy machine, a
 * scanner's own hiccup) does not break a scan whose keys are fast on average; the Enter that ends
 * a scan may trail by up to this much too.
 */
export const SCANNER_PAUSE_MS = 250
export const SCANNER_MIN_LENGTH = 6
/** What the printed labels and receipts encode: a work-order number, e.g. WO-261126-0001. */
export const WORK_ORDER_NUMBER = /^WO-\d{6}-\d{4,}$/

/**
 * The scanned text among the keys typed since the last pause, if they look like a scan: slow
 * keys a person typed before it are dropped, then at least six keys must remain whose average
 * gap is under SCANNER_KEY_GAP_MS.
 */
export function scannedText(keys: readonly { key: string; at: number }[]): string | null {
  let first = 0
  while (first < keys.length - 1 && keys[first + 1]!.at - keys[first]!.at >= SCANNER_KEY_GAP_MS) first++
  const scan = keys.slice(first)
  if (scan.length < SCANNER_MIN_LENGTH) return null
  const meanGap = (scan[scan.length - 1]!.at - scan[0]!.at) / (scan.length - 1)
  return meanGap < SCANNER_KEY_GAP_MS ? scan.map((k) => k.key).join('') : null
}

/**
 * The keys of a scan begun with no field holding the caret, once a field took it part way (a page
 * just opened puts it in its search box): they belong at the front of what the field gets. Only
 * a burst at a scanner's pace, this key (`at`) included; a person's keys stay where they went.
 */
export function scanStartBeforeField(keys: readonly { key: string; at: number }[], at: number): string | null {
  const last = keys[keys.length - 1]
  if (!last || at - last.at > SCANNER_PAUSE_MS) return null
  const meanGap = (at - keys[0]!.at) / keys.length
  return meanGap < SCANNER_KEY_GAP_MS ? keys.map((k) => k.key).join('') : null
}

/** Puts `text` at a field's caret as if typed there, so its v-model hears of it. */
function typeInto(field: HTMLInputElement | HTMLTextAreaElement, text: string): void {
  const start = field.selectionStart ?? field.value.length
  field.setRangeText(text, start, field.selectionEnd ?? start, 'end')
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }))
}

/** Fields that take typing themselves: a scan into them is theirs (the intake serial box, a search box). */
function isEditable(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false
  if (element.isContentEditable) return true
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName)
}

/**
 * Listens for a scanned serial anywhere in the app: at least six printable characters arriving
 * fast, ending with Enter, while no field has the focus. The warranty lookup opens with it.
 * A work-order number (the barcode on a device label or receipt) opens that work order instead.
 * Not while the screen is locked, and only for roles that may look warranties or work orders up.
 */
export function useScannerLookup(): void {
  const router = useRouter()
  const session = useSessionStore()
  let keys: { key: string; at: number }[] = []

  async function openScanned(scanned: string) {
    const number = scanned.toUpperCase()
    if (WORK_ORDER_NUMBER.test(number) && session.may('workOrders.get')) {
      try {
        const order = await call('workOrders.get', { number })
        await router.push({ name: 'work-order', params: { id: order.id } })
        return
      } catch (error) {
        // Not a work order of this shop: it may still be a serial.
        if (!session.may('warranty.lookup')) return showError(error)
      }
    }
    if (session.may('warranty.lookup')) await router.push({ name: 'warranty', query: { q: scanned } })
  }

  function onKeydown(event: KeyboardEvent) {
    if (event.isComposing || session.locked || !(session.may('warranty.lookup') || session.may('workOrders.get')))
      return void (keys = [])
    const field = event.target
    if (isEditable(field as Element | null) || isEditable(document.activeElement)) {
      // A scan that began while the page was changing: its first keys go to the field too.
      const start = event.ctrlKey || event.metaKey || event.altKey ? null : scanStartBeforeField(keys, event.timeStamp)
      if (start && (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) typeInto(field, start)
      return void (keys = [])
    }
    // A key held down repeats fast too, but nobody scans that way.
    if (event.repeat) return void (keys = [])
    const at = event.timeStamp
    const last = keys[keys.length - 1]
    if (last && at - last.at > SCANNER_PAUSE_MS) keys = []
    if (event.key === 'Enter') {
      const scanned = scannedText(keys)
      keys = []
      if (scanned === null) return
      // The Enter belongs to the scan, not to whatever button happens to have the focus.
      event.preventDefault()
      event.stopPropagation()
      void openScanned(scanned)
      return
    }
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) {
      // Shift and Caps Lock come between a scanner's capitals; any other key ends the scan.
      if (!['Shift', 'CapsLock'].includes(event.key)) keys = []
      return
    }
    keys.push({ key: event.key, at })
  }

  onMounted(() => window.addEventListener('keydown', onKeydown, true))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKeydown, true))
}
