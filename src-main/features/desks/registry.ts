import type { AppContext } from '../../app/context'
import type { Db } from '../../db/connection'
import { AppError, type CurrentUser } from '../../../src-shared/contract'
import type { DeskSummary } from '../../../src-shared/contract/desks'
import { recordAudit } from '../audit/record'
import { hashSecret } from './secrets'
import { forgetPairedDesk, knownPairedDesk, rememberPairedDesk, revocationMark } from './pairedDesks'

const SUMMARY_COLUMNS = ['id', 'name', 'pairedAt', 'lastSeenAt', 'revokedAt'] as const

/** Every desk ever paired, the ones still at work first. */
export async function listDesks(db: Db): Promise<DeskSummary[]> {
  return db
    .selectFrom('desks')
    .select(SUMMARY_COLUMNS)
    .orderBy((eb) => eb.case().when('revokedAt', 'is', null).then(0).else(1).end())
    .orderBy('pairedAt')
    .execute()
}

async function deskOrThrow(db: Db, deskId: string): Promise<DeskSummary> {
  const desk = await db.selectFrom('desks').select(SUMMARY_COLUMNS).where('id', '=', deskId).executeTakeFirst()
  if (!desk) throw new AppError('NOT_FOUND', 'errors.deskNotFound')
  return desk
}

export async function renameDesk(app: AppContext, now: Date, admin: CurrentUser, deskId: string, name: string) {
  return app.db.transaction().execute(async (trx) => {
    const before = await deskOrThrow(trx, deskId)
    await trx.updateTable('desks').set({ name }).where('id', '=', deskId).execute()
    await recordAudit(trx, now, {
      actorId: admin.id,
      action: 'desks.rename',
      entity: 'desk',
      entityId: deskId,
      before: { name: before.name },
      after: { name }
    })
    return { ...before, name }
  })
}

/** A revoked desk's next call is refused with DESK_REVOKED; revoking twice keeps the first time. */
export async function revokeDesk(app: AppContext, now: Date, admin: CurrentUser, deskId: string) {
  return app.db.transaction().execute(async (trx) => {
    const before = await deskOrThrow(trx, deskId)
    if (before.revokedAt !== null) return before
    await trx
      .updateTable('desks')
      .set({ revokedAt: now.toISOString(), revokedBy: admin.id })
      .where('id', '=', deskId)
      .execute()
    forgetPairedDesk(app.db, deskId)
    await recordAudit(trx, now, { actorId: admin.id, action: 'desks.revoke', entity: 'desk', entityId: deskId })
    return { ...before, revokedAt: now.toISOString() }
  })
}

/** Whether a desk is paired and not revoked: what a desk's live-change stream is checked against. */
export async function isDeskPaired(db: Db, deskId: string): Promise<boolean> {
  if (knownPairedDesk(db, { deskId })) return true
  const desk = await db.selectFrom('desks').select('revokedAt').where('id', '=', deskId).executeTakeFirst()
  return desk !== undefined && desk.revokedAt === null
}

/** Last-seen is a hint for the admin, not a log: written at most once a minute per desk. */
const LAST_SEEN_GRAIN_MS = 60_000

/**
 * Which desk a credential belongs to, for the LAN host. A credential nobody holds is an unpaired
 * client (DESK_NOT_PAIRED); a revoked desk is told so (DESK_REVOKED), so it goes back to pairing.
 */
export async function verifyDeskCredential(db: Db, credential: string | undefined, now: Date): Promise<string> {
  if (!credential) throw new AppError('DESK_NOT_PAIRED')
  const credentialHash = hashSecret(credential)
  const known = knownPairedDesk(db, { credentialHash })
  if (known && now.getTime() - known.lastSeenAt < LAST_SEEN_GRAIN_MS) return known.deskId
  const mark = revocationMark(db)
  const desk = await db
    .selectFrom('desks')
    .select(['id', 'revokedAt', 'lastSeenAt'])
    .where('credentialHash', '=', credentialHash)
    .executeTakeFirst()
  if (!desk) throw new AppError('DESK_NOT_PAIRED')
  if (desk.revokedAt !== null) throw new AppError('DESK_REVOKED')
  let lastSeenAt = desk.lastSeenAt === null ? Number.NEGATIVE_INFINITY : Date.parse(desk.lastSeenAt)
  if (now.getTime() - lastSeenAt >= LAST_SEEN_GRAIN_MS) {
    await db.updateTable('desks').set({ lastSeenAt: now.toISOString() }).where('id', '=', desk.id).execute()
    lastSeenAt = now.getTime()
  }
  rememberPairedDesk(db, { deskId: desk.id, credentialHash, lastSeenAt }, mark)
  return desk.id
}
