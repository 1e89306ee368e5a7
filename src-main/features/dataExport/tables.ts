/**
 * What the shop export writes: one CSV file per table a person or an auditor would want, with
 * the columns in a reader's words. Secrets never appear: password hashes, sessions, claim codes
 * and device passcodes are simply not selected. Internal helper columns (search text) are left
 * out too. Ids stay, so the files can be joined; the human numbers sit beside them.
 */

/** How a column's stored value is shown: money in yuan, instants in the shop's local time. */
export type ColumnKind = 'text' | 'integer' | 'money' | 'instant' | 'boolean'

export interface ExportColumn {
  /** An SQL expression over the table's alias(es). */
  sql: string
  kind: ColumnKind
  zh: string
  en: string
}

export interface ExportTable {
  file: string
  zh: string
  en: string
  /** FROM clause (with joins) and ORDER BY, so files read in a stable, meaningful order. */
  from: string
  orderBy: string
  columns: readonly ExportColumn[]
}

const text = (sql: string, zh: string, en: string): ExportColumn => ({ sql, kind: 'text', zh, en })
const integer = (sql: string, zh: string, en: string): ExportColumn => ({ sql, kind: 'integer', zh, en })
const money = (sql: string, zh: string, en: string): ExportColumn => ({ sql, kind: 'money', zh, en })
const instant = (sql: string, zh: string, en: string): ExportColumn => ({ sql, kind: 'instant', zh, en })
const boolean = (sql: string, zh: string, en: string): ExportColumn => ({ sql, kind: 'boolean', zh, en })
const id = (sql: string, zh: string, en: string): ExportColumn => text(sql, zh, en)

const createdAt = (alias: string) => instant(`${alias}.created_at`, '创建时间', 'Created at')
const updatedAt = (alias: string) => instant(`${alias}.updated_at`, '更新时间', 'Updated at')
const userName = (sql: string, zh: string, en: string) =>
  text(`(SELECT display_name FROM users u WHERE u.id = ${sql})`, zh, en)
const workOrderNumber = (sql: string) =>
  text(`(SELECT number FROM work_orders w WHERE w.id = ${sql})`, '工单号', 'Work order number')
const partNumber = (sql: string) =>
  text(`(SELECT part_number FROM parts p WHERE p.id = ${sql})`, '配件编号', 'Part number')

export const EXPORT_TABLES: readonly ExportTable[] = [
  {
    file: 'customers',
    zh: '客户',
    en: 'Customers',
    from: 'customers c',
    orderBy: 'c.created_at, c.id',
    columns: [
      id('c.id', '客户ID', 'Customer ID'),
      text('c.name', '姓名', 'Name'),
      text('c.mobile', '手机', 'Mobile'),
      text('c.other_phones_json', '其他电话', 'Other phones'),
      text('c.address', '地址', 'Address'),
      text('c.company', '单位', 'Company'),
      text('c.notes', '备注', 'Notes'),
      text('c.tags_json', '标签', 'Tags'),
      id('c.merged_into_id', '已合并到客户ID', 'Merged into customer ID'),
      createdAt('c'),
      updatedAt('c')
    ]
  },
  {
    file: 'devices',
    zh: '设备',
    en: 'Devices',
    from: 'devices d',
    orderBy: 'd.created_at, d.id',
    columns: [
      id('d.id', '设备ID', 'Device ID'),
      id('d.customer_id', '客户ID', 'Customer ID'),
      text('d.brand', '品牌', 'Brand'),
      text('d.model', '型号', 'Model'),
      text('d.serial', '序列号', 'Serial number'),
      text('d.colour', '颜色', 'Colour'),
      text('d.purchase_date', '购买日期', 'Purchase date'),
      createdAt('d'),
      updatedAt('d')
    ]
  },
  {
    file: 'work_orders',
    zh: '维修工单',
    en: 'Work orders',
    from: 'work_orders w',
    orderBy: 'w.created_at, w.id',
    columns: [
      id('w.id', '工单ID', 'Work order ID'),
      text('w.number', '工单号', 'Work order number'),
      id('w.customer_id', '客户ID', 'Customer ID'),
      text('(SELECT name FROM customers c WHERE c.id = w.customer_id)', '客户姓名', 'Customer name'),
      id('w.device_id', '设备ID', 'Device ID'),
      text('w.service_type', '服务类型', 'Service type'),
      text('w.intake_channel', '接件方式', 'Intake channel'),
      text('w.status', '状态', 'Status'),
      text('w.reported_fault', '故障描述', 'Reported fault'),
      text('w.symptom_code', '现象代码', 'Symptom code'),
      text('w.condition_json', '外观状况', 'Condition'),
      text('w.accessories_json', '随机附件', 'Accessories'),
      money('w.estimate_fen', '预估金额(元)', 'Estimate (yuan)'),
      money('w.deposit_fen', '定金(元)', 'Deposit (yuan)'),
      text('w.promised_date', '承诺日期', 'Promised date'),
      text('w.fault_date', '故障发生日期', 'Fault date'),
      text('w.waiting_cause', '等待原因', 'Waiting cause'),
      text('w.waiting_since', '等待起始日期', 'Waiting since'),
      userName('w.technician_id', '技术员', 'Technician'),
      text('w.fault_location_code', '故障部位代码', 'Fault location code'),
      text('w.fault_cause_code', '故障原因代码', 'Fault cause code'),
      text('w.diagnosis', '诊断', 'Diagnosis'),
      text('w.internal_note', '内部备注', 'Internal note'),
      text('w.customer_note', '客户备注', 'Customer note'),
      text('w.close_reason', '关闭原因', 'Close reason'),
      id('w.reopened_from_id', '返修自工单ID', 'Reopened from work order ID'),
      instant('w.picked_up_at', '取机时间', 'Picked up at'),
      userName('w.picked_up_by', '交机人', 'Handed over by'),
      userName('w.created_by', '接件人', 'Taken in by'),
      createdAt('w'),
      updatedAt('w')
    ]
  },
  {
    file: 'work_order_events',
    zh: '工单记录',
    en: 'Work order events',
    from: 'work_order_events e',
    orderBy: 'e.at, e.id',
    columns: [
      id('e.id', '记录ID', 'Event ID'),
      id('e.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('e.work_order_id'),
      instant('e.at', '时间', 'At'),
      userName('e.actor_id', '操作人', 'By'),
      text('e.kind', '类型', 'Kind'),
      text('e.from_status', '原状态', 'From status'),
      text('e.to_status', '新状态', 'To status'),
      text('e.note', '说明', 'Note')
    ]
  },
  {
    file: 'quotes',
    zh: '报价',
    en: 'Quotes',
    from: 'quotes q',
    orderBy: 'q.created_at, q.id',
    columns: [
      id('q.id', '报价ID', 'Quote ID'),
      id('q.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('q.work_order_id'),
      money('q.labour_fen', '工时费(元)', 'Labour (yuan)'),
      money('q.parts_fen', '配件费(元)', 'Parts (yuan)'),
      money('q.discount_fen', '优惠(元)', 'Discount (yuan)'),
      money('q.total_fen', '合计(元)', 'Total (yuan)'),
      text('q.note', '说明', 'Note'),
      userName('q.created_by', '报价人', 'Quoted by'),
      createdAt('q'),
      text('q.customer_decision', '客户决定', 'Customer decision'),
      text('q.decision_channel', '确认方式', 'Decision channel'),
      instant('q.decided_at', '决定时间', 'Decided at'),
      text('q.manager_approval', '经理审批', 'Manager approval'),
      userName('q.manager_id', '审批经理', 'Approving manager'),
      instant('q.manager_decided_at', '审批时间', 'Approved at')
    ]
  },
  {
    file: 'work_order_labour',
    zh: '工单工时',
    en: 'Work order labour',
    from: 'work_order_labour l',
    orderBy: 'l.created_at, l.id',
    columns: [
      id('l.id', '工时ID', 'Labour line ID'),
      id('l.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('l.work_order_id'),
      text('l.description', '内容', 'Description'),
      integer('l.minutes', '分钟', 'Minutes'),
      money('l.price_fen', '金额(元)', 'Price (yuan)'),
      userName('l.created_by', '录入人', 'Entered by'),
      createdAt('l')
    ]
  },
  {
    file: 'work_order_part_requests',
    zh: '工单配件申请',
    en: 'Work order part requests',
    from: 'work_order_part_requests r',
    orderBy: 'r.requested_at, r.id',
    columns: [
      id('r.id', '申请ID', 'Request ID'),
      id('r.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('r.work_order_id'),
      id('r.part_id', '配件ID', 'Part ID'),
      partNumber('r.part_id'),
      integer('r.quantity', '申请数量', 'Quantity requested'),
      integer('r.issued_quantity', '已发数量', 'Quantity issued'),
      text('r.note', '说明', 'Note'),
      text('r.status', '状态', 'Status'),
      userName('r.requested_by', '申请人', 'Requested by'),
      instant('r.requested_at', '申请时间', 'Requested at'),
      instant('r.closed_at', '关闭时间', 'Closed at')
    ]
  },
  {
    file: 'work_order_parts',
    zh: '工单用料',
    en: 'Work order parts',
    from: 'work_order_parts p',
    orderBy: 'p.issued_at, p.id',
    columns: [
      id('p.id', '用料ID', 'Part line ID'),
      id('p.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('p.work_order_id'),
      id('p.part_id', '配件ID', 'Part ID'),
      partNumber('p.part_id'),
      text('p.serial', '序列号', 'Serial number'),
      integer('p.quantity', '数量', 'Quantity'),
      integer('p.returned_quantity', '退回数量', 'Quantity returned'),
      money('p.unit_price_fen', '单价(元)', 'Unit price (yuan)'),
      money('p.unit_cost_fen', '单位成本(元)', 'Unit cost (yuan)'),
      money('p.cost_value_fen', '成本金额(元)', 'Cost value (yuan)'),
      money('p.returned_value_fen', '退回成本(元)', 'Returned value (yuan)'),
      userName('p.issued_by', '发料人', 'Issued by'),
      instant('p.issued_at', '发料时间', 'Issued at')
    ]
  },
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
      text('(SELECT number FROM invoices i WHERE i.id = p.invoice_id)', '单据号', 'Document number'),
      id('p.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('p.work_order_id'),
      text('p.reason', '原因', 'Reason'),
      userName('p.cashier_id', '收银员', 'Cashier'),
      id('p.day_close_id', '日结ID', 'Day close ID')
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
    file: 'parts',
    zh: '配件',
    en: 'Parts',
    from: 'parts p',
    orderBy: 'p.part_number',
    columns: [
      id('p.id', '配件ID', 'Part ID'),
      text('p.part_number', '配件编号', 'Part number'),
      text('p.name', '名称', 'Name'),
      text('p.description', '描述', 'Description'),
      text('p.unit', '单位', 'Unit'),
      text('p.bin_location', '库位', 'Bin location'),
      money('p.selling_price_fen', '售价(元)', 'Selling price (yuan)'),
      money('p.average_cost_fen', '平均成本(元)', 'Average cost (yuan)'),
      integer('p.on_hand', '库存数量', 'On hand'),
      money('p.stock_value_fen', '库存金额(元)', 'Stock value (yuan)'),
      integer('p.reorder_point', '补货点', 'Reorder point'),
      integer('p.reorder_quantity', '补货量', 'Reorder quantity'),
      boolean('p.serial_tracked', '按序列号管理', 'Serial tracked'),
      boolean('p.return_faulty', '需返还旧件', 'Faulty part returned'),
      boolean('p.active', '在用', 'Active'),
      text("(SELECT group_concat(barcode, ' ') FROM part_barcodes b WHERE b.part_id = p.id)", '条码', 'Barcodes'),
      createdAt('p'),
      updatedAt('p')
    ]
  },
  {
    file: 'stock_movements',
    zh: '库存流水',
    en: 'Stock ledger',
    from: 'stock_movements m',
    orderBy: 'm.seq',
    columns: [
      integer('m.seq', '序号', 'Sequence'),
      id('m.id', '流水ID', 'Movement ID'),
      id('m.part_id', '配件ID', 'Part ID'),
      partNumber('m.part_id'),
      instant('m.at', '时间', 'At'),
      text('m.kind', '类型', 'Kind'),
      integer('m.quantity', '数量', 'Quantity'),
      money('m.unit_cost_fen', '单位成本(元)', 'Unit cost (yuan)'),
      money('m.value_fen', '金额(元)', 'Value (yuan)'),
      integer('m.balance_after', '结存', 'Balance after'),
      text('m.reference', '单据参考', 'Reference'),
      text('m.reason', '原因', 'Reason'),
      text('m.serial', '序列号', 'Serial number'),
      id('m.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('m.work_order_id'),
      userName('m.actor_id', '操作人', 'By')
    ]
  },
  {
    file: 'stock_adjustments',
    zh: '库存调整',
    en: 'Stock adjustments',
    from: 'stock_adjustments a',
    orderBy: 'a.requested_at, a.id',
    columns: [
      id('a.id', '调整ID', 'Adjustment ID'),
      id('a.part_id', '配件ID', 'Part ID'),
      partNumber('a.part_id'),
      text('a.kind', '类型', 'Kind'),
      integer('a.quantity', '数量', 'Quantity'),
      money('a.value_fen', '金额(元)', 'Value (yuan)'),
      text('a.reason', '原因', 'Reason'),
      text('a.status', '状态', 'Status'),
      integer('a.ledger_seq', '流水序号', 'Ledger sequence'),
      userName('a.requested_by', '申请人', 'Requested by'),
      instant('a.requested_at', '申请时间', 'Requested at'),
      userName('a.decided_by', '审批人', 'Decided by'),
      instant('a.decided_at', '审批时间', 'Decided at')
    ]
  },
  {
    file: 'stocktakes',
    zh: '盘点',
    en: 'Stocktakes',
    from: 'stocktakes s',
    orderBy: 's.started_at, s.id',
    columns: [
      id('s.id', '盘点ID', 'Stocktake ID'),
      text('s.number', '盘点单号', 'Stocktake number'),
      text('s.scope_json', '范围', 'Scope'),
      text('s.note', '说明', 'Note'),
      text('s.status', '状态', 'Status'),
      userName('s.started_by', '发起人', 'Started by'),
      instant('s.started_at', '开始时间', 'Started at'),
      userName('s.posted_by', '过账人', 'Posted by'),
      instant('s.posted_at', '过账时间', 'Posted at')
    ]
  },
  {
    file: 'stocktake_lines',
    zh: '盘点明细',
    en: 'Stocktake lines',
    from: 'stocktake_lines l',
    orderBy: 'l.stocktake_id, l.part_id',
    columns: [
      id('l.stocktake_id', '盘点ID', 'Stocktake ID'),
      id('l.part_id', '配件ID', 'Part ID'),
      partNumber('l.part_id'),
      integer('l.snapshot_quantity', '快照数量', 'Snapshot quantity'),
      integer('l.counted_quantity', '实盘数量', 'Counted quantity'),
      integer('l.book_quantity_at_count', '盘点时账面数量', 'Book quantity at count'),
      instant('l.counted_at', '盘点时间', 'Counted at'),
      userName('l.counted_by', '盘点人', 'Counted by')
    ]
  },
  {
    file: 'faulty_parts',
    zh: '旧件',
    en: 'Faulty parts',
    from: 'faulty_parts f',
    orderBy: 'f.created_at, f.id',
    columns: [
      id('f.id', '旧件ID', 'Faulty part ID'),
      id('f.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('f.work_order_id'),
      id('f.part_id', '配件ID', 'Part ID'),
      partNumber('f.part_id'),
      text('f.serial', '序列号', 'Serial number'),
      integer('f.quantity', '数量', 'Quantity'),
      text('f.status', '状态', 'Status'),
      text('(SELECT number FROM return_batches b WHERE b.id = f.batch_id)', '返厂批次号', 'Return batch number'),
      createdAt('f'),
      updatedAt('f')
    ]
  },
  {
    file: 'return_batches',
    zh: '返厂批次',
    en: 'Return batches',
    from: 'return_batches b',
    orderBy: 'b.created_at, b.id',
    columns: [
      id('b.id', '批次ID', 'Batch ID'),
      text('b.number', '批次号', 'Batch number'),
      text('b.status', '状态', 'Status'),
      text('b.carrier', '承运商', 'Carrier'),
      text('b.tracking_number', '运单号', 'Tracking number'),
      text('b.credit_reference', '厂家结算号', 'Credit reference'),
      userName('b.created_by', '创建人', 'Created by'),
      createdAt('b'),
      instant('b.shipped_at', '发出时间', 'Shipped at'),
      instant('b.credited_at', '结算时间', 'Credited at')
    ]
  },
  {
    file: 'warranty_units',
    zh: '保修机器',
    en: 'Warranty units',
    from: 'warranty_units u LEFT JOIN product_models m ON m.id = u.model_id',
    orderBy: 'u.serial',
    columns: [
      id('u.id', '机器ID', 'Unit ID'),
      text('u.serial', '序列号', 'Serial number'),
      text('m.brand', '品牌', 'Brand'),
      text('m.model', '型号', 'Model'),
      text('u.card_number', '保修卡号', 'Warranty card number'),
      text('u.purchase_date', '购买日期', 'Purchase date'),
      text('u.invoice_number', '购机发票号', 'Purchase invoice number'),
      text('u.dealer', '经销商', 'Dealer'),
      text('u.production_date', '生产日期', 'Production date'),
      text('u.buyer_name', '购买人', 'Buyer name'),
      text('u.buyer_phone', '购买人电话', 'Buyer phone'),
      text('u.activation_date', '激活日期', 'Activation date'),
      id('u.exchanged_from_id', '换自机器ID', 'Exchanged from unit ID'),
      text('u.exchanged_on', '换机日期', 'Exchanged on'),
      text('u.exchange_rule', '换机依据', 'Exchange allowed by'),
      text('u.refunded_on', '退货日期', 'Refunded on'),
      text('u.refund_rule', '退货依据', 'Refund allowed by'),
      text('u.source', '来源', 'Source'),
      createdAt('u'),
      updatedAt('u')
    ]
  },
  {
    file: 'product_models',
    zh: '产品型号',
    en: 'Product models',
    from: 'product_models m',
    orderBy: 'm.brand, m.model',
    columns: [
      id('m.id', '型号ID', 'Model ID'),
      text('m.brand', '品牌', 'Brand'),
      text('m.model', '型号', 'Model'),
      text('m.category_key', '品类', 'Category'),
      createdAt('m')
    ]
  },
  {
    file: 'warranty_policies',
    zh: '保修政策',
    en: 'Warranty policies',
    from: 'warranty_policies p',
    orderBy: 'p.effective_from, p.id',
    columns: [
      id('p.id', '政策ID', 'Policy ID'),
      text('p.category_key', '品类', 'Category'),
      id('p.model_id', '型号ID', 'Model ID'),
      text('p.effective_from', '生效日期', 'Effective from'),
      text('p.policy_json', '政策内容', 'Policy'),
      text('p.note', '说明', 'Note'),
      userName('p.created_by', '创建人', 'Created by'),
      createdAt('p')
    ]
  },
  {
    file: 'fault_codes',
    zh: '故障代码',
    en: 'Fault codes',
    from: 'code_entries k',
    orderBy: 'k.list, k.sort_order, k.code',
    columns: [
      text('k.list', '代码表', 'List'),
      text('k.code', '代码', 'Code'),
      text('k.label', '名称', 'Label'),
      text('k.component', '部件', 'Component'),
      boolean('k.voids_warranty', '使保修失效', 'Voids warranty'),
      boolean('k.active', '在用', 'Active')
    ]
  },
  {
    file: 'users',
    zh: '员工账号',
    en: 'Staff accounts',
    from: 'users u',
    orderBy: 'u.created_at, u.id',
    columns: [
      id('u.id', '账号ID', 'Account ID'),
      text('u.username', '用户名', 'Username'),
      text('u.display_name', '姓名', 'Name'),
      text('u.phone', '电话', 'Phone'),
      text('u.role', '角色', 'Role'),
      boolean('u.disabled', '已停用', 'Disabled'),
      instant('u.last_sign_in_at', '最近登录', 'Last sign-in'),
      createdAt('u'),
      updatedAt('u')
    ]
  },
  {
    file: 'audit_log',
    zh: '操作日志',
    en: 'Audit log',
    from: 'audit_log a',
    orderBy: 'a.at, a.id',
    columns: [
      id('a.id', '日志ID', 'Entry ID'),
      instant('a.at', '时间', 'At'),
      userName('a.actor_id', '操作人', 'By'),
      text('a.action', '操作', 'Action'),
      text('a.entity', '对象', 'Entity'),
      id('a.entity_id', '对象ID', 'Entity ID'),
      text('a.before_json', '操作前', 'Before'),
      text('a.after_json', '操作后', 'After')
    ]
  }
]
