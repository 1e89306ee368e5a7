import type { Db } from '../../db/connection'
import {
  AppError,
  type AccessoryRemedy,
  type AccessorySlip,
  type CurrentUser,
  type ParsedInput,
  type WarrantyVerdict
} from '../../../src-shared/contract'
import { uuidv7 } from '../../../src-shared/domain/ids'
import type { FaultClaim } from '../../../src-shared/domain/warranty/facts'
import type { Verdict } from '../../../src-shared/domain/warranty/verdict'
import { shopLocalDate } from '../../../src-shared/domain/timeZone'
import { nextDocumentNumber } from '../numbering/service'
import { readShopTimeZone } from '../settings/service'
import { recordSyncedChange } from '../sync/recordChange'
import { accessoryRemediesOf, accessoryRemedyRows, toAccessoryRemedy } from './accessoryHistory'
import { warrantyStock } from './ports'
import { refuseGivenBack, toUnit } from './records'
import { findUnit, verdictFor } from './service'
import type { WarrantyAccessoryRemediesTable } from './tables'

/** The accessory slips are numbered like every shop document: PJ-YYMMDD-NNNN (配件). */
const SLIP_PREFIX = 'PJ'

type RemedyAnswer = { verdict: WarrantyVerdict; remedy: AccessoryRemedy }

/** What one remedy does to stock or the till, inside its transaction, under the slip's number. */
type RemedyStep = (
  trx: Db,
  slip: { number: string; unitSerial: string }
) => Promise<Partial<Pick<WarrantyAccessoryRemediesTable, 'serial' | 'refundFen' | 'paymentId'>>>

/**
 * The kernel both accessory remedies share, as the unit's exchange and refund do: only the remedy
 * the lookup offers now is given, judged exactly as the lookup judged it (the same claim and fault
 * date), to a unit not given back. In one transaction the slip is numbered, the remedy's own step
 * moves the stock or the money, the remedy joins the unit's warranty history, which HQ keeps
 * (audit and outbox rows, as the unit's exchange writes), and the faulty accessory taken back is
 * owed to the brand. The unit's verdict is judged again with it.
 */
async function giveAccessoryRemedy(
  db: Db,
  now: Date,
  actor: CurrentUser,
  input: { unitId: string; claim: FaultClaim; partId: string; faultySerial: string | null },
  due: {
    verdict: Verdict
    kind: WarrantyAccessoryRemediesTable['kind']
    refusal: 'errors.accessoryExchangeNotDue' | 'errors.accessoryRefundNotDue'
  },
  step: RemedyStep
): Promise<RemedyAnswer> {
  const entitled = await verdictFor(db, now, input.unitId, input.claim)
  refuseGivenBack(entitled.unit)
  const component = input.claim.component
  // The verdict offers a refunded accessory nothing more; the desk is told when it was refunded.
  refuseRefunded(entitled.accessoryRemedies, component, await readShopTimeZone(db))
  if (entitled.evaluation.verdict !== due.verdict || component === null) throw new AppError('CONFLICT', due.refusal)
  const remedyId = await db.transaction().execute(async (trx) => {
    // Checked inside the transaction too: a unit given back has no accessories left to remedy, and
    // an accessory is refunded once.
    refuseGivenBack(toUnit(await findUnit(trx, input.unitId)))
    const timeZone = await readShopTimeZone(trx)
    refuseRefunded(await accessoryRemediesOf(trx, input.unitId), component, timeZone)
    const number = await nextDocumentNumber(trx, SLIP_PREFIX, now, timeZone)
    const moved = await step(trx, { number, unitSerial: entitled.unit.serial })
    const row: WarrantyAccessoryRemediesTable = {
      id: uuidv7(now.getTime()),
      number,
      unitId: input.unitId,
      kind: due.kind,
      component,
      faultCode: input.claim.faultCode,
      partId: input.partId,
      serial: moved.serial ?? null,
      faultySerial: input.faultySerial,
      refundFen: moved.refundFen ?? null,
      paymentId: moved.paymentId ?? null,
      createdBy: actor.id,
      createdAt: now.toISOString()
    }
    await trx.insertInto('warrantyAccessoryRemedies').values(row).execute()
    // Either remedy takes the faulty one back: it goes to the brand's faulty-part list under this
    // slip, its serial where known, and the brand credits the shop for it as for a part replaced in
    // a warranty repair (三包 is the brand's cost, whether exchanged or refunded).
    const faultyPartId = await warrantyStock().oweTakenBackAccessory(trx, now, {
      partId: input.partId,
      serial: input.faultySerial,
      accessoryRemedyId: row.id,
      slipNumber: number
    })
    await recordSyncedChange(trx, now, {
      actorId: actor.id,
      action: due.kind === 'exchange' ? 'warranty.exchangeAccessory' : 'warranty.refundAccessory',
      entity: 'warranty_accessory_remedy',
      entityId: row.id,
      after: { ...row, unitSerial: entitled.unit.serial, faultyPartId }
    })
    return row.id
  })
  const verdict = await verdictFor(db, now, input.unitId, null)
  return { verdict, remedy: verdict.accessoryRemedies.find((remedy) => remedy.id === remedyId)! }
}

/** An accessory refunded under its 三包 is not exchanged or refunded again (remedyRules.ts). */
function refuseRefunded(remedies: AccessoryRemedy[], component: string | null, timeZone: string): void {
  const refunded = remedies.find((remedy) => remedy.kind === 'refund' && remedy.component === component)
  if (refunded)
    throw new AppError('CONFLICT', 'errors.accessoryAlreadyRefunded', {
      date: shopLocalDate(new Date(refunded.createdAt), timeZone)
    })
}

/**
 * A faulty accessory exchanged for a new one under its own 三包 (免费更换同品牌同型号同规格的附件):
 * the new accessory leaves stock through the parts ledger (a serial-tracked one by the serial
 * scanned), the faulty one comes back and goes on at once as a faulty return, both under the slip's
 * number, and is owed to the brand on the faulty-part list when the brand wants that part back.
 */
export function exchangeAccessory(
  db: Db,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'warranty.exchangeAccessory'>
): Promise<RemedyAnswer> {
  const due = { verdict: 'accessory_exchange', kind: 'exchange', refusal: 'errors.accessoryExchangeNotDue' } as const
  return giveAccessoryRemedy(db, now, actor, input, due, async (trx, slip) => {
    const stock = warrantyStock()
    const part = await stock.findSellablePart(trx, input.partId)
    const { valueFen } = await stock.sellOverCounter(trx, now, actor.id, {
      partId: part.id,
      quantity: 1,
      serial: input.serial,
      reference: slip.number,
      linePath: ''
    })
    // The faulty one comes back at the value its replacement left with and goes on to the brand.
    await stock.takeBackSoldPart(
      trx,
      now,
      actor.id,
      { partId: part.id, valueFen, serial: null },
      { quantity: 1, disposition: 'faulty', reference: slip.number, reason: slip.unitSerial, fieldPath: 'partId' }
    )
    return { serial: input.serial }
  })
}

/**
 * A faulty accessory exchanged twice under its 三包 that fails again is refunded (更换两次仍不能正常
 * 使用的…退货): its price is paid out of the till with the method given, under the slip's number,
 * and the day close counts it with the other refunds. The price is the catalogue part's selling
 * price (sold with the unit: 按退货当时单独销售的价格), or the invoice price when it was sold on
 * its own (单独销售的按发货票价格). The shop keeps the faulty accessory, owed to the brand like an
 * exchanged one: the refund is the brand's 三包 cost as much as the exchange is.
 */
export function refundAccessory(
  db: Db,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'warranty.refundAccessory'>
): Promise<RemedyAnswer> {
  const due = { verdict: 'accessory_refund', kind: 'refund', refusal: 'errors.accessoryRefundNotDue' } as const
  return giveAccessoryRemedy(db, now, actor, input, due, async (trx, slip) => {
    const stock = warrantyStock()
    const part = await stock.findSellablePart(trx, input.partId)
    const amountFen = input.invoicePriceFen ?? part.sellingPriceFen
    if (amountFen <= 0)
      throw new AppError('VALIDATION', 'errors.accessoryPriceUnknown', {
        fields: [{ path: 'invoicePriceFen', messageKey: 'errors.accessoryPriceUnknown' }]
      })
    const paymentId = await stock.payOutRefund(trx, now, actor.id, {
      amountFen,
      method: input.method,
      reference: slip.number
    })
    return { refundFen: amountFen, paymentId }
  })
}

/** One accessory exchange or refund with its unit, for the slip the customer takes. */
export async function accessorySlip(db: Db, id: string): Promise<AccessorySlip> {
  const row = await accessoryRemedyRows(db).where('r.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return { remedy: toAccessoryRemedy(row), unit: toUnit(await findUnit(db, row.unitId)) }
}
