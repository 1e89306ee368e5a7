import { z } from 'zod'
import { operation } from '../operation'
import {
  calendarDate,
  editedVersion,
  id,
  optionalText,
  serialSchema,
  text,
  type Device,
  type WorkOrderSummary
} from '../common'
import type { Customer } from '../customers'

export const deviceFieldsSchema = z.object({
  brand: text(40),
  model: text(60),
  // zod 4 hands a default back as the parsed value without running the transform: so null, not ''.
  serial: serialSchema.default(null),
  colour: optionalText(20),
  purchaseDate: calendarDate.nullable().default(null)
})

export const devicesContract = {
  /** What the shop knows of a scanned serial: the device and its owner, or null. */
  'devices.findBySerial': operation<{ device: Device; customer: Customer } | null>()(
    z.object({ serial: serialSchema }).strict()
  ),
  'devices.create': operation<Device>()(deviceFieldsSchema.extend({ customerId: id }).strict()),
  /**
   * Also moves the device to another customer (one owner at a time). Refused with CONFLICT
   * `errors.changedElsewhere` when `expectedUpdatedAt` is not the record's any more.
   */
  'devices.update': operation<Device>()(deviceFieldsSchema.extend({ id, customerId: id, ...editedVersion }).strict()),
  'devices.history': operation<WorkOrderSummary[]>()(z.object({ id }).strict())
}
