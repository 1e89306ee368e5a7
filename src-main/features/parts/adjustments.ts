import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type ParsedInput, type StockAdjustment } from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { isManagerRole } from '../../../src-shared/domain/roles'
import { outgoingValueFen, type ManualKind } from '../../../src-shared/domain/stock'
import { recordAudit } from '../audit/record'
import { readApprovalThresholdFen } from '../settings/service'
import { correctedSince, lastLedgerSeq, postMovement } from './ledger'
import { findPartRow } from './records'
import { serialMoved, serialNeeded } from './serials'

/** Stock leaving by hand is a negative movement; a correction may go either way. */
function signedQuantity(kind: ManualKind, quantity: number): number {
  return kind === 'adjust' ? quantity : -Math.abs(quantity)
}

/**
 * A correction, a scrap or a defective part sent back. Up to the approval threshold (by value at
 * cost) the clerk's change is posted at once; above it the request waits for a manager, unless
 * a manager makes it.
 */
export async function adjustStock(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'parts.adjust'>
): Promise<StockAdjustment> {
  const id = uuidv7(at.getTime())
  const threshold = await readApprovalThresholdFen(db)
  await db.transaction().execute(async (trx) => {
    const part = await findPartRow(trx, input.partId)
    const quantity = signedQuantity(input.kind, input.quantity)
    const serial = await serialMoved(trx, part, quantity, input.serial ?? null)
    if (quantity < 0 && -quantity > part.onHand) {
      throw new AppError('STOCK_INSUFFICIENT', 'errors.STOCK_INSUFFICIENT', {
        partNumber: part.partNumber,
        onHand: part.onHand,
        requested: -quantity
      })
    }
    const valueFen =
      quantity < 0
        ? -outgoingValueFen({ onHand: part.onHand, valueFen: part.stockValueFen }, -quantity)
        : quantity * part.averageCostFen
    const postNow = isManagerRole(actor.role) || Math.abs(valueFen) <= threshold
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
        ledgerSeq: await lastLedgerSeq(trx, part.id),
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
      after: { ...input, quantity, serial, valueFen, posted: postNow }
    })
  })
  return loadAdjustment(db, id)
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
