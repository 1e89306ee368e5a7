import type { Db } from '../../db/connection'
import type { CurrentUser, ParsedInput } from '../../../src-shared/contract'
import { recordAudit } from '../audit/record'
import { postMovement } from './ledger'

/** A delivery: all its lines enter the ledger together or not at all. */
export async function receiveDelivery(db: Db, at: Date, actor: CurrentUser, input: ParsedInput<'parts.receive'>) {
  const reference = input.supplier === '' ? input.reference : `${input.supplier} ${input.reference}`
  return db.transaction().execute(async (trx) => {
    let quantity = 0
    let valueFen = 0
    for (const line of input.lines) {
      const moved = await postMovement(trx, at, actor.id, {
        partId: line.partId,
        kind: 'receive',
        quantity: line.quantity,
        unitCostFen: line.unitCostFen,
        reference
      })
      quantity += moved.quantity
      valueFen += moved.valueFen
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
