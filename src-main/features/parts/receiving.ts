import type { Db } from '../../db/connection'
import { AppError, type CurrentUser, type ErrorKey, type ParsedInput } from '../../../src-shared/contract'
import { recordAudit } from '../audit/record'
import { postMovement } from './ledger'
import { isSerialOnHand, refuseSerialOutOnJob } from './serials'

type ReceiptLine = ParsedInput<'parts.receive'>['lines'][number]

function refuseSerials(index: number, messageKey: ErrorKey): never {
  throw new AppError('VALIDATION', 'errors.VALIDATION', {
    fields: [{ path: `lines.${index}.serials`, messageKey }]
  })
}

/**
 * The serials of each line, checked before anything is written: a serial-tracked part names one
 * serial per unit, each once in the delivery and none already on the shelf or out on a job; any
 * other part none.
 */
async function checkSerials(trx: Db, lines: ReceiptLine[]): Promise<void> {
  const seen = new Set<string>()
  for (const [index, line] of lines.entries()) {
    const part = await trx.selectFrom('parts').select('serialTracked').where('id', '=', line.partId).executeTakeFirst()
    // An unknown part is refused by the ledger, as before.
    if (!part) continue
    if (part.serialTracked !== 1) {
      if (line.serials.length > 0) refuseSerials(index, 'validation.partNotSerialTracked')
      continue
    }
    if (line.serials.length !== line.quantity || line.serials.some((serial) => serial === null))
      refuseSerials(index, 'validation.serialsPerUnit')
    for (const serial of line.serials as string[]) {
      const key = `${line.partId} ${serial}`
      if (seen.has(key)) refuseSerials(index, 'validation.serialsRepeated')
      seen.add(key)
      if (await isSerialOnHand(trx, line.partId, serial))
        throw new AppError('CONFLICT', 'errors.serialAlreadyOnHand', { serial })
      // A unit out on a job (on the bench, or scanned from it by mistake) is not new stock: once
      // the job returned it the shelf would hold the one serial twice.
      await refuseSerialOutOnJob(trx, line.partId, serial)
    }
  }
}

/**
 * A delivery: all its lines enter the ledger together or not at all. A serial-tracked part enters
 * one ledger line per serial, which is how the shop knows later which serials are on the shelf.
 */
export async function receiveDelivery(db: Db, at: Date, actor: CurrentUser, input: ParsedInput<'parts.receive'>) {
  const reference = input.supplier === '' ? input.reference : `${input.supplier} ${input.reference}`
  return db.transaction().execute(async (trx) => {
    await checkSerials(trx, input.lines)
    let quantity = 0
    let valueFen = 0
    for (const line of input.lines) {
      const units =
        line.serials.length > 0
          ? line.serials.map((serial) => ({ quantity: 1, serial }))
          : [{ quantity: line.quantity, serial: null }]
      for (const unit of units) {
        const moved = await postMovement(trx, at, actor.id, {
          partId: line.partId,
          kind: 'receive',
          quantity: unit.quantity,
          unitCostFen: line.unitCostFen,
          serial: unit.serial,
          reference
        })
        quantity += moved.quantity
        valueFen += moved.valueFen
      }
    }
    await recordAudit(trx, at, {
      actorId: actor.id,
      action: 'parts.receive',
      entity: 'delivery',
      entityId: null,
      after: { ...input, quantity, valueFen }
    })
    return { reference: input.reference, lines: input.lines.length, quantity, valueFen }
  })
}
