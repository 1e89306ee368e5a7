import type { ImportField, ImportRejection } from '../../../../src-shared/contract/warranty'
import type { CategoryKey } from '../../../../src-shared/domain/warranty/policy'
import { isSingleLineText } from '../../../../src-shared/contract/common'
import { normalizePhone } from '../../../../src-shared/domain/phone'
import { printableLine } from '../../../../src-shared/domain/printableText'
import { parseImportDate } from './dates'
import { categoryOfCell } from './headers'

/** Why a row was turned away; the UI translates the key with the params. */
export const IMPORT_REASON_KEYS = [
  'warranty.import.serialMissing',
  'warranty.import.serialInvalid',
  /** params: firstLine */
  'warranty.import.serialDuplicate',
  'warranty.import.modelMissing',
  'warranty.import.brandMissing',
  /** params: value */
  'warranty.import.categoryUnknown',
  'warranty.import.categoryMissing',
  /** params: brand, model, category (the model's category in the catalogue or earlier in the file) */
  'warranty.import.categoryConflict',
  /** params: field, value */
  'warranty.import.dateInvalid',
  /** params: field, value (a purchase or production date after the shop's today, as at the counter) */
  'warranty.import.dateInFuture',
  /** params: field, max */
  'warranty.import.tooLong',
  /** params: field (a control character or a bidi control, refused as at the counter) */
  'warranty.import.controlCharacter',
  /** params: firstLine */
  'warranty.import.cardDuplicate',
  /** params: serial (the unit that already holds the card) */
  'warranty.import.cardTaken'
] as const

export type ImportReasonKey = (typeof IMPORT_REASON_KEYS)[number]

/** A checked row, as it waits in warranty_import_rows. */
export interface StagedRow {
  line: number
  serial: string
  brand: string
  model: string
  categoryKey: CategoryKey
  cardNumber: string | null
  purchaseDate: string | null
  invoiceNumber: string
  dealer: string
  productionDate: string | null
  buyerName: string
  buyerPhone: string
  activationDate: string | null
}

export type RowOutcome = { ok: true; row: StagedRow } | { ok: false; rejection: ImportRejection }

export interface RowValidatorOptions {
  mapping: Partial<Record<ImportField, number>>
  defaultBrand: string
  defaultCategory: CategoryKey | null
  /** Category per "brand\u0000model" of the models already in the catalogue. */
  knownModels: Map<string, CategoryKey>
  /** The serial of the registered unit holding a warranty card number, if any. */
  cardHolder: (cardNumber: string) => string | null
  /** What earlier rows of the file claimed; kept in memory unless given (see FileClaims). */
  claims?: FileClaims
  /** The shop's calendar date the import runs on: a sale or a production after it is a typo. */
  today: string
}

/**
 * The serials and card numbers earlier rows of the file claimed, with the line of the row that
 * claimed each. A serial is claimed by every row with a valid serial that is not a repeat, even
 * one turned away later for another reason; a card only by a row that is accepted.
 */
export interface FileClaims {
  serialLine(serial: string): number | undefined
  claimSerial(serial: string, line: number): void
  cardLine(cardNumber: string): number | undefined
  claimCard(cardNumber: string, line: number): void
}

export function claimsInMemory(): FileClaims {
  const serialLines = new Map<string, number>()
  const cardLines = new Map<string, number>()
  return {
    serialLine: (serial) => serialLines.get(serial),
    claimSerial: (serial, line) => serialLines.set(serial, line),
    cardLine: (cardNumber) => cardLines.get(cardNumber),
    claimCard: (cardNumber, line) => cardLines.set(cardNumber, line)
  }
}

/** The cells of a row the checks of its serial and card number look at, as they compare them. */
export interface RowKeys {
  serial: string
  cardNumber: string
}

/**
 * A copy of a cell that does not keep the decoded piece of the file it was cut from alive (a cut
 * of a long string may point into it): rejected rows are kept until the end of the run, remembered cells for as long as the file is read.
 */
export const detached = (text: string) => Buffer.from(text, 'utf8').toString('utf8')

const SERIAL = /^[A-Za-z0-9\-/.]{1,40}$/

/** The limits of the counter's registration form (unitFieldsSchema). */
const MAX_LENGTH = {
  brand: 40,
  model: 60,
  cardNumber: 40,
  invoiceNumber: 40,
  dealer: 100,
  buyerName: 50,
  buyerPhone: 30
} as const

export const modelKey = (brand: string, model: string) => `${brand}\u0000${model}`

const reject = (
  line: number,
  reasonKey: ImportReasonKey,
  params: Record<string, string | number> = {}
): RowOutcome => ({
  ok: false,
  // A value quoted back from the file is shown and written out again: never with control characters.
  rejection: {
    line,
    reasonKey,
    params: Object.fromEntries(
      Object.entries(params).map(([key, value]) => [key, typeof value === 'string' ? printableLine(value) : value])
    )
  }
})

/**
 * Checks the rows of one file in order. It remembers what earlier rows claimed (serials, card
 * numbers, the category of new models) so a later row that contradicts them is the one rejected,
 * citing the first line.
 */
export interface RowValidator {
  (line: number, fields: string[]): RowOutcome
  /** The serial and card number cells of a row, for looking up earlier claims in a batch. */
  keysOf(fields: string[]): RowKeys
  /** Models the accepted rows bring that the catalogue lacks, with the category of the first. */
  newModels: Map<string, CategoryKey>
}

const LINE_BREAKS = /[\t\r\n]/

export function createRowValidator(options: RowValidatorOptions): RowValidator {
  const { mapping, knownModels } = options
  const claims = options.claims ?? claimsInMemory()
  const newModels = new Map<string, CategoryKey>()
  // A dealer's file repeats a handful of category cells and a few hundred dates over and over:
  // each distinct cell is read once (the memo is bounded for files that repeat little).
  const categories = new Map<string, CategoryKey | null>()
  const dates = new Map<string, ReturnType<typeof parseImportDate>>()
  const dateOf = (value: string) => {
    let parsed = dates.get(value)
    if (parsed === undefined) {
      if (dates.size >= 4_096) dates.clear()
      parsed = parseImportDate(value, true)
      dates.set(detached(value), parsed)
    }
    return parsed
  }
  const categoryOf = (value: string) => {
    let category = categories.get(value)
    if (category === undefined) {
      if (categories.size >= 1_024) categories.clear()
      category = categoryOfCell(value)
      categories.set(detached(value), category)
    }
    return category
  }
  // A line break or tab inside a cell (Alt+Enter in Excel) is plain spacing: one space, as the
  // counter's one-line fields would have it. Any other control character refuses the row.
  const cell = (fields: string[], field: ImportField): string => {
    const index = mapping[field]
    if (index === undefined) return ''
    const value = fields[index] ?? ''
    return LINE_BREAKS.test(value) ? value.replace(/\s*[\t\r\n]+\s*/g, ' ').trim() : value.trim()
  }

  const validate = (line: number, fields: string[]): RowOutcome => {
    const serial = cell(fields, 'serial').toUpperCase()
    if (serial === '') return reject(line, 'warranty.import.serialMissing')
    if (!SERIAL.test(serial)) return reject(line, 'warranty.import.serialInvalid', { value: serial.slice(0, 60) })
    const firstLine = claims.serialLine(serial)
    if (firstLine !== undefined) return reject(line, 'warranty.import.serialDuplicate', { serial, firstLine })
    claims.claimSerial(serial, line)

    const model = cell(fields, 'model')
    if (model === '') return reject(line, 'warranty.import.modelMissing')
    const brand = cell(fields, 'brand') || options.defaultBrand.trim()
    if (brand === '') return reject(line, 'warranty.import.brandMissing')

    const text = {
      brand,
      model,
      cardNumber: cell(fields, 'cardNumber').toUpperCase(),
      invoiceNumber: cell(fields, 'invoiceNumber'),
      dealer: cell(fields, 'dealer'),
      buyerName: cell(fields, 'buyerName'),
      buyerPhone: cell(fields, 'buyerPhone')
    }
    for (const field of Object.keys(MAX_LENGTH) as (keyof typeof MAX_LENGTH)[]) {
      if (!isSingleLineText(text[field])) return reject(line, 'warranty.import.controlCharacter', { field })
      if (text[field].length > MAX_LENGTH[field])
        return reject(line, 'warranty.import.tooLong', { field, max: MAX_LENGTH[field] })
    }

    const key = modelKey(brand, model)
    const modelCategory = knownModels.get(key) ?? newModels.get(key) ?? null
    const categoryCell = cell(fields, 'category')
    let categoryKey: CategoryKey | null
    if (categoryCell !== '') {
      categoryKey = categoryOf(categoryCell)
      if (categoryKey === null)
        return reject(line, 'warranty.import.categoryUnknown', { value: categoryCell.slice(0, 40) })
      if (modelCategory !== null && modelCategory !== categoryKey) {
        return reject(line, 'warranty.import.categoryConflict', { brand, model, category: modelCategory })
      }
    } else {
      categoryKey = modelCategory ?? options.defaultCategory
      if (categoryKey === null) return reject(line, 'warranty.import.categoryMissing')
    }

    const rowDates: Record<'purchaseDate' | 'productionDate' | 'activationDate', string | null> = {
      purchaseDate: null,
      productionDate: null,
      activationDate: null
    }
    for (const field of ['purchaseDate', 'productionDate', 'activationDate'] as const) {
      const value = cell(fields, field)
      if (value === '') continue
      const parsed = dateOf(value)
      if (!parsed.ok) return reject(line, 'warranty.import.dateInvalid', { field, value: value.slice(0, 40) })
      // As at the counter's registration: judged, a future sale would offer a refund for weeks to come.
      if (field !== 'activationDate' && parsed.date > options.today)
        return reject(line, 'warranty.import.dateInFuture', { field, value: parsed.date })
      rowDates[field] = parsed.date
    }

    const cardNumber = text.cardNumber === '' ? null : text.cardNumber
    if (cardNumber !== null) {
      const cardLine = claims.cardLine(cardNumber)
      if (cardLine !== undefined)
        return reject(line, 'warranty.import.cardDuplicate', { cardNumber, firstLine: cardLine })
      const holder = options.cardHolder(cardNumber)
      if (holder !== null && holder !== serial)
        return reject(line, 'warranty.import.cardTaken', { cardNumber, serial: holder })
      claims.claimCard(cardNumber, line)
    }

    if (modelCategory === null) newModels.set(key, categoryKey)
    return {
      ok: true,
      row: {
        line,
        serial,
        brand,
        model,
        categoryKey,
        cardNumber,
        purchaseDate: rowDates.purchaseDate,
        invoiceNumber: text.invoiceNumber,
        dealer: text.dealer,
        productionDate: rowDates.productionDate,
        buyerName: text.buyerName,
        buyerPhone: normalizePhone(text.buyerPhone),
        activationDate: rowDates.activationDate
      }
    }
  }
  return Object.assign(validate, {
    keysOf: (fields: string[]): RowKeys => ({
      serial: cell(fields, 'serial').toUpperCase(),
      cardNumber: cell(fields, 'cardNumber').toUpperCase()
    }),
    newModels
  })
}
