import { nextTick } from 'vue'
import type { Router } from 'vue-router'
import { PRINT_STANDBY_ROUTE } from '../../src-shared/domain/paper'

const READY_TIMEOUT_MS = 15_000

/** What a page kept ready for printing offers whoever drives it (the desktop shell, a benchmark). */
export interface KeptPrintPage {
  /**
   * Draws one document (a print route, see printRoute) into this page, already loaded, and
   * resolves once it is fully drawn: with the length the page measured (rolls are cut to it).
   */
  render(route: string): Promise<{ pageHeightMm: number }>
}

/** Resolves with the print page's state once it is drawn ('1') or failed ('error'). */
function drawnState(): Promise<string> {
  const body = document.body
  return new Promise((resolve, reject) => {
    const settled = () => body.dataset.printReady === '1' || body.dataset.printReady === 'error'
    if (settled()) {
      resolve(body.dataset.printReady!)
      return
    }
    const observer = new MutationObserver(() => {
      if (!settled()) return
      observer.disconnect()
      clearTimeout(timer)
      resolve(body.dataset.printReady!)
    })
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error('the document did not finish drawing'))
    }, READY_TIMEOUT_MS)
    observer.observe(body, { attributes: true, attributeFilter: ['data-print-ready'] })
  })
}

/**
 * A window opened on the print standby route (the desktop shell's print window, kept between
 * prints) stays loaded and draws each document into itself on request: a route change instead
 * of loading the whole app again per document. Each document passes through the standby route
 * first, so the print page starts afresh (its data, its copy mark, its page size) even when the
 * same document is printed twice in a row.
 */
export function installKeptPrintPage(router: Router): void {
  if (window.location.hash !== `#${PRINT_STANDBY_ROUTE}`) return
  let queue: Promise<unknown> = Promise.resolve()
  const render = async (route: string) => {
    // For the print benchmark: where this document's drawing began (see PrintView's marks).
    performance.clearMarks('print:render')
    performance.mark('print:render')
    await router.replace(PRINT_STANDBY_ROUTE)
    // The previous document is gone (its page unmounted): no "drawn" mark of it is left to read.
    await nextTick()
    delete document.body.dataset.printReady
    await router.replace(route)
    if ((await drawnState()) !== '1') throw new Error('the document could not be drawn')
    return { pageHeightMm: Number(document.body.dataset.pageHeightMm) }
  }
  const page: KeptPrintPage = {
    // One document at a time: the page shows one.
    render(route) {
      const next = queue.then(() => render(route))
      queue = next.catch(() => undefined)
      return next
    }
  }
  window.serviceCenterPrintPage = page
}
