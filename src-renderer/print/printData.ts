import type { DayCloseReport, Invoice, ShopProfile, WorkOrderPrintData } from '../../src-shared/contract'
import { DOCUMENT_TYPES, type DocumentType } from '../../src-shared/domain/paper'
import { call } from '../api/client'

/** What one document prints, loaded in one go before anything is drawn. */
export type PrintDocumentData =
  | {
      documentType: 'claim_receipt' | 'device_label' | 'warranty_slip'
      shop: ShopProfile
      workOrder: WorkOrderPrintData
    }
  | { documentType: 'payment_receipt'; shop: ShopProfile; invoice: Invoice }
  | { documentType: 'day_close_report'; shop: ShopProfile; report: DayCloseReport }

/** The day-close report of the period still running: a preview, never counted as a print. */
export const OPEN_DAY_CLOSE = 'open'

export function isDocumentType(value: string): value is DocumentType {
  return (DOCUMENT_TYPES as readonly string[]).includes(value)
}

/** Whether prints of this document are counted (a preview of the running period is not a document yet). */
export function isCountedDocument(documentType: DocumentType, entityId: string): boolean {
  return !(documentType === 'day_close_report' && entityId === OPEN_DAY_CLOSE)
}

async function shopProfile(): Promise<ShopProfile> {
  return (await call('settings.get', {})).profile
}

export async function loadPrintDocument(documentType: DocumentType, entityId: string): Promise<PrintDocumentData> {
  switch (documentType) {
    case 'claim_receipt':
    case 'device_label':
    case 'warranty_slip': {
      const workOrder = await call('printing.workOrderDocument', { workOrderId: entityId })
      return { documentType, shop: workOrder.shop, workOrder }
    }
    case 'payment_receipt': {
      const [shop, invoice] = await Promise.all([shopProfile(), call('checkout.get', { id: entityId })])
      return { documentType, shop, invoice }
    }
    case 'day_close_report': {
      const [shop, report] = await Promise.all([
        shopProfile(),
        entityId === OPEN_DAY_CLOSE ? call('dayClose.preview', {}) : call('dayClose.get', { id: entityId })
      ])
      return { documentType, shop, report }
    }
  }
}
