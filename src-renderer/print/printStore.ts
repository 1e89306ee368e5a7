import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ShopProfile } from '../../src-shared/contract'
import { defaultPaper, type DocumentType, type Paper } from '../../src-shared/domain/paper'
import { printableValue } from '../../src-shared/domain/printableText'
import { call } from '../api/client'
import { OPEN_DAY_CLOSE, isCountedDocument, type PrintDocumentData } from './printData'

/**
 * The document on the print page and its print count: what it prints, loaded in one go before
 * anything is drawn, and which print (the first, or a copy) the page depicts.
 */
export const usePrintStore = defineStore('print', () => {
  const doc = ref<PrintDocumentData | null>(null)
  /** Prints so far, as the print log counts them. */
  const printedCount = ref(0)
  /**
   * The print the page depicts: the one the shell is printing, the one just printed from the
   * toolbar, or else the next one. Any print after the first is a copy.
   */
  const printNumber = ref(0)
  let generation = 0

  async function shopProfile(): Promise<ShopProfile> {
    return (await call('settings.get', {})).profile
  }

  /** A document's record, loaded alongside the shop's profile, under the name the document's data gives it. */
  async function withShop<Key extends string, Loaded>(
    key: Key,
    record: Promise<Loaded>
  ): Promise<{ shop: ShopProfile } & Record<Key, Loaded>> {
    const [shop, loaded] = await Promise.all([shopProfile(), record])
    return { shop, ...({ [key]: loaded } as Record<Key, Loaded>) }
  }

  async function loadDocument(documentType: DocumentType, entityId: string): Promise<PrintDocumentData> {
    switch (documentType) {
      case 'claim_receipt':
      case 'device_label':
      case 'warranty_slip': {
        const workOrder = await call('printing.workOrderDocument', { workOrderId: entityId })
        return { documentType, shop: workOrder.shop, workOrder }
      }
      case 'payment_receipt':
        return { documentType, ...(await withShop('invoice', call('checkout.get', { id: entityId }))) }
      case 'counter_receipt':
        return { documentType, ...(await withShop('sale', call('counterSales.get', { id: entityId }))) }
      case 'accessory_slip':
        return { documentType, ...(await withShop('slip', call('warranty.accessoryRemedy', { id: entityId }))) }
      case 'packing_list':
        return { documentType, ...(await withShop('packing', call('faultyParts.packingList', { id: entityId }))) }
      case 'day_close_report': {
        const report =
          entityId === OPEN_DAY_CLOSE ? call('dayClose.preview', {}) : call('dayClose.get', { id: entityId })
        return { documentType, ...(await withShop('report', report)) }
      }
    }
  }

  /**
   * Loads a document and its print count; `shellPrint` is the print the desktop shell is
   * printing, if it is. Null when another document was asked for meanwhile.
   */
  async function open(
    documentType: DocumentType,
    entityId: string,
    shellPrint: number | null
  ): Promise<PrintDocumentData | null> {
    const ticket = ++generation
    doc.value = null
    const counted = isCountedDocument(documentType, entityId) && shellPrint === null
    try {
      const [loaded, count] = await Promise.all([
        // Every document is drawn from this one load: no control character reaches the paper.
        loadDocument(documentType, entityId).then(printableValue),
        counted ? call('printing.count', { documentType, entityId }) : Promise.resolve({ printNumber: 0 })
      ])
      if (ticket !== generation) return null
      printedCount.value = Math.max(count.printNumber, shellPrint ?? 0)
      printNumber.value = shellPrint ?? count.printNumber + 1
      doc.value = loaded
      return loaded
    } catch (error) {
      if (ticket !== generation) return null
      throw error
    }
  }

  /** The page is left: an answer still under way is dropped. */
  function close(): void {
    generation++
    doc.value = null
  }

  /** Logs a print and says how it is printed: by the desktop shell, or by the browser's dialog. */
  async function print(documentType: DocumentType, entityId: string, paper: Paper): Promise<'shell' | 'browser'> {
    const result = await call('printing.print', { documentType, entityId, paper })
    printedCount.value = result.printNumber
    printNumber.value = result.printNumber
    return result.mode
  }

  /** The paper the shop set for a document type, or the type's first when the settings cannot be read. */
  async function paperFor(documentType: DocumentType): Promise<Paper> {
    try {
      return (await call('printing.settings', {}))[documentType].paper
    } catch {
      // The preview still opens on the type's first paper; its toolbar offers the others.
      return defaultPaper(documentType)
    }
  }

  return { doc, printedCount, printNumber, open, close, print, paperFor }
})
