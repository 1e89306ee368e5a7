import type { Db } from '../../../db/connection'
import {
  AppError,
  fieldError,
  type CurrentUser,
  type ParsedInput,
  type Stocktake,
  type StocktakeLine
} from '../../../../src-shared/contract'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { isManagerRole } from '../../../../src-shared/domain/roles'
import { prefixPattern, like } from '../../../db/like'
import { recordAudit } from '../../audit/record'
import { nextDocumentNumber } from '../../numbering/service'
import { readApprovalThresholdFen, readShopTimeZone } from '../../settings/service'
import { correctedSince, lastLedgerSeq, postMovement } from '../ledger'
import { barcodesOf } from '../records'
import { hidesExpected, lineWithoutExpected } from './blindCount'
import { namedSerials, serialsFound, serialsNotFound } from './missingSerials'
import { findStocktake, linesQuery, loadStocktake, toLine } from './stocktakeReads'

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
    const posted: { partNumber: string; variance: number; serials: string[]; found: string[] }[] = []
    const recount: string[] = []
    const hidden = hidesExpected(actor, { blind: stocktake.blind ? 1 : 0, status: stocktake.status })
    const named = namedSerials(input, 'missingSerials')
    const namedFound = namedSerials(input, 'foundSerials')
    for (const line of toPost) {
      const thisLine = trx
        .updateTable('stocktakeLines')
        .where('stocktakeId', '=', input.id)
        .where('partId', '=', line.partId)
      // A correction booked after this count (another count, an adjustment) already changed the
      // books this variance was measured against: posting it as well would count it twice. And a
      // count that more has left the shelf since than the variance leaves (counted 0, then one
      // found and issued) was short: posting it would take the books below zero, so it is counted
      // again rather than holding up every other count of the stocktake.
      if (
        provenShort(line) ||
        (await correctedSince(trx, line.partId, await ledgerSeqAtCount(trx, input.id, line.partId)))
      ) {
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
        // Its serials not found (or found) are named again when it is posted after its recount.
        named.delete(line.partId)
        namedFound.delete(line.partId)
        continue
      }
      const variance = line.variance ?? 0
      const serials = await unlessBlind(hidden, () =>
        serialsNotFound(trx, line, Math.max(0, -variance), named.get(line.partId))
      )
      const found = await unlessBlind(hidden, () =>
        serialsFound(trx, line, Math.max(0, variance), namedFound.get(line.partId))
      )
      named.delete(line.partId)
      namedFound.delete(line.partId)
      // A serial-tracked unit not found leaves by its serial, one found enters by its serial: one
      // ledger line each.
      const booking = {
        partId: line.partId,
        kind: 'stocktake' as const,
        reference: stocktake.number,
        reason: stocktake.note
      }
      for (const serial of serials) await postMovement(trx, at, actor.id, { ...booking, quantity: -1, serial })
      for (const serial of found) await postMovement(trx, at, actor.id, { ...booking, quantity: 1, serial })
      const unnamed = variance + serials.length - found.length
      if (unnamed !== 0) await postMovement(trx, at, actor.id, { ...booking, quantity: unnamed })
      if (variance !== 0) posted.push({ partNumber: line.partNumber, variance, serials, found })
      await thisLine.set({ postedAt: at.toISOString() }).execute()
    }
    // Serials named for a part this posting books nothing for (not counted, or posted before).
    const unbooked = [...named.values()].find((left) => left.serials.length > 0)
    if (unbooked) throw fieldError(unbooked.path, 'validation.moreSerialsThanShort', { n: 0 })
    const unbookedFound = [...namedFound.values()].find((left) => left.serials.length > 0)
    if (unbookedFound) throw fieldError(unbookedFound.path, 'validation.moreSerialsThanOver', { n: 0 })
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

/**
 * The clerk posting a blind count is not shown its variances, so cannot name the serials of a
 * serial-tracked part counted off the books: a manager, who sees them, posts it. Told without
 * naming the part, which would tell the books.
 */
async function unlessBlind(hidden: boolean, nameSerials: () => Promise<string[]>): Promise<string[]> {
  try {
    return await nameSerials()
  } catch (error) {
    if (hidden && error instanceof AppError && error.code === 'VALIDATION')
      throw new AppError('APPROVAL_REQUIRED', 'errors.blindSerialsNeedManager')
    throw error
  }
}

/** Whether the books now hold fewer than the count's shortage would take out. */
function provenShort(line: { variance: number | null; currentQuantity: number | null }): boolean {
  return line.variance !== null && line.currentQuantity !== null && line.currentQuantity + line.variance < 0
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
