import { defineMessages } from '../i18n/defineMessages'

/** The words on the receipts: a work order's payment receipt and refund note, and the counter sale's receipt. */
export const printReceiptMessages = defineMessages(
  {
    print: {
      receipt: {
        title: '收款收据',
        quotedLabour: '工时（按报价）',
        taxInvoiceNumber: '发票号',
        creditTitle: '退款单',
        number: '收据号',
        creditNumber: '退款单号',
        corrects: '原收据',
        reason: '退款原因',
        time: '时间',
        cashier: '收银员',
        item: '项目',
        payer: '承担',
        quantity: '数量',
        unitPrice: '单价',
        amount: '金额',
        payerCustomer: '客户',
        payerBrand: '保修',
        payerShop: '本店保修',
        subtotal: '合计',
        warrantyCovered: '保修承担',
        shopCovered: '本店保修承担',
        discount: '优惠',
        discountReason: '优惠原因',
        discountShareKept: '原优惠分摊（不退）',
        depositApplied: '定金抵扣',
        due: '应收金额',
        refund: '退款金额',
        payments: '收款方式',
        refunds: '退款方式',
        tendered: '实收',
        change: '找零',
        depositReturned: '退还定金',
        depositReturnedBy: '退还定金（{method}）',
        noPayment: '无需收款',
        thanks: '谢谢惠顾，请保留此收据作为保修凭证',
        notTaxInvoice: '本单据为收款收据，不是税务发票'
      },
      counterReceipt: {
        title: '零售收据',
        refundTitle: '零售退款凭证',
        customer: '顾客',
        thanks: '谢谢惠顾，请保留此收据作为退换凭证'
      }
    }
  },
  {
    print: {
      receipt: {
        title: 'Payment receipt',
        quotedLabour: 'Labour (as quoted)',
        taxInvoiceNumber: 'Tax invoice no.',
        creditTitle: 'Refund note',
        number: 'Receipt no.',
        creditNumber: 'Refund note no.',
        corrects: 'Original receipt',
        reason: 'Reason',
        time: 'Time',
        cashier: 'Cashier',
        item: 'Item',
        payer: 'Paid by',
        quantity: 'Qty',
        unitPrice: 'Unit',
        amount: 'Amount',
        payerCustomer: 'Customer',
        payerBrand: 'Warranty',
        payerShop: 'Shop warranty',
        subtotal: 'Subtotal',
        warrantyCovered: 'Covered by warranty',
        shopCovered: 'Covered by shop warranty',
        discount: 'Discount',
        discountReason: 'Discount reason',
        discountShareKept: 'Discount given (not refunded)',
        depositApplied: 'Deposit applied',
        due: 'Amount due',
        refund: 'Refund',
        payments: 'Payments',
        refunds: 'Refunded by',
        tendered: 'Tendered',
        change: 'Change',
        depositReturned: 'Deposit returned',
        depositReturnedBy: 'Deposit returned ({method})',
        noPayment: 'Nothing to pay',
        thanks: 'Thank you. Keep this receipt as proof of warranty.',
        notTaxInvoice: 'This is a payment receipt, not a tax invoice.'
      },
      counterReceipt: {
        title: 'Sales receipt',
        refundTitle: 'Sales refund voucher',
        customer: 'Customer',
        thanks: 'Thank you. Keep this receipt for returns and exchanges.'
      }
    }
  }
)
