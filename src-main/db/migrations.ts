import type { Migration } from './migration'
import { authMigrations } from '../features/auth/migrations'
import { settingsMigrations } from '../features/settings/migrations'
import { numberingMigrations } from '../features/numbering/migrations'
import { auditMigrations } from '../features/audit/migrations'
import { syncMigrations } from '../features/sync/migrations'
import { customersMigrations } from '../features/customers/migrations'
import { repairsMigrations } from '../features/repairs/migrations'
import { codesVoidWarrantyMigration, warrantyMigrations } from '../features/warranty/migrations'
import { checkoutMigrations } from '../features/checkout/migrations'
import { printingMigrations } from '../features/printing/migrations'
import { partsMigrations } from '../features/parts/migrations'

/** Every feature's schema steps, in version order. */
export const allMigrations: readonly Migration[] = [
  ...authMigrations,
  ...settingsMigrations,
  ...numberingMigrations,
  ...auditMigrations,
  ...syncMigrations,
  ...customersMigrations,
  ...repairsMigrations,
  ...warrantyMigrations,
  ...partsMigrations,
  ...checkoutMigrations,
  ...printingMigrations,
  codesVoidWarrantyMigration
].sort((a, b) => a.version - b.version)
