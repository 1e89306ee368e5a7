/**
 * What the shop export writes: one CSV file per table a person or an auditor would want, with
 * the columns in a reader's words. Secrets never appear: password hashes, sessions, claim codes
 * and device passcodes are simply not selected. Internal helper columns (search text) are left
 * out too. Ids stay, so the files can be joined; the human numbers sit beside them.
 */

import type { ExportTable } from './exportColumns'
import { JOB_TABLES } from './jobTables'
import { MONEY_TABLES } from './moneyTables'
import { STOCK_TABLES } from './stockTables'
import { REGISTRY_AND_ADMIN_TABLES } from './registryAndAdminTables'
import { COUNTER_AND_CONTACT_TABLES } from './counterAndContactTables'

export type { ColumnKind, ExportColumn, ExportTable } from './exportColumns'

/** Every file of the export, in the order the archive lists them. */
export const EXPORT_TABLES: readonly ExportTable[] = [
  ...JOB_TABLES,
  ...MONEY_TABLES,
  ...STOCK_TABLES,
  ...COUNTER_AND_CONTACT_TABLES,
  ...REGISTRY_AND_ADMIN_TABLES
]
