import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import { reusableQuery } from '../../db/reusableQuery'
import { AppError, type CurrentUser, type ShopProfile, type ShopSettings } from '../../../src-shared/contract'
import {
  DEFAULT_APPROVAL_THRESHOLD_FEN,
  DEFAULT_IDLE_LOCK_MINUTES,
  DEFAULT_PASSCODE_RETENTION_DAYS,
  DEFAULT_REPAIR_WARRANTY_DAYS
} from '../../../src-shared/contract/settings'
import { DEFAULT_TIME_ZONE } from '../../../src-shared/domain/timeZone'
import { recordAudit } from '../audit/record'
import { enqueueOutbox } from '../sync/outbox'

const PROFILE_KEY = 'shop.profile'
const IDLE_LOCK_KEY = 'security.idleLockMinutes'
const APPROVAL_THRESHOLD_KEY = 'approval.thresholdFen'
const REPAIR_WARRANTY_KEY = 'warranty.repairWarrantyDays'
const PASSCODE_RETENTION_KEY = 'security.passcodeRetentionDays'

// Read on every call (the idle lock, rpc/dispatch.ts): compiled once (db/reusableQuery.ts).
const settingValue = reusableQuery(1, (db: Db, key: string) =>
  db.selectFrom('shopSettings').select('value').where('key', '=', key)
)

/** One setting's stored value; other features keep their own keys here (backups). */
export async function readSetting<T>(db: Db, key: string): Promise<T | undefined> {
  const row = await settingValue.first(db, key)
  return row === undefined ? undefined : (JSON.parse(row.value) as T)
}

/** Writes one setting; call inside the change's transaction, beside its audit row. */
export async function writeSetting(
  trx: Db,
  key: string,
  value: unknown,
  at: Date,
  actorId: string | null
): Promise<void> {
  const row = { key, value: JSON.stringify(value), updatedAt: at.toISOString(), updatedBy: actorId }
  await trx
    .insertInto('shopSettings')
    .values(row)
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: row.value, updatedAt: row.updatedAt, updatedBy: row.updatedBy })
    )
    .execute()
}

export async function readShopProfile(db: Db): Promise<ShopProfile | undefined> {
  return readSetting<ShopProfile>(db, PROFILE_KEY)
}

/** The shop's time zone, for its calendar days (numbering, overdue, aging). */
export async function readShopTimeZone(db: Db): Promise<string> {
  return (await readShopProfile(db))?.timeZone ?? DEFAULT_TIME_ZONE
}

export async function readIdleLockMinutes(db: Db): Promise<number> {
  return (await readSetting<number>(db, IDLE_LOCK_KEY)) ?? DEFAULT_IDLE_LOCK_MINUTES
}

export async function readApprovalThresholdFen(db: Db): Promise<number> {
  return (await readSetting<number>(db, APPROVAL_THRESHOLD_KEY)) ?? DEFAULT_APPROVAL_THRESHOLD_FEN
}

export async function getShopSettings(db: Db): Promise<ShopSettings> {
  const profile = await readShopProfile(db)
  if (!profile) throw new AppError('NOT_INITIALIZED')
  return {
    profile,
    idleLockMinutes: await readIdleLockMinutes(db),
    approvalThresholdFen: await readApprovalThresholdFen(db),
    repairWarrantyDays: await readRepairWarrantyDays(db),
    passcodeRetentionDays: await readPasscodeRetentionDays(db)
  }
}

export async function readPasscodeRetentionDays(db: Db): Promise<number> {
  return (await readSetting<number>(db, PASSCODE_RETENTION_KEY)) ?? DEFAULT_PASSCODE_RETENTION_DAYS
}

export async function readRepairWarrantyDays(db: Db): Promise<number> {
  return (await readSetting<number>(db, REPAIR_WARRANTY_KEY)) ?? DEFAULT_REPAIR_WARRANTY_DAYS
}

export interface WarrantySettings {
  timeZone: string
  repairWarrantyDays: number
}

/**
 * What a warranty verdict needs from the settings, in one statement. The time zone is taken out
 * of the profile by SQLite: the profile may carry the shop's logo, which a lookup has no use for.
 */
export async function readWarrantySettings(db: Db): Promise<WarrantySettings> {
  const row = (await warrantySettingsQuery.first(db))!
  return {
    timeZone: row.timeZone ?? DEFAULT_TIME_ZONE,
    repairWarrantyDays:
      row.repairWarrantyDays === null ? DEFAULT_REPAIR_WARRANTY_DAYS : (JSON.parse(row.repairWarrantyDays) as number)
  }
}

const warrantySettingsQuery = reusableQuery(0, (db: Db) =>
  db.selectNoFrom((eb) => [
    eb
      .selectFrom('shopSettings')
      .select(sql<string | null>`json_extract(value, '$.timeZone')`.as('timeZone'))
      .where('key', '=', PROFILE_KEY)
      .as('timeZone'),
    eb.selectFrom('shopSettings').select('value').where('key', '=', REPAIR_WARRANTY_KEY).as('repairWarrantyDays')
  ])
)

/**
 * Saves the shop profile (and its security settings). The profile is what HQ knows the shop
 * by, so it also goes to the outbox. Call inside a transaction.
 */
export async function saveShopSettings(
  trx: Db,
  at: Date,
  actor: Pick<CurrentUser, 'id'>,
  next: ShopSettings
): Promise<ShopSettings> {
  const before = (await readShopProfile(trx)) && (await getShopSettings(trx))
  await writeSetting(trx, PROFILE_KEY, next.profile, at, actor.id)
  await writeSetting(trx, IDLE_LOCK_KEY, next.idleLockMinutes, at, actor.id)
  await writeSetting(trx, APPROVAL_THRESHOLD_KEY, next.approvalThresholdFen, at, actor.id)
  await writeSetting(trx, REPAIR_WARRANTY_KEY, next.repairWarrantyDays, at, actor.id)
  await writeSetting(trx, PASSCODE_RETENTION_KEY, next.passcodeRetentionDays, at, actor.id)
  await recordAudit(trx, at, {
    actorId: actor.id,
    action: 'settings.update',
    entity: 'shop',
    entityId: null,
    before: before && withoutLogo(before),
    after: withoutLogo(next)
  })
  await enqueueOutbox(trx, at, { entity: 'shop_profile', entityId: 'shop', operation: 'upsert', payload: next.profile })
  return next
}

/** Logos are large data URLs; the audit trail notes whether one was set, not its bytes. */
function withoutLogo(settings: ShopSettings) {
  return { ...settings, profile: { ...settings.profile, logo: settings.profile.logo ? '(image)' : null } }
}

export async function updateShopSettings(
  db: Db,
  at: Date,
  actor: CurrentUser,
  next: Omit<ShopSettings, 'repairWarrantyDays' | 'passcodeRetentionDays'> & {
    repairWarrantyDays?: number | undefined
    passcodeRetentionDays?: number | undefined
  }
): Promise<ShopSettings> {
  return db.transaction().execute(async (trx) => {
    const repairWarrantyDays = next.repairWarrantyDays ?? (await readRepairWarrantyDays(trx))
    const passcodeRetentionDays = next.passcodeRetentionDays ?? (await readPasscodeRetentionDays(trx))
    return saveShopSettings(trx, at, actor, { ...next, repairWarrantyDays, passcodeRetentionDays })
  })
}
