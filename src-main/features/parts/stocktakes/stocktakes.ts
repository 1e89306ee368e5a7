import { sql } from 'kysely'
import type { Db } from '../../../db/connection'
import {
  AppError,
  type CurrentUser,
  type ParsedInput,
  type Stocktake,
  type StocktakeLine,
  type StocktakeSummary
} from '../../../../src-shared/contract'
import type { StocktakeScope } from '../../../../src-shared/contract/parts/stocktakes'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { isManagerRole } from '../../../../src-shared/domain/roles'
import type { PartUnit } from '../../../../src-shared/domain/stock'
import { prefixPattern, like } from '../../../db/like'
import { recordAudit } from '../../audit/record'
import { nextDocumentNumber } from '../../numbering/service'
import { readApprovalThresholdFen, readShopTimeZone } from '../../settings/service'
import { correctedSince, lastLedgerSeq, postMovement } from '../ledger'
import { barcodesOf } from '../records'
import { hidesExpected, lineWithoutExpected, withoutExpected } from './blindCount'

const STOCKTAKE_PREFIX = 'ST'
/** Starts a count of the parts in scope; each line remembers what the books said at the start. */
export async function startStocktake(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'stocktakes.start'>
): Promise<Stocktake> {
  const id = uuidv7(at.getTime())
  await db.transaction().execute(async (trx) => {
    // A part taken out of the catalogue is still counted while any of it is on the books.
    let parts = trx
      .selectFrom('parts')
      .select(['id', 'onHand'])
      .where((eb) => eb.or([eb('active', '=', 1), eb('onHand', '>', 0)]))
    if (input.scope.kind === 'bin') parts = parts.where(like('binLocation', prefixPattern(input.scope.prefix)))
    if (input.scope.kind === 'range')
      parts = parts.where('partNumber', '>=', input.scope.from).where('partNumber', '<=', input.scope.to)
    const inScope = await parts.orderBy('binLocation').orderBy('partNumber').execute()
    if (inScope.length === 0)
      throw new AppError('VALIDATION', 'errors.VALIDATION', {
        fields: [{ path: 'scope', messageKey: 'validation.noPartsInScope' }]
      })
    // Two counts of the same part would each book the same shortage.
    const overlapping = await trx
      .selectFrom('stocktakeLines as l')
      .innerJoin('stocktakes as s', 's.id', 'l.stocktakeId')
      .select('s.number')
      .where('s.status', '=', 'counting')
      .where('l.partId', 'in', parts.clearSelect().clearOrderBy().select('id'))
      .limit(1)
      .executeTakeFirst()
    if (overlapping) throw new AppError('CONFLICT', 'errors.stocktakeOverlaps', { number: overlapping.number })
    const number = await nextDocumentNumber(trx, STOCKTAKE_PREFIX, at, await readShopTimeZone(trx))
    await trx
      .insertInto('stocktakes')
      .values({
        id,
        number,
        scopeJson: JSON.stringify(input.scope),
        note: input.note,
        status: 'counting',
        blind: input.blind ? 1 : 0,
        startedBy: actor.id,
        startedAt: at.toISOString(),
        postedBy: null,
        postedAt: null
      })
      .execute()
    for (let start = 0; start < inScope.length; start += 500) {
      const chunk = inScope.slice(start, start + 500)
      await trx
        .insertInto('stocktakeLines')
        .values(
          chunk.map((part) => ({
            stocktakeId: id,
            partId: part.id,
            snapshotQuantity: part.onHand,
            countedQuantity: null,
            bookQuantityAtCount: null,
            ledgerSeqAtCount: null,
            countedAt: null,
            countedBy: null,
            recountNeeded: 0,
            postedAt: null
          }))
        )
        .execute()
    }
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'stocktakes.start',
      entity: 'stocktake',
      entityId: id,
      after: { number, scope: input.scope, blind: input.blind, lines: inScope.length }
    })
  })
  return loadStocktake(db, id, actor)
}

function linesQuery(db: Db, stocktakeId: string) {
  return db
    .selectFrom('stocktakeLines as l')
    .innerJoin('parts as p', 'p.id', 'l.partId')
    .select([
      'l.partId',
      'p.partNumber',
      'p.name as partName',
      'p.unit',
      'p.binLocation',
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
function toLine(row: LineRow, barcodes: string[], postedValueFen?: number): StocktakeLine {
  const { recountNeeded, postedAt, ...line } = row
  const variance =
    line.countedQuantity === null || line.bookQuantityAtCount === null
      ? null
      : line.countedQuantity - line.bookQuantityAtCount
  return {
    ...line,
    unit: line.unit as PartUnit,
    barcodes,
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

async function findStocktake(db: Db, id: string) {
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
  const postedValues = new Map(booked.map((movement) => [movement.partId, movement.valueFen]))
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

/**
 * Records a count. It is compared with the books at this moment, not at the start: a part
 * issued between the start and the count is then not mistaken for a loss.
 */
export async function countPart(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'stocktakes.count'>
): Promise<StocktakeLine> {
  await db.transaction().execute(async (trx) => {
    const stocktake = await findStocktake(trx, input.id)
    if (stocktake.status !== 'counting') throw new AppError('READ_ONLY', 'errors.stocktakeClosed')
    const part = await trx
      .selectFrom('stocktakeLines as l')
      .innerJoin('parts as p', 'p.id', 'l.partId')
      .select(['p.onHand', 'p.partNumber', 'l.countedQuantity', 'l.countedBy', 'l.postedAt'])
      .where('l.stocktakeId', '=', input.id)
      .where('l.partId', '=', input.partId)
      .executeTakeFirst()
    if (!part) throw new AppError('NOT_FOUND', 'errors.partNotInStocktake')
    // Its variance is in the ledger already (posted with the rest while another line awaited a recount).
    if (part.postedAt !== null)
      throw new AppError('READ_ONLY', 'errors.stocktakeLinePosted', { partNumber: part.partNumber })
    const counted = input.countedQuantity !== null
    await trx
      .updateTable('stocktakeLines')
      .set({
        countedQuantity: input.countedQuantity,
        bookQuantityAtCount: counted ? part.onHand : null,
        ledgerSeqAtCount: counted ? await lastLedgerSeq(trx, input.partId) : null,
        countedAt: counted ? at.toISOString() : null,
        countedBy: counted ? actor.id : null,
        recountNeeded: 0
      })
      .where('stocktakeId', '=', input.id)
      .where('partId', '=', input.partId)
      .execute()
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'stocktakes.count',
      entity: 'stocktake',
      entityId: input.id,
      before: { partNumber: part.partNumber, countedQuantity: part.countedQuantity, countedBy: part.countedBy },
      after: { partNumber: part.partNumber, countedQuantity: input.countedQuantity, bookQuantity: part.onHand }
    })
  })
  const row = await linesQuery(db, input.id).where('l.partId', '=', input.partId).executeTakeFirstOrThrow()
  const line = toLine(row, (await barcodesOf(db, [input.partId])).get(input.partId) ?? [])
  return hidesExpected(actor, await findStocktake(db, input.id)) ? lineWithoutExpected(line) : line
}

/**
 * Posts every counted variance not yet posted to the ledger in one transaction. Above the
 * approval threshold (absolute value at cost) only a manager may post. Uncounted parts keep their
 * books. A line whose books were corrected after its count is left out and flagged for a recount:
 * the stocktake stays open for it while the rest is settled.
 */
export async function postStocktake(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'stocktakes.post'>
): Promise<Stocktake> {
  const threshold = await readApprovalThresholdFen(db)
  await db.transaction().execute(async (trx) => {
    const stocktake = await loadStocktake(trx, input.id)
    if (stocktake.status !== 'counting') throw new AppError('READ_ONLY', 'errors.stocktakeClosed')
    const toPost = stocktake.lines.filter((line) => !line.posted && line.countedQuantity !== null)
    const absoluteValue = toPost.reduce((sum, line) => sum + Math.abs(line.varianceValueFen ?? 0), 0)
    if (absoluteValue > threshold && !isManagerRole(actor.role))
      throw new AppError('APPROVAL_REQUIRED', 'errors.stocktakeNeedsManager')
    const posted: { partNumber: string; variance: number }[] = []
    const recount: string[] = []
    for (const line of toPost) {
      const thisLine = trx
        .updateTable('stocktakeLines')
        .where('stocktakeId', '=', input.id)
        .where('partId', '=', line.partId)
      // A correction booked after this count (another count, an adjustment) already changed the
      // books this variance was measured against: posting it as well would count it twice.
      if (await correctedSince(trx, line.partId, await ledgerSeqAtCount(trx, input.id, line.partId))) {
        await thisLine
          .set({
            countedQuantity: null,
            bookQuantityAtCount: null,
            ledgerSeqAtCount: null,
            countedAt: null,
            countedBy: null,
            recountNeeded: 1
          })
          .execute()
        recount.push(line.partNumber)
        continue
      }
      if (line.variance !== null && line.variance !== 0) {
        await postMovement(trx, at, actor.id, {
          partId: line.partId,
          kind: 'stocktake',
          quantity: line.variance,
          reference: stocktake.number,
          reason: stocktake.note
        })
        posted.push({ partNumber: line.partNumber, variance: line.variance })
      }
      await thisLine.set({ postedAt: at.toISOString() }).execute()
    }
    // With every count settled the stocktake is posted; a line awaiting its recount keeps it open.
    if (recount.length === 0) {
      await trx
        .updateTable('stocktakes')
        .set({ status: 'posted', postedBy: actor.id, postedAt: at.toISOString() })
        .where('id', '=', input.id)
        .execute()
    }
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'stocktakes.post',
      entity: 'stocktake',
      entityId: input.id,
      after: { number: stocktake.number, variances: posted, recountNeeded: recount }
    })
  })
  return loadStocktake(db, input.id, actor)
}

async function ledgerSeqAtCount(trx: Db, stocktakeId: string, partId: string): Promise<number> {
  const line = await trx
    .selectFrom('stocktakeLines')
    .select('ledgerSeqAtCount')
    .where('stocktakeId', '=', stocktakeId)
    .where('partId', '=', partId)
    .executeTakeFirstOrThrow()
  return line.ledgerSeqAtCount ?? 0
}

export async function cancelStocktake(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'stocktakes.cancel'>
): Promise<Stocktake> {
  await db.transaction().execute(async (trx) => {
    const stocktake = await findStocktake(trx, input.id)
    if (stocktake.status !== 'counting') throw new AppError('READ_ONLY', 'errors.stocktakeClosed')
    await trx.updateTable('stocktakes').set({ status: 'cancelled' }).where('id', '=', input.id).execute()
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'stocktakes.cancel',
      entity: 'stocktake',
      entityId: input.id,
      after: { number: stocktake.number }
    })
  })
  return loadStocktake(db, input.id, actor)
}
