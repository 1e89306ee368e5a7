import type { Db } from '../../db/connection'
import { AppError, type Complaint, type CurrentUser, type Page, type ParsedInput } from '../../../src-shared/contract'
import {
  complaintMayMove,
  satisfactionAverage,
  type ComplaintSource,
  type ComplaintStatus
} from '../../../src-shared/domain/customerContact'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { containsPattern, escapeLike, like } from '../../db/like'
import { recordAudit } from '../audit/record'
import { nextDocumentNumber } from '../numbering/service'
import { readShopTimeZone } from '../settings/service'
import { enqueueOutbox } from '../sync/outbox'
import { findWorkOrder } from '../workOrders/lookup'
import { addTimelineEvent } from '../workOrders/timeline'

interface NewComplaint {
  workOrderId: string
  followUpId: string | null
  source: ComplaintSource
  description: string
}

/** Opens a complaint case on a job, numbered, with its first event; call inside the transaction. */
export async function insertComplaint(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  timeZone: string,
  complaint: NewComplaint
): Promise<{ id: string; number: string }> {
  const row = {
    id: uuidv7(at.getTime()),
    number: await nextDocumentNumber(trx, 'CP', at, timeZone),
    ...complaint,
    status: 'open' as const,
    openedBy: actor.id,
    openedAt: at.toISOString()
  }
  await trx.insertInto('complaints').values(row).execute()
  await addEvent(trx, at, actor, row.id, null, 'open', complaint.description)
  await addTimelineEvent(trx, at, complaint.workOrderId, actor.id, { kind: 'complaint_opened', note: row.number })
  await recordAudit(trx, at, {
    actorId: actor.id,
    action: 'customerContact.openComplaint',
    entity: 'complaint',
    entityId: row.id,
    after: row
  })
  await outboxComplaint(trx, at, row.id, row.workOrderId, 'open')
  return row
}

/** A complaint told at the counter about one of the shop's jobs. */
export async function openCounterComplaint(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'customerContact.openComplaint'>
): Promise<Complaint> {
  const timeZone = await readShopTimeZone(db)
  const { id } = await db.transaction().execute(async (trx) => {
    await findWorkOrder(trx, input.workOrderId)
    return insertComplaint(trx, at, actor, timeZone, {
      workOrderId: input.workOrderId,
      followUpId: null,
      source: 'counter',
      description: input.description
    })
  })
  return loadComplaint(db, id)
}

/** open → being handled → closed (or straight to closed), each step with what was done. */
export async function moveComplaint(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'customerContact.moveComplaint'>
): Promise<Complaint> {
  await db.transaction().execute(async (trx) => {
    const complaint = await trx
      .selectFrom('complaints')
      .selectAll()
      .where('id', '=', input.complaintId)
      .executeTakeFirst()
    if (!complaint) throw new AppError('NOT_FOUND', 'errors.complaintNotFound')
    if (!complaintMayMove(complaint.status, input.to))
      throw new AppError('CONFLICT', 'errors.complaintMove', { from: complaint.status, to: input.to })
    await trx.updateTable('complaints').set({ status: input.to }).where('id', '=', complaint.id).execute()
    await addEvent(trx, at, actor, complaint.id, complaint.status, input.to, input.note)
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'customerContact.moveComplaint',
      entity: 'complaint',
      entityId: complaint.id,
      before: { status: complaint.status },
      after: { status: input.to, note: input.note }
    })
    await outboxComplaint(trx, at, complaint.id, complaint.workOrderId, input.to)
  })
  return loadComplaint(db, input.complaintId)
}

/**
 * A page of complaints in the chosen statuses, newest first. `query` finds one the manager is told
 * about: by its number or its job's (any part of either), or by the end of the customer's mobile
 * (the last digits a customer gives on the phone).
 */
export async function listComplaints(
  db: Db,
  input: ParsedInput<'customerContact.complaints'>
): Promise<Page<Complaint>> {
  const statuses: ComplaintStatus[] =
    input.status === 'all'
      ? ['open', 'handling', 'closed']
      : input.status === 'unresolved'
        ? ['open', 'handling']
        : [input.status]
  let matching = db
    .selectFrom('complaints as k')
    .innerJoin('workOrders as wo', 'wo.id', 'k.workOrderId')
    .innerJoin('customers as c', 'c.id', 'wo.customerId')
    .where('k.status', 'in', statuses)
  if (input.query !== '') {
    const part = containsPattern(input.query)
    const tail = `%${escapeLike(input.query)}`
    matching = matching.where((eb) => eb.or([like('k.number', part), like('wo.number', part), like('c.mobile', tail)]))
  }
  const ids = await matching
    .select('k.id')
    .orderBy('k.openedAt', 'desc')
    .orderBy('k.id', 'desc')
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize)
    .execute()
  const { n } = await matching.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  const rows = await Promise.all(ids.map(({ id }) => loadComplaint(db, id)))
  return { rows, total: Number(n) }
}

export async function loadComplaint(db: Db, id: string): Promise<Complaint> {
  const row = await db
    .selectFrom('complaints as k')
    .innerJoin('workOrders as wo', 'wo.id', 'k.workOrderId')
    .innerJoin('customers as c', 'c.id', 'wo.customerId')
    .leftJoin('users as u', 'u.id', 'k.openedBy')
    .leftJoin('followUps as f', 'f.id', 'k.followUpId')
    .selectAll('k')
    .select([
      'wo.number as workOrderNumber',
      'c.name as customerName',
      'u.displayName as openedByName',
      'f.attitude',
      'f.speed',
      'f.quality',
      'f.price'
    ])
    .where('k.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.complaintNotFound')
  const events = await db
    .selectFrom('complaintEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorId')
    .select(['e.at', 'e.fromStatus', 'e.toStatus', 'e.note', 'u.displayName as actorName'])
    .where('e.complaintId', '=', id)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute()
  const { attitude, speed, quality, price } = row
  const scored = attitude !== null && speed !== null && quality !== null && price !== null
  return {
    id: row.id,
    number: row.number,
    workOrderId: row.workOrderId,
    workOrderNumber: row.workOrderNumber,
    customerName: row.customerName,
    source: row.source,
    description: row.description,
    average: scored ? satisfactionAverage({ attitude, speed, quality, price }) : null,
    status: row.status,
    openedAt: row.openedAt,
    openedByName: row.openedByName,
    events
  }
}

async function addEvent(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  complaintId: string,
  fromStatus: ComplaintStatus | null,
  toStatus: ComplaintStatus,
  note: string
): Promise<void> {
  await trx
    .insertInto('complaintEvents')
    .values({
      id: uuidv7(at.getTime()),
      complaintId,
      at: at.toISOString(),
      actorId: actor.id,
      fromStatus,
      toStatus,
      note
    })
    .execute()
}

/** HQ counts complaints per shop; the customer's words stay in the shop. */
async function outboxComplaint(trx: Db, at: Date, id: string, workOrderId: string, status: ComplaintStatus) {
  await enqueueOutbox(trx, at, {
    entity: 'complaint',
    entityId: id,
    operation: 'upsert',
    payload: { workOrderId, status }
  })
}
