import { defineMessages } from '../i18n/defineMessages'
import { paymentMethodNames } from '../features/checkout/paymentMethodNames'

/**
 * The payment methods as receipts, slips and the day-close report print them: the screens' names,
 * but a bank transfer is the shorter 转账 on paper.
 */
export const printPaymentMethodMessages = defineMessages(
  { print: { method: { ...paymentMethodNames['zh-CN'], bank_transfer: '转账' } } },
  { print: { method: paymentMethodNames.en } }
)
