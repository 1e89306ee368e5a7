import {
  type ExportTable,
  text,
  integer,
  money,
  instant,
  id,
  createdAt,
  userName,
  workOrderNumber,
  invoiceNumber
} from './exportColumns'

/** Receipts and their tax invoice numbers, payments, unpaid hand-overs, day closes and claims to the brand. */
export const MONEY_TABLES: readonly ExportTable[] = [
  {
    file: 'invoices',
    zh: '收据与红冲单',
    en: 'Receipts and credit notes',
    from: 'invoices i',
    orderBy: 'i.issued_at, i.id',
    columns: [
      id('i.id', '单据ID', 'Document ID'),
      text('i.number', '单据号', 'Document number'),
      text('i.kind', '类型', 'Kind'),
      id('i.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('i.work_order_id'),
      id('i.corrects_invoice_id', '冲销单据ID', 'Corrects document ID'),
      money('i.lines_fen', '明细合计(元)', 'Lines total (yuan)'),
      money('i.brand_fen', '厂家承担(元)', 'Brand pays (yuan)'),
      money('i.shop_fen', '本店承担(元)', 'Shop bears (yuan)'),
      money('i.customer_lines_fen', '客户明细(元)', 'Customer lines (yuan)'),
      money('i.discount_fen', '优惠(元)', 'Discount (yuan)'),
      money('i.deposit_applied_fen', '抵扣定金(元)', 'Deposit applied (yuan)'),
      money('i.due_fen', '应收(元)', 'Due (yuan)'),
      money('i.deposit_returned_fen', '退还定金(元)', 'Deposit returned (yuan)'),
      text('i.discount_reason', '优惠原因', 'Discount reason'),
      userName('i.discount_approved_by', '优惠审批人', 'Discount approved by'),
      text('i.reason', '原因', 'Reason'),
      instant('i.issued_at', '开具时间', 'Issued at'),
      userName('i.cashier_id', '收银员', 'Cashier')
    ]
  },
  {
    file: 'invoice_lines',
    zh: '收据明细',
    en: 'Receipt lines',
    from: 'invoice_lines l JOIN invoices i ON i.id = l.invoice_id',
    orderBy: 'i.issued_at, l.invoice_id, l.position',
    columns: [
      id('l.id', '明细ID', 'Line ID'),
      id('l.invoice_id', '单据ID', 'Document ID'),
      text('i.number', '单据号', 'Document number'),
      integer('l.position', '行号', 'Line'),
      text('l.kind', '类型', 'Kind'),
      id('l.source_id', '来源ID', 'Source ID'),
      text('l.description', '内容', 'Description'),
      integer('l.quantity', '数量', 'Quantity'),
      money('l.unit_price_fen', '单价(元)', 'Unit price (yuan)'),
      money('l.amount_fen', '金额(元)', 'Amount (yuan)'),
      text('l.payer', '付款方', 'Payer')
    ]
  },
  {
    file: 'payments',
    zh: '收付款',
    en: 'Payments',
    from: 'payments p',
    orderBy: 'p.at, p.id',
    columns: [
      id('p.id', '收付款ID', 'Payment ID'),
      instant('p.at', '时间', 'At'),
      text('p.kind', '类型', 'Kind'),
      text('p.method', '方式', 'Method'),
      money('p.amount_fen', '金额(元)', 'Amount (yuan)'),
      money('p.tendered_fen', '实收(元)', 'Tendered (yuan)'),
      money('p.change_fen', '找零(元)', 'Change (yuan)'),
      id('p.invoice_id', '单据ID', 'Document ID'),
      invoiceNumber('p.invoice_id'),
      id('p.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('p.work_order_id'),
      text('p.reason', '原因', 'Reason'),
      userName('p.cashier_id', '收银员', 'Cashier'),
      id('p.day_close_id', '日结ID', 'Day close ID')
    ]
  },
  {
    file: 'tax_invoice_numbers',
    zh: '税务发票号',
    en: 'Tax invoice numbers',
    from: 'tax_invoice_numbers t',
    orderBy: 't.recorded_at, t.id',
    columns: [
      id('t.id', '记录ID', 'Record ID'),
      id('t.invoice_id', '单据ID', 'Document ID'),
      invoiceNumber('t.invoice_id'),
      text('t.tax_invoice_number', '税务发票号', 'Tax invoice number'),
      userName('t.recorded_by', '登记人', 'Recorded by'),
      instant('t.recorded_at', '登记时间', 'Recorded at')
    ]
  },
  {
    file: 'unpaid_hand_overs',
    zh: '未付款交机',
    en: 'Devices handed over unpaid',
    from: 'unpaid_hand_overs h',
    orderBy: 'h.at, h.id',
    columns: [
      id('h.id', '记录ID', 'Record ID'),
      id('h.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('h.work_order_id'),
      money('h.lines_fen', '应收明细(元)', 'Lines total (yuan)'),
      money('h.deposit_held_fen', '已收定金(元)', 'Deposit held (yuan)'),
      text('h.reason', '原因', 'Reason'),
      userName('h.approved_by', '批准人', 'Approved by'),
      userName('h.handed_over_by', '交机人', 'Handed over by'),
      instant('h.at', '交机时间', 'Handed over at')
    ]
  },
  {
    file: 'day_close_hand_overs',
    zh: '日结所含未付款交机',
    en: 'Unpaid hand-overs in each day close',
    from: 'day_close_hand_overs x JOIN day_closes d ON d.id = x.day_close_id',
    orderBy: 'd.closed_at, x.unpaid_hand_over_id',
    columns: [
      id('x.day_close_id', '日结ID', 'Day close ID'),
      text('d.number', '日结号', 'Day close number'),
      id('x.unpaid_hand_over_id', '未付款交机记录ID', 'Unpaid hand-over ID')
    ]
  },
  {
    // Payments re-entered after a restore for money a kept close had counted: the later close left
    // that much out, so a system reading the payments must too.
    file: 'payment_re_entries',
    zh: '恢复备份后补录的已日结款项',
    en: 'Re-entered money a kept day close counted',
    from: 'payment_re_entries r JOIN payments p ON p.id = r.payment_id JOIN day_closes d ON d.id = r.day_close_id',
    orderBy: 'p.at, r.payment_id, d.closed_at',
    columns: [
      id('r.payment_id', '收付款ID', 'Payment ID'),
      id('r.dropped_money_id', '丢失记录ID', 'Dropped record ID'),
      text('r.dropped_document_number', '丢失的单据号', 'Dropped document number'),
      id('r.day_close_id', '日结ID', 'Day close ID'),
      text('d.number', '日结号', 'Day close number'),
      money('r.counted_fen', '已日结金额(元)', 'Already counted (yuan)')
    ]
  },
  {
    file: 'day_closes',
    zh: '日结',
    en: 'Day closes',
    from: 'day_closes d',
    orderBy: 'd.closed_at, d.id',
    columns: [
      id('d.id', '日结ID', 'Day close ID'),
      text('d.number', '日结号', 'Day close number'),
      instant('d.period_start', '期间开始', 'Period start'),
      instant('d.period_end', '期间结束', 'Period end'),
      money('d.expected_cash_fen', '应有现金(元)', 'Expected cash (yuan)'),
      money('d.counted_cash_fen', '清点现金(元)', 'Counted cash (yuan)'),
      money('d.difference_fen', '差额(元)', 'Difference (yuan)'),
      text('d.note', '说明', 'Note'),
      userName('d.closed_by', '日结人', 'Closed by'),
      instant('d.closed_at', '日结时间', 'Closed at')
    ]
  },
  {
    file: 'warranty_claims',
    zh: '保修索赔',
    en: 'Warranty claims',
    from: 'warranty_claims c',
    orderBy: 'c.created_at, c.id',
    columns: [
      id('c.id', '索赔ID', 'Claim ID'),
      id('c.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('c.work_order_id'),
      id('c.invoice_id', '单据ID', 'Document ID'),
      money('c.amount_fen', '金额(元)', 'Amount (yuan)'),
      text('c.lines_json', '明细', 'Lines'),
      text('c.status', '状态', 'Status'),
      createdAt('c')
    ]
  },
  {
    // A shop outside a brand network records the brand's answers to its claims by hand; an
    // enrolled shop's claim HQ paid has its paid step too, with nobody recorded.
    file: 'warranty_claim_steps',
    zh: '保修索赔的申报与付款记录',
    en: 'Warranty claim steps (recorded by hand, or paid as HQ sent it)',
    from: 'warranty_claim_steps s',
    orderBy: 's.recorded_at, s.id',
    columns: [
      id('s.id', '记录ID', 'Step ID'),
      id('s.claim_id', '索赔ID', 'Claim ID'),
      text('s.status', '状态', 'Status'),
      money('s.paid_fen', '品牌实付(元)', 'Paid by the brand (yuan)'),
      text('s.note', '说明', 'Note'),
      userName('s.recorded_by', '记录人', 'Recorded by'),
      instant('s.recorded_at', '记录时间', 'Recorded at')
    ]
  }
]
