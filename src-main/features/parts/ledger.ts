import type { Db } from '../../db/connection'
import { reusableInsert } from '../../db/reusableInsert'
import { reusableQuery } from '../../db/reusableQuery'
import { AppError } from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { averageCostFen, outgoingValueFen, type MovementKind } from '../../../src-shared/domain/stock'
import { enqueueOutbox } from '../sync/outbox'

export interface MovementRequest {
  partId: string
  kind: MovementKind
  /** Signed: positive into stock, negative out. */
  quantity: number
  /** For stock coming in: its unit cost. Omitted, the part's moving-average cost is used. */
  unitCostFen?: number
  /** For stock coming back: the exact value it left with (a return), instead of a unit cost. */
  valueFen?: number
  reference?: string
  /** A receipt's supplier and delivery note, kept apart besides the reference that joins them. */
  delivery?: { supplier: string; note: string }
  reason?: string
  serial?: string | null
  workOrderId?: string | null
  workOrderPartId?: string | null
}

export interface PostedMovement {
  id: string
  partId: string
  quantity: number
  unitCostFen: number
  valueFen: number
  balanceAfter: number
}

/** What the ledger reads of a part before it moves it. */
export interface LedgerPosition {
  partNumber: string
  onHand: number
  stockValueFen: number
  averageCostFen: number
}

/** The value and unit cost a movement would carry, from the part's position; nothing is written. */
export interface MovementValue {
  unitCostFen: number
  valueFen: number
}

/**
 * What a movement is worth at the part's position: stock leaving goes at its moving-average
 * value, stock coming in at its unit cost (or the exact value it left with). Taking out more
 * than is on hand is refused with STOCK_INSUFFICIENT. Pure: a caller that must write a row
 * carrying the cost before the ledger line (an issued job line) asks here first.
 */
export function movementValue(part: LedgerPosition, request: MovementRequest): MovementValue {
  const { quantity } = request
  if (!Number.isInteger(quantity) || quantity === 0) throw new RangeError('a movement moves a whole, non-zero quantity')
  if (quantity < 0) {
    if (-quantity > part.onHand) {
      throw new AppError('STOCK_INSUFFICIENT', 'errors.STOCK_INSUFFICIENT', {
        partNumber: part.partNumber,
        onHand: part.onHand,
        requested: -quantity
      })
    }
    const leaving = outgoingValueFen({ onHand: part.onHand, valueFen: part.stockValueFen }, -quantity)
    return { valueFen: -leaving, unitCostFen: Math.round(leaving / -quantity) }
  }
  if (request.valueFen !== undefined)
    return { valueFen: request.valueFen, unitCostFen: Math.round(request.valueFen / quantity) }
  const unitCostFen = request.unitCostFen ?? part.averageCostFen
  return { unitCostFen, valueFen: unitCostFen * quantity }
}

// Every movement runs these (db/reusableQuery.ts): built and compiled once, not per movement.
const ledgerPosition = reusableQuery(1, (db: Db, partId: string) =>
  db.selectFrom('parts').select(['partNumber', 'onHand', 'stockValueFen', 'averageCostFen']).where('id', '=', partId)
)

const movePartBooks = reusableQuery(
  7,
  (
    db: Db,
    onHand: number,
    stockValueFen: number,
    averageCostFen: number,
    updatedAt: string,
    partId: string,
    onHandBefore: number,
    stockValueBefore: number
  ) =>
    db
      .updateTable('parts')
      .set({ onHand, stockValueFen, averageCostFen, updatedAt })
      .where('id', '=', partId)
      .where('onHand', '=', onHandBefore)
      .where('stockValueFen', '=', stockValueBefore)
)

const insertMovement = reusableInsert('stockMovements', [
  'id',
  'partId',
  'at',
  'kind',
  'quantity',
  'unitCostFen',
  'valueFen',
  'balanceAfter',
  'reference',
  'reason',
  'serial',
  'workOrderId',
  'workOrderPartId',
  'actorId',
  'deliverySupplier',
  'deliveryNote'
])

/**
 * Appends one line to the stock ledger and moves the part's on-hand quantity, stock value and
 * moving-average cost with it; sends the line to HQ through the outbox. Must run inside the
 * caller's transaction. Taking out more than is on hand is refused with STOCK_INSUFFICIENT
 * before anything is written, and the caller's transaction rolls back whatever it did. A caller
 * that has just read the part in the same transaction passes its position (`known`) and spares
 * the ledger reading it again; the guarded update below still refuses a position that moved.
 */
export async function postMovement(
  trx: Db,
  at: Date,
  actorId: string | null,
  request: MovementRequest,
  known?: LedgerPosition
): Promise<PostedMovement> {
  const part = known ?? (await ledgerPosition.first(trx, request.partId))
  if (!part) throw new AppError('NOT_FOUND', 'errors.partNotFound')
  const { quantity } = request
  const { unitCostFen, valueFen } = movementValue(part, request)
  const after = { onHand: part.onHand + quantity, valueFen: part.stockValueFen + valueFen }
  const unitCostAfter = quantity > 0 && part.onHand === 0 ? unitCostFen : averageCostFen(after, part.averageCostFen)

  // Guarded by what was read: a concurrent writer that slipped past the transaction would
  // make this match nothing rather than overwrite its change.
  const updated = await movePartBooks.execute(
    trx,
    after.onHand,
    after.valueFen,
    unitCostAfter,
    at.toISOString(),
    request.partId,
    part.onHand,
    part.stockValueFen
  )
  if (updated.numAffectedRows !== 1n) throw new AppError('CONFLICT', 'errors.CONFLICT')

  const movement = {
    id: uuidv7(at.getTime()),
    partId: request.partId,
    at: at.toISOString(),
    kind: request.kind,
    quantity,
    unitCostFen,
    valueFen,
    balanceAfter: after.onHand,
    reference: request.reference ?? '',
    reason: request.reason ?? '',
    serial: request.serial ?? null,
    workOrderId: request.workOrderId ?? null,
    workOrderPartId: request.workOrderPartId ?? null,
    actorId
  }
  await insertMovement(trx, {
    ...movement,
    deliverySupplier: request.delivery?.supplier ?? null,
    deliveryNote: request.delivery?.note ?? null
  })
  await enqueueOutbox(trx, at, {
    entity: 'stock_movement',
    entityId: movement.id,
    operation: 'upsert',
    payload: { ...movement, partNumber: part.partNumber }
  })
  return { id: movement.id, partId: movement.partId, quantity, unitCostFen, valueFen, balanceAfter: after.onHand }
}

/** The part's newest ledger line (0 before the first): later lines are changes since then. */
export async function lastLedgerSeq(trx: Db, partId: string): Promise<number> {
  const row = await trx
    .selectFrom('stockMovements')
    .select((eb) => eb.fn.max<number>('seq').as('seq'))
    .where('partId', '=', partId)
    .executeTakeFirst()
  return Number(row?.seq ?? 0)
}

/** Whether a correction (an adjustment or a stocktake) was booked for the part after `seq`. */
export async function correctedSince(trx: Db, partId: string, seq: number): Promise<boolean> {
  const row = await trx
    .selectFrom('stockMovements')
    .select('seq')
    .where('partId', '=', partId)
    .where('seq', '>', seq)
    .where('kind', 'in', ['adjust', 'stocktake'])
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}
