import { BrowserWindow } from 'electron'
import type { PrintingPort, PrintJob } from '../../features/printing/port'
import { PAPERS } from '../../../src-shared/domain/paper'
import { KeptPrintWindow } from './keptPrintWindow'

const MICRONS_PER_MM = 1000

/**
 * The desktop shell's printers: each print draws the document's own route (the same renderer the
 * preview shows) in the hidden print window kept ready between prints, and sends it to the
 * printer chosen for its type. A receipt roll is cut as long as the receipt is.
 */
export function electronPrinting(
  trustWindow: (window: BrowserWindow) => () => void
): PrintingPort & { prepare(): void; dispose(): void } {
  const printWindow = new KeptPrintWindow(trustWindow)
  return {
    prepare: () => printWindow.prepare(),
    dispose: () => printWindow.dispose(),
    async printers() {
      const window = BrowserWindow.getAllWindows()[0]
      if (!window) return []
      const printers = await window.webContents.getPrintersAsync()
      return printers.map((printer) => ({ name: printer.name, displayName: printer.displayName || printer.name }))
    },
    print(job: PrintJob) {
      // The print window has its own session storage: the caller's session travels in the route.
      const route = `${job.route}&token=${encodeURIComponent(job.token)}`
      return printWindow.render(route, async (window, measuredHeightMm) => {
        const paper = PAPERS[job.paper]
        // A roll is cut where the receipt ends: the print page measures its own length.
        const heightMm = paper.heightMm ?? measuredHeightMm
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
      })
    }
  }
}
