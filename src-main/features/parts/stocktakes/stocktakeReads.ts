/** Reading counts: one stocktake as its viewer may see it, and the list of them. */

import { sql } from 'kysely'
import type { Db } from '../../../db/connection'
import {
  AppError,
  type CurrentUser,
  type Stocktake,
  type StocktakeLine,
  type StocktakeSummary
} from '../../../../src-shared/contract'
import type { StocktakeScope } from '../../../../src-shared/contract/parts/stocktakes'
import type { PartUnit } from '../../../../src-shared/domain/stock'
import { barcodesOf } from '../records'
import { hidesExpected, withoutExpected } from './blindCount'

export function linesQuery(db: Db, stocktakeId: string) {
  return db
    .selectFrom('stocktakeLines as l')
    .innerJoin('parts as p', 'p.id', 'l.partId')
    .select([
      'l.partId',
      'p.partNumber',
      'p.name as partName',
      'p.unit',
      'p.binLocation',
      'p.serialTracked',
      'l.snapshotQuantity',
      'p.onHand as currentQuantity',
      'l.countedQuantity',
      'l.bookQuantityAtCount',
      'l.countedAt',
      'p.averageCostFen',
      'l.recountNeeded',
      'l.postedAt'
    ])
    .where('l.stocktakeId', '=', stocktakeId)
}

type LineRow = Awaited<ReturnType<ReturnType<typeof linesQuery>['execute']>>[number]

/** A count line; once posted, its value is what the ledger booked, not today's average cost. */
export function toLine(row: LineRow, barcodes: string[], postedValueFen?: number): StocktakeLine {
  const { recountNeeded, postedAt, ...line } = row
  const variance =
    line.countedQuantity === null || line.bookQuantityAtCount === null
      ? null
      : line.countedQuantity - line.bookQuantityAtCount
  return {
    ...line,
    unit: line.unit as PartUnit,
    barcodes,
    serialTracked: line.serialTracked === 1,
    variance,
    varianceValueFen: variance === null ? null : (postedValueFen ?? variance * line.averageCostFen),
    posted: postedAt !== null,
    needsRecount: recountNeeded === 1
  }
}

/** A stocktake's heading as the list and the count sheet show it: who started and posted it. */
function stocktakeHeadings(db: Db) {
  return db
    .selectFrom('stocktakes as s')
    .leftJoin('users as a', 'a.id', 's.startedBy')
    .leftJoin('users as b', 'b.id', 's.postedBy')
    .select([
      's.id',
      's.number',
      's.scopeJson',
      's.note',
      's.status',
      's.blind',
      's.startedAt',
      'a.displayName as startedByName',
      's.postedAt',
      'b.displayName as postedByName'
    ])
}

export async function findStocktake(db: Db, id: string) {
  const row = await stocktakeHeadings(db).where('s.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return row
}

type StocktakeRow = Awaited<ReturnType<typeof findStocktake>>

function header(row: StocktakeRow, viewer: CurrentUser | null) {
  const { scopeJson, blind, ...rest } = row
  return {
    ...rest,
    scope: JSON.parse(scopeJson) as StocktakeScope,
    blind: blind === 1,
    expectedHidden: hidesExpected(viewer, row)
  }
}

/**
 * A count as `viewer` may see it (all of it when no viewer is given: the service's own reads).
 * A posted line is worth what the ledger booked for it, not today's average cost.
 */
export async function loadStocktake(db: Db, id: string, viewer: CurrentUser | null = null): Promise<Stocktake> {
  const row = await findStocktake(db, id)
  const rows = await linesQuery(db, id).orderBy('p.binLocation').orderBy('p.partNumber').execute()
  const barcodes = await barcodesOf(
    db,
    rows.map((line) => line.partId)
  )
  const booked = await db
    .selectFrom('stockMovements')
    .select(['partId', 'valueFen'])
    .where('kind', '=', 'stocktake')
    .where('reference', '=', row.number)
    .execute()
  // A serial-tracked shortage is booked one line per serial not found.
  const postedValues = new Map<string, number>()
  for (const movement of booked)
    postedValues.set(movement.partId, (postedValues.get(movement.partId) ?? 0) + movement.valueFen)
  const lines = rows.map((line) =>
    toLine(
      line,
      barcodes.get(line.partId) ?? [],
      line.postedAt !== null ? (postedValues.get(line.partId) ?? 0) : undefined
    )
  )
  const varied = lines.filter((line) => line.varianceValueFen !== null)
  const stocktake: Stocktake = {
    ...header(row, viewer),
    lines,
    counted: lines.filter((line) => line.countedQuantity !== null).length,
    varianceValueFen: varied.reduce((sum, line) => sum + line.varianceValueFen!, 0),
    absoluteVarianceValueFen: varied.reduce((sum, line) => sum + Math.abs(line.varianceValueFen!), 0)
  }
  return stocktake.expectedHidden ? withoutExpected(stocktake) : stocktake
}

export async function listStocktakes(db: Db, viewer: CurrentUser): Promise<StocktakeSummary[]> {
  const rows = await stocktakeHeadings(db).orderBy('s.startedAt', 'desc').limit(200).execute()
  const totals = await db
    .selectFrom('stocktakeLines as l')
    .innerJoin('parts as p', 'p.id', 'l.partId')
    .select([
      'l.stocktakeId',
      (eb) => eb.fn.countAll<number>().as('lineCount'),
      (eb) => eb.fn.count<number>('l.countedQuantity').as('counted'),
      sql<number>`coalesce(sum((l.counted_quantity - l.book_quantity_at_count) * p.average_cost_fen), 0)`.as('value'),
      sql<number>`coalesce(sum(abs(l.counted_quantity - l.book_quantity_at_count) * p.average_cost_fen), 0)`.as(
        'absolute'
      )
    ])
    .where('l.stocktakeId', 'in', rows.map((row) => row.id).concat(['']))
    .groupBy('l.stocktakeId')
    .execute()
  const byId = new Map(totals.map((total) => [total.stocktakeId, total]))
  // A posted count is worth what the ledger booked for it.
  const postedNumbers = rows.filter((row) => row.status === 'posted').map((row) => row.number)
  const booked = await db
    .selectFrom('stockMovements')
    .select([
      'reference',
      (eb) => eb.fn.sum<number>('valueFen').as('value'),
      sql<number>`sum(abs(value_fen))`.as('absolute')
    ])
    .where('kind', '=', 'stocktake')
    .where('reference', 'in', postedNumbers.concat(['']))
    .groupBy('reference')
    .execute()
  const bookedByNumber = new Map(booked.map((total) => [total.reference, total]))
  return rows.map((row) => {
    const total = byId.get(row.id)
    const posted = row.status === 'posted' ? (bookedByNumber.get(row.number) ?? { value: 0, absolute: 0 }) : undefined
    const summary = {
      ...header(row, viewer),
      lineCount: Number(total?.lineCount ?? 0),
      counted: Number(total?.counted ?? 0),
      varianceValueFen: Number(posted?.value ?? total?.value ?? 0),
      absoluteVarianceValueFen: Number(posted?.absolute ?? total?.absolute ?? 0)
    }
    return summary.expectedHidden ? { ...summary, varianceValueFen: null, absoluteVarianceValueFen: null } : summary
  })
}
