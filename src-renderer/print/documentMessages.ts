import { mergeMessageFiles } from '../i18n/mergeMessages'
import { printClaimReceiptMessages } from './claimReceiptMessages'
import { printReceiptMessages } from './receiptMessages'
import { printPaymentMethodMessages } from './paymentMethodMessages'
import { printAccessorySlipMessages } from './accessorySlipMessages'
import { printWarrantySlipMessages } from './warrantySlipMessages'
import { printDayCloseReportMessages } from './dayCloseReportMessages'
import { printPackingListMessages } from './packingListMessages'

/** The words printed on each document, one file per document or family of documents. */
export const printDocumentMessages = mergeMessageFiles([
  printClaimReceiptMessages,
  printReceiptMessages,
  printPaymentMethodMessages,
  printAccessorySlipMessages,
  printWarrantySlipMessages,
  printDayCloseReportMessages,
  printPackingListMessages
] as const)
