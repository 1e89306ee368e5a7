import type { Db } from '../../../db/connection'
import type { ArrivalCondition, CurrentUser, ParsedInput } from '../../../../src-shared/contract'
import { AppError } from '../../../../src-shared/contract'
import { shopCalendar } from '../calendar'
import { comebackOf } from '../comebackCover'
import { findWorkOrder, requireNoLiveComeback } from '../lookup'
import { workOrderPorts } from '../ports'
import { openWorkOrder, type OpenedWorkOrder } from './intake'

/**
 * A comeback: the customer is back with the same fault after pick-up. The old order stays as it
 * was; a new one, linked to it, starts at the counter as the kind of job the earlier one leaves
 * it (see comebackOf): the brand's warranty again, the shop's own repair warranty, or paid.
 */
export async function reopenWorkOrder(
  db: Db,
  at: Date,
  actor: CurrentUser,
  input: ParsedInput<'workOrders.reopen'>
): Promise<OpenedWorkOrder> {
  const previous = await findWorkOrder(db, input.id)
  const cover = await comebackOf(db, previous, await shopCalendar(db, at))
  if (!cover) throw new AppError('INVALID_TRANSITION', 'errors.reopenOnlyPickedUp', { from: previous.status })
  // Who pays is what the customer was told: a comeback of another kind than the screen showed is refused.
  if (input.expectedServiceType !== undefined && input.expectedServiceType !== cover.serviceType)
    throw new AppError('CONFLICT', 'errors.comebackKindChanged', { serviceType: cover.serviceType })
  await requireNoLiveComeback(db, previous.id)
  const condition = JSON.parse(previous.conditionJson) as ArrivalCondition
  // The device may have changed hands since; the comeback belongs to whoever owns it now.
  const device = await workOrderPorts().parties.findDevice(db, previous.deviceId)
  return openWorkOrder(
    db,
    at,
    actor,
    {
      customer: { kind: 'existing', id: device.customerId },
      device: { kind: 'existing', id: previous.deviceId },
      serviceType: cover.serviceType,
      intakeChannel: previous.intakeChannel,
      reportedFault: input.reason,
      symptomCode: previous.symptomCode,
      // Jobs taken in before the serial check was asked carry no answer: not found then.
      condition: { ...condition, serialMismatch: condition.serialMismatch === true },
      accessories: { items: [], note: '' },
      passcode: { consent: false, value: '' },
      estimateFen: 0,
      depositFen: 0,
      depositMethod: 'cash',
      promisedDate: null,
      // The comeback's fault is the one the customer is back with today.
      faultDate: null
    },
    previous.id
  )
}
