import type {
  AccessorySlip,
  CounterSale,
  DayCloseReport,
  PackingList,
  Invoice,
  ShopProfile,
  WorkOrderPrintData
} from '../../src-shared/contract'
import { DOCUMENT_TYPES, type DocumentType } from '../../src-shared/domain/paper'

/** What one document prints, loaded in one go before anything is drawn. */
export type PrintDocumentData =
  | {
      documentType: 'claim_receipt' | 'device_label' | 'warranty_slip'
      shop: ShopProfile
      workOrder: WorkOrderPrintData
    }
  | { documentType: 'payment_receipt'; shop: ShopProfile; invoice: Invoice }
  | { documentType: 'day_close_report'; shop: ShopProfile; report: DayCloseReport }
  | { documentType: 'counter_receipt'; shop: ShopProfile; sale: CounterSale }
  | { documentType: 'accessory_slip'; shop: ShopProfile; slip: AccessorySlip }
  | { documentType: 'packing_list'; shop: ShopProfile; packing: PackingList }

/** The day-close report of the period still running: a preview, never counted as a print. */
export const OPEN_DAY_CLOSE = 'open'

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value)
}

/** Whether prints of this document are counted (a preview of the running period is not a document yet). */
export function isCountedDocument(documentType: DocumentType, entityId: string): boolean {
  return !(documentType === 'day_close_report' && entityId === OPEN_DAY_CLOSE)
}
