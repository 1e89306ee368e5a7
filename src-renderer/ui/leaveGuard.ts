import { onBeforeUnmount, onMounted } from 'vue'

/**
 * In a browser, asks before the page is reloaded or closed while `pending()` says unfinished
 * work would go with it (the browser's own "Leave site?" box, in its own language). Not in the
 * desktop window: there the window closes only when the app is quit, and a page that refuses to
 * unload would silently keep it from closing.
 */
export function useLeaveGuard(pending: () => boolean): void {
  if (window.serviceCenter) return
  const ask = (event: BeforeUnloadEvent) => {
    if (!pending()) return
    event.preventDefault()
    // Older Chromium asks only when returnValue is set too.
    event.returnValue = ''
  }
  onMounted(() => window.addEventListener('beforeunload', ask))
  onBeforeUnmount(() => window.removeEventListener('beforeunload', ask))
}
