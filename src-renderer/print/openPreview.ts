import type { Router } from 'vue-router'
import { printRoute, type DocumentType } from '../../src-shared/domain/paper'
import { usePrintStore } from './printStore'

/**
 * Opens a document's print preview (the print route, outside the app shell) on the paper the
 * shop set for its type. `entityId` is the work order for the claim receipt, label and warranty
 * slip, the invoice for a payment receipt, and the day close (or `open` for the running period)
 * for the day-close report. The preview's own back button returns to the calling page.
 */
export async function openPrintPreview(router: Router, documentType: DocumentType, entityId: string): Promise<void> {
  const paper = await usePrintStore().paperFor(documentType)
  await router.push(printRoute(documentType, entityId, paper))
}
