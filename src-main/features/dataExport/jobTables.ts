import {
  type ExportTable,
  text,
  integer,
  money,
  instant,
  id,
  customerName,
  createdAt,
  updatedAt,
  userName,
  workOrderNumber,
  partNumber
} from './exportColumns'

/** The customer, their devices and every step of their jobs. */
export const JOB_TABLES: readonly ExportTable[] = [
  {
    file: 'customers',
    zh: '客户',
    en: 'Customers',
    from: 'customers c',
    orderBy: 'c.created_at, c.id',
    columns: [
      id('c.id', '客户ID', 'Customer ID'),
      customerName('c.name', '姓名', 'Name'),
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
      customerName('(SELECT name FROM customers c WHERE c.id = w.customer_id)', '客户姓名', 'Customer name'),
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
  }
]
