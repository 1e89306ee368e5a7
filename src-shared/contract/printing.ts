import { z } from 'zod'
import { operation } from './operation'
import { id, optionalText } from './common'
import { DOCUMENT_TYPES, PAPER_NAMES, paperFits, type DocumentType, type Paper } from '../domain/paper'
import type { ShopProfile } from './settings'
import type { WorkOrderDetail } from './workOrders'
import type { WorkOrderParts } from './parts/workOrderParts'
import type { Invoice } from './checkout'

export interface PrintSetting {
  paper: Paper
  /** The printer this document type goes to in the desktop app; empty for the system default. */
  printerName: string
  /** Print without the print dialog (desktop app only). */
  silent: boolean
}

export type PrintSettings = Record<DocumentType, PrintSetting>

/** A printer the desktop app can reach (an empty name in the settings means the system default). */
export interface PrinterInfo {
  name: string
  displayName: string
}

/** Everything the work-order documents print: claim receipt, device label and warranty slip. */
export interface WorkOrderPrintData {
  shop: ShopProfile
  workOrder: WorkOrderDetail
  /** For the claim receipt; only the counter (who hands devices back) receives it. */
  claimCode: string | null
  parts: WorkOrderParts
  invoice: Invoice | null
  /** The shop's warranty on the repair: from hand-over for this many days; no dates before hand-over. */
  repairWarranty: { days: number; startsOn: string | null; endsOn: string | null }
  printedAt: string
}

const documentTypeSchema = z.enum(DOCUMENT_TYPES)
const paperSchema = z.enum(PAPER_NAMES)
const settingSchema = z
  .object({ paper: paperSchema, printerName: optionalText(200), silent: z.boolean().default(false) })
  .strict()

export const printingContract = {
  'printing.settings': operation<PrintSettings>()(z.object({}).strict()),
  'printing.saveSettings': operation<PrintSettings>()(
    z
      .object({ settings: z.partialRecord(documentTypeSchema, settingSchema) })
      .strict()
      .superRefine((input, ctx) => {
        for (const [type, setting] of Object.entries(input.settings)) {
          if (setting && !paperFits(type as DocumentType, setting.paper)) {
            ctx.addIssue({ code: 'custom', path: ['settings', type, 'paper'], message: 'validation.paperDoesNotFit' })
          }
        }
      })
  ),
  /** The printers the desktop app can reach; in browser mode there are none (the browser prints). */
  'printing.printers': operation<{ shell: boolean; printers: PrinterInfo[] }>()(z.object({}).strict()),
  /**
   * Prints a document: in the desktop app straight to the printer set for its type; in browser
   * mode the answer says so and the page prints itself. Either way the print is counted, and
   * every print after the first is marked as a copy.
   */
  'printing.print': operation<{ mode: 'shell' | 'browser'; printNumber: number }>()(
    z.object({ documentType: documentTypeSchema, entityId: id, paper: paperSchema.optional() }).strict()
  ),
  'printing.workOrderDocument': operation<WorkOrderPrintData>()(z.object({ workOrderId: id }).strict()),
  /** How often a document has been printed, so a reprint can say it is a copy. */
  'printing.count': operation<{ printNumber: number }>()(
    z.object({ documentType: documentTypeSchema, entityId: id }).strict()
  )
}
