import type { Db } from '../../db/connection'
import {
  AppError,
  fieldError,
  type CurrentUser,
  type ParsedInput,
  type StockAdjustment
} from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { isManagerRole } from '../../../src-shared/domain/roles'
import { outgoingValueFen, unbookedSerialsCovered, type ManualKind } from '../../../src-shared/domain/stock'
import { recordAudit } from '../audit/record'
import { readApprovalThresholdFen } from '../settings/service'
import { correctedSince, lastLedgerSeq, postMovement } from './ledger'
import { findPartRow } from './records'
import type { PartsTable } from './tables'
import { isSerialOnHand, serialMoved, serialNeeded, unserialisedOnHand } from './serials'

/** Stock leaving by hand is a negative movement; a correction may go either way. */
function signedQuantity(kind: ManualKind, quantity: number): number {
  return kind === 'adjust' ? quantity : -Math.abs(quantity)
}

/** One unit of a serial-tracked part by its serial, or the whole quantity of any other. */
interface AdjustedUnit {
  quantity: number
  serial: string | null
}

/**
 * What a request moves, checked against the books now: a list of serials is one unit each, all
 * the same way (arriving or leaving), each named once, the quantity their count; one serial or
 * none is the whole request (`serialMoved`).
 */
async function adjustedUnits(
  trx: Db,
  part: PartsTable,
  quantity: number,
  input: ParsedInput<'parts.adjust'>
): Promise<AdjustedUnit[]> {
  const named = [...(input.serial ? [input.serial] : []), ...(input.serials ?? [])]
  if (named.length <= 1) return [{ quantity, serial: await serialMoved(trx, part, quantity, named[0] ?? null) }]
  if (part.serialTracked !== 1) throw fieldError('serials', 'validation.partNotSerialTracked')
  if (named.some((serial) => serial === null)) throw fieldError('serials', 'validation.serialRequired')
  if (named.length !== Math.abs(quantity)) throw fieldError('quantity', 'validation.serialsPerUnit')
  if (new Set(named).size !== named.length) throw fieldError('serials', 'validation.serialsRepeated')
  const step = Math.sign(quantity)
  const units: AdjustedUnit[] = []
  let unbooked = 0
  for (const serial of named as string[]) {
    // Leaving, a serial not on the books stands for a unit received before serials were kept:
    // there are only so many of those.
    if (
      step < 0 &&
      !(await isSerialOnHand(trx, part.id, serial)) &&
      !unbookedSerialsCovered(++unbooked, await unserialisedOnHand(trx, part.id))
    )
      throw new AppError('CONFLICT', 'errors.serialNotOnHand', { serial })
    units.push({ quantity: step, serial: await serialMoved(trx, part, step, serial, LIST_FIELDS) })
  }
  return units
}

const LIST_FIELDS = { serial: 'serials', quantity: 'quantity' }

/**
 * The value of each unit at cost: arriving at the average cost, leaving at its share of the
 * stock's value as it stands after the units before it left.
 */
function unitValues(part: PartsTable, units: AdjustedUnit[]): number[] {
  let position = { onHand: part.onHand, valueFen: part.stockValueFen }
  return units.map(({ quantity }) => {
    const valueFen = quantity < 0 ? -outgoingValueFen(position, -quantity) : quantity * part.averageCostFen
    position = { onHand: position.onHand + quantity, valueFen: position.valueFen + valueFen }
    return valueFen
  })
}

/**
 * A correction, a scrap or a defective part sent back. Up to the approval threshold (by value at
 * cost, the whole request together) the clerk's change is posted at once; above it the request
 * waits for a manager, unless a manager makes it. A serial-tracked part's units named by serial
 * are one adjustment each, in one transaction.
 */
export async function adjustStock(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'parts.adjust'>
): Promise<StockAdjustment[]> {
  const threshold = await readApprovalThresholdFen(db)
  const { serials: _serials, ...asked } = input
  const ids: string[] = []
  await db.transaction().execute(async (trx) => {
    const part = await findPartRow(trx, input.partId)
    const quantity = signedQuantity(input.kind, input.quantity)
    const units = await adjustedUnits(trx, part, quantity, input)
    if (quantity < 0 && -quantity > part.onHand) {
      throw new AppError('STOCK_INSUFFICIENT', 'errors.STOCK_INSUFFICIENT', {
        partNumber: part.partNumber,
        onHand: part.onHand,
        requested: -quantity
      })
    }
    const values = unitValues(part, units)
    const totalFen = values.reduce((sum, valueFen) => sum + valueFen, 0)
    const postNow = isManagerRole(actor.role) || Math.abs(totalFen) <= threshold
    const ledgerSeq = await lastLedgerSeq(trx, part.id)
    for (const [index, { quantity, serial }] of units.entries()) {
      const id = uuidv7(at.getTime())
      ids.push(id)
      const valueFen = values[index]!
      await trx
        .insertInto('stockAdjustments')
        .values({
          id,
          partId: part.id,
          kind: input.kind,
          quantity,
          valueFen,
          reason: input.reason,
          serial,
          status: postNow ? 'posted' : 'pending',
          ledgerSeq,
          requestedBy: actor.id,
          requestedAt: at.toISOString(),
          decidedBy: postNow ? actor.id : null,
          decidedAt: postNow ? at.toISOString() : null
        })
        .execute()
      if (postNow)
        await postMovement(trx, at, actor.id, {
          partId: part.id,
          kind: input.kind,
          quantity,
          serial,
          reason: input.reason
        })
      await recordAudit(trx, at, {
        actorId: actor.id,
        action: 'parts.adjust',
        entity: 'stock_adjustment',
        entityId: id,
        // Each unit's row names its own serial; the whole list in every row would grow with its square.
        after: { ...asked, quantity, serial, valueFen, posted: postNow }
      })
    }
  })
  return Promise.all(ids.map((id) => loadAdjustment(db, id)))
}

/** A manager posts or rejects a clerk's adjustment that was over the threshold. */
export async function decideAdjustment(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'parts.decideAdjustment'>
): Promise<StockAdjustment> {
  await db.transaction().execute(async (trx) => {
    const adjustment = await trx
      .selectFrom('stockAdjustments')
      .selectAll()
      .where('id', '=', input.id)
      .executeTakeFirst()
    if (!adjustment) throw new AppError('NOT_FOUND')
    if (adjustment.status !== 'pending') throw new AppError('CONFLICT', 'errors.adjustmentDecided')
    await trx
      .updateTable('stockAdjustments')
      .set({ status: input.approve ? 'posted' : 'rejected', decidedBy: actor.id, decidedAt: at.toISOString() })
      .where('id', '=', input.id)
      .execute()
    if (input.approve) {
      // A correction booked since (a stocktake, another adjustment) may already cover this one.
      if (await correctedSince(trx, adjustment.partId, adjustment.ledgerSeq))
        throw new AppError('CONFLICT', 'errors.adjustmentOutdated')
      // Stock may have moved since the request: the ledger refuses what is no longer there (its
      // serial too, issued meanwhile), and the value is what leaves now, which the request keeps.
      const part = await findPartRow(trx, adjustment.partId)
      // A request saved before serials were required may lack the one it now needs, and the
      // approval has no field to name it: the manager rejects it and the clerk enters it again.
      if (adjustment.serial === null && (await serialNeeded(trx, part, adjustment.quantity)))
        throw new AppError('CONFLICT', 'errors.adjustmentNeedsSerial', { partNumber: part.partNumber })
      const serial = await serialMoved(trx, part, adjustment.quantity, adjustment.serial)
      const moved = await postMovement(trx, at, actor.id, {
        partId: adjustment.partId,
        kind: adjustment.kind,
        quantity: adjustment.quantity,
        serial,
        reason: adjustment.reason
      })
      await trx.updateTable('stockAdjustments').set({ valueFen: moved.valueFen }).where('id', '=', input.id).execute()
      // The other units of the same list were asked on the same books: this one posted is no
      // correction made since them.
      await trx
        .updateTable('stockAdjustments')
        .set({ ledgerSeq: await lastLedgerSeq(trx, adjustment.partId) })
        .where('status', '=', 'pending')
        .where('partId', '=', adjustment.partId)
        .where('requestedBy', '=', adjustment.requestedBy)
        .where('requestedAt', '=', adjustment.requestedAt)
        .where('ledgerSeq', '=', adjustment.ledgerSeq)
        .execute()
    }
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'parts.decideAdjustment',
      entity: 'stock_adjustment',
      entityId: input.id,
      before: { status: 'pending' },
      after: { status: input.approve ? 'posted' : 'rejected' }
    })
  })
  return loadAdjustment(db, input.id)
}

function adjustmentsQuery(db: Db) {
  return db
    .selectFrom('stockAdjustments as a')
    .innerJoin('parts as p', 'p.id', 'a.partId')
    .leftJoin('users as r', 'r.id', 'a.requestedBy')
    .leftJoin('users as d', 'd.id', 'a.decidedBy')
    .select([
      'a.id',
      'a.partId',
      'p.partNumber',
      'p.name as partName',
      'a.kind',
      'a.quantity',
      'a.valueFen',
      'a.reason',
      'a.serial',
      'a.status',
      'a.requestedAt',
      'r.displayName as requestedByName',
      'a.decidedAt',
      'd.displayName as decidedByName'
    ])
}

export async function listAdjustments(db: Db, input: ParsedInput<'parts.adjustments'>): Promise<StockAdjustment[]> {
  return adjustmentsQuery(db)
    .where('a.status', '=', input.status)
    .orderBy('a.requestedAt', input.status === 'pending' ? 'asc' : 'desc')
    .limit(500)
    .execute()
}

async function loadAdjustment(db: Db, id: string): Promise<StockAdjustment> {
  return adjustmentsQuery(db).where('a.id', '=', id).executeTakeFirstOrThrow()
}
