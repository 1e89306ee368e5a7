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
import type { Complaint, FollowUp } from './customerContact'
import type { Payment } from './checkout'

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

/** How many of each kind of record around the customer's jobs their file shows, newest first. */
export const CUSTOMER_FILE_RECENT = 20

/** The customer's newest work orders the file lists (a company customer can have thousands). */
export const CUSTOMER_FILE_WORK_ORDERS = 200

/** The newest records of one kind, and whether older ones were left out. */
export interface RecentRecords<T> {
  rows: T[]
  more: boolean
}

/** Rows read one past `limit`: the first `limit` of them, and whether there was one past it. */
export function recentRecords<T>(rowsReadOnePast: T[], limit: number): RecentRecords<T> {
  return { rows: rowsReadOnePast.slice(0, limit), more: rowsReadOnePast.length > limit }
}

/** A complaint about one of the customer's jobs, as the complaints page lists it. */
export type CustomerComplaint = Pick<
  Complaint,
  'id' | 'number' | 'workOrderId' | 'workOrderNumber' | 'source' | 'status' | 'average' | 'openedAt'
> & {
  /** Who took its last step past "open" (handling or closing it); null while nobody has. */
  handledByName: string | null
}

/** Money taken or handed back for one of the customer's jobs, or a counter sale in their name. */
export interface CustomerPayment extends Payment {
  /** The receipt or credit note it was paid against, the counter sale's number, or null (a deposit). */
  documentNumber: string | null
  workOrderNumber: string | null
  counterSaleId: string | null
  /**
   * A counter sale written before the till could pick a customer, listed because its name is this
   * customer's and no other live customer's: whose it is, only the name says.
   */
  matchedByName: boolean
}

export interface CustomerFile {
  customer: Customer
  devices: Device[]
  /** The newest `CUSTOMER_FILE_WORK_ORDERS` of the customer's work orders. */
  workOrders: WorkOrderSummary[]
  /** How many work orders the customer has in all: more than listed when the list was cut. */
  workOrderCount: number
  /**
   * The newest complaints, follow-up calls and payments of the customer; each null when the file
   * was asked for without them, or when the signed-in role may not see such records elsewhere.
   */
  complaints: RecentRecords<CustomerComplaint> | null
  followUps: RecentRecords<FollowUp> | null
  payments: RecentRecords<CustomerPayment> | null
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
  /** With `history`, the customer's latest complaints, follow-up calls and payments too. */
  'customers.get': operation<CustomerFile>()(z.object({ id, history: z.boolean().default(false) }).strict()),
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
