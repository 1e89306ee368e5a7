import type { PrinterInfo } from '../../../src-shared/contract/printing'
import type { Paper } from '../../../src-shared/domain/paper'

export interface PrintJob {
  /** The renderer route that draws the document (see printRoute). */
  route: string
  paper: Paper
  /** Empty for the system's default printer. */
  printerName: string
  silent: boolean
  /** The caller's session, so the print window can load the document's data. */
  token: string
}

/**
 * What only the desktop shell can do: reach the printers. The HTTP host has none, and the
 * browser prints the page itself.
 */
export interface PrintingPort {
  printers(): Promise<PrinterInfo[]>
  print(job: PrintJob): Promise<void>
}
