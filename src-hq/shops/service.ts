import { randomUUID } from 'node:crypto'
import { sql, type Selectable } from 'kysely'
import type { enrolRequest, enrolResponse } from '../../src-shared/hq/protocol'
import type { z } from 'zod'
import type { HqContext } from '../context'
import { HqError } from '../errors'
import { newBearerSecret, newEnrolCode, normaliseEnrolCode, secretHash } from '../secrets'
import type { ShopsTable } from '../db/schema'
import type { EnrolCode, ShopOverview } from '../contractOutputs'

export type Shop = Selectable<ShopsTable>

/** A fresh one-time code for a shop: replaces any earlier one, and only its hash is kept. */
async function issueEnrolCode(hq: HqContext, shopId: string): Promise<EnrolCode> {
  const code = newEnrolCode()
  const expiresAt = new Date(hq.now().getTime() + hq.enrolCodeDays * 86_400_000).toISOString()
  await hq.db
    .updateTable('shops')
    .set({ enrolCodeHash: secretHash(normaliseEnrolCode(code)), enrolCodeExpiresAt: expiresAt })
    .where('id', '=', shopId)
    .execute()
  return { shopId, code, expiresAt }
}

/** A network admin registers a shop; the answer carries the code its admin types at enrolment. */
export async function registerShop(hq: HqContext, name: string): Promise<EnrolCode> {
  const id = randomUUID()
  await hq.db
    .insertInto('shops')
    .values({ id, name, status: 'registered', createdAt: hq.now().toISOString() })
    .execute()
  return issueEnrolCode(hq, id)
}

/** A new code for a shop whose code expired or that must enrol again (e.g. a replaced server). */
export async function renewEnrolCode(hq: HqContext, shopId: string): Promise<EnrolCode> {
  const shop = await hq.db.selectFrom('shops').select(['status']).where('id', '=', shopId).executeTakeFirst()
  if (!shop) throw new HqError('NOT_FOUND')
  return issueEnrolCode(hq, shopId)
}

/**
 * A shop trades its one-time code for its key. The code is spent in the same transaction; a
 * second enrolment with it is refused. Enrolling again (with a new code) replaces the old key and
 * lifts a revocation: the admin who issued the code decided that.
 */
export async function enrolShop(
  hq: HqContext,
  request: z.infer<typeof enrolRequest>
): Promise<z.infer<typeof enrolResponse>> {
  const now = hq.now()
  return hq.db.transaction().execute(async (trx) => {
    const shop = await trx
      .selectFrom('shops')
      .select(['id', 'enrolCodeExpiresAt'])
      .where('enrolCodeHash', '=', secretHash(normaliseEnrolCode(request.code)))
      .forUpdate()
      .executeTakeFirst()
    if (!shop || !shop.enrolCodeExpiresAt) throw new HqError('HQ_ENROL_CODE_INVALID')
    if (shop.enrolCodeExpiresAt.getTime() <= now.getTime()) throw new HqError('HQ_ENROL_CODE_EXPIRED')
    const shopKey = newBearerSecret('hqk_')
    await trx
      .updateTable('shops')
      .set({
        status: 'active',
        keyHash: secretHash(shopKey),
        enrolCodeHash: null,
        enrolCodeExpiresAt: null,
        enrolledAt: now.toISOString(),
        enrolledName: request.shopName,
        appVersion: request.appVersion,
        revokedAt: null,
        lastContactAt: now.toISOString()
      })
      .where('id', '=', shop.id)
      .execute()
    return { shopId: shop.id, shopKey, hqName: hq.name }
  })
}

/** A revoked key is refused from the next call on; the shop must enrol again with a new code. */
export async function revokeShop(hq: HqContext, shopId: string): Promise<void> {
  const result = await hq.db
    .updateTable('shops')
    .set({ status: 'revoked', revokedAt: hq.now().toISOString(), enrolCodeHash: null, enrolCodeExpiresAt: null })
    .where('id', '=', shopId)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) throw new HqError('NOT_FOUND')
}

/**
 * The shop a key belongs to. A key HQ never issued (or one replaced by a new enrolment) is
 * invalid; the key of a revoked shop is refused as revoked, so the shop can say what happened.
 */
export async function authenticateShop(hq: HqContext, authorization: string | undefined): Promise<Shop> {
  const key = /^ShopKey (\S+)$/.exec(authorization ?? '')?.[1]
  if (!key) throw new HqError('HQ_KEY_INVALID')
  const shop = await hq.db.selectFrom('shops').selectAll().where('keyHash', '=', secretHash(key)).executeTakeFirst()
  if (!shop) throw new HqError('HQ_KEY_INVALID')
  if (shop.status === 'revoked') throw new HqError('HQ_KEY_REVOKED')
  await hq.db.updateTable('shops').set({ lastContactAt: hq.now().toISOString() }).where('id', '=', shop.id).execute()
  return shop
}

export async function listShops(hq: HqContext): Promise<ShopOverview[]> {
  const rows = await hq.db
    .selectFrom('shops as s')
    .select([
      's.id',
      's.name',
      's.status',
      's.enrolledName',
      's.appVersion',
      's.lastContactAt',
      's.enrolCodeExpiresAt',
      sql<number>`(SELECT coalesce(sum(b.applied_count), 0) FROM pushed_batches b WHERE b.shop_id = s.id)`.as(
        'changesReceived'
      ),
      sql<number>`(SELECT count(*) FROM claims c WHERE c.shop_id = s.id AND c.status = 'pending')`.as('claimsPending')
    ])
    .orderBy('s.name')
    .execute()
  return rows.map((row) => ({
    ...row,
    changesReceived: Number(row.changesReceived),
    claimsPending: Number(row.claimsPending),
    lastContactAt: row.lastContactAt?.toISOString() ?? null,
    enrolCodeExpiresAt: row.enrolCodeExpiresAt?.toISOString() ?? null
  }))
}
