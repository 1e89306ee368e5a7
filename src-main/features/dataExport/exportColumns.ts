/** The column vocabulary of the shop export's tables (see tables.ts). */

/**
 * How a column's stored value is shown: money in yuan, instants in the shop's local time, a
 * customer's name with an erased customer's placeholder in the export's language.
 */
export type ColumnKind = 'text' | 'integer' | 'money' | 'instant' | 'boolean' | 'customerName'

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

export const text = (sql: string, zh: string, en: string): ExportColumn => ({ sql, kind: 'text', zh, en })
export const integer = (sql: string, zh: string, en: string): ExportColumn => ({ sql, kind: 'integer', zh, en })
export const money = (sql: string, zh: string, en: string): ExportColumn => ({ sql, kind: 'money', zh, en })
export const instant = (sql: string, zh: string, en: string): ExportColumn => ({ sql, kind: 'instant', zh, en })
export const boolean = (sql: string, zh: string, en: string): ExportColumn => ({ sql, kind: 'boolean', zh, en })
export const customerName = (sql: string, zh: string, en: string): ExportColumn => ({
  sql,
  kind: 'customerName',
  zh,
  en
})
export const id = (sql: string, zh: string, en: string): ExportColumn => text(sql, zh, en)

export const createdAt = (alias: string) => instant(`${alias}.created_at`, '创建时间', 'Created at')
export const updatedAt = (alias: string) => instant(`${alias}.updated_at`, '更新时间', 'Updated at')
export const userName = (sql: string, zh: string, en: string) =>
  text(`(SELECT display_name FROM users u WHERE u.id = ${sql})`, zh, en)
export const workOrderNumber = (sql: string) =>
  text(`(SELECT number FROM work_orders w WHERE w.id = ${sql})`, '工单号', 'Work order number')
export const partNumber = (sql: string) =>
  text(`(SELECT part_number FROM parts p WHERE p.id = ${sql})`, '配件编号', 'Part number')
export const invoiceNumber = (sql: string) =>
  text(`(SELECT number FROM invoices i WHERE i.id = ${sql})`, '单据号', 'Document number')
