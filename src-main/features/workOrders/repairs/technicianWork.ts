import type { Db } from '../../../db/connection'
import { AppError, type CurrentUser, type ParsedInput, type WorkOrderDetail } from '../../../../src-shared/contract'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { changeWorkOrder } from '../change'
import { requireActiveCode } from '../codes/codes'
import { requireBenchAccess, requireNotBilled, requireOpen } from '../guards'
import { isClosed } from '../../../../src-shared/domain/workOrderStatus'
import { NOTE_AFTER_CLOSE } from '../../../../src-shared/contract/workOrders'

// The technician's work on a job at the bench: diagnosis, labour lines and notes.

/** Records the diagnosis with the coded fault location and cause the brand analyses. */
export function diagnose(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.diagnose'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.diagnose', async (trx, order) => {
    requireOpen(order)
    requireBenchAccess(actor, order)
    await requireActiveCode(trx, 'fault_location', input.faultLocationCode, 'faultLocationCode')
    await requireActiveCode(trx, 'fault_cause', input.faultCauseCode, 'faultCauseCode')
    return {
      set: {
        faultLocationCode: input.faultLocationCode,
        faultCauseCode: input.faultCauseCode,
        diagnosis: input.diagnosis
      },
      event: { kind: 'diagnosed', note: [input.faultLocationCode, input.faultCauseCode].filter(Boolean).join(' / ') }
    }
  })
}

export function addLabour(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.addLabour'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.addLabour', async (trx, order) => {
    requireOpen(order)
    requireBenchAccess(actor, order)
    await requireNotBilled(trx, order.id)
    await trx
      .insertInto('workOrderLabour')
      .values({
        id: uuidv7(at.getTime()),
        workOrderId: order.id,
        description: input.description,
        minutes: input.minutes,
        priceFen: input.priceFen,
        createdBy: actor.id,
        createdAt: at.toISOString()
      })
      .execute()
    return { event: { kind: 'labour_added', note: input.description } }
  })
}

export function removeLabour(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.removeLabour'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.removeLabour', async (trx, order) => {
    requireOpen(order)
    requireBenchAccess(actor, order)
    await requireNotBilled(trx, order.id)
    const line = await trx
      .selectFrom('workOrderLabour')
      .selectAll()
      .where('id', '=', input.labourId)
      .where('workOrderId', '=', order.id)
      .executeTakeFirst()
    if (!line) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND')
    await trx.deleteFrom('workOrderLabour').where('id', '=', line.id).execute()
    return { event: { kind: 'labour_removed', note: line.description } }
  })
}

/**
 * Internal notes stay in the shop; customer notes are printed for the customer. The notes are
 * the job's technician's record of the work, so another technician may not overwrite them (the
 * desk and managers may, as `can.editNotes` says). A closed order keeps them as they stood when
 * it closed (what the customer's documents printed): anything later is a note after the close.
 */
export function updateNotes(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.updateNotes'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.updateNotes', async (_trx, order) => {
    if (isClosed(order.status)) throw new AppError('READ_ONLY', 'errors.notesKeptAtClose')
    requireBenchAccess(actor, order)
    return { set: { internalNote: input.internalNote, customerNote: input.customerNote }, event: { kind: 'notes' } }
  })
}

/**
 * What happens after the close still belongs to the job (the customer calls back about the
 * repair, a part turns out faulty later): it is added, never written over the closed notes, as a
 * timeline line with who and when, so it reads as after the close. It stays in the shop (it is
 * not printed); who may add it is who may write the job's notes.
 */
export function addNoteAfterClose(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.addNoteAfterClose'>
): Promise<WorkOrderDetail> {
  return changeWorkOrder(db, at, actor, input.id, 'workOrders.addNoteAfterClose', async (_trx, order) => {
    if (!isClosed(order.status)) throw new AppError('CONFLICT', 'errors.workOrderStillOpen')
    requireBenchAccess(actor, order)
    return { event: { kind: NOTE_AFTER_CLOSE, note: input.note } }
  })
}
