import { z } from 'zod'
import { operation } from './operation'
import { calendarDate, id, optionalText, serialSchema, singleLineString, text } from './common'
import { exportLanguageSchema } from './dataExport'
import { CATEGORY_KEYS, NO_INVOICE_GRANTS, REGULATIONS, type WarrantyPolicy } from '../domain/warranty/policy'
import type { RemedyRule, WarrantyEvaluation } from '../domain/warranty/verdict'
import { FAULT_KINDS } from '../domain/warranty/facts'
import { PAYMENT_METHODS, type PaymentMethod } from '../domain/invoice'
import type { SeededPolicyNote } from '../domain/warranty/seededNotes'
import type { PolicyStanding } from '../domain/warranty/policyStanding'

export const categoryKeySchema = z.enum(CATEGORY_KEYS)

export interface WarrantyUnit {
  id: string
  serial: string
  brand: string
  model: string
  categoryKey: (typeof CATEGORY_KEYS)[number]
  cardNumber: string | null
  purchaseDate: string | null
  invoiceNumber: string
  dealer: string
  productionDate: string | null
  buyerName: string
  buyerPhone: string
  activationDate: string | null
  exchangedFrom: { id: string; serial: string } | null
  exchangedOn: string | null
  /** The unit that replaced this one in an exchange: this one's warranty passed to it. */
  exchangedTo: { id: string; serial: string } | null
  /** On a unit given in an exchange: the rule that allowed it (null on other units). */
  exchangeRule: RemedyRule | null
  /** The day the unit was taken back for a 三包 refund, and the rule that allowed it (else null). */
  refundedOn: string | null
  refundRule: RemedyRule | null
  source: 'counter' | 'import' | 'exchange'
  createdAt: string
}

export interface ProductModel {
  id: string
  brand: string
  model: string
  categoryKey: string
}

export interface PolicyVersion {
  id: string
  categoryKey: string | null
  model: { id: string; brand: string; model: string } | null
  effectiveFrom: string
  policy: WarrantyPolicy
  note: string
  /** The note is the one the app seeded, unedited: screens show it in the reader's language. */
  seededNote: SeededPolicyNote | null
  createdAt: string
}

/** A version as the policies page lists it: with where it stands today among its target's versions. */
export interface ListedPolicyVersion extends PolicyVersion {
  standing: PolicyStanding
}

/** A unit with the policy it is judged by and the verdict, with the reasons and dates behind it. */
export interface WarrantyVerdict {
  unit: WarrantyUnit
  policy: PolicyVersion
  evaluation: WarrantyEvaluation
  /** Work orders of this serial in the shop, newest first (the repair records the verdict used). */
  repairs: {
    id: string
    number: string
    status: string
    serviceType: string
    createdAt: string
    pickedUpAt: string | null
  }[]
  /** Accessories exchanged at the counter under their own 三包, newest first (the verdict counts them). */
  accessoryRemedies: AccessoryRemedy[]
}

/**
 * A faulty accessory of a unit (a phone's charger, battery…) exchanged for a new one at the counter
 * under its own 三包 (the new one left stock through the parts ledger, the faulty one came back as a
 * faulty return), or refunded (exchanged twice and failing again: its price paid out of the till).
 * Its number is the slip's the customer takes.
 */
export interface AccessoryRemedy {
  id: string
  number: string
  unitId: string
  kind: 'exchange' | 'refund'
  component: string
  faultCode: string | null
  partId: string
  partNumber: string
  partName: string
  /** The new accessory's serial, when the part is serial-tracked. */
  serial: string | null
  /** The faulty accessory's serial, when it has one. */
  faultySerial: string | null
  /** A refund: what was paid out, and how (null on an exchange). */
  refund: { amountFen: number; method: PaymentMethod } | null
  createdAt: string
  createdByName: string
}

/** What the accessory exchange slip prints: the exchange and the unit it belongs to. */
export interface AccessorySlip {
  remedy: AccessoryRemedy
  unit: WarrantyUnit
}

export type WarrantyLookup =
  | { kind: 'found'; verdict: WarrantyVerdict }
  /** A phone number can belong to several units. */
  | { kind: 'several'; units: WarrantyUnit[] }
  /** Never treated as out of warranty: the desk is offered registration instead. */
  | { kind: 'unknown'; query: string; queryKind: 'serial' | 'phone' | 'card' }

export const faultClaimSchema = z
  .object({
    kind: z.enum(FAULT_KINDS),
    component: singleLineString().max(30).nullable().default(null),
    faultCode: singleLineString().max(20).nullable().default(null),
    /** When the fault appeared (null: today); never in the future nor before the purchase. */
    faultDate: calendarDate.nullable().default(null)
  })
  .strict()

const phoneText = singleLineString().max(30)

export const unitFieldsSchema = z.object({
  serial: serialSchema.refine((serial) => serial !== null, { message: 'validation.required' }),
  brand: text(40),
  model: text(60),
  categoryKey: categoryKeySchema,
  cardNumber: z
    .string()
    .trim()
    .max(40)
    .transform((value) => (value === '' ? null : value.toUpperCase()))
    .default(null),
  purchaseDate: calendarDate.nullable().default(null),
  invoiceNumber: optionalText(40),
  dealer: optionalText(100),
  productionDate: calendarDate.nullable().default(null),
  buyerName: optionalText(50),
  buyerPhone: phoneText.default(''),
  activationDate: calendarDate.nullable().default(null)
})

export const policySchema = z
  .object({
    refundDays: z.number().int().min(0).max(365),
    exchangeDays: z.number().int().min(0).max(365),
    repairMonths: z.number().int().min(0).max(240),
    components: z.array(z.object({ component: text(30), months: z.number().int().min(0).max(240) }).strict()).max(20),
    noInvoiceFallbackDays: z.number().int().min(0).max(365),
    exchangeRestartsPeriod: z.boolean(),
    // Absent: the category's legal minimum (withLegalMinimum).
    regulation: z.enum(REGULATIONS).optional(),
    noInvoiceGrants: z.enum(NO_INVOICE_GRANTS).optional()
  })
  .strict()

const jobId = z.uuid()

export const importFieldSchema = z.enum([
  'serial',
  'brand',
  'model',
  'category',
  'cardNumber',
  'purchaseDate',
  'invoiceNumber',
  'dealer',
  'productionDate',
  'buyerName',
  'buyerPhone',
  'activationDate'
])
export type ImportField = z.infer<typeof importFieldSchema>

export interface ImportPreview {
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'xlsx'
  headers: string[]
  /** Column index per field, as guessed from the header names (Chinese or English). */
  suggestedMapping: Partial<Record<ImportField, number>>
  sampleRows: string[][]
}

export interface ImportRejection {
  line: number
  reasonKey: string
  params: Record<string, string | number>
}

export interface ImportStatus {
  phase: 'uploading' | 'uploaded' | 'checking' | 'applying' | 'done' | 'cancelled' | 'failed'
  processedRows: number
  totalRows: number | null
  result: {
    imported: number
    updated: number
    unchanged: number
    /** Every rejected row's line and reason; `warranty.importRejectedFile` writes them out as a file. */
    rejected: ImportRejection[]
  } | null
  errorKey: string | null
}

export const warrantyContract = {
  /** One box for a serial/IMEI, a warranty card number or a phone number (typed or scanned). */
  'warranty.lookup': operation<WarrantyLookup>()(
    z.object({ query: z.string().trim().min(1).max(60), claim: faultClaimSchema.nullable().default(null) }).strict()
  ),
  /** The verdict for one unit and a described fault (which component, performance or appearance). */
  'warranty.evaluate': operation<WarrantyVerdict>()(
    z.object({ unitId: id, claim: faultClaimSchema.nullable().default(null) }).strict()
  ),
  /** Registers a sold unit at the counter (activation with the invoice details). */
  'warranty.register': operation<WarrantyVerdict>()(unitFieldsSchema.strict()),
  /** The unit was exchanged: the new serial takes over, its period restarting or continuing as the policy says. */
  'warranty.exchange': operation<WarrantyVerdict>()(
    // The claim the lookup was asked with: the exchange is judged exactly as the lookup judged it.
    z.object({ unitId: id, newSerial: serialSchema, claim: faultClaimSchema.nullable().default(null) }).strict()
  ),
  /** The customer gives the unit back for a refund, judged exactly as the lookup judged it (the same claim). */
  'warranty.refund': operation<WarrantyVerdict>()(
    z.object({ unitId: id, claim: faultClaimSchema.nullable().default(null) }).strict()
  ),
  /**
   * A faulty accessory exchanged for a new one under its own 三包 (the verdict is
   * `accessory_exchange` for the claim, judged as the lookup judged it): the new one leaves stock
   * by the part (and serial) picked, the faulty one comes back as a faulty return.
   */
  'warranty.exchangeAccessory': operation<{ verdict: WarrantyVerdict; remedy: AccessoryRemedy }>()(
    z
      .object({
        unitId: id,
        claim: faultClaimSchema,
        partId: id,
        serial: serialSchema.nullable().default(null),
        faultySerial: serialSchema.nullable().default(null)
      })
      .strict()
  ),
  /**
   * A faulty accessory refunded under its own 三包 (the verdict is `accessory_refund`: exchanged
   * twice and failing again): its price paid out with the method given, counted in the day close.
   * The price is the catalogue part's selling price (sold with the unit: 按退货当时单独销售的价格),
   * or the invoice price when the accessory was sold on its own (单独销售的按发货票价格).
   */
  'warranty.refundAccessory': operation<{ verdict: WarrantyVerdict; remedy: AccessoryRemedy }>()(
    z
      .object({
        unitId: id,
        claim: faultClaimSchema,
        partId: id,
        invoicePriceFen: z.number().int().min(1).max(100_000_000).nullable().default(null),
        method: z.enum(PAYMENT_METHODS),
        faultySerial: serialSchema.nullable().default(null)
      })
      .strict()
  ),
  /** One accessory exchange or refund with its unit, for its printed slip. */
  'warranty.accessoryRemedy': operation<AccessorySlip>()(z.object({ id }).strict()),
  'warranty.policies': operation<ListedPolicyVersion[]>()(z.object({}).strict()),
  /** The product models of a category, for giving one model its own policy. */
  'warranty.models': operation<ProductModel[]>()(z.object({ categoryKey: categoryKeySchema }).strict()),
  /** A new version of a category's (or one model's) policy, in force from a date. */
  'warranty.savePolicy': operation<PolicyVersion>()(
    z
      .object({
        categoryKey: categoryKeySchema.nullable().default(null),
        modelId: id.nullable().default(null),
        effectiveFrom: calendarDate,
        policy: policySchema,
        note: optionalText(200)
      })
      .strict()
      .refine((input) => (input.categoryKey === null) !== (input.modelId === null), {
        message: 'validation.policyTarget',
        path: ['categoryKey']
      })
  ),
  'warranty.importStart': operation<{ jobId: string }>()(
    z
      .object({
        fileName: text(200),
        totalBytes: z
          .number()
          .int()
          .min(1)
          .max(512 * 1024 * 1024)
      })
      .strict()
  ),
  /** Files travel in pieces (base64, up to 1 MiB each) so any size fits through either host. */
  'warranty.importChunk': operation<{ receivedBytes: number }>()(
    z.object({ jobId, index: z.number().int().min(0), data: z.string().max(1_500_000) }).strict()
  ),
  'warranty.importPreview': operation<ImportPreview>()(z.object({ jobId }).strict()),
  /** Checks every row, then applies the valid ones in one transaction; poll importStatus meanwhile. */
  'warranty.importRun': operation<ImportStatus>()(
    z
      .object({
        jobId,
        mapping: z.partialRecord(importFieldSchema, z.number().int().min(0).max(200)),
        defaultCategory: categoryKeySchema.nullable().default(null),
        defaultBrand: optionalText(40)
      })
      .strict()
  ),
  'warranty.importStatus': operation<ImportStatus>()(z.object({ jobId }).strict()),
  /**
   * A finished import's rejected rows as a UTF-8 CSV (with BOM, for Excel): the file's own columns
   * and one with the line and reason, to fix and import again. Its header and reasons are in the
   * language of who downloads it, as the data exports are.
   */
  'warranty.importRejectedFile': operation<{ csv: string }>()(
    z.object({ jobId, language: exportLanguageSchema }).strict()
  ),
  /** Stops an import before it is applied; the registry stays as it was. */
  'warranty.importCancel': operation<ImportStatus>()(z.object({ jobId }).strict())
}
