import type { HqContext } from '../context'
import type { CataloguePart } from '../contractOutputs'
import { HqError } from '../errors'

/**
 * A network admin adds a part to the brand's catalogue or changes one (its claim price above all).
 * Adding never overwrites a listed part of the same number, though it brings back a removed one;
 * changing needs the part still listed. Shops pull the row with the rest of the catalogue (its
 * sequence moves on every write, see the migrations).
 */
export async function saveCataloguePart(hq: HqContext, input: { part: CataloguePart; adding: boolean }): Promise<null> {
  const { partNumber, ...changes } = input.part
  const written = input.adding
    ? await hq.db
        .insertInto('catalogueParts')
        .values({ ...input.part, deleted: false })
        .onConflict((oc) =>
          oc
            .column('partNumber')
            .doUpdateSet({ ...changes, deleted: false })
            .where('catalogueParts.deleted', '=', true)
        )
        .returning('partNumber')
        .executeTakeFirst()
    : await hq.db
        .updateTable('catalogueParts')
        .set(changes)
        .where('partNumber', '=', partNumber)
        .where('deleted', '=', false)
        .returning('partNumber')
        .executeTakeFirst()
  if (written) return null
  throw input.adding
    ? new HqError('CONFLICT', 'hqErrors.partNumberTaken', { field: 'partNumber' })
    : new HqError('NOT_FOUND')
}
