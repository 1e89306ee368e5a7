import { z } from 'zod'
import { isValidTimeZone } from '../domain/timeZone'
import { MULTI_LINE_FORBIDDEN, SINGLE_LINE_FORBIDDEN } from '../domain/printableText'
import { ROLES } from '../domain/roles'
import type { ServiceType } from '../domain/repairTypes'
import type { WorkOrderStatus } from '../domain/workOrderStatus'
import type { WaitingCause } from '../domain/warranty/waiting'
import type { QuoteWait } from '../domain/quote'

/**
 * None of the control characters in SINGLE_LINE_FORBIDDEN belongs in a name, phone or number.
 * They are refused with a field error, never stripped, so what is stored is what the user typed
 * (printing and exports strip them from older data: domain/printableText.ts). Notes,
 * descriptions and addresses may keep their tabs and line breaks (MULTI_LINE_FORBIDDEN).
 */
export const isSingleLineText = (value: string) => !SINGLE_LINE_FORBIDDEN.test(value)
export const isMultiLineText = (value: string) => !MULTI_LINE_FORBIDDEN.test(value)

// `abort` stops the checks after this one, so the field shows this reason and not a format or length one.
const refuseControl = { message: 'validation.controlCharacter', abort: true } as const

/** A trimmed one-line string, control characters refused first; the base of every one-line text. */
export const singleLineString = () => z.string().trim().refine(isSingleLineText, refuseControl)
/** The same, untrimmed, for values kept exactly as typed (a passcode). */
export const untrimmedSingleLineString = () => z.string().refine(isSingleLineText, refuseControl)
/** A trimmed string that may span lines: tabs and line breaks kept, other control characters refused. */
export const multiLineString = () => z.string().trim().refine(isMultiLineText, refuseControl)

/** Trimmed one-line text; empty after trimming counts as missing. */
export const text = (max: number) => singleLineString().min(1).max(max)
export const optionalText = (max: number) => singleLineString().max(max).default('')
/** Trimmed text that may span lines (notes, fault descriptions, addresses). */
export const multiLineText = (max: number) => multiLineString().min(1).max(max)
export const optionalMultiLineText = (max: number) => multiLineString().max(max).default('')

export const id = z.uuid()
/**
 * An edit's `expectedUpdatedAt`: the record's `updatedAt` as the form that edits it was filled
 * from. When given, a save over a change made since (at another desk) is refused with CONFLICT
 * `errors.changedElsewhere` and changes nothing, instead of silently undoing that change.
 */
export const editedVersion = { expectedUpdatedAt: z.string().max(40).optional() }
export const roleSchema = z.enum(ROLES)

export const timeZoneSchema = z.string().refine(isValidTimeZone, { message: 'validation.timeZone' })

/** Sign-in names: letters, digits and . _ - so they can be typed on any keyboard layout. */
export const usernameSchema = singleLineString()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'validation.username' })

export const PASSWORD_MIN_LENGTH = 8
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(128)
/** A manager's name and password typed at the counter to approve something on the spot. */
export const managerOnTheSpotSchema = z
  .object({ username: usernameSchema, password: z.string().min(1).max(128) })
  .strict()

export const emptyInput = z.object({}).strict()

export const pageInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50)
}

export interface Page<T> {
  rows: T[]
  /** How many rows match; with `more`, only a lower bound (a search stops counting at its cap). */
  total: number
  /** There are more than `total` matches: the list shows "more than {total}". */
  more?: boolean
}

/**
 * Schemas and records more than one contract module uses live here, so the modules import this
 * file and never each other in a circle (customers, devices and workOrders used to).
 */

/** A day on the shop's calendar, YYYY-MM-DD. */
export const calendarDate = z.iso.date()

/** A serial number or IMEI as printed on the device: upper-cased, empty meaning unknown. */
export const serialSchema = singleLineString()
  .max(40)
  .regex(/^[A-Za-z0-9\-/.]*$/, { message: 'validation.serial' })
  .transform((value) => (value === '' ? null : value.toUpperCase()))

export interface Device {
  id: string
  customerId: string
  brand: string
  model: string
  /** Serial number or IMEI; unique across the shop when known. */
  serial: string | null
  colour: string
  purchaseDate: string | null
  createdAt: string
  /** When it was last saved: what an edit sends back as `expectedUpdatedAt`. */
  updatedAt: string
}

/** A work order as every list of jobs shows it (work-order list, board, customer and device history). */
export interface WorkOrderSummary {
  id: string
  number: string
  status: WorkOrderStatus
  serviceType: ServiceType
  customerId: string
  customerName: string
  customerMobile: string | null
  deviceLabel: string
  serial: string | null
  reportedFault: string
  technicianId: string | null
  technicianName: string | null
  createdAt: string
  promisedDate: string | null
  /** The current quote's total, for paid repairs that have one. */
  quoteTotalFen: number | null
  /** While awaiting approval: whose word the job waits for (domain/quote.ts `quoteWaitOf`). */
  quoteWait: QuoteWait | null
  overdue: boolean
  /** Whole days since intake, on the shop's calendar. */
  agingDays: number
  /** When the fault appeared, as recorded at check-in (null on older jobs). */
  faultDate: string | null
  /** Why a warranty repair is waiting, since when, and the day the customer may have an exchange. */
  waiting: JobWaiting | null
}

/** A warranty repair that waits: its cause and, under the unit's 三包 regulation, its limit. */
export interface JobWaiting {
  cause: WaitingCause
  since: string
  /** false: the unit is not in the warranty registry, so its regulation (and limit) is unknown */
  regulationKnown: boolean
  /** the limit in days from the day brought in; null when unknown (unit not registered) or none applies */
  limitDays: number | null
  /** the regulation's article (e.g. 'goods_1995_art12'); null as above */
  article: string | null
  /** the first day the customer is entitled to an exchange; null as above */
  entitledOn: string | null
}
