import type { Db } from '../../../db/connection'
import {
  AppError,
  fieldError,
  type CurrentUser,
  type ParsedInput,
  type WorkOrderDetail
} from '../../../../src-shared/contract'
import { newClaimCode } from '../../../../src-shared/domain/claimCode'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { CHECK_IN_SERVICE_TYPES } from '../../../../src-shared/domain/repairTypes'
import { shopLocalDate } from '../../../../src-shared/domain/timeZone'
import { nextDocumentNumber } from '../../numbering/service'
import { readShopTimeZone } from '../../settings/service'
import { recordSyncedChange } from '../../sync/recordChange'
import { shopCalendar } from '../calendar'
import { requireActiveCode } from '../codes/codes'
import { loadWorkOrderDetail } from '../detail'
import { findWorkOrder, requireNoLiveComeback } from '../lookup'
import { workOrderPorts } from '../ports'
import { workOrderRecord } from '../records'
import { addTimelineEvent } from '../timeline'
import type { WorkOrdersTable } from '../tables'
import { sealPasscode } from '../passcodeSeal'
import { refuseImpossibleFaultDate } from '../faultDate'
import { requireNoOpenJob } from '../openJob'

type Intake = ParsedInput<'workOrders.create'>

/** The customer at the counter: found, or created now (a known mobile is refused, never duplicated). */
async function intakeCustomer(trx: Db, at: Date, actor: CurrentUser, customer: Intake['customer']): Promise<string> {
  const { findLiveCustomer, insertCustomer } = workOrderPorts().parties
  if (customer.kind === 'existing') return (await findLiveCustomer(trx, customer.id)).id
  return (await withFieldPrefix('customer.fields.', insertCustomer(trx, at, actor, customer.fields))).id
}

/** Field errors from a nested step, re-pointed at where those fields sit in the check-in input. */
async function withFieldPrefix<T>(prefix: string, step: Promise<T>): Promise<T> {
  try {
    return await step
  } catch (error) {
    if (error instanceof AppError && error.details?.fields) {
      throw new AppError(error.code, error.messageKey, {
        ...error.details,
        fields: error.details.fields.map((field) => ({ ...field, path: `${prefix}${field.path}` }))
      })
    }
    throw error
  }
}

/** The device: found (and handed to this customer if it was someone else's), or created now. */
async function intakeDevice(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  customerId: string,
  device: Intake['device']
): Promise<string> {
  const { findDevice, insertDevice, saveDevice } = workOrderPorts().parties
  if (device.kind === 'new')
    return (await withFieldPrefix('device.fields.', insertDevice(trx, at, actor, customerId, device.fields))).id
  const found = await findDevice(trx, device.id)
  if (found.customerId !== customerId) {
    const { id, brand, model, serial, colour, purchaseDate } = found
    await saveDevice(trx, at, actor, { id, brand, model, serial, colour, purchaseDate, customerId })
  }
  return found.id
}

/**
 * The picked-up order a comeback starts from: checked inside the check-in's transaction (so two
 * reopens cannot race past it), and its timeline says where the customer's story continues.
 */
async function linkComeback(
  trx: Db,
  at: Date,
  actor: CurrentUser,
  previousId: string,
  newNumber: string
): Promise<void> {
  const previous = await findWorkOrder(trx, previousId)
  if (previous.status !== 'picked_up')
    throw new AppError('INVALID_TRANSITION', 'errors.reopenOnlyPickedUp', { from: previous.status })
  await addTimelineEvent(trx, at, previousId, actor.id, { kind: 'reopened_as', note: newNumber })
}

/**
 * When the fault appeared: today unless the desk says otherwise, never in the future nor before
 * the device was bought (the device's purchase date, else the registered unit's), nor before a
 * registered unit was received in an exchange. The warranty verdict is judged on this day.
 */
async function checkedFaultDate(trx: Db, deviceId: string, given: string | null, today: string): Promise<string> {
  const faultDate = given ?? today
  const device = await workOrderPorts().parties.findDevice(trx, deviceId)
  const unit = device.serial ? await workOrderPorts().registeredUnit(trx, device.serial) : null
  refuseImpossibleFaultDate('faultDate', faultDate, {
    today,
    purchaseDate: device.purchaseDate ?? unit?.purchaseDate ?? null,
    exchangedOn: unit?.exchangedOn ?? null
  })
  return faultDate
}

export interface OpenedWorkOrder {
  workOrder: WorkOrderDetail
  claimCode: string
}

/**
 * Check-in: customer, device and work order in one transaction, with the shop's next number
 * (e.g. WO-260123-0042) and a claim code for the receipt. The claim code is shown this once.
 */
export async function openWorkOrder(
  db: Db,
  at: Date,
  actor: CurrentUser,
  intake: Intake,
  reopenedFromId: string | null = null
): Promise<OpenedWorkOrder> {
  const timeZone = await readShopTimeZone(db)
  const claimCode = newClaimCode()
  // A promise for a day already gone would make the job overdue the moment it is opened.
  if (intake.promisedDate !== null && intake.promisedDate < shopLocalDate(at, timeZone)) {
    throw fieldError('promisedDate', 'validation.dateInPast')
  }
  if (!reopenedFromId && !CHECK_IN_SERVICE_TYPES.includes(intake.serviceType)) {
    throw fieldError('serviceType', 'validation.shopWarrantyOnlyComeback')
  }
  const id = await db.transaction().execute(async (trx) => {
    // Checked before anything is written, inside the write lock: two reopens at once open one comeback.
    if (reopenedFromId) await requireNoLiveComeback(trx, reopenedFromId)
    const customerId = await intakeCustomer(trx, at, actor, intake.customer)
    const deviceId = await intakeDevice(trx, at, actor, customerId, intake.device)
    await requireNoOpenJob(trx, deviceId)
    await requireActiveCode(trx, 'symptom', intake.symptomCode, 'symptomCode')
    const faultDate = await checkedFaultDate(trx, deviceId, intake.faultDate, shopLocalDate(at, timeZone))
    const workOrderId = uuidv7(at.getTime())
    const row: WorkOrdersTable = {
      id: workOrderId,
      number: await nextDocumentNumber(trx, 'WO', at, timeZone),
      claimCode,
      customerId,
      deviceId,
      serviceType: intake.serviceType,
      intakeChannel: intake.intakeChannel,
      status: 'received',
      reportedFault: intake.reportedFault,
      symptomCode: intake.symptomCode,
      conditionJson: JSON.stringify(intake.condition),
      accessoriesJson: JSON.stringify(intake.accessories),
      // Sealed before it is written: the plain passcode never reaches the database file.
      passcode:
        intake.passcode.consent && intake.passcode.value !== ''
          ? sealPasscode(intake.passcode.value, workOrderId)
          : null,
      estimateFen: intake.estimateFen,
      depositFen: intake.depositFen,
      promisedDate: intake.promisedDate,
      technicianId: null,
      faultLocationCode: null,
      faultCauseCode: null,
      diagnosis: '',
      internalNote: '',
      customerNote: '',
      closeReason: '',
      currentQuoteId: null,
      reopenedFromId,
      pickedUpAt: null,
      pickedUpBy: null,
      faultDate,
      waitingCause: null,
      waitingSince: null,
      createdBy: actor.id,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString()
    }
    await trx.insertInto('workOrders').values(row).execute()
    if (intake.depositFen > 0)
      await workOrderPorts().recordDeposit(trx, at, actor.id, row.id, intake.depositFen, intake.depositMethod)
    if (reopenedFromId) await linkComeback(trx, at, actor, reopenedFromId, row.number)
    await addTimelineEvent(trx, at, row.id, actor.id, {
      kind: reopenedFromId ? 'reopened' : 'created',
      toStatus: 'received'
    })
    await recordSyncedChange(trx, at, {
      actorId: actor.id,
      action: reopenedFromId ? 'workOrders.reopen' : 'workOrders.create',
      entity: 'work_order',
      entityId: row.id,
      after: await workOrderRecord(trx, row)
    })
    return row.id
  })
  return { workOrder: await loadWorkOrderDetail(db, id, actor, await shopCalendar(db, at)), claimCode }
}
