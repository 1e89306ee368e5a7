import { z } from 'zod'
import { isValidTimeZone } from '../domain/timeZone'
import { ROLES } from '../domain/roles'

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
