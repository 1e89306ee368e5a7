import type { Db } from '../../../db/connection'
import { AppError } from '../../../../src-shared/contract'

/**
 * Who wins: once the shop is enrolled, HQ owns the warranty policies and the catalogue fields of
 * the brand's parts (name, description, unit, serial tracking, faulty return, the claim price).
 * A local edit would be overwritten by the next pull and would make the shop's claims disagree
 * with HQ's, so it is refused with a message that says why; the shop's own fields (stock, bins,
 * its selling price, its own parts) stay the shop's.
 */
export async function isEnrolled(db: Db): Promise<boolean> {
  return (await db.selectFrom('hqConnection').select('id').where('id', '=', 1).executeTakeFirst()) !== undefined
}

export async function isHqCataloguePart(db: Db, partNumber: string): Promise<boolean> {
  if (!(await isEnrolled(db))) return false
  const price = await db
    .selectFrom('hqCataloguePrices')
    .select('partNumber')
    .where('partNumber', '=', partNumber)
    .executeTakeFirst()
  return price !== undefined
}

export function refuseHqOwnedEdit(): never {
  throw new AppError('CONFLICT', 'sync.hqOwned')
}

/** Refuses a change to HQ-owned data while the shop is enrolled. Call inside the change's transaction. */
export async function refuseWhenHqOwns(db: Db): Promise<void> {
  if (await isEnrolled(db)) refuseHqOwnedEdit()
}
