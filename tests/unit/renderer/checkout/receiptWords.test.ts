import { describe, expect, it } from 'vitest'
import { checkoutMessages } from '../../../../src-renderer/features/checkout/messages'
import { dayCloseMessages } from '../../../../src-renderer/features/checkout/dayCloseMessages'
import { counterSaleMessages } from '../../../../src-renderer/features/checkout/counterSaleMessages'
import { printMessages } from '../../../../src-renderer/print/messages'
import { printDocumentMessages } from '../../../../src-renderer/print/documentMessages'
import { auditMessages } from '../../../../src-renderer/features/audit/messages'
import { coreZhCN as zhCN } from '../../../../src-renderer/i18n/zh-CN'
import { coreEn as en } from '../../../../src-renderer/i18n/en'

/** Every text of a message tree with its key path. */
function texts(tree: unknown, path = ''): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]]
  if (tree === null || typeof tree !== 'object') return []
  return Object.entries(tree).flatMap(([key, value]) => texts(value, path ? `${path}.${key}` : key))
}

const chinese = [
  ...texts(checkoutMessages['zh-CN']),
  ...texts(dayCloseMessages['zh-CN']),
  ...texts(counterSaleMessages['zh-CN']),
  ...texts(printMessages['zh-CN']),
  ...texts(printDocumentMessages['zh-CN']),
  ...texts(auditMessages['zh-CN']),
  ...texts(zhCN)
]
const english = [
  ...texts(checkoutMessages.en),
  ...texts(dayCloseMessages.en),
  ...texts(counterSaleMessages.en),
  ...texts(printMessages.en),
  ...texts(printDocumentMessages.en),
  ...texts(auditMessages.en),
  ...texts(en)
]

describe('the shop issues payment receipts, not tax invoices', () => {
  it('the screens name the documents as the paper does: 收款收据 and 退款单', () => {
    expect(checkoutMessages['zh-CN'].checkout.invoice.invoice).toBe('收款收据')
    expect(checkoutMessages['zh-CN'].checkout.invoice.creditNote).toBe('退款单')
    expect(printDocumentMessages['zh-CN'].print.receipt.creditTitle).toBe('退款单')
    expect(checkoutMessages.en.checkout.invoice.invoice).toBe('Payment receipt')
    expect(checkoutMessages.en.checkout.invoice.creditNote).toBe('Refund note')
  })

  it('no text calls a receipt 发票 or a refund 红字发票; 发票 is only a tax invoice issued elsewhere', () => {
    // 购机发票 (the customer's purchase invoice) belongs to warranty, not to the shop's documents.
    const wrong = chinese.filter(
      ([key, text]) => /红字|冲销/.test(text) || (/发票/.test(text) && !/taxInvoice|TaxInvoice/.test(key))
    )
    expect(wrong).toEqual([])
    expect(
      english.filter(([key, text]) => /credit note|invoice/i.test(text) && !/taxInvoice|TaxInvoice/.test(key))
    ).toEqual([])
  })
})
