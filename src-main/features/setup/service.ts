import type { AppContext } from '../../app/context'
import { AppError, type SignInResult } from '../../../src-shared/contract'
import type { ParsedInput } from '../../../src-shared/contract'
import {
  DEFAULT_APPROVAL_THRESHOLD_FEN,
  DEFAULT_IDLE_LOCK_MINUTES,
  DEFAULT_PASSCODE_RETENTION_DAYS,
  DEFAULT_REPAIR_WARRANTY_DAYS
} from '../../../src-shared/contract/settings'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { recordAudit } from '../audit/record'
import { hashPassword } from '../auth/password'
import { startSession } from '../auth/service'
import { readShopProfile, saveShopSettings } from '../settings/service'

export async function setupStatus(app: AppContext): Promise<{ initialized: boolean; shopName: string | null }> {
  const profile = await readShopProfile(app.db)
  return { initialized: profile !== undefined, shopName: profile?.name ?? null }
}

/**
 * First run: the shop's profile and its first administrator, in one transaction. There is no
 * built-in account or default password; whoever installs the shop chooses them here, once.
 */
export async function initializeShop(
  app: AppContext,
  now: Date,
  input: ParsedInput<'setup.initialize'>
): Promise<SignInResult> {
  // Refuse before the deliberately slow hash, so an open first-run call costs nothing once set up.
  if (await readShopProfile(app.db)) throw new AppError('ALREADY_INITIALIZED')
  const passwordHash = await hashPassword(input.admin.password)
  const admin = {
    id: uuidv7(now.getTime()),
    username: input.admin.username,
    displayName: input.admin.displayName,
    role: 'admin' as const
  }
  await app.db.transaction().execute(async (trx) => {
    // Checked inside the transaction so two first-run forms submitted together cannot both win.
    if (await readShopProfile(trx)) throw new AppError('ALREADY_INITIALIZED')
    await trx
      .insertInto('users')
      .values({
        ...admin,
        phone: '',
        passwordHash,
        disabled: 0,
        failedSignIns: 0,
        lockedUntil: null,
        lastSignInAt: now.toISOString(),
        passwordChangedAt: now.toISOString(),
        createdAt: now.toISOString(),
        updatedAt: now.toISOString()
      })
      .execute()
    await recordAudit(trx, now, {
      actorId: admin.id,
      action: 'setup.initialize',
      entity: 'user',
      entityId: admin.id,
      after: admin
    })
    await saveShopSettings(trx, now, admin, {
      profile: input.shop,
      idleLockMinutes: DEFAULT_IDLE_LOCK_MINUTES,
      approvalThresholdFen: DEFAULT_APPROVAL_THRESHOLD_FEN,
      repairWarrantyDays: DEFAULT_REPAIR_WARRANTY_DAYS,
      passcodeRetentionDays: DEFAULT_PASSCODE_RETENTION_DAYS
    })
  })
  return startSession(app, now, admin)
}
