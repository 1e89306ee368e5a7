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
  partNumber
} from './exportColumns'

/**
 * Sales over the counter and their refunds, 三包 accessory remedies, ready notices, follow-up calls
 * and complaints.
 */
export const COUNTER_AND_CONTACT_TABLES: readonly ExportTable[] = [
  {
    file: 'counter_sales',
    zh: '零售单与零售退款单',
    en: 'Counter sales and refunds',
    from: 'counter_sales s',
    orderBy: 's.issued_at, s.id',
    columns: [
      id('s.id', '单据ID', 'Document ID'),
      text('s.number', '单据号', 'Document number'),
      text('s.kind', '类型', 'Kind'),
      id('s.corrects_sale_id', '退款所冲零售单ID', 'Refunds sale ID'),
      text('s.customer_name', '顾客', 'Customer'),
      id('s.customer_id', '客户ID', 'Customer ID'),
      money('s.total_fen', '合计(元)', 'Total (yuan)'),
      text('s.reason', '原因', 'Reason'),
      instant('s.issued_at', '开具时间', 'Issued at'),
      userName('s.cashier_id', '收银员', 'Cashier')
    ]
  },
  {
    file: 'counter_sale_lines',
    zh: '零售明细',
    en: 'Counter sale lines',
    from: 'counter_sale_lines l JOIN counter_sales s ON s.id = l.sale_id',
    orderBy: 's.issued_at, l.sale_id, l.position',
    columns: [
      id('l.id', '明细ID', 'Line ID'),
      id('l.sale_id', '单据ID', 'Document ID'),
      text('s.number', '单据号', 'Document number'),
      integer('l.position', '行号', 'Line'),
      id('l.part_id', '配件ID', 'Part ID'),
      partNumber('l.part_id'),
      id('l.source_id', '所退明细ID', 'Refunds line ID'),
      text('l.description', '内容', 'Description'),
      integer('l.quantity', '数量', 'Quantity'),
      money('l.unit_price_fen', '单价(元)', 'Unit price (yuan)'),
      money('l.amount_fen', '金额(元)', 'Amount (yuan)'),
      money('l.cost_value_fen', '成本(元)', 'Cost (yuan)'),
      text('l.serial', '序列号', 'Serial number')
    ]
  },
  {
    file: 'warranty_accessory_remedies',
    zh: '三包配件更换与退货',
    en: 'Warranty accessory exchanges and refunds',
    from: 'warranty_accessory_remedies r JOIN warranty_units u ON u.id = r.unit_id',
    orderBy: 'r.created_at, r.id',
    columns: [
      id('r.id', '记录ID', 'Record ID'),
      text('r.number', '单号', 'Slip number'),
      id('r.unit_id', '机器ID', 'Unit ID'),
      text('u.serial', '机身序列号', 'Unit serial number'),
      text('r.kind', '类型', 'Kind'),
      text('r.component', '配件', 'Accessory'),
      text('r.fault_code', '故障代码', 'Fault code'),
      id('r.part_id', '配件ID', 'Part ID'),
      partNumber('r.part_id'),
      text('r.serial', '新配件序列号', 'New accessory serial'),
      text('r.faulty_serial', '旧配件序列号', 'Faulty accessory serial'),
      money('r.refund_fen', '退款(元)', 'Refund (yuan)'),
      id('r.payment_id', '付款ID', 'Payment ID'),
      userName('r.created_by', '经办人', 'Handled by'),
      createdAt('r')
    ]
  },
  {
    file: 'ready_notices',
    zh: '取机通知',
    en: 'Ready-for-pickup notices',
    from: 'ready_notices n',
    orderBy: 'n.notified_at, n.id',
    columns: [
      id('n.id', '通知ID', 'Notice ID'),
      id('n.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('n.work_order_id'),
      text('n.channel', '方式', 'Channel'),
      text('n.language', '语言', 'Language'),
      userName('n.notified_by', '通知人', 'Notified by'),
      instant('n.notified_at', '通知时间', 'Notified at')
    ]
  },
  {
    file: 'follow_ups',
    zh: '回访',
    en: 'Follow-up calls',
    from: 'follow_ups f',
    orderBy: 'f.due_date, f.id',
    columns: [
      id('f.id', '回访ID', 'Follow-up ID'),
      id('f.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('f.work_order_id'),
      text('f.due_date', '应回访日期', 'Due date'),
      text('f.status', '状态', 'Status'),
      integer('f.attempts', '拨打次数', 'Attempts'),
      integer('f.reached', '已联系上', 'Reached'),
      integer('f.attitude', '服务态度评分', 'Attitude score'),
      integer('f.speed', '维修速度评分', 'Speed score'),
      integer('f.quality', '维修质量评分', 'Quality score'),
      integer('f.price', '价格评分', 'Price score'),
      text('f.comment', '客户意见', 'Comment'),
      userName('f.called_by', '回访人', 'Called by'),
      instant('f.called_at', '回访时间', 'Called at'),
      createdAt('f')
    ]
  },
  {
    file: 'complaints',
    zh: '投诉',
    en: 'Complaints',
    from: 'complaints c',
    orderBy: 'c.opened_at, c.id',
    columns: [
      id('c.id', '投诉ID', 'Complaint ID'),
      text('c.number', '投诉单号', 'Complaint number'),
      id('c.work_order_id', '工单ID', 'Work order ID'),
      workOrderNumber('c.work_order_id'),
      id('c.follow_up_id', '回访ID', 'Follow-up ID'),
      text('c.source', '来源', 'Source'),
      text('c.description', '内容', 'Description'),
      text('c.status', '状态', 'Status'),
      userName('c.opened_by', '登记人', 'Opened by'),
      instant('c.opened_at', '登记时间', 'Opened at')
    ]
  },
  {
    file: 'complaint_events',
    zh: '投诉处理记录',
    en: 'Complaint history',
    from: 'complaint_events e',
    orderBy: 'e.at, e.id',
    columns: [
      id('e.id', '记录ID', 'Event ID'),
      id('e.complaint_id', '投诉ID', 'Complaint ID'),
      instant('e.at', '时间', 'At'),
      userName('e.actor_id', '处理人', 'By'),
      text('e.from_status', '原状态', 'From status'),
      text('e.to_status', '新状态', 'To status'),
      text('e.note', '说明', 'Note')
    ]
  }
]
