import { describe, expect, it } from 'vitest'
import { discountShareKeptFen } from '../../../src-shared/domain/invoice'
import { callOk } from '../helpers'
import { staffedShopPerFile } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'

const shop = staffedShopPerFile()

describe('credit notes on a discounted invoice', () => {
  it('crediting one line refunds that line’s share of what was paid, not its full price', async () => {
    const { app, staff, adminToken } = shop()
    const job = await finishedJob(app, adminToken, {
      serviceType: 'paid_repair',
      labourFen: 10_000,
      partPriceFen: 20_000
    })
    const invoice = await callOk(
      app,
      'checkout.pay',
      { workOrderId: job.id, discountFen: 3_000, tenders: [{ method: 'cash', amountFen: 27_000 }] },
      staff.manager.token
    )
    const labour = invoice.lines.find((line) => line.kind === 'labour')!
    const part = invoice.lines.find((line) => line.kind === 'part')!
    // The ¥30 discount is 10 % of the bill: the ¥100 labour line was paid ¥90.
    const labourNote = await callOk(
      app,
      'checkout.creditNote',
      {
        invoiceId: invoice.id,
        lines: [{ lineId: labour.id, amountFen: 10_000 }],
        reason: '工时退回',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    expect(labourNote.paidFen).toBe(-9_000)
    // The voucher's figures add up: ¥100 credited, the ¥10 the discount had taken off kept, ¥90 back.
    expect(labourNote.totals).toMatchObject({ customerLinesFen: -10_000, dueFen: -9_000 })
    expect(discountShareKeptFen(labourNote.totals)).toBe(1_000)
    expect(discountShareKeptFen(invoice.totals)).toBe(0)
    // Half the part line: half of its ¥180 share.
    const halfPart = await callOk(
      app,
      'checkout.creditNote',
      {
        invoiceId: invoice.id,
        lines: [{ lineId: part.id, amountFen: 10_000 }],
        reason: '配件降价',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    expect(halfPart.paidFen).toBe(-9_000)
    const rest = await callOk(
      app,
      'checkout.creditNote',
      {
        invoiceId: invoice.id,
        lines: [{ lineId: part.id, amountFen: 10_000 }],
        reason: '整单退款',
        refundMethod: 'cash'
      },
      staff.manager.token
    )
    expect(rest.paidFen).toBe(-9_000)
  })

  it('random invoices with discounts and random partial credits never refund more than was paid', async () => {
    const { app, staff, adminToken } = shop()
    let seed = 7
    const random = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return 1 + (seed % max)
    }
    for (let round = 0; round < 4; round++) {
      const job = await finishedJob(app, adminToken, {
        serviceType: 'paid_repair',
        labourFen: random(30_000),
        partPriceFen: random(90_000)
      })
      const charges = Array.from({ length: random(3) }, (_, index) => ({
        description: `配件${index}`,
        quantity: random(3),
        unitPriceFen: random(9_999),
        payer: 'customer' as const
      }))
      const draft = await callOk(app, 'checkout.draft', { workOrderId: job.id }, staff.manager.token)
      const billed = [...draft.lines, ...charges.map((c) => ({ amountFen: c.quantity * c.unitPriceFen }))].reduce(
        (sum, line) => sum + line.amountFen,
        0
      )
      const discountFen = random(billed - 1)
      const invoice = await callOk(
        app,
        'checkout.pay',
        { workOrderId: job.id, charges, discountFen, tenders: [{ method: 'cash', amountFen: billed - discountFen }] },
        staff.manager.token
      )
      const left = new Map(invoice.lines.map((line) => [line.id, line.amountFen]))
      let refunded = 0
      for (let note = 0; note < 6; note++) {
        const open = [...left].filter(([, amount]) => amount > 0)
        if (open.length === 0) break
        const lines = open
          .slice(0, random(open.length))
          .map(([lineId, amount]) => ({ lineId, amountFen: random(amount) }))
        for (const line of lines) left.set(line.lineId, left.get(line.lineId)! - line.amountFen)
        const credit = await callOk(
          app,
          'checkout.creditNote',
          { invoiceId: invoice.id, lines, reason: '部分退款', refundMethod: 'cash' },
          staff.manager.token
        )
        // Back comes the paid fraction of what was credited (each line may round up by a fen).
        const creditedFen = lines.reduce((sum, line) => sum + line.amountFen, 0)
        expect(-credit.paidFen).toBeLessThanOrEqual(Math.ceil((creditedFen * invoice.paidFen) / billed) + lines.length)
        refunded -= credit.paidFen
        expect(refunded).toBeLessThanOrEqual(invoice.paidFen)
      }
      // Whatever is left, credited in full, brings the refunds to exactly what was paid.
      const remaining = [...left]
        .filter(([, amount]) => amount > 0)
        .map(([lineId, amountFen]) => ({ lineId, amountFen }))
      if (remaining.length > 0) {
        const last = await callOk(
          app,
          'checkout.creditNote',
          { invoiceId: invoice.id, lines: remaining, reason: '整单退款', refundMethod: 'cash' },
          staff.manager.token
        )
        refunded -= last.paidFen
      }
      expect(refunded).toBe(invoice.paidFen)
    }
  })
})
