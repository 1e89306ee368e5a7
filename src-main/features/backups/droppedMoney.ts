import type { Db } from '../../db/connection'
import { AppError, type CurrentUser } from '../../../src-shared/contract'
import type { CounterMoneyStep, DroppedMoneyEntry, DroppedMoneyKind } from '../../../src-shared/contract/backups'
import { formatYuan } from '../../../src-shared/domain/money'
import { recordAudit } from '../audit/record'

/**
 * The list of money records restores dropped (keptMoney.ts), where the counter meets it: the day
 * close and the work order show what is still to be dealt with, and a charge or refund that would
 * repeat one stops until a manager says to go on. A manager marks each one dealt with once it was
 * re-entered or checked; it then leaves the alerts, and stays on the list.
 */
export async function listDroppedMoney(
  db: Db,
  filter: { workOrderId?: string; includeDealtWith: boolean }
): Promise<DroppedMoneyEntry[]> {
  let query = entries(db)
  if (filter.workOrderId) query = query.where('r.workOrderId', '=', filter.workOrderId)
  if (!filter.includeDealtWith) query = query.where('r.dealtWithAt', 'is', null)
  return query.orderBy('r.restoredAt', 'desc').orderBy('r.at').orderBy('r.recordId').execute()
}

function entries(db: Db) {
  return db
    .selectFrom('restoreDroppedMoney as r')
    .leftJoin('users as u', 'u.id', 'r.dealtWithBy')
    .select([
      'r.id',
      'r.backupName',
      'r.restoredAt',
      'r.recordId',
      'r.kind',
      'r.amountFen',
      'r.method',
      'r.documentNumber',
      'r.workOrderId',
      'r.workOrderNumber',
      'r.refundsDocumentId',
      'r.customerName',
      'r.at',
      'r.byName',
      'r.dayCloseNumber',
      'r.dealtWithAt',
      'u.displayName as dealtWithByName',
      'r.dealtWithNote'
    ])
}

/** A manager's word that a dropped record was re-entered or checked; once, audited. */
export async function markDroppedMoneyDealtWith(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: { id: string; note: string }
): Promise<DroppedMoneyEntry> {
  await db.transaction().execute(async (trx) => {
    const entry = await entries(trx).where('r.id', '=', input.id).executeTakeFirst()
    if (!entry) throw new AppError('NOT_FOUND')
    if (entry.dealtWithAt) throw new AppError('CONFLICT', 'backups.droppedMoneyAlreadyDealtWith')
    await dealWith(trx, at, actor.id, [entry], input.note, 'backups.markDroppedMoneyDealtWith')
  })
  return entries(db).where('r.id', '=', input.id).executeTakeFirstOrThrow()
}

async function dealWith(
  trx: Db,
  at: Date,
  managerId: string,
  standing: DroppedMoneyEntry[],
  note: string,
  action: string
): Promise<void> {
  for (const entry of standing) {
    await trx
      .updateTable('restoreDroppedMoney')
      .set({ dealtWithAt: at.toISOString(), dealtWithBy: managerId, dealtWithNote: note })
      .where('id', '=', entry.id)
      .where('dealtWithAt', 'is', null)
      .execute()
    await recordAudit(trx, at, {
      actorId: managerId,
      action,
      entity: 'restore_dropped_money',
      entityId: entry.id,
      before: entry,
      after: { dealtWithAt: at.toISOString(), dealtWithBy: managerId, dealtWithNote: note }
    })
  }
}

/**
 * What charging a job again may repeat: the money it took, its receipt, and the deposit excess it
 * handed back (charged again, the job hands it back again).
 */
const CHARGED: DroppedMoneyKind[] = ['deposit', 'payment', 'deposit_return', 'invoice']
const REFUNDS: DroppedMoneyKind[] = ['refund', 'credit_note']
const SALE_REFUNDS: DroppedMoneyKind[] = ['refund', 'counter_refund']

/** The dropped records still to be dealt with that this step could repeat. */
async function standingFor(trx: Db, step: CounterMoneyStep): Promise<DroppedMoneyEntry[]> {
  let query = entries(trx).where('r.dealtWithAt', 'is', null)
  if ('charging' in step) {
    query = query.where('r.workOrderId', '=', step.charging.workOrderId).where('r.kind', 'in', CHARGED)
  } else if ('refundingInvoice' in step) {
    const { invoiceId, workOrderId } = step.refundingInvoice
    query = query
      .where('r.kind', 'in', REFUNDS)
      .where((eb) => eb.or([eb('r.refundsDocumentId', '=', invoiceId), eb('r.workOrderId', '=', workOrderId)]))
  } else {
    query = query.where('r.kind', 'in', SALE_REFUNDS).where('r.refundsDocumentId', '=', step.refundingSale.saleId)
  }
  return query.orderBy('r.at').execute()
}

/**
 * Refuses a charge or refund that a restore's dropped record may already have made, naming it,
 * until the counter says it checked (`droppedMoneyChecked`) and a manager goes on: the records are
 * then dealt with in the step's own transaction, audited under the step's operation. Answers the
 * records it dealt with, so the step can tie what it writes to those a kept day close counted.
 */
export async function refuseRepeatingDroppedMoney(
  trx: Db,
  at: Date,
  step: CounterMoneyStep,
  confirmation: { checked: boolean; managerId: string | null; operation: string }
): Promise<DroppedMoneyEntry[]> {
  const standing = await standingFor(trx, step)
  if (standing.length === 0) return []
  if (!confirmation.checked) {
    throw new AppError('CONFLICT', 'backups.droppedMoneyOnRecord', {
      records: standing.map(describe).join('; '),
      count: standing.length
    })
  }
  if (!confirmation.managerId) throw new AppError('APPROVAL_REQUIRED', 'backups.droppedMoneyNeedsManager')
  await dealWith(trx, at, confirmation.managerId, standing, '', confirmation.operation)
  return standing
}

/** "CN-260123-0001 -¥120.00": the number the counter finds on paper, and its amount. */
function describe(entry: DroppedMoneyEntry): string {
  const name = entry.documentNumber || entry.workOrderNumber || ''
  return `${name} ${formatYuan(entry.amountFen)}`.trim()
}
