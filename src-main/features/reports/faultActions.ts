import type { Db } from '../../db/connection'
import { AppError, type ParsedInput } from '../../../src-shared/contract'
import type { FaultAction } from '../../../src-shared/contract/reports'
import type { CurrentUser } from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { recordAudit } from '../audit/record'
import { readShopTimeZone } from '../settings/service'

function selectActions(db: Db) {
  return db
    .selectFrom('faultActions as a')
    .leftJoin('users as u', 'u.id', 'a.createdBy')
    .select([
      'a.id',
      'a.brand',
      'a.model',
      'a.componentCode',
      'a.faultCode',
      'a.owner',
      'a.action',
      'a.dueDate',
      'a.status',
      'u.displayName as createdByName',
      'a.createdAt',
      'a.updatedAt',
      'a.closedAt'
    ])
}

type ActionRow = Omit<FaultAction, 'overdue'>

/** An action not closed by its due date (shop calendar) is overdue. */
function withOverdue(row: ActionRow, today: string): FaultAction {
  return { ...row, overdue: row.status !== 'closed' && row.dueDate < today }
}

/** Every corrective action: open and in progress first (soonest due first), then the closed ones. */
export async function listFaultActions(db: Db, now: Date): Promise<FaultAction[]> {
  const today = shopLocalDate(now, await readShopTimeZone(db))
  const rows = await selectActions(db)
    .orderBy((eb) => eb.case().when('a.status', '=', 'closed').then(1).else(0).end())
    .orderBy('a.dueDate')
    .orderBy('a.createdAt')
    .execute()
  return rows.map((row) => withOverdue(row, today))
}

/**
 * Opens a corrective action on a fault pattern, or changes one; closing it stamps when. One
 * transaction with its audit row (before and after).
 */
export async function saveFaultAction(
  db: Db,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'reports.saveFaultAction'>
): Promise<FaultAction> {
  const at = now.toISOString()
  const id = await db.transaction().execute(async (trx) => {
    const fields = {
      brand: input.brand,
      model: input.model,
      componentCode: input.componentCode || null,
      faultCode: input.faultCode || null,
      owner: input.owner,
      action: input.action,
      dueDate: input.dueDate,
      status: input.status
    }
    if (!input.id) {
      const id = uuidv7(now.getTime())
      await trx
        .insertInto('faultActions')
        .values({
          id,
          ...fields,
          createdBy: actor.id,
          createdAt: at,
          updatedAt: at,
          closedAt: input.status === 'closed' ? at : null
        })
        .execute()
      await recordAudit(trx, now, {
        actorId: actor.id,
        action: 'reports.faultActionOpened',
        entity: 'fault_action',
        entityId: id,
        after: fields
      })
      return id
    }
    const before = await trx.selectFrom('faultActions').selectAll().where('id', '=', input.id).executeTakeFirst()
    if (!before) throw new AppError('NOT_FOUND', 'errors.faultActionNotFound')
    const closedAt = input.status === 'closed' ? (before.closedAt ?? at) : null
    await trx
      .updateTable('faultActions')
      .set({ ...fields, updatedAt: at, closedAt })
      .where('id', '=', input.id)
      .execute()
    await recordAudit(trx, now, {
      actorId: actor.id,
      action: 'reports.faultActionChanged',
      entity: 'fault_action',
      entityId: input.id,
      before: {
        brand: before.brand,
        model: before.model,
        componentCode: before.componentCode,
        faultCode: before.faultCode,
        owner: before.owner,
        action: before.action,
        dueDate: before.dueDate,
        status: before.status
      },
      after: fields
    })
    return input.id
  })
  const today = shopLocalDate(now, await readShopTimeZone(db))
  const row = await selectActions(db).where('a.id', '=', id).executeTakeFirstOrThrow()
  return withOverdue(row, today)
}
