import { sql } from 'kysely'
import type { Db } from '../../db/connection'
import type {
  LedgerCheck,
  Page,
  ParsedInput,
  ReorderLine,
  StockMovement,
  Valuation
} from '../../../src-shared/contract'
import { suggestedOrderQuantity, type MovementKind } from '../../../src-shared/domain/stock'
import { containsPattern, like } from '../../db/like'
import { findPartRow, toPartSummaries } from './records'

/** A part's ledger, newest first; each line carries the balance it left. */
export async function partMovements(db: Db, input: ParsedInput<'parts.movements'>): Promise<Page<StockMovement>> {
  await findPartRow(db, input.partId)
  let query = db.selectFrom('stockMovements as m').where('m.partId', '=', input.partId)
  if (input.kind) query = query.where('m.kind', '=', input.kind)
  const { total } = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const rows = await query
    .leftJoin('workOrders as w', 'w.id', 'm.workOrderId')
    .leftJoin('users as u', 'u.id', 'm.actorId')
    .select([
      'm.id',
      'm.seq',
      'm.at',
      'm.kind',
      'm.quantity',
      'm.unitCostFen',
      'm.valueFen',
      'm.balanceAfter',
      'm.reference',
      'm.reason',
      'm.serial',
      'm.workOrderId',
      'w.number as workOrderNumber',
      'u.displayName as actorName'
    ])
    .orderBy('m.seq', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute()
  return { rows: rows.map((row) => ({ ...row, kind: row.kind as MovementKind })), total: Number(total) }
}

/**
 * Active parts at or under their reorder point, or that will be once the parts jobs are waiting
 * for are issued, with what to order.
 */
export async function lowStock(db: Db): Promise<ReorderLine[]> {
  const open = await db
    .selectFrom('workOrderPartRequests')
    .select(['partId', (eb) => eb.fn.sum<number>(sql`quantity - issued_quantity`).as('open')])
    .where('status', '=', 'open')
    .groupBy('partId')
    .execute()
  const openByPart = new Map(open.map((row) => [row.partId, Number(row.open)]))
  const rows = (
    await db
      .selectFrom('parts')
      .selectAll()
      .where('active', '=', 1)
      .where((eb) => eb.or([eb('onHand', '<=', eb.ref('reorderPoint')), eb('id', 'in', [...openByPart.keys(), ''])]))
      .orderBy('binLocation')
      .orderBy('partNumber')
      .execute()
  ).filter((row) => row.onHand - (openByPart.get(row.id) ?? 0) <= row.reorderPoint)
  const parts = await toPartSummaries(db, rows)
  return parts.map((part) => {
    const requestedOpen = openByPart.get(part.id) ?? 0
    const suggestedQuantity = suggestedOrderQuantity(
      part.onHand,
      part.reorderPoint,
      part.reorderQuantity,
      requestedOpen
    )
    return { part, requestedOpen, suggestedQuantity, suggestedValueFen: suggestedQuantity * part.averageCostFen }
  })
}

/** What the stock on the shelves is worth at moving-average cost. */
export async function stockValuation(db: Db, input: ParsedInput<'parts.valuation'>): Promise<Valuation> {
  let query = db.selectFrom('parts').where('onHand', '>', 0)
  for (const word of input.query.toLowerCase().split(/\s+/).filter(Boolean))
    query = query.where(like('parts.searchText', containsPattern(word)))
  const rows = await query.selectAll().orderBy('partNumber').execute()
  const parts = await toPartSummaries(db, rows)
  const lines = parts.map((part, index) => ({ part, stockValueFen: rows[index]!.stockValueFen }))
  return {
    rows: lines,
    totalValueFen: lines.reduce((sum, line) => sum + line.stockValueFen, 0),
    totalUnits: lines.reduce((sum, line) => sum + line.part.onHand, 0)
  }
}

/** Sums the whole ledger per part and lists every part whose books disagree with it. */
export async function verifyLedger(db: Db): Promise<LedgerCheck> {
  const mismatches = await db
    .selectFrom('parts as p')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('stockMovements')
          .select([
            'partId',
            (e) => e.fn.sum<number>('quantity').as('quantity'),
            (e) => e.fn.sum<number>('valueFen').as('value')
          ])
          .groupBy('partId')
          .as('l'),
      (join) => join.onRef('l.partId', '=', 'p.id')
    )
    .select([
      'p.id as partId',
      'p.partNumber',
      'p.onHand',
      'p.stockValueFen',
      sql<number>`coalesce(l.quantity, 0)`.as('ledgerQuantity'),
      sql<number>`coalesce(l.value, 0)`.as('ledgerValueFen')
    ])
    .where((eb) =>
      eb.or([
        eb('p.onHand', '!=', sql<number>`coalesce(l.quantity, 0)`),
        eb('p.stockValueFen', '!=', sql<number>`coalesce(l.value, 0)`)
      ])
    )
    .execute()
  const { parts } = await db
    .selectFrom('parts')
    .select((eb) => eb.fn.countAll<number>().as('parts'))
    .executeTakeFirstOrThrow()
  const { movements } = await db
    .selectFrom('stockMovements')
    .select((eb) => eb.fn.countAll<number>().as('movements'))
    .executeTakeFirstOrThrow()
  return { parts: Number(parts), movements: Number(movements), mismatches }
}
