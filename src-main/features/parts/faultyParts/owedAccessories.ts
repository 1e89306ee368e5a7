import type { Db } from '../../../db/connection'
import { uuidv7 } from '../../../../src-shared/domain/ids'
import { findPartRow } from '../records'

/**
 * A faulty accessory taken back by a 三包 exchange or refund at the counter is owed to the brand
 * exactly as a part replaced in a warranty repair is (workOrderParts.ts, issuePart): when the
 * brand's catalogue wants that part back (`return_faulty`), it joins the faulty-part list under the
 * remedy's slip, with the faulty one's serial where the desk scanned it, to be packed, shipped and
 * credited like the others. Runs inside the remedy's transaction; returns the owed row's id, or
 * null when the brand does not want the part back.
 */
export async function oweTakenBackAccessory(
  trx: Db,
  at: Date,
  accessory: { partId: string; serial: string | null; accessoryRemedyId: string; slipNumber: string }
): Promise<string | null> {
  const part = await findPartRow(trx, accessory.partId)
  if (part.returnFaulty !== 1) return null
  const id = uuidv7(at.getTime())
  const nowIso = at.toISOString()
  await trx
    .insertInto('faultyParts')
    .values({
      id,
      workOrderId: null,
      workOrderPartId: null,
      accessoryRemedyId: accessory.accessoryRemedyId,
      slipNumber: accessory.slipNumber,
      partId: part.id,
      serial: accessory.serial,
      quantity: 1,
      status: 'awaiting',
      batchId: null,
      createdAt: nowIso,
      updatedAt: nowIso
    })
    .execute()
  return id
}
