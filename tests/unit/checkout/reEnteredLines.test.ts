import { describe, expect, it } from 'vitest'
import { reEnteredCash, withTheirPayments } from '../../../src-main/features/checkout/dayClose/reEntered'

const line = (paymentId: string, amountFen: number, alreadyCountedFen: number, droppedDocumentNumber: string) => ({
  paymentId,
  at: '2026-12-07T06:00:00.000Z',
  kind: 'payment' as const,
  method: 'cash' as const,
  amountFen,
  alreadyCountedFen,
  droppedDocumentNumber,
  dayCloseNumber: 'DC-261206-0001',
  dayClosedAt: '2026-12-06T12:00:00.000Z'
})

describe("the day close's lines of money re-entered after a restore", () => {
  it('give a payment re-entering two dropped records its amount and what this close counts once', () => {
    // Cash 40 and WeChat Pay 10 dropped from one receipt, re-entered as one cash payment of 60.
    const lines = withTheirPayments([
      line('pay-1', 6_000, 4_000, 'INV-1'),
      line('pay-1', 6_000, 1_000, 'INV-1'),
      line('pay-2', 3_000, 3_000, 'INV-2')
    ])
    expect(lines.map((row) => [row.firstOfItsPayment, row.countedHereFen])).toEqual([
      [true, 1_000],
      [false, 0],
      [true, 0]
    ])
    // What the lines say this close counts adds up to what it counts of these payments.
    expect(lines.reduce((sum, row) => sum + row.countedHereFen, 0)).toBe(6_000 + 3_000 - 8_000)
  })

  it('name as cash left out of the drawer what a kept close counted of the lines paid in cash, whatever it had counted them as', () => {
    // Counted as WeChat Pay, re-entered as cash: the drawer holds it, and the kept close counted it.
    const lines = [
      line('pay-1', 6_000, 4_000, 'INV-1'),
      { ...line('pay-2', 3_000, 3_000, 'INV-2'), method: 'wechat_pay' as const },
      { ...line('pay-3', -2_000, -2_000, 'CN-1'), kind: 'refund' as const }
    ]
    expect(reEnteredCash(lines)).toBe(4_000 - 2_000)
  })
})
