import type { HqContext } from '../context'
import type { CataloguePage } from '../contractOutputs'

/** `%` and `_` typed by a reader are letters, not wildcards. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}

/**
 * The brand's parts catalogue as staff read it: the parts not removed, by part number, those whose
 * number starts with the query or whose name holds it. The catalogue is the brand's own list (tens
 * of thousands of rows at most), so the page is counted exactly.
 */
export async function listCatalogueParts(
  hq: HqContext,
  input: { query: string; limit: number; offset: number }
): Promise<CataloguePage> {
  let matching = hq.db.selectFrom('catalogueParts').where('deleted', '=', false)
  if (input.query) {
    const literal = likeLiteral(input.query)
    matching = matching.where((eb) =>
      eb.or([eb('partNumber', 'ilike', `${literal}%`), eb('name', 'ilike', `%${literal}%`)])
    )
  }
  const [parts, count] = await Promise.all([
    matching
      .select([
        'partNumber',
        'name',
        'description',
        'unit',
        'claimPriceFen',
        'retailPriceFen',
        'returnFaulty',
        'serialTracked'
      ])
      .orderBy('partNumber')
      .limit(input.limit)
      .offset(input.offset)
      .execute(),
    matching.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow()
  ])
  return { parts, total: Number(count.total) }
}
