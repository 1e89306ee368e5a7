import { type ExportTable, text, money, instant, id, customerName, invoiceNumber } from './exportColumns'

/**
 * Tables only a customer's own export writes. The shop export leaves them out (a receipt's header
 * repeats the customer and the shop; a restore's list points at records in its safety copy), but
 * for one person they hold what no other file does: the name and phone a receipt printed then,
 * and a payment of theirs that a restore dropped.
 */
export const PERSON_ONLY_TABLES: readonly ExportTable[] = [
  {
    file: 'receipt_headers',
    zh: '收据抬头',
    en: 'Receipt headers',
    from: 'invoice_snapshots s JOIN invoices i ON i.id = s.invoice_id',
    orderBy: 'i.issued_at, i.id',
    columns: [
      id('s.invoice_id', '单据ID', 'Document ID'),
      invoiceNumber('s.invoice_id'),
      customerName('s.customer_name', '客户姓名', 'Customer name'),
      text('s.customer_mobile', '客户手机', 'Customer mobile'),
      text('s.device_label', '设备', 'Device'),
      text('s.device_serial', '设备序列号', 'Device serial number'),
      instant('i.issued_at', '开具时间', 'Issued at')
    ]
  },
  {
    file: 'restore_dropped_money',
    zh: '恢复备份时未保留的收付款',
    en: 'Money a backup restore dropped',
    from: 'restore_dropped_money r',
    orderBy: 'r.at, r.id',
    columns: [
      id('r.id', '记录ID', 'Record ID'),
      text('r.backup_name', '备份', 'Backup'),
      instant('r.restored_at', '恢复时间', 'Restored at'),
      text('r.kind', '类型', 'Kind'),
      money('r.amount_fen', '金额(元)', 'Amount (yuan)'),
      text('r.method', '方式', 'Method'),
      text('r.document_number', '单据号', 'Document number'),
      id('r.work_order_id', '工单ID', 'Work order ID'),
      text('r.work_order_number', '工单号', 'Work order number'),
      customerName('r.customer_name', '客户姓名', 'Customer name'),
      instant('r.at', '时间', 'At'),
      text('r.by_name', '经办人', 'By'),
      instant('r.dealt_with_at', '处理时间', 'Dealt with at'),
      text('r.dealt_with_note', '处理说明', 'How it was dealt with')
    ]
  }
]
