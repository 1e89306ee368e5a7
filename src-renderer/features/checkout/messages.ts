import { defineMessages } from '../../i18n/defineMessages'

/** Texts of checkout: taking the money, receipts and credit notes. The day close and the counter sale have their own files. */
export const checkoutMessages = defineMessages(
  {
    checkout: {
      title: '结账',
      start: '结账',
      viewInvoice: '已结账 · 查看收据',
      backToOrder: '返回工单',
      method: {
        cash: '现金',
        bank_card: '银行卡',
        wechat_pay: '微信支付',
        alipay: '支付宝',
        bank_transfer: '银行转账'
      },
      kind: { labour: '工时', part: '配件', charge: '其他' },
      paymentKind: { deposit: '定金', payment: '收款', deposit_return: '退还定金', refund: '退款' },
      payerCustomer: '客户付',
      payerBrand: '保修·{brand}',
      payerBrandShort: '保修（厂家付）',
      payerShop: '本店保修',
      payerShopShort: '本店承担',
      depositMethod: '定金支付方式',
      summary: {
        customer: '客户',
        device: '设备',
        technician: '技师',
        unassigned: '未指派',
        fault: '故障'
      },
      lines: {
        title: '收费项目',
        description: '项目',
        quantity: '数量',
        unitPrice: '单价',
        amount: '金额',
        payer: '付款方',
        empty: '该工单没有工时或配件',
        warrantyHint: '保修工单的项目默认由厂家付款（计入保修索赔）；客户自费的项目请切换为“客户付”。',
        shopWarrantyHint: '本店保修维修：项目默认由本店承担（客户免费，不向厂家索赔）；客户自费的项目请切换为“客户付”。'
      },
      charges: {
        add: '添加其他费用',
        description: '项目',
        placeholder: '如：保护壳、贴膜、加急费',
        quantity: '数量',
        unitPrice: '单价（元）',
        amount: '金额',
        remove: '删除'
      },
      discount: {
        title: '优惠',
        amount: '优惠（元）',
        reason: '优惠原因',
        reasonPlaceholder: '如：老客户、活动',
        needsManager: '超过 ¥{threshold}，收款时需店长授权',
        tooLarge: '优惠不能超过客户应付的 ¥{max}',
        fromQuote: '报价中已同意的优惠'
      },
      totals: {
        title: '金额',
        lines: '项目合计',
        brand: '保修索赔（厂家付）',
        shop: '本店保修（本店承担）',
        customerLines: '客户项目',
        discount: '优惠',
        depositApplied: '定金抵扣',
        depositHeld: '已收定金 ¥{amount}',
        due: '应收',
        depositReturned: '退还定金'
      },
      payment: {
        title: '收款',
        method: '支付方式',
        add: '添加支付方式',
        remove: '删除',
        tendered: '实收',
        change: '找零',
        short: '还差 ¥{amount}',
        nonCashOver: '非现金合计 ¥{nonCash} 超过应收 ¥{due}：只有现金可以找零',
        badAmount: '请填写每种支付方式的金额',
        nothingDue: '客户无需付款',
        returnDeposit: '定金多出 ¥{amount}，收款后退还客户'
      },
      pay: '收款 ¥{amount}',
      payNothing: '确认（客户无需付款）',
      payHint: '回车跳到下一项，Ctrl+回车收款',
      blocked: '该工单暂不能结账',
      alreadyPaid: '该工单已结账',
      approval: {
        title: '店长授权',
        hint: '优惠 ¥{amount} 超过审批额度 ¥{threshold}，请店长输入用户名和密码授权。',
        username: '店长用户名',
        password: '密码',
        confirm: '授权并收款',
        newAmountHint: '本次结算金额与客户同意的报价不同，且客户尚未确认新金额：请店长输入用户名和密码批准。',
        droppedMoneyHint: '恢复备份时丢失了此单的收付款记录，收款员已核对：请店长输入用户名和密码，批准再次收款。'
      },
      quoteCompare: {
        title: '客户同意的报价',
        accepted: '报价金额（客户已同意）',
        billed: '本次应收',
        differs: '本次应收 ¥{billed} 与客户同意的报价 ¥{accepted} 不同：请向客户说明并取得同意，或由店长批准。',
        customerAccepts: '客户已同意新金额 ¥{billed}',
        channel: { in_person: '当面', phone: '电话' },
        orManager: '客户未同意时，收款需店长授权。',
        matches: '与客户同意的报价一致'
      },
      quotedLabour: '工时（按报价）',
      taxInvoice: {
        label: '发票号',
        none: '未开发票',
        record: '登记发票号',
        correct: '更正',
        title: '登记发票号',
        hint: '本单据是收款收据，不是税务发票。如已另行开具发票，请填写发票号码。',
        invalid: '请填写发票号码（最多 30 个字符）',
        save: '保存',
        cancel: '取消'
      },
      success: {
        title: '收款成功',
        invoice: '收据号 {number}',
        change: '找零',
        depositReturned: '退还定金 ¥{amount}（{method}）',
        print: '打印收据',
        open: '查看收据'
      },
      invoice: {
        invoice: '收款收据',
        creditNote: '退款单',
        number: '单号',
        workOrder: '工单',
        issuedAt: '开具时间',
        cashier: '收银员',
        corrects: '原收据',
        reason: '退款原因',
        discountReason: '优惠原因',
        discountApprovedBy: '优惠授权',
        payments: '收付款记录',
        noPayments: '没有收付款',
        time: '时间',
        kind: '类型',
        method: '方式',
        tendered: '实收',
        change: '找零',
        amount: '金额',
        refunded: '退款合计',
        creditNotes: '退款记录',
        print: '打印收据'
      },
      credit: {
        open: '退款',
        title: '退款 · {number}',
        hint: '填写各项目要退的金额（最多为可退金额）；客户已付的部分按所选方式退还。',
        left: '可退',
        amount: '退款金额（元）',
        full: '全额',
        reason: '退款原因',
        refundMethod: '退款方式',
        refund: '退还客户',
        brand: '冲减保修索赔',
        shop: '冲减本店承担',
        confirm: '开具退款单',
        confirmHint: 'Ctrl+回车 开具',
        nothingChosen: '请至少填写一项退款金额',
        tooMuch: '最多 ¥{max}',
        created: '已开具退款单 {number}',
        nothingLeft: '该收据已全部退款',
        handedBack: '退回配件',
        handedBackHint: '客户交回的配件数量及去向',
        disposition: { resellable: '回库可售', faulty: '故障退厂', scrap: '报废' }
      }
    }
  },
  {
    checkout: {
      title: 'Checkout',
      start: 'Check out',
      viewInvoice: 'Checked out · view receipt',
      backToOrder: 'Back to work order',
      method: {
        cash: 'Cash',
        bank_card: 'Bank card',
        wechat_pay: 'WeChat Pay',
        alipay: 'Alipay',
        bank_transfer: 'Bank transfer'
      },
      kind: { labour: 'Labour', part: 'Part', charge: 'Other' },
      paymentKind: { deposit: 'Deposit', payment: 'Payment', deposit_return: 'Deposit returned', refund: 'Refund' },
      payerCustomer: 'Customer',
      payerBrand: 'Warranty · {brand}',
      payerBrandShort: 'Warranty (brand pays)',
      payerShop: 'Shop warranty',
      payerShopShort: 'Shop bears it',
      depositMethod: 'Deposit paid by',
      summary: {
        customer: 'Customer',
        device: 'Device',
        technician: 'Technician',
        unassigned: 'Unassigned',
        fault: 'Fault'
      },
      lines: {
        title: 'Charges',
        description: 'Item',
        quantity: 'Qty',
        unitPrice: 'Unit price',
        amount: 'Amount',
        payer: 'Paid by',
        empty: 'This job has no labour or parts',
        warrantyHint:
          'On a warranty job the brand pays every line (it becomes the warranty claim); switch a line to "Customer" if the customer pays for it.',
        shopWarrantyHint:
          'A repair under the shop’s own warranty: the shop bears every line (free to the customer, never claimed from the brand); switch a line to "Customer" if the customer pays for it.'
      },
      charges: {
        add: 'Add a charge',
        description: 'Item',
        placeholder: 'e.g. case, screen protector, express fee',
        quantity: 'Qty',
        unitPrice: 'Unit price (¥)',
        amount: 'Amount',
        remove: 'Remove'
      },
      discount: {
        title: 'Discount',
        amount: 'Discount (¥)',
        reason: 'Reason',
        reasonPlaceholder: 'e.g. regular customer, promotion',
        needsManager: 'Above ¥{threshold}: a manager approves it at payment',
        tooLarge: 'The discount cannot exceed the customer’s ¥{max}',
        fromQuote: 'Discount agreed in the quote'
      },
      totals: {
        title: 'Amounts',
        lines: 'All lines',
        brand: 'Warranty claim (brand pays)',
        shop: 'Shop warranty (shop bears it)',
        customerLines: 'Customer lines',
        discount: 'Discount',
        depositApplied: 'Deposit applied',
        depositHeld: 'Deposit held ¥{amount}',
        due: 'Amount due',
        depositReturned: 'Deposit returned'
      },
      payment: {
        title: 'Payment',
        method: 'Method',
        add: 'Add a method',
        remove: 'Remove',
        tendered: 'Tendered',
        change: 'Change',
        short: '¥{amount} still to pay',
        nonCashOver: 'Non-cash ¥{nonCash} is more than the ¥{due} due: only cash gives change',
        badAmount: 'Enter an amount for every method',
        nothingDue: 'Nothing to pay',
        returnDeposit: '¥{amount} of the deposit is left over: hand it back to the customer'
      },
      pay: 'Take ¥{amount}',
      payNothing: 'Confirm (nothing to pay)',
      payHint: 'Enter moves to the next field, Ctrl+Enter takes the payment',
      blocked: 'This job cannot be checked out yet',
      alreadyPaid: 'This job has been checked out',
      approval: {
        title: 'Manager approval',
        hint: 'The discount of ¥{amount} is above the approval limit of ¥{threshold}: a manager enters their user name and password to approve it.',
        username: 'Manager’s user name',
        password: 'Password',
        confirm: 'Approve and take payment',
        newAmountHint:
          'This bill is not the quote the customer accepted, and the customer has not accepted the new amount: a manager enters their user name and password to approve it.',
        droppedMoneyHint:
          'A restore dropped money records of this job and the counter has checked them: a manager enters their user name and password to approve charging it again.'
      },
      quoteCompare: {
        title: 'Quote the customer accepted',
        accepted: 'Accepted quote',
        billed: 'This bill',
        differs:
          'This bill of ¥{billed} is not the ¥{accepted} the customer accepted: explain it and get their yes, or a manager approves it.',
        customerAccepts: 'The customer accepts the new amount of ¥{billed}',
        channel: { in_person: 'In person', phone: 'By phone' },
        orManager: 'Without the customer’s yes, a manager approves the payment.',
        matches: 'Same as the quote the customer accepted'
      },
      quotedLabour: 'Labour (as quoted)',
      taxInvoice: {
        label: 'Tax invoice no.',
        none: 'No tax invoice',
        record: 'Record tax invoice no.',
        correct: 'Correct',
        title: 'Tax invoice number',
        hint: 'This document is a payment receipt, not a tax invoice. If a tax invoice (fapiao) was issued elsewhere, enter its number.',
        invalid: 'Enter the tax invoice number (at most 30 characters)',
        save: 'Save',
        cancel: 'Cancel'
      },
      success: {
        title: 'Payment taken',
        invoice: 'Receipt {number}',
        change: 'Change',
        depositReturned: 'Deposit returned ¥{amount} ({method})',
        print: 'Print receipt',
        open: 'Open receipt'
      },
      invoice: {
        invoice: 'Payment receipt',
        creditNote: 'Refund note',
        number: 'Number',
        workOrder: 'Work order',
        issuedAt: 'Issued',
        cashier: 'Cashier',
        corrects: 'Original receipt',
        reason: 'Reason',
        discountReason: 'Discount reason',
        discountApprovedBy: 'Discount approved by',
        payments: 'Payments',
        noPayments: 'No payments',
        time: 'Time',
        kind: 'Type',
        method: 'Method',
        tendered: 'Tendered',
        change: 'Change',
        amount: 'Amount',
        refunded: 'Refunded in total',
        creditNotes: 'Refunds',
        print: 'Print receipt'
      },
      credit: {
        open: 'Refund',
        title: 'Refund · {number}',
        hint: 'Enter the amount to refund on each line (at most what is left); what the customer paid for it goes back by the method chosen.',
        left: 'Left',
        amount: 'Refund (¥)',
        full: 'All',
        reason: 'Reason',
        refundMethod: 'Refund by',
        refund: 'Refund to customer',
        brand: 'Off the warranty claim',
        shop: 'Off what the shop bore',
        confirm: 'Issue refund note',
        confirmHint: 'Ctrl+Enter issues it',
        nothingChosen: 'Enter an amount on at least one line',
        tooMuch: 'At most ¥{max}',
        created: 'Refund note {number} issued',
        nothingLeft: 'Everything on this receipt has been refunded',
        handedBack: 'Part handed back',
        handedBackHint: 'How many the customer handed back, and where they go',
        disposition: { resellable: 'Back to stock', faulty: 'Faulty, to the brand', scrap: 'Scrap' }
      }
    }
  }
)
