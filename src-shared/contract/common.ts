import { z } from 'zod'
import { isValidTimeZone } from '../domain/timeZone'
import { ROLES } from '../domain/roles'
import type { ServiceType } from '../domain/repairTypes'
import type { WorkOrderStatus } from '../domain/workOrderStatus'

/** Trimmed text; empty after trimming counts as missing. */
export const text = (max: number) => z.string().trim().min(1).max(max)
export const optionalText = (max: number) => z.string().trim().max(max).default('')

export const id = z.uuid()
export const roleSchema = z.enum(ROLES)

export const timeZoneSchema = z.string().refine(isValidTimeZone, { message: 'validation.timeZone' })

/** Sign-in names: letters, digits and . _ - so they can be typed on any keyboard layout. */
export const usernameSchema = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[A-Za-z0-9._-]+$/, { message: 'validation.username' })

export const PASSWORD_MIN_LENGTH = 8
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(128)

export const emptyInput = z.object({}).strict()

export const pageInput = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50)
}

export interface Page<T> {
  rows: T[]
  total: number
}

/**
 * Schemas and records more than one contract module uses live here, so the modules import this
 * file and never each other in a circle (customers, devices and workOrders used to).
 */

/** A day on the shop's calendar, YYYY-MM-DD. */
export const calendarDate = z.iso.date()

/** A serial number or IMEI as printed on the device: upper-cased, empty meaning unknown. */
export const serialSchema = z
  .string()
  .trim()
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
  overdue: boolean
  /** Whole days since intake, on the shop's calendar. */
  agingDays: number
}
