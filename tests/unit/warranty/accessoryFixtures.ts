import type { AppContext } from '../../../src-main/app/context'
import { callOk } from '../helpers'

let chargers = 0

/**
 * A charger model on the shelf (`stocked`, or the serials given), received at ¥60.00;
 * `returnFaulty`: the brand's catalogue wants a faulty one back.
 */
export async function charger(
  app: AppContext,
  token: string,
  serials: string[] | null,
  stocked = 3,
  returnFaulty = false
) {
  chargers += 1
  const part = await callOk(
    app,
    'parts.create',
    {
      partNumber: `CHG-${chargers}`,
      name: '66W 充电器',
      barcodes: [],
      sellingPriceFen: 14_900,
      costPriceFen: 6_000,
      serialTracked: serials !== null,
      returnFaulty
    },
    token
  )
  if (stocked === 0) return part
  await callOk(
    app,
    'parts.receive',
    {
      reference: 'PO-CHG',
      lines: [
        { partId: part.id, quantity: serials?.length ?? stocked, unitCostFen: 6_000, ...(serials ? { serials } : {}) }
      ]
    },
    token
  )
  return part
}
