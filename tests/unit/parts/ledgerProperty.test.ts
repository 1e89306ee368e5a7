import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import type { IssuedToWorkOrder } from '../../../src-shared/contract'
import { Random } from '../../../tools/demo/random'
import { call, callOk } from '../helpers'
import { openOrder, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart } from './fixtures'

const shop = staffedShopPerFile()

interface Line {
  id: string
  partId: string
  outstanding: number
}

/** Every part's ledger, line by line: the running sum must be the balance each line recorded. */
function runningBalancesHold(app: AppContext, partIds: string[]): void {
  for (const partId of partIds) {
    const rows = app.sqlite
      .prepare('SELECT quantity, balance_after FROM stock_movements WHERE part_id = ? ORDER BY seq')
      .all(partId) as { quantity: number; balance_after: number }[]
    let balance = 0
    for (const row of rows) {
      balance += row.quantity
      expect(row.balance_after).toBe(balance)
    }
  }
}

describe('the ledger invariant under random work', () => {
  for (const seed of [7, 2026, 90210]) {
    it(`holds after every step of a random day (seed ${seed}): on hand = sum of movements, refusals change nothing`, async () => {
      const { app, staff } = shop()
      const clerk = staff.clerk.token
      const manager = staff.manager.token
      const random = new Random(seed)
      const parts = await Promise.all(
        [0, 1, 2, 3].map(() => newPart(app, clerk, { costPriceFen: random.int(100, 5_000) }))
      )
      const partIds = parts.map((part) => part.id)
      const expected = new Map(partIds.map((id) => [id, 0]))
      const orders: { id: string; lines: Line[] }[] = []
      const newOrder = async () => orders.push({ id: (await openOrder(app, staff.frontDesk.token)).id, lines: [] })
      for (let i = 0; i < 3; i++) await newOrder()
      let refusals = 0

      for (let step = 0; step < 120; step++) {
        const partId = random.pick(partIds)
        const onHand = expected.get(partId)!
        const action = random.weighted([
          ['receive', 3],
          ['issue', 4],
          ['return', 2],
          ['adjust', 2],
          ['scrap', 1],
          ['stocktake', 1],
          ['cancel', 1]
        ] as const)
        let refused = false
        const before = (app.sqlite.prepare('SELECT count(*) AS n FROM stock_movements').get() as { n: number }).n
        switch (action) {
          case 'receive': {
            const quantity = random.int(1, 12)
            await callOk(
              app,
              'parts.receive',
              { reference: `R${step}`, lines: [{ partId, quantity, unitCostFen: random.int(1, 50_000) }] },
              clerk
            )
            expected.set(partId, onHand + quantity)
            break
          }
          case 'issue': {
            const order = random.pick(orders)
            const quantity = random.int(1, 6)
            const result = await call(app, 'workOrderParts.issue', { workOrderId: order.id, partId, quantity }, clerk)
            if (quantity > onHand) {
              expect(result.ok ? 'issued' : result.error.code).toBe('STOCK_INSUFFICIENT')
              refusals++
              refused = true
            } else {
              expect(result.ok).toBe(true)
              if (result.ok) {
                const { line } = result.data as IssuedToWorkOrder
                order.lines.push({ id: line.id, partId, outstanding: quantity })
              }
              expected.set(partId, onHand - quantity)
            }
            break
          }
          case 'return': {
            const candidates = orders.flatMap((order) => order.lines.filter((line) => line.outstanding > 0))
            if (candidates.length === 0) break
            const line = random.pick(candidates)
            const quantity = random.int(1, line.outstanding)
            await callOk(app, 'workOrderParts.return', { lineId: line.id, quantity }, clerk)
            line.outstanding -= quantity
            expected.set(line.partId, expected.get(line.partId)! + quantity)
            break
          }
          case 'adjust':
          case 'scrap': {
            const quantity = action === 'adjust' ? random.pick([-1, 1]) * random.int(1, 8) : random.int(1, 4)
            const change = action === 'adjust' ? quantity : -quantity
            const result = await call(
              app,
              'parts.adjust',
              { partId, kind: action, quantity, reason: `step ${step}` },
              manager
            )
            if (onHand + change < 0) {
              expect(result.ok ? 'posted' : result.error.code).toBe('STOCK_INSUFFICIENT')
              refusals++
              refused = true
            } else {
              expect(result.ok).toBe(true)
              expected.set(partId, onHand + change)
            }
            break
          }
          case 'stocktake': {
            const part = parts.find((candidate) => candidate.id === partId)!
            const count = await callOk(
              app,
              'stocktakes.start',
              { scope: { kind: 'range', from: part.partNumber, to: part.partNumber } },
              clerk
            )
            const counted = random.int(0, onHand + 3)
            await callOk(app, 'stocktakes.count', { id: count.id, partId, countedQuantity: counted }, clerk)
            await callOk(app, 'stocktakes.post', { id: count.id }, manager)
            expected.set(partId, counted)
            break
          }
          case 'cancel': {
            const order = orders.splice(random.int(0, orders.length - 1), 1)[0]!
            await callOk(
              app,
              'workOrders.transition',
              { id: order.id, to: 'cancelled', reason: '客户取消' },
              staff.frontDesk.token
            )
            for (const line of order.lines) expected.set(line.partId, expected.get(line.partId)! + line.outstanding)
            await newOrder()
            break
          }
        }
        const after = (app.sqlite.prepare('SELECT count(*) AS n FROM stock_movements').get() as { n: number }).n
        if (refused) expect(after).toBe(before)

        for (const id of partIds) {
          const row = app.sqlite.prepare('SELECT on_hand, stock_value_fen FROM parts WHERE id = ?').get(id) as {
            on_hand: number
            stock_value_fen: number
          }
          expect(row.on_hand).toBe(expected.get(id))
          expect(row.stock_value_fen).toBeGreaterThanOrEqual(0)
          if (row.on_hand === 0) expect(row.stock_value_fen).toBe(0)
        }
        const check = await callOk(app, 'parts.verifyLedger', {}, manager)
        expect(check.mismatches).toEqual([])
      }
      runningBalancesHold(app, partIds)
      // The random walk must have tried to overdraw now and then, or it tested too little.
      expect(refusals).toBeGreaterThan(0)
    })
  }
})
