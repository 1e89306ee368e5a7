import { z } from 'zod'
import { operation } from './operation'
import {
  editedVersion,
  id,
  optionalMultiLineText,
  optionalText,
  pageInput,
  singleLineString,
  text,
  type Device,
  type Page,
  type WorkOrderSummary
} from './common'
import { isMainlandMobile, normalizePhone } from '../domain/phone'
import { ERASED_CUSTOMER_NAME } from '../domain/erasedCustomer'

export interface Customer {
  id: string
  name: string
  /** A mainland China mobile (11 digits), the number the shop calls and texts. */
  mobile: string | null
  otherPhones: string[]
  address: string
  company: string
  notes: string
  tags: string[]
  /** Set once the person's data was erased on request: the record stays, anonymised, for their jobs. */
  erasedAt: string | null
  createdAt: string
  /** When it was last saved: what an edit sends back as `expectedUpdatedAt`. */
  updatedAt: string
}

export interface CustomerFile {
  customer: Customer
  devices: Device[]
  workOrders: WorkOrderSummary[]
}

// Refused before the digits are picked out, so a hidden character is never silently dropped.
export const mobileSchema = singleLineString()
  .refine((value) => value === '' || isMainlandMobile(value), { message: 'validation.mobile' })
  .transform((value) => (value === '' ? null : normalizePhone(value)))

const otherPhoneSchema = singleLineString()
  .min(3)
  .max(30)
  .regex(/^[0-9+\-() ]+$/, { message: 'validation.phone' })

/** How many phones besides the mobile the customer form offers to enter. */
export const MAX_OTHER_PHONES = 5

/**
 * How many phones besides the mobile a customer record keeps. More than the form offers: a merge
 * keeps every phone of both customers in the record, where search, the duplicate check and
 * hand-over by phone find them, and the record must still save as it is shown.
 */
export const MAX_KEPT_OTHER_PHONES = 30

export const customerFieldsSchema = z.object({
  // The placeholder of an erased customer reads "Erased customer" in English wherever it shows:
  // a living customer named so would be taken for one (domain/erasedCustomer.ts).
  name: text(50).refine((name) => name !== ERASED_CUSTOMER_NAME, { message: 'validation.nameReservedForErased' }),
  // zod 4 hands a default back as the parsed value without running the transform: so null, not ''.
  mobile: mobileSchema.default(null),
  otherPhones: z.array(otherPhoneSchema).max(MAX_KEPT_OTHER_PHONES).default([]),
  address: optionalMultiLineText(200),
  company: optionalText(100),
  notes: optionalMultiLineText(500),
  tags: z.array(text(20)).max(10).default([])
})

export const customersContract = {
  /** Search as you type: name, pinyin initials, any part of a phone number, company. */
  'customers.search': operation<Page<Customer>>()(
    z.object({ query: z.string().trim().max(50).default(''), ...pageInput }).strict()
  ),
  'customers.get': operation<CustomerFile>()(z.object({ id }).strict()),
  /** Refused with CONFLICT `errors.duplicateMobile` (details.existing) when the mobile is known. */
  'customers.create': operation<Customer>()(customerFieldsSchema.strict()),
  /** Refused with CONFLICT `errors.changedElsewhere` when `expectedUpdatedAt` is not the record's any more. */
  'customers.update': operation<Customer>()(customerFieldsSchema.extend({ id, ...editedVersion }).strict()),
  /** Folds `mergeId` into `keepId`: its devices and work orders move over, its phones are kept. */
  'customers.merge': operation<Customer>()(
    z
      .object({ keepId: id, mergeId: id })
      .strict()
      .refine((input) => input.keepId !== input.mergeId, { message: 'validation.mergeSame', path: ['mergeId'] })
  ),
  /**
   * Erases the person: name, phones, address, notes and the personal text on their jobs (device
   * passcodes too) are anonymised; the jobs, devices and payments stay for the books. Audited.
   */
  'customers.erase': operation<Customer>()(z.object({ id }).strict())
}
