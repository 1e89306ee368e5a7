import type { Db } from '../../../db/connection'
import {
  AppError,
  type CurrentUser,
  type FaultyPart,
  type ParsedInput,
  type ReturnBatch
} from '../../../../src-shared/contract'
import type { FaultyPartStatus } from '../../../../src-shared/contract/parts/faultyParts'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { shopLocalDate } from '../../../../src-shared/domain/timeZone'
import { NOT_SENT_BACK } from '../../../../src-shared/domain/faultyReturn'
import { daysBetween } from '../../../../src-shared/domain/workOrderAge'
import { recordSyncedChange } from '../../sync/recordChange'
import { nextDocumentNumber } from '../../numbering/service'
import { shopCalendar } from '../../workOrders/calendar'
import { readShopTimeZone } from '../../settings/service'

/** Return batches are numbered like every shop document: FR-YYMMDD-NNNN. */
const BATCH_PREFIX = 'FR'

function faultyQuery(db: Db) {
  return db
    .selectFrom('faultyParts as f')
    .leftJoin('workOrders as w', 'w.id', 'f.workOrderId')
    .innerJoin('parts as p', 'p.id', 'f.partId')
    .leftJoin('returnBatches as b', 'b.id', 'f.batchId')
    .select([
      'f.id',
      'f.workOrderId',
      'w.number as workOrderNumber',
      'f.accessoryRemedyId',
      'f.slipNumber',
      'f.partId',
      'p.partNumber',
      'p.name as partName',
      'f.serial',
      'f.quantity',
      'f.status',
      'f.batchId',
      'b.number as batchNumber',
      'b.trackingNumber',
      'f.createdAt as since'
    ])
}

type FaultyRow = Awaited<ReturnType<ReturnType<typeof faultyQuery>['execute']>>[number]

function withAge(rows: FaultyRow[], timeZone: string, today: string): FaultyPart[] {
  return rows.map((row) => ({
    ...row,
    status: row.status as FaultyPartStatus,
    ageDays: Math.max(0, daysBetween(shopLocalDate(new Date(row.since), timeZone), today))
  }))
}

/**
 * What the shop still has to send back to the brand (or one status), oldest first: the top of the list is
 * most overdue. A shipped part has left the shop (its batch shows it until credited), so the list and its
 * count mean the same as the home page's faulty-parts tile.
 */
export async function listFaultyParts(db: Db, now: Date, input: ParsedInput<'faultyParts.list'>) {
  let query = faultyQuery(db)
  if (input.status) query = query.where('f.status', '=', input.status)
  else if (input.owedOnly) query = query.where('f.status', 'in', [...NOT_SENT_BACK])
  else query = query.where('f.status', '!=', 'cancelled')
  const rows = await query.orderBy('f.createdAt').limit(2000).execute()
  const calendar = await shopCalendar(db, now)
  return withAge(rows, calendar.timeZone, calendar.today)
}

function batchQuery(db: Db) {
  return db
    .selectFrom('returnBatches as b')
    .leftJoin('users as u', 'u.id', 'b.createdBy')
    .leftJoin('users as c', 'c.id', 'b.cancelledBy')
    .select((eb) => [
      'b.id',
      'b.number',
      'b.status',
      'b.carrier',
      'b.trackingNumber',
      'b.creditReference',
      'b.createdAt',
      'u.displayName as createdByName',
      'b.shippedAt',
      'b.creditedAt',
      'b.cancelledAt',
      'c.displayName as cancelledByName',
      eb
        .selectFrom('faultyParts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('faultyParts.batchId', '=', 'b.id')
        .as('items')
    ])
}

export async function loadBatch(db: Db, id: string): Promise<ReturnBatch> {
  const row = await batchQuery(db).where('b.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return { ...row, items: Number(row.items ?? 0) }
}

/** The batches, newest first; a cancelled one stays listed as such (its number may be on a box). */
export async function listBatches(db: Db, input: ParsedInput<'faultyParts.batches'>): Promise<ReturnBatch[]> {
  let query = batchQuery(db)
  if (input.status) query = query.where('b.status', '=', input.status)
  const rows = await query.orderBy('b.createdAt', 'desc').limit(500).execute()
  return rows.map((row) => ({ ...row, items: Number(row.items ?? 0) }))
}

export async function getBatch(db: Db, now: Date, input: ParsedInput<'faultyParts.batch'>) {
  const batch = await loadBatch(db, input.id)
  const calendar = await shopCalendar(db, now)
  const rows = await faultyQuery(db)
    .where('f.batchId', '=', input.id)
    .orderBy('w.number')
    .orderBy('f.slipNumber')
    .execute()
  return { batch, items: withAge(rows, calendar.timeZone, calendar.today) }
}

/** Packs parts that are awaiting return into a new batch; any other status is refused. */
export async function packBatch(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'faultyParts.pack'>
): Promise<ReturnBatch> {
  const ids = [...new Set(input.faultyPartIds)]
  const batchId = uuidv7(at.getTime())
  await db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('faultyParts').select(['id', 'status']).where('id', 'in', ids).execute()
    if (rows.length !== ids.length) throw new AppError('NOT_FOUND')
    if (rows.some((row) => row.status !== 'awaiting')) throw new AppError('CONFLICT', 'errors.faultyNotAwaiting')
    const number = await nextDocumentNumber(trx, BATCH_PREFIX, at, await readShopTimeZone(trx))
    const nowIso = at.toISOString()
    await trx
      .insertInto('returnBatches')
      .values({
        id: batchId,
        number,
        status: 'packed',
        carrier: '',
        trackingNumber: '',
        creditReference: '',
        createdBy: actor.id,
        createdAt: nowIso,
        shippedAt: null,
        creditedAt: null,
        cancelledBy: null,
        cancelledAt: null
      })
      .execute()
    await trx
      .updateTable('faultyParts')
      .set({ status: 'packed', batchId, updatedAt: nowIso })
      .where('id', 'in', ids)
      .execute()
    await recordBatchChange(trx, at, actor.id, 'faultyParts.pack', batchId)
  })
  return loadBatch(db, batchId)
}

export async function shipBatch(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'faultyParts.ship'>
): Promise<ReturnBatch> {
  await moveBatch(db, at, actor, 'faultyParts.ship', input.batchId, 'packed', 'shipped', {
    carrier: input.carrier,
    trackingNumber: input.trackingNumber,
    shippedAt: at.toISOString()
  })
  return loadBatch(db, input.batchId)
}

export async function creditBatch(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'faultyParts.credit'>
): Promise<ReturnBatch> {
  await moveBatch(db, at, actor, 'faultyParts.credit', input.batchId, 'shipped', 'credited', {
    creditReference: input.creditReference,
    creditedAt: at.toISOString()
  })
  return loadBatch(db, input.batchId)
}

/** A batch moves one step along packed → shipped → credited, and its parts with it. */
async function moveBatch(
  db: Db,
  at: Date,
  actor: CurrentUser,
  action: string,
  batchId: string,
  from: 'packed' | 'shipped',
  to: 'shipped' | 'credited',
  set: { carrier?: string; trackingNumber?: string; shippedAt?: string; creditReference?: string; creditedAt?: string }
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const batch = await trx.selectFrom('returnBatches').select(['status']).where('id', '=', batchId).executeTakeFirst()
    if (!batch) throw new AppError('NOT_FOUND')
    if (batch.status !== from) throw new AppError('INVALID_TRANSITION', 'errors.batchStep', { from: batch.status, to })
    await trx
      .updateTable('returnBatches')
      .set({ ...set, status: to })
      .where('id', '=', batchId)
      .execute()
    await trx
      .updateTable('faultyParts')
      .set({ status: to, updatedAt: at.toISOString() })
      .where('batchId', '=', batchId)
      .execute()
    await recordBatchChange(trx, at, actor.id, action, batchId)
  })
}

/** HQ follows the faulty parts it is owed: each step of a batch is synced with its items. */
export async function recordBatchChange(
  trx: Db,
  at: Date,
  actorId: string,
  action: string,
  batchId: string,
  /** What the batch held before a correction (a part taken out), for the audit's before. */
  before?: Record<string, unknown>
): Promise<void> {
  const batch = await trx.selectFrom('returnBatches').selectAll().where('id', '=', batchId).executeTakeFirstOrThrow()
  const items = await trx
    .selectFrom('faultyParts')
    .select(['id', 'workOrderId', 'accessoryRemedyId', 'slipNumber', 'partId', 'serial', 'quantity'])
    .where('batchId', '=', batchId)
    .execute()
  await recordSyncedChange(trx, at, {
    actorId,
    action,
    entity: 'faulty_part_return',
    entityId: batchId,
    ...(before ? { before } : {}),
    after: { ...batch, items }
  })
}

/**
 * A job closed unrepaired owes fewer old parts (or none): a part still packed comes out of its
 * batch, or stays in it with the smaller quantity, and the corrected batch goes to HQ. Runs inside
 * the closing change's transaction.
 */
export async function correctPackedBatch(
  trx: Db,
  at: Date,
  actorId: string,
  faulty: { id: string; batchId: string },
  owed: number
): Promise<void> {
  await trx
    .updateTable('faultyParts')
    .set(
      owed === 0
        ? { quantity: 0, status: 'cancelled', batchId: null, updatedAt: at.toISOString() }
        : { quantity: owed, updatedAt: at.toISOString() }
    )
    .where('id', '=', faulty.id)
    .execute()
  await recordBatchChange(trx, at, actorId, 'faultyParts.unpack', faulty.batchId)
}
