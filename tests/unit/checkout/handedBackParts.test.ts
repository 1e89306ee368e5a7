import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { callError, callOk } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'

const shop = staffedShopPerFile()

function onHandOf(app: AppContext, partLineId: string): number {
  const row = app.sqlite
    .prepare('SELECT p.on_hand AS onHand FROM parts p JOIN work_order_parts l ON l.part_id = p.id WHERE l.id = ?')
    .get(partLineId) as { onHand: number }
  return row.onHand
}

function movementsOf(app: AppContext, reference: string) {
  return app.sqlite
    .prepare('SELECT kind, quantity FROM stock_movements WHERE reference = ? ORDER BY seq')
    .all(reference) as { kind: string; quantity: number }[]
}

async function paidJob(app: AppContext, token: string, adminToken: string) {
  const job = await finishedJob(app, adminToken, { serviceType: 'paid_repair', labourFen: 5_000, partPriceFen: 30_000 })
  const invoice = await callOk(
    app,
    'checkout.pay',
    { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 35_000 }] },
    token
  )
  const partLine = invoice.lines.find((line) => line.kind === 'part')!
  return { job, invoice, partLine }
}

describe('parts handed back after checkout', () => {
  it('a resellable part goes back into stock through the credit note, in the ledger as a return', async () => {
    const { app, staff, adminToken } = shop()
    const { job, invoice, partLine } = await paidJob(app, staff.manager.token, adminToken)
    expect(onHandOf(app, job.partLineId)).toBe(0)
    const note = await callOk(
      app,
      'checkout.creditNote',
      {
        invoiceId: invoice.id,
        lines: [{ lineId: partLine.id, amountFen: 30_000, handedBack: { quantity: 1, disposition: 'resellable' } }],
        reason: '客户退回未用配件',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    expect(note.paidFen).toBe(-30_000)
    expect(movementsOf(app, note.number)).toEqual([{ kind: 'return', quantity: 1 }])
    expect(onHandOf(app, job.partLineId)).toBe(1)
    const ledger = await callOk(app, 'parts.verifyLedger', {}, staff.manager.token)
    expect(ledger.mismatches).toEqual([])
  })

  it('a faulty part goes to the brand and a broken one to scrap: the ledger shows where each went', async () => {
    const { app, staff, adminToken } = shop()
    for (const [disposition, onwards] of [
      ['faulty', 'faulty_return'],
      ['scrap', 'scrap']
    ] as const) {
      const { job, invoice, partLine } = await paidJob(app, staff.manager.token, adminToken)
      const note = await callOk(
        app,
        'checkout.creditNote',
        {
          invoiceId: invoice.id,
          lines: [{ lineId: partLine.id, amountFen: 30_000, handedBack: { quantity: 1, disposition } }],
          reason: '配件故障退回',
          refundMethod: 'cash'
        },
        staff.manager.token
      )
      expect(movementsOf(app, note.number)).toEqual([
        { kind: 'return', quantity: 1 },
        { kind: onwards, quantity: -1 }
      ])
      expect(onHandOf(app, job.partLineId)).toBe(0)
    }
  })

  it('no more can come back than was billed, and only on a part line', async () => {
    const { app, staff, adminToken } = shop()
    const { invoice, partLine } = await paidJob(app, staff.manager.token, adminToken)
    const labourLine = invoice.lines.find((line) => line.kind === 'labour')!
    const tooMany = await callError(
      app,
      'checkout.creditNote',
      {
        invoiceId: invoice.id,
        lines: [{ lineId: partLine.id, amountFen: 30_000, handedBack: { quantity: 2, disposition: 'resellable' } }],
        reason: '退回',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    expect(tooMany.details?.fields?.[0]).toMatchObject({
      path: 'lines.0.handedBack.quantity',
      messageKey: 'validation.moreThanIssued',
      params: { max: 1 }
    })
    const labour = await callError(
      app,
      'checkout.creditNote',
      {
        invoiceId: invoice.id,
        lines: [{ lineId: labourLine.id, amountFen: 1_000, handedBack: { quantity: 1, disposition: 'scrap' } }],
        reason: '退回',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    expect(labour.details?.fields?.[0]).toMatchObject({ messageKey: 'validation.notAPartLine' })
    // Neither wrote a credit note.
    expect((await callOk(app, 'checkout.get', { id: invoice.id }, staff.manager.token)).creditNotes).toEqual([])
  })
})
