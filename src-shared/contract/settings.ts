import { z } from 'zod'
import { operation } from './operation'
import { emptyInput, optionalMultiLineText, optionalText, text, timeZoneSchema } from './common'

/** A logo as a data URL; kept small because it is printed on every document. */
export const LOGO_MAX_CHARS = 400_000
export const logoSchema = z
  .string()
  .max(LOGO_MAX_CHARS, { message: 'validation.logoTooLarge' })
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, { message: 'validation.logoFormat' })
  .nullable()
  .default(null)

export const shopProfileSchema = z.object({
  name: text(100),
  address: optionalMultiLineText(200),
  phone: optionalText(40),
  taxNumber: optionalText(30),
  logo: logoSchema,
  timeZone: timeZoneSchema
})
export type ShopProfile = z.output<typeof shopProfileSchema>

/** 0 turns idle auto-lock off. */
export const idleLockMinutesSchema = z.number().int().min(0).max(240)
export const DEFAULT_IDLE_LOCK_MINUTES = 10

/** Quotes or discounts above this (fen) also need a manager's approval; 0 means every one does. */
export const approvalThresholdFenSchema = z.number().int().min(0).max(100_000_000)
export const DEFAULT_APPROVAL_THRESHOLD_FEN = 100_000

/** How long parts replaced in a paid repair are guaranteed (the shop's repair warranty). */
export const repairWarrantyDaysSchema = z.number().int().min(0).max(3650)
export const DEFAULT_REPAIR_WARRANTY_DAYS = 90

/** Days a device passcode is kept after the job is closed (picked up, cancelled, returned); 0 erases it at the next sweep. */
export const passcodeRetentionDaysSchema = z.number().int().min(0).max(365)
export const DEFAULT_PASSCODE_RETENTION_DAYS = 30

export interface ShopSettings {
  profile: ShopProfile
  idleLockMinutes: number
  approvalThresholdFen: number
  repairWarrantyDays: number
  passcodeRetentionDays: number
}

/** The languages the UI speaks. */
export const UI_LANGUAGES = ['zh-CN', 'en'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

/** What belongs to the desk a call comes from, not to the shop (its printers: printing.settings). */
export interface DeskSettings {
  /** The desk's UI language; null until someone at the desk chose one. */
  language: UiLanguage | null
}

export const settingsContract = {
  'settings.get': operation<ShopSettings>()(emptyInput),
  'settings.update': operation<ShopSettings>()(
    z
      .object({
        profile: shopProfileSchema,
        idleLockMinutes: idleLockMinutesSchema,
        approvalThresholdFen: approvalThresholdFenSchema,
        // Left out by screens that do not show it: the current value is kept.
        repairWarrantyDays: repairWarrantyDaysSchema.optional(),
        passcodeRetentionDays: passcodeRetentionDaysSchema.optional()
      })
      .strict()
  ),
  /** The settings of the desk the call comes from. */
  'settings.desk': operation<DeskSettings>()(emptyInput),
  'settings.saveDesk': operation<DeskSettings>()(z.object({ language: z.enum(UI_LANGUAGES) }).strict())
}
