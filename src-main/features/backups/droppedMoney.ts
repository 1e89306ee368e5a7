import type { Db } from '../../db/connection'
import { AppError, type CurrentUser } from '../../../src-shared/contract'
import type { CounterMoneyStep, DroppedMoneyEntry, DroppedMoneyKind } from '../../../src-shared/contract/backups'
import { formatYuan } from '../../../src-shared/domain/money'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { recordAudit } from '../audit/record'
import { readShopTimeZone } from '../settings/service'

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
  return asEntries(query.orderBy('r.restoredAt', 'desc').orderBy('r.at').orderBy('r.recordId'))
}

function entries(db: Db) {
  return db
    .selectFrom('restoreDroppedMoney as r')
    .leftJoin('users as u', 'u.id', 'r.dealtWithBy')
    .leftJoin('dayCloses as kept', 'kept.number', 'r.dayCloseNumber')
    .select((eb) => [
      'kept.closedAt as keptCloseAt',
      eb
        .exists(
          eb.selectFrom('paymentReEntries as re').select('re.paymentId').whereRef('re.droppedMoneyId', '=', 'r.id')
        )
        .as('reEntered')
    ])
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
      'r.dealtWithNote',
      'r.notReEntered'
    ])
}

/**
 * The rows as entries. Money a kept close counted (a payment's, not a document's: that one has no
 * way it was paid) awaits its re-entry until a re-entry is tied to it (checkout/reEntries.ts), or
 * until a manager said it will not be re-entered: then nothing is awaited, and a later charge or
 * refund of its job is new money, tied to nothing.
 */
async function asEntries(query: ReturnType<typeof entries>): Promise<DroppedMoneyEntry[]> {
  const rows = await query.execute()
  return rows.map(({ keptCloseAt, reEntered, notReEntered, ...entry }) => ({
    ...entry,
    countedNotReEntered:
      keptCloseAt !== null && entry.dayCloseNumber !== null && entry.method !== null && !reEntered && !notReEntered
        ? { dayCloseNumber: entry.dayCloseNumber, dayClosedAt: keptCloseAt }
        : null
  }))
}

/**
 * A manager's word that a dropped record was re-entered or checked; once, audited. Money a kept
 * close counted that was not re-entered yet is marked only with the word that it will not be
 * (`notReEntered`): the usual way is to re-enter it at the counter, which marks it and keeps the
 * next close from expecting that cash again. The word is kept on the record: a charge or refund of
 * its job after it is the customer's new money, and the next close counts it as such.
 */
export async function markDroppedMoneyDealtWith(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: { id: string; note: string; notReEntered: boolean }
): Promise<DroppedMoneyEntry> {
  const timeZone = await readShopTimeZone(db)
  await db.transaction().execute(async (trx) => {
    const [entry] = await asEntries(entries(trx).where('r.id', '=', input.id))
    if (!entry) throw new AppError('NOT_FOUND')
    if (entry.dealtWithAt) throw new AppError('CONFLICT', 'backups.droppedMoneyAlreadyDealtWith')
    const counted = entry.countedNotReEntered
    if (counted && !input.notReEntered) {
      throw new AppError('CONFLICT', 'backups.droppedMoneyCountedNotReEntered', {
        dayCloseNumber: counted.dayCloseNumber,
        date: shopLocalDate(new Date(counted.dayClosedAt), timeZone)
      })
    }
    await dealWith(trx, at, actor.id, [entry], input.note, 'backups.markDroppedMoneyDealtWith', {
      notReEntered: counted !== null
    })
  })
  const [marked] = await asEntries(entries(db).where('r.id', '=', input.id))
  return marked!
}

async function dealWith(
  trx: Db,
  at: Date,
  managerId: string,
  standing: DroppedMoneyEntry[],
  note: string,
  action: string,
  word: { notReEntered?: boolean } = {}
): Promise<void> {
  for (const entry of standing) {
    await trx
      .updateTable('restoreDroppedMoney')
      .set({
        dealtWithAt: at.toISOString(),
        dealtWithBy: managerId,
        dealtWithNote: note,
        notReEntered: word.notReEntered ? 1 : 0
      })
      .where('id', '=', entry.id)
      .where('dealtWithAt', 'is', null)
      .execute()
    await recordAudit(trx, at, {
      actorId: managerId,
      action,
      entity: 'restore_dropped_money',
      entityId: entry.id,
      before: entry,
      after: { dealtWithAt: at.toISOString(), dealtWithBy: managerId, dealtWithNote: note, ...word }
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

/** The dropped records this step could repeat. */
function recordsOf(trx: Db, step: CounterMoneyStep) {
  let query = entries(trx)
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
  return query.orderBy('r.at').orderBy('r.recordId')
}

/**
 * Refuses a charge or refund that a restore's dropped record may already have made, naming it,
 * until the counter says it checked (`droppedMoneyChecked`) and a manager goes on: the records are
 * then dealt with in the step's own transaction, audited under the step's operation. Answers the
 * records it dealt with, and those dealt with before their counted money was re-entered (no
 * refusal: a manager has seen them), so the step can tie what it writes to those a kept day close
 * counted; not those a manager said will not be re-entered (asEntries awaits nothing of them).
 */
export async function refuseRepeatingDroppedMoney(
  trx: Db,
  at: Date,
  step: CounterMoneyStep,
  confirmation: { checked: boolean; managerId: string | null; operation: string }
): Promise<DroppedMoneyEntry[]> {
  const records = await asEntries(recordsOf(trx, step))
  const standing = records.filter((entry) => entry.dealtWithAt === null)
  // Marked dealt with before the counter re-entered its money: this step re-enters it all the same.
  const dealtWithBeforeReEntry = records.filter(
    (entry) => entry.dealtWithAt !== null && entry.countedNotReEntered !== null
  )
  if (standing.length === 0) return dealtWithBeforeReEntry
  if (!confirmation.checked) {
    throw new AppError('CONFLICT', 'backups.droppedMoneyOnRecord', {
      records: standing.map(describe).join('; '),
      count: standing.length
    })
  }
  if (!confirmation.managerId) throw new AppError('APPROVAL_REQUIRED', 'backups.droppedMoneyNeedsManager')
  await dealWith(trx, at, confirmation.managerId, standing, '', confirmation.operation)
  return records.filter((entry) => standing.includes(entry) || dealtWithBeforeReEntry.includes(entry))
}

/** "CN-260123-0001 -¥120.00": the number the counter finds on paper, and its amount. */
function describe(entry: DroppedMoneyEntry): string {
  const name = entry.documentNumber || entry.workOrderNumber || ''
  return `${name} ${formatYuan(entry.amountFen)}`.trim()
}
