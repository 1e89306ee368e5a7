import type { Db } from '../../db/connection'
import { reusableQuery } from '../../db/reusableQuery'
import {
  AppError,
  type CurrentUser,
  type ListedPolicyVersion,
  type ParsedInput,
  type PolicyVersion,
  type ProductModel
} from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { policyStandings } from '../../../src-shared/domain/warranty/policyStanding'
import { readShopTimeZone } from '../settings/service'
import { recordSyncedChange } from '../sync/recordChange'
import { toPolicyVersion } from './records'
import { refuseWhenHqOwns } from '../sync/hq/ownership'

function policyRows(db: Db) {
  return db
    .selectFrom('warrantyPolicies as p')
    .leftJoin('productModels as m', 'm.id', 'p.modelId')
    .selectAll('p')
    .select(['m.brand', 'm.model', 'm.categoryKey as modelCategoryKey'])
}

// One statement: a version is for a model or for a category, never both; the model's own wins.
const policyInForceQuery = reusableQuery(3, (db: Db, modelId: string, categoryKey: string, onDate: string) =>
  policyRows(db)
    .where((eb) => eb.or([eb('p.modelId', '=', modelId), eb('p.categoryKey', '=', categoryKey)]))
    .where('p.effectiveFrom', '<=', onDate)
    .orderBy((eb) => eb('p.modelId', 'is', null))
    .orderBy('p.effectiveFrom', 'desc')
    .orderBy('p.createdAt', 'desc')
    .limit(1)
)

/**
 * The policy a unit is judged by: the version in force on the day it was sold (its warranty
 * start), for its model if the model has its own, else for its category.
 */
export async function policyInForce(
  db: Db,
  modelId: string,
  categoryKey: string,
  onDate: string
): Promise<PolicyVersion> {
  const row = await policyInForceQuery.first(db, modelId, categoryKey, onDate)
  if (!row) throw new AppError('NOT_FOUND', 'errors.noWarrantyPolicy', { categoryKey, onDate })
  return toPolicyVersion(row)
}

export async function listModels(db: Db, categoryKey: string): Promise<ProductModel[]> {
  return db
    .selectFrom('productModels')
    .select(['id', 'brand', 'model', 'categoryKey'])
    .where('categoryKey', '=', categoryKey)
    .orderBy('brand')
    .orderBy('model')
    .limit(2000)
    .execute()
}

/**
 * Every version, each with where it stands today: by category or model (by name), newest first.
 * A version nobody at the shop saved (the app's seeded defaults, HQ's) that another replaced from
 * its very first day is left out: it never judged a unit, and listed under history beside the one
 * in force from the same date it only made an admin wonder which rule applies.
 */
export async function listPolicies(db: Db, now: Date): Promise<ListedPolicyVersion[]> {
  const rows = await policyRows(db)
    .orderBy('p.categoryKey')
    .orderBy('m.brand')
    .orderBy('m.model')
    .orderBy('p.effectiveFrom', 'desc')
    // Two versions from the same day: the later one is in force, so it comes first.
    .orderBy('p.createdAt', 'desc')
    .execute()
  const versions = rows.map(toPolicyVersion)
  const standings = policyStandings(versions, shopLocalDate(now, await readShopTimeZone(db)))
  const savedAtTheShop = new Set(rows.filter((row) => row.createdBy !== null).map((row) => row.id))
  return versions
    .map((version) => ({ ...version, standing: standings.get(version.id)! }))
    .filter((version) => version.standing !== 'never_in_force' || savedAtTheShop.has(version.id))
}

/** The version of the same target (category or model) in force on a day, if any. */
async function sameTargetInForce(db: Db, input: ParsedInput<'warranty.savePolicy'>): Promise<PolicyVersion | null> {
  const row = await policyRows(db)
    .$if(input.modelId !== null, (q) => q.where('p.modelId', '=', input.modelId))
    .$if(input.modelId === null, (q) => q.where('p.categoryKey', '=', input.categoryKey))
    .where('p.effectiveFrom', '<=', input.effectiveFrom)
    .orderBy('p.effectiveFrom', 'desc')
    .orderBy('p.createdAt', 'desc')
    .executeTakeFirst()
  return row ? toPolicyVersion(row) : null
}

/**
 * A new version; earlier ones stay, so units sold under them are still judged by them. Only an
 * administrator may date one back (a brand's policy the shop used before it started with the
 * app): it changes the verdicts of units sold from that day, so the audit row keeps the version it
 * replaced for that day as "before".
 */
export async function savePolicy(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'warranty.savePolicy'>
): Promise<PolicyVersion> {
  // HQ owns the policies of an enrolled shop: they arrive with the pull.
  await refuseWhenHqOwns(db)
  const backdated = input.effectiveFrom < shopLocalDate(at, await readShopTimeZone(db))
  if (backdated && actor.role !== 'admin') {
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: 'effectiveFrom', messageKey: 'validation.effectiveFromPast' }]
    })
  }
  return db.transaction().execute(async (trx) => {
    if (input.modelId) {
      const model = await trx
        .selectFrom('productModels')
        .select('id')
        .where('id', '=', input.modelId)
        .executeTakeFirst()
      if (!model) throw new AppError('NOT_FOUND', 'errors.productModelNotFound')
    }
    const id = uuidv7(at.getTime())
    const replaced = backdated ? await sameTargetInForce(trx, input) : null
    await trx
      .insertInto('warrantyPolicies')
      .values({
        id,
        categoryKey: input.categoryKey,
        modelId: input.modelId,
        effectiveFrom: input.effectiveFrom,
        policyJson: JSON.stringify(input.policy),
        note: input.note,
        createdBy: actor.id,
        createdAt: at.toISOString()
      })
      .execute()
    const saved = toPolicyVersion(await policyRows(trx).where('p.id', '=', id).executeTakeFirstOrThrow())
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: backdated ? 'warranty.savePolicyBackdated' : 'warranty.savePolicy',
      entity: 'warranty_policy',
      entityId: id,
      before: replaced,
      after: saved
    })
    return saved
  })
}
