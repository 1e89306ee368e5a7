import {
  type ExportTable,
  text,
  integer,
  money,
  instant,
  boolean,
  id,
  createdAt,
  updatedAt,
  userName,
  workOrderNumber,
  partNumber
} from './exportColumns'

/** Parts with their barcodes and the models they fit, the stock ledger, counts and faulty parts owed to the brand. */
export const STOCK_TABLES: readonly ExportTable[] = [
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
    file: 'part_barcodes',
    zh: '配件条码',
    en: 'Part barcodes',
    from: 'part_barcodes b JOIN parts p ON p.id = b.part_id',
    orderBy: 'p.part_number, b.barcode',
    columns: [
      text('b.barcode', '条码', 'Barcode'),
      id('b.part_id', '配件ID', 'Part ID'),
      text('p.part_number', '配件编号', 'Part number')
    ]
  },
  {
    file: 'part_models',
    zh: '配件适用机型',
    en: 'Models each part fits',
    from: 'part_models f JOIN parts p ON p.id = f.part_id JOIN product_models m ON m.id = f.model_id',
    orderBy: 'p.part_number, m.brand, m.model',
    columns: [
      id('f.part_id', '配件ID', 'Part ID'),
      text('p.part_number', '配件编号', 'Part number'),
      id('f.model_id', '型号ID', 'Model ID'),
      text('m.brand', '品牌', 'Brand'),
      text('m.model', '型号', 'Model')
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
      id('f.accessory_remedy_id', '三包配件单ID', '三包 accessory remedy ID'),
      text('f.slip_number', '三包配件单号', '三包 accessory slip number'),
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
      instant('b.credited_at', '结算时间', 'Credited at'),
      userName('b.cancelled_by', '撤销人', 'Cancelled by'),
      instant('b.cancelled_at', '撤销时间', 'Cancelled at')
    ]
  }
]
