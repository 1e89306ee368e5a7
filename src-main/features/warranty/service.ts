import type { Db } from '../../db/connection'
import { reusableQuery } from '../../db/reusableQuery'
import {
  AppError,
  fieldError,
  type CurrentUser,
  type ParsedInput,
  type WarrantyLookup,
  type WarrantyVerdict
} from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import { normalizePhone } from '../../../src-shared/domain/phone'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { evaluateWarranty } from '../../../src-shared/domain/warranty/evaluate'
import { type FaultClaim } from '../../../src-shared/domain/warranty/facts'
import { exchangeDue } from '../../../src-shared/domain/warranty/exchange'
import { waitingRecord } from '../../../src-shared/domain/warranty/waiting'
import { isClosed } from '../../../src-shared/domain/workOrderStatus'
import { readShopTimeZone, readWarrantySettings } from '../settings/service'
import { recordSyncedChange } from '../sync/recordChange'
import { accessoryRemediesOf, accessoryRemedyRecords, accessoryRepairRecords } from './accessoryHistory'
import { unitFacts } from './facts'
import { policyInForce } from './policies'
import { refuseGivenBack, toUnit, type UnitRow } from './records'
import type { WarrantyUnitsTable } from './tables'
import { refuseImpossibleFaultDate } from '../workOrders/faultDate'

function unitRows(db: Db) {
  return db
    .selectFrom('warrantyUnits as u')
    .innerJoin('productModels as m', 'm.id', 'u.modelId')
    .leftJoin('warrantyUnits as prev', 'prev.id', 'u.exchangedFromId')
    .leftJoin('warrantyUnits as next', 'next.exchangedFromId', 'u.id')
    .selectAll('u')
    .select([
      'm.brand',
      'm.model',
      'm.categoryKey',
      'prev.serial as exchangedFromSerial',
      'next.id as exchangedToId',
      'next.serial as exchangedToSerial'
    ])
}

const unitBySerial = reusableQuery(1, (db: Db, serial: string) => unitRows(db).where('u.serial', '=', serial))
const unitByCard = reusableQuery(1, (db: Db, card: string) => unitRows(db).where('u.cardNumber', '=', card))

export async function findUnit(db: Db, id: string): Promise<UnitRow> {
  const row = await unitRows(db).where('u.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.warrantyUnitNotFound')
  return row
}

/** Where an exchanged unit's period started, for policies where it continues rather than restarts. */
async function originalStart(db: Db, unit: WarrantyUnitsTable): Promise<string | null> {
  let current: WarrantyUnitsTable | undefined = unit
  while (current?.exchangedFromId) {
    current = await db
      .selectFrom('warrantyUnits')
      .selectAll()
      .where('id', '=', current.exchangedFromId)
      .executeTakeFirst()
  }
  return current && current.id !== unit.id ? (current.purchaseDate ?? null) : null
}

/** The verdict for one unit, with its policy, reasons, dates and the repair records it used. */
export async function verdictFor(
  db: Db,
  now: Date,
  unitId: string,
  claim: FaultClaim | null
): Promise<WarrantyVerdict> {
  return verdictOf(db, now, await findUnit(db, unitId), claim)
}

/**
 * The verdict for a unit already read: the settings in one statement, the policy in force in
 * one, the unit's repairs in one (and its exchange chain, only for an exchanged unit).
 */
async function verdictOf(
  db: Db,
  /** the moment, or the shop's calendar day, the unit is judged on */
  now: Date | string,
  row: UnitRow,
  claim: FaultClaim | null
): Promise<WarrantyVerdict> {
  const settings = await readWarrantySettings(db)
  const { timeZone } = settings
  const today = typeof now === 'string' ? now : shopLocalDate(now, timeZone)
  const soldOn = row.purchaseDate ?? row.productionDate ?? shopLocalDate(new Date(row.createdAt), timeZone)
  const policy = await policyInForce(db, row.modelId, row.categoryKey, soldOn)
  const started = row.exchangedFromId ? await originalStart(db, row) : null
  const { facts, repairs } = await unitFacts(db, row, started, settings)
  facts.replacedBySerial = row.exchangedToSerial
  // An accessory exchanged at the counter is a 三包 remedy of it: a repeat failure is judged from it.
  const accessoryRemedies = await accessoryRemediesOf(db, row.id)
  facts.repairs.push(...accessoryRepairRecords(accessoryRemedies, timeZone))
  facts.accessoryRemedies = accessoryRemedyRecords(accessoryRemedies, timeZone)
  // The open warranty repair that waits, if any: its limit is the one of this unit's category.
  const waiting = repairs.find(
    (order) => !isClosed(order.status) && order.serviceType === 'warranty_repair' && order.waitingCause !== null
  )
  if (waiting?.waitingCause && waiting.waitingSince) {
    const broughtIn = shopLocalDate(new Date(waiting.createdAt), timeZone)
    facts.waiting = waitingRecord(row.categoryKey, waiting.waitingCause, waiting.waitingSince, broughtIn)
  }
  // A fault the unit cannot have had on that day says nothing about it: refused, not judged.
  if (claim?.faultDate)
    refuseImpossibleFaultDate('claim.faultDate', claim.faultDate, {
      today,
      purchaseDate: row.purchaseDate,
      exchangedOn: row.exchangedOn
    })
  return {
    unit: toUnit(row),
    policy,
    evaluation: evaluateWarranty(policy.policy, facts, claim, today),
    repairs: repairs.map((order) => ({
      id: order.id,
      number: order.number,
      status: order.status,
      serviceType: order.serviceType,
      createdAt: order.createdAt,
      pickedUpAt: order.pickedUpAt
    })),
    accessoryRemedies
  }
}

/**
 * Whether the brand's 三包 covers, on the shop's `today`, the fault a collected 三包 repair fixed
 * (a performance fault of its component, its symptom): the verdict gives the brand's cover. Null
 * when the device's serial is not registered. What a comeback of it opens as follows from this.
 */
export async function brandCoversComeback(db: Db, workOrderId: string, today: string): Promise<boolean | null> {
  const job = await db
    .selectFrom('workOrders as wo')
    .innerJoin('devices as d', 'd.id', 'wo.deviceId')
    .leftJoin('codeEntries as loc', (join) =>
      join.onRef('loc.code', '=', 'wo.faultLocationCode').on('loc.list', '=', 'fault_location')
    )
    .select(['d.serial', 'wo.symptomCode', 'loc.component'])
    .where('wo.id', '=', workOrderId)
    .executeTakeFirst()
  const row = job?.serial ? await unitBySerial.first(db, job.serial.trim().toUpperCase()) : undefined
  if (!job || !row) return null
  const claim: FaultClaim = { kind: 'performance', component: job.component, faultCode: job.symptomCode }
  try {
    const verdict = await verdictOf(db, today, row, claim)
    return verdict.evaluation.coveredBy === 'brand'
  } catch (error) {
    // No policy was in force on the unit's sale date (sold before the shop's first version): no
    // verdict says the 三包 is over, so the comeback stays the brand's, as for an unregistered unit.
    // The job's page, the check-in and the reopen must not fail for it.
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null
    throw error
  }
}

/**
 * One box for whatever the customer hands over: a serial/IMEI (also from a scanner), a warranty
 * card number, or a phone number. Serials are tried first, since an IMEI is all digits too.
 */
export async function lookUp(db: Db, now: Date, query: string, claim: FaultClaim | null): Promise<WarrantyLookup> {
  const upper = query.trim().toUpperCase()
  // The unit is read once, with its model and exchange links, and judged from that row.
  const bySerial = await unitBySerial.first(db, upper)
  if (bySerial) return { kind: 'found', verdict: await verdictOf(db, now, bySerial, claim) }
  const byCard = await unitByCard.first(db, upper)
  if (byCard) return { kind: 'found', verdict: await verdictOf(db, now, byCard, claim) }
  const phone = normalizePhone(query)
  if (/^\d{7,}$/.test(phone) && /^[\d\s+\-()]+$/.test(query.trim())) {
    const units = await unitRows(db)
      .where('u.buyerPhone', '=', phone)
      .orderBy('u.purchaseDate', 'desc')
      .limit(50)
      .execute()
    if (units.length === 1) return { kind: 'found', verdict: await verdictOf(db, now, units[0]!, claim) }
    if (units.length > 1) return { kind: 'several', units: units.map(toUnit) }
    if (!/^\d{15}$/.test(phone)) return { kind: 'unknown', query: query.trim(), queryKind: 'phone' }
  }
  return { kind: 'unknown', query: upper, queryKind: 'serial' }
}

/** The product model for a brand and model name, created on first sight with its category. */
export async function ensureModel(
  trx: Db,
  at: Date,
  brand: string,
  model: string,
  categoryKey: string
): Promise<string> {
  const existing = await trx
    .selectFrom('productModels')
    .select('id')
    .where('brand', '=', brand)
    .where('model', '=', model)
    .executeTakeFirst()
  if (existing) return existing.id
  const id = uuidv7(at.getTime())
  await trx.insertInto('productModels').values({ id, brand, model, categoryKey, createdAt: at.toISOString() }).execute()
  return id
}

async function refuseKnownSerial(trx: Db, serial: string): Promise<void> {
  const existing = await unitRows(trx).where('u.serial', '=', serial).executeTakeFirst()
  if (existing) {
    throw new AppError('CONFLICT', 'errors.duplicateUnit', {
      existing: toUnit(existing),
      fields: [{ path: 'serial', messageKey: 'errors.duplicateUnit' }]
    })
  }
}

/**
 * An invoice or production date after today is a typo (often a year off), never a sale: judged,
 * it would offer a refund until a week after that day and a repair period a year too long.
 */
function refuseFutureDates(input: ParsedInput<'warranty.register'>, today: string): void {
  for (const field of ['purchaseDate', 'productionDate'] as const) {
    const date = input[field]
    if (date !== null && date > today) throw fieldError(field, 'validation.dateInFuture')
  }
}

/** Registers a sold unit at the counter (activation with the invoice details). */
export async function registerUnit(
  db: Db,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'warranty.register'>
): Promise<WarrantyVerdict> {
  const serial = input.serial!
  const id = await db.transaction().execute(async (trx) => {
    const today = shopLocalDate(now, await readShopTimeZone(trx))
    refuseFutureDates(input, today)
    await refuseKnownSerial(trx, serial)
    if (input.cardNumber) {
      const card = await trx
        .selectFrom('warrantyUnits')
        .select('id')
        .where('cardNumber', '=', input.cardNumber)
        .executeTakeFirst()
      if (card)
        throw new AppError('CONFLICT', 'errors.duplicateCard', {
          fields: [{ path: 'cardNumber', messageKey: 'errors.duplicateCard' }]
        })
    }
    const row: WarrantyUnitsTable = {
      id: uuidv7(now.getTime()),
      serial,
      modelId: await ensureModel(trx, now, input.brand, input.model, input.categoryKey),
      cardNumber: input.cardNumber,
      purchaseDate: input.purchaseDate,
      invoiceNumber: input.invoiceNumber,
      dealer: input.dealer,
      productionDate: input.productionDate,
      buyerName: input.buyerName,
      buyerPhone: normalizePhone(input.buyerPhone),
      activationDate: input.activationDate ?? today,
      exchangedFromId: null,
      exchangedOn: null,
      source: 'counter',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString()
    }
    await trx.insertInto('warrantyUnits').values(row).execute()
    await recordSyncedChange(trx, now, {
      actorId: actor.id,
      action: 'warranty.register',
      entity: 'warranty_unit',
      entityId: row.id,
      after: row
    })
    return row.id
  })
  return verdictFor(db, now, id, null)
}

/**
 * The customer leaves with a new unit: it is registered under the new serial, linked to the one
 * it replaces, and judged from the exchange date or the original start as its policy says.
 */
export async function exchangeUnit(
  db: Db,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'warranty.exchange'>
): Promise<WarrantyVerdict> {
  if (!input.newSerial) {
    throw new AppError('VALIDATION', 'errors.VALIDATION', {
      fields: [{ path: 'newSerial', messageKey: 'validation.required' }]
    })
  }
  const newSerial = input.newSerial
  // Only a unit entitled to it now is exchanged, judged exactly as the lookup judged it (the same
  // claim and fault date): whatever the lookup offered (a window, the second-repair rule, the
  // waiting limit), the exchange accepts, and the new unit keeps the rule that allowed it.
  const entitled = await verdictFor(db, now, input.unitId, input.claim)
  refuseGivenBack(entitled.unit)
  const rule = entitled.evaluation.remedyRule
  if (!exchangeDue(entitled.evaluation.verdict) || rule === null)
    throw new AppError('CONFLICT', 'errors.exchangeNotDue')
  const id = await db.transaction().execute(async (trx) => {
    const old = await findUnit(trx, input.unitId)
    // Checked inside the transaction too: a unit is given back once, by an exchange or a refund.
    refuseGivenBack(toUnit(old))
    await refuseKnownSerial(trx, newSerial)
    const today = shopLocalDate(now, await readShopTimeZone(trx))
    const row: WarrantyUnitsTable = {
      id: uuidv7(now.getTime()),
      serial: newSerial,
      modelId: old.modelId,
      cardNumber: null,
      purchaseDate: old.purchaseDate,
      invoiceNumber: old.invoiceNumber,
      dealer: old.dealer,
      productionDate: null,
      buyerName: old.buyerName,
      buyerPhone: old.buyerPhone,
      activationDate: today,
      exchangedFromId: old.id,
      exchangedOn: today,
      exchangeRule: rule,
      source: 'exchange',
      createdAt: now.toISOString(),
      updatedAt: now.toISOString()
    }
    await trx.insertInto('warrantyUnits').values(row).execute()
    await recordSyncedChange(trx, now, {
      actorId: actor.id,
      action: 'warranty.exchange',
      entity: 'warranty_unit',
      entityId: row.id,
      before: toUnit(old),
      after: row
    })
    return row.id
  })
  return verdictFor(db, now, id, null)
}
