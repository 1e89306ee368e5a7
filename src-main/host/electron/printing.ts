import { BrowserWindow, type WebContents } from 'electron'
import type { PrintingPort, PrintJob } from '../../features/printing/port'
import { PAPERS } from '../../../src-shared/domain/paper'
import { createPrintWindow, loadRenderer } from './window'

const MICRONS_PER_MM = 1000
const READY_TIMEOUT_MS = 15_000

/** Waits until the print route says the document is drawn (data loaded, barcodes, fonts). */
async function documentReady(contents: WebContents): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    const state = (await contents.executeJavaScript('document.body.dataset.printReady')) as string | undefined
    if (state === '1') return
    if (state === 'error') throw new Error('the document could not be drawn')
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('the document did not finish drawing')
}

/**
 * The desktop shell's printers: each print draws the document's own route in a hidden window
 * (the same renderer the preview shows) and sends it to the printer chosen for its type. A
 * receipt roll is cut as long as the receipt is.
 */
export function electronPrinting(trustWindow: (window: BrowserWindow) => () => void): PrintingPort {
  return {
    async printers() {
      const window = BrowserWindow.getAllWindows()[0]
      if (!window) return []
      const printers = await window.webContents.getPrintersAsync()
      return printers.map((printer) => ({ name: printer.name, displayName: printer.displayName || printer.name }))
    },
    async print(job: PrintJob) {
      const window = createPrintWindow()
      const untrust = trustWindow(window)
      try {
        // The hidden window has its own session storage: the caller's session travels in the route.
        await loadRenderer(window, `${job.route}&token=${encodeURIComponent(job.token)}`)
        await documentReady(window.webContents)
        const paper = PAPERS[job.paper]
        // A roll is cut where the receipt ends: the print page measures its own length.
        const heightMm =
          paper.heightMm ?? Number(await window.webContents.executeJavaScript('document.body.dataset.pageHeightMm'))
        await new Promise<void>((resolve, reject) => {
          window.webContents.print(
            {
              silent: job.silent,
              deviceName: job.printerName || undefined,
              printBackground: true,
              margins: { marginType: 'none' },
              pageSize: { width: paper.widthMm * MICRONS_PER_MM, height: heightMm * MICRONS_PER_MM }
            },
            (success, reason) => (success || reason === 'cancelled' ? resolve() : reject(new Error(reason)))
          )
        })
      } finally {
        untrust()
        window.destroy()
      }
    }
  }
}
