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
import { nextDocumentNumber } from '../numbering/service'
import { readShopTimeZone } from '../settings/service'
import { recordSyncedChange } from '../sync/recordChange'
import { accessoryRemedyRows, toAccessoryRemedy } from './accessoryHistory'
import { warrantyStock } from './ports'
import { refuseGivenBack, toUnit } from './records'
import { findUnit, verdictFor } from './service'
import type { WarrantyAccessoryRemediesTable } from './tables'

/** The accessory exchange slips are numbered like every shop document: PJ-YYMMDD-NNNN (配件). */
const SLIP_PREFIX = 'PJ'

/**
 * A faulty accessory exchanged for a new one under its own 三包 (免费更换同品牌同型号同规格的附件).
 * Only an accessory the lookup offers an exchange now is exchanged, judged exactly as the lookup
 * judged it (the same claim and fault date), as the unit's exchange is. In one transaction: the new
 * accessory leaves stock through the parts ledger (a serial-tracked one by the serial scanned), the
 * faulty one comes back and goes on at once as a faulty return, both under the slip's number; the
 * exchange joins the unit's warranty history, which HQ keeps (audit and outbox rows, as the unit's
 * exchange writes). The unit's verdict is judged again with it.
 */
export async function exchangeAccessory(
  db: Db,
  now: Date,
  actor: CurrentUser,
  input: ParsedInput<'warranty.exchangeAccessory'>
): Promise<{ verdict: WarrantyVerdict; remedy: AccessoryRemedy }> {
  const entitled = await verdictFor(db, now, input.unitId, input.claim)
  refuseGivenBack(entitled.unit)
  const component = input.claim.component
  if (entitled.evaluation.verdict !== 'accessory_exchange' || component === null)
    throw new AppError('CONFLICT', 'errors.accessoryExchangeNotDue')
  const stock = warrantyStock()
  const remedyId = await db.transaction().execute(async (trx) => {
    // Checked inside the transaction too: a unit given back has no accessories left to exchange.
    refuseGivenBack(toUnit(await findUnit(trx, input.unitId)))
    const part = await stock.findSellablePart(trx, input.partId)
    const number = await nextDocumentNumber(trx, SLIP_PREFIX, now, await readShopTimeZone(trx))
    const { valueFen } = await stock.sellOverCounter(trx, now, actor.id, {
      partId: part.id,
      quantity: 1,
      serial: input.serial,
      reference: number,
      linePath: ''
    })
    // The faulty one comes back at the value its replacement left with and goes on to the brand.
    await stock.takeBackSoldPart(
      trx,
      now,
      actor.id,
      { partId: part.id, valueFen, serial: null },
      { quantity: 1, disposition: 'faulty', reference: number, reason: entitled.unit.serial, fieldPath: 'partId' }
    )
    const row: WarrantyAccessoryRemediesTable = {
      id: uuidv7(now.getTime()),
      number,
      unitId: input.unitId,
      kind: 'exchange',
      component,
      faultCode: input.claim.faultCode,
      partId: part.id,
      serial: input.serial,
      faultySerial: input.faultySerial,
      createdBy: actor.id,
      createdAt: now.toISOString()
    }
    await trx.insertInto('warrantyAccessoryRemedies').values(row).execute()
    await recordSyncedChange(trx, now, {
      actorId: actor.id,
      action: 'warranty.exchangeAccessory',
      entity: 'warranty_accessory_remedy',
      entityId: row.id,
      after: { ...row, unitSerial: entitled.unit.serial, partNumber: part.partNumber, valueFen }
    })
    return row.id
  })
  const verdict = await verdictFor(db, now, input.unitId, null)
  return { verdict, remedy: verdict.accessoryRemedies.find((remedy) => remedy.id === remedyId)! }
}

/** One accessory exchange with its unit, for the slip the customer takes. */
export async function accessorySlip(db: Db, id: string): Promise<AccessorySlip> {
  const row = await accessoryRemedyRows(db).where('r.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND')
  return { remedy: toAccessoryRemedy(row), unit: toUnit(await findUnit(db, row.unitId)) }
}
