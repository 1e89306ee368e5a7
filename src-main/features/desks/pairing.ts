import type { AppContext } from '../../app/context'
import { AppError, type CurrentUser } from '../../../src-shared/contract'
import { roleMayCall } from '../../../src-shared/contract/permissions'
import type { DeskPairing, PairingCode } from '../../../src-shared/contract/desks'
import { uuidv7 } from '../../../src-shared/domain/ids'
import type { CallSource } from '../../rpc/callSource'
import { recordAudit } from '../audit/record'
import { hashSecret, newDeskCredential, newPairingCode } from './secrets'

export const PAIRING_CODE_VALID_MS = 10 * 60_000

/** A fresh one-time code; the codes handed out before it stay valid until they expire or are used. */
export async function issuePairingCode(app: AppContext, now: Date, admin: CurrentUser): Promise<PairingCode> {
  const code = newPairingCode()
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_VALID_MS).toISOString()
  await app.db.transaction().execute(async (trx) => {
    // Old codes are of no further use; keep the table small.
    await trx.deleteFrom('deskPairingCodes').where('expiresAt', '<', now.toISOString()).execute()
    await trx
      .insertInto('deskPairingCodes')
      .values({
        codeHash: hashSecret(code),
        createdAt: now.toISOString(),
        expiresAt,
        createdBy: admin.id,
        usedAt: null,
        usedByDesk: null
      })
      .onConflict((oc) => oc.column('codeHash').doUpdateSet({ createdAt: now.toISOString(), expiresAt, usedAt: null }))
      .execute()
    await recordAudit(trx, now, { actorId: admin.id, action: 'desks.pairingCode', entity: 'desk', entityId: null })
  })
  return { code, expiresAt }
}

/**
 * A desk trades a valid code for a credential of its own. Tries are throttled per source like
 * sign-ins (the same memory, under keys of their own), so six digits cannot be walked through.
 */
export async function pairDesk(
  app: AppContext,
  now: Date,
  source: CallSource,
  input: { code: string; deskName?: string | undefined },
  certificateFingerprint: string | null
): Promise<DeskPairing> {
  const attempt = beginPairingTry(app, source, now)
  try {
    const credential = newDeskCredential()
    const deskId = uuidv7(now.getTime())
    const deskName = await app.db.transaction().execute(async (trx) => {
      // A code is only as good as the admin who gave it: once they are deactivated or may no longer
      // pair desks (let go minutes after handing it out), it pairs nothing, whoever holds it.
      const code = await trx
        .selectFrom('deskPairingCodes')
        .innerJoin('users', 'users.id', 'deskPairingCodes.createdBy')
        .select(['deskPairingCodes.codeHash', 'deskPairingCodes.createdBy', 'users.role', 'users.disabled'])
        .where('deskPairingCodes.codeHash', '=', hashSecret(input.code))
        .where('deskPairingCodes.usedAt', 'is', null)
        .where('deskPairingCodes.expiresAt', '>', now.toISOString())
        .executeTakeFirst()
      if (!code || code.disabled === 1 || !roleMayCall(code.role, 'desks.pairingCode'))
        throw new AppError('VALIDATION', 'errors.pairingCodeWrong', {
          fields: [{ path: 'code', messageKey: 'errors.pairingCodeWrong' }]
        })
      const count = await trx
        .selectFrom('desks')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      // A desk that gives no name gets a numbered one in the shop's language; the admin renames it.
      const name = input.deskName ?? `电脑 ${Number(count.n) + 1}`
      await trx
        .insertInto('desks')
        .values({
          id: deskId,
          name,
          credentialHash: hashSecret(credential),
          pairedAt: now.toISOString(),
          pairedBy: code.createdBy,
          lastSeenAt: null,
          revokedAt: null,
          revokedBy: null
        })
        .execute()
      await trx
        .updateTable('deskPairingCodes')
        .set({ usedAt: now.toISOString(), usedByDesk: deskId })
        .where('codeHash', '=', code.codeHash)
        .execute()
      await recordAudit(trx, now, {
        actorId: null,
        action: 'desks.pair',
        entity: 'desk',
        entityId: deskId,
        after: { name, address: source.transport === 'http' ? (source.address ?? null) : null }
      })
      return name
    })
    return { deskId, deskName, credential, certificateFingerprint }
  } catch (error) {
    if (error instanceof AppError && error.messageKey === 'errors.pairingCodeWrong') attempt.failed(now)
    throw error
  } finally {
    attempt.finish()
  }
}

function beginPairingTry(app: AppContext, source: CallSource, now: Date) {
  try {
    // Per address, loopback included: pairing is for other PCs, and each is its own source.
    const key = source.transport === 'http' ? `pairing:http:${source.address ?? 'unknown'}` : 'pairing:ipc'
    return app.signInThrottle.begin(key, now)
  } catch (error) {
    if (error instanceof AppError && error.code === 'SIGN_IN_THROTTLED')
      throw new AppError('PAIRING_THROTTLED', 'errors.PAIRING_THROTTLED', error.details)
    throw error
  }
}
