import type { AppContext } from '../../../src-main/app/context'
import type { Input, Part } from '../../../src-shared/contract'
import { callOk } from '../helpers'

let sequence = 0

/** A catalogue part with a unique number and barcode; stock starts at zero. */
export async function newPart(
  app: AppContext,
  token: string,
  overrides: Partial<Input<'parts.create'>> = {}
): Promise<Part> {
  sequence += 1
  const number = `P-${String(sequence).padStart(5, '0')}`
  return callOk(
    app,
    'parts.create',
    {
      partNumber: number,
      name: `屏幕总成 ${sequence}`,
      barcodes: [`69${String(sequence).padStart(11, '0')}`],
      sellingPriceFen: 39_900,
      costPriceFen: 20_000,
      ...overrides
    },
    token
  )
}

let deliveries = 0

/** Receives `quantity` of a part at `unitCostFen` as one delivery (each under its own reference unless given). */
export async function receive(
  app: AppContext,
  token: string,
  partId: string,
  quantity: number,
  unitCostFen: number,
  reference = `HQ-SHIP-${++deliveries}`
) {
  return callOk(app, 'parts.receive', { reference, lines: [{ partId, quantity, unitCostFen }] }, token)
}

export async function stockOf(
  app: AppContext,
  token: string,
  partId: string
): Promise<{ onHand: number; stockValueFen: number; averageCostFen: number }> {
  const part = await callOk(app, 'parts.get', { id: partId }, token)
  return { onHand: part.onHand, stockValueFen: part.stockValueFen, averageCostFen: part.averageCostFen }
}

/** Rows of a table, for checking that a refused change wrote nothing at all. */
export function tableCounts(app: AppContext): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const table of [
    'stock_movements',
    'work_order_parts',
    'faulty_parts',
    'outbox',
    'audit_log',
    'stock_adjustments'
  ]) {
    counts[table] = (app.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  }
  return counts
}
