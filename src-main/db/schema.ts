import type { AuthTables } from '../features/auth/tables'
import type { SettingsTables } from '../features/settings/tables'
import type { NumberingTables } from '../features/numbering/tables'
import type { AuditTables } from '../features/audit/tables'
import type { SyncTables } from '../features/sync/tables'
import type { CustomersTables } from '../features/customers/tables'
import type { RepairsTables } from '../features/workOrders/tables'
import type { WarrantyTables } from '../features/warranty/tables'
import type { CheckoutTables } from '../features/checkout/tables'
import type { PrintingTables } from '../features/printing/tables'
import type { PartsTables } from '../features/parts/tables'
import type { CustomerContactTables } from '../features/customerContact/tables'
import type { DesksTables } from '../features/desks/tables'
import type { ReportsTables } from '../features/reports/tables'
import type { BackupsTables } from '../features/backups/tables'

/** The whole database as Kysely sees it, assembled from each feature's tables. */
export interface Database
  extends
    AuthTables,
    SettingsTables,
    NumberingTables,
    AuditTables,
    SyncTables,
    CustomersTables,
    RepairsTables,
    WarrantyTables,
    PartsTables,
    CheckoutTables,
    PrintingTables,
    CustomerContactTables,
    DesksTables,
    ReportsTables,
    BackupsTables {}
