import { describe, expect, it } from 'vitest'
import {
  CheckoutRuleError,
  creditRefundFen,
  invoiceTotals,
  settle,
  type PricedLine
} from '../../../src-shared/domain/invoice'

const customer = (quantity: number, unitPriceFen: number): PricedLine => ({ quantity, unitPriceFen, payer: 'customer' })
const brand = (quantity: number, unitPriceFen: number): PricedLine => ({ quantity, unitPriceFen, payer: 'brand' })
const shop = (quantity: number, unitPriceFen: number): PricedLine => ({ quantity, unitPriceFen, payer: 'shop' })

function ruleOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof CheckoutRuleError) return error.rule
    throw error
  }
  return 'none'
}

describe('invoice totals', () => {
  it('a warranty repair costs the customer nothing: every line is the brand’s claim', () => {
    expect(invoiceTotals([brand(1, 8_000), brand(1, 45_900)], 0, 0)).toEqual({
      linesFen: 53_900,
      brandFen: 53_900,
      shopFen: 0,
      customerLinesFen: 0,
      discountFen: 0,
      depositAppliedFen: 0,
      dueFen: 0,
      depositReturnedFen: 0
    })
  })

  it('a mixed job splits: the brand pays the covered lines, the customer the rest less discount and deposit', () => {
    // Board under warranty (brand), cracked back glass is appearance damage (customer), plus a case.
    const totals = invoiceTotals(
      [brand(1, 5_000), brand(1, 62_000), customer(1, 18_800), customer(2, 1_950)],
      700,
      10_000
    )
    expect(totals).toEqual({
      linesFen: 89_700,
      brandFen: 67_000,
      shopFen: 0,
      customerLinesFen: 22_700,
      discountFen: 700,
      depositAppliedFen: 10_000,
      dueFen: 12_000,
      depositReturnedFen: 0
    })
  })

  it('the shop’s own repair warranty: what the shop bears is neither the customer’s nor a claim, and no discount comes off it', () => {
    const totals = invoiceTotals([shop(1, 5_000), shop(1, 30_000), customer(1, 2_500)], 0, 1_000)
    expect(totals).toEqual({
      linesFen: 37_500,
      brandFen: 0,
      shopFen: 35_000,
      customerLinesFen: 2_500,
      discountFen: 0,
      depositAppliedFen: 1_000,
      dueFen: 1_500,
      depositReturnedFen: 0
    })
    expect(ruleOf(() => invoiceTotals([shop(1, 35_000), customer(1, 2_500)], 2_501, 0))).toBe('discountTooLarge')
  })

  it('a deposit larger than the bill is applied up to the bill and the rest handed back', () => {
    expect(invoiceTotals([customer(1, 3_000)], 500, 5_000)).toMatchObject({
      depositAppliedFen: 2_500,
      dueFen: 0,
      depositReturnedFen: 2_500
    })
  })

  it('a discount cannot exceed what the customer pays, nor touch the brand’s lines', () => {
    expect(ruleOf(() => invoiceTotals([brand(1, 10_000), customer(1, 1_000)], 1_001, 0))).toBe('discountTooLarge')
    expect(invoiceTotals([brand(1, 10_000), customer(1, 1_000)], 1_000, 0)).toMatchObject({
      brandFen: 10_000,
      dueFen: 0
    })
  })

  it('refuses fractions of a fen and negative amounts', () => {
    expect(ruleOf(() => invoiceTotals([customer(1, 10.5)], 0, 0))).toBe('badAmount')
    expect(ruleOf(() => invoiceTotals([customer(1, 100)], -1, 0))).toBe('badAmount')
  })
})

describe('settling what is due', () => {
  it('cash gives change, and the till keeps only what was due', () => {
    expect(settle(12_350, [{ method: 'cash', amountFen: 20_000 }])).toEqual({
      payments: [{ method: 'cash', amountFen: 12_350, tenderedFen: 20_000, changeFen: 7_650 }],
      tenderedFen: 20_000,
      changeFen: 7_650
    })
  })

  it('part cash, part WeChat Pay: the phone pays its exact share, the change comes from the cash', () => {
    const settled = settle(35_800, [
      { method: 'wechat_pay', amountFen: 30_000 },
      { method: 'cash', amountFen: 10_000 }
    ])
    expect(settled.payments).toEqual([
      { method: 'wechat_pay', amountFen: 30_000, tenderedFen: 30_000, changeFen: 0 },
      { method: 'cash', amountFen: 5_800, tenderedFen: 10_000, changeFen: 4_200 }
    ])
    expect(settled.payments.reduce((sum, payment) => sum + payment.amountFen, 0)).toBe(35_800)
  })

  it('card, phone and transfer cannot overpay, since they give no change', () => {
    expect(
      ruleOf(() =>
        settle(10_000, [
          { method: 'bank_card', amountFen: 6_000 },
          { method: 'alipay', amountFen: 5_000 }
        ])
      )
    ).toBe('nonCashOverpays')
  })

  it('paying less than is due is refused', () => {
    expect(
      ruleOf(() =>
        settle(10_000, [
          { method: 'cash', amountFen: 5_000 },
          { method: 'bank_card', amountFen: 4_999 }
        ])
      )
    ).toBe('underpaid')
  })

  it('nothing due needs no tender', () => {
    expect(settle(0, [])).toEqual({ payments: [], tenderedFen: 0, changeFen: 0 })
  })

  it('change comes from the last cash first, across several cash tenders', () => {
    const settled = settle(10_000, [
      { method: 'cash', amountFen: 5_000 },
      { method: 'bank_card', amountFen: 3_000 },
      { method: 'cash', amountFen: 5_000 }
    ])
    expect(settled.changeFen).toBe(3_000)
    expect(settled.payments.map((payment) => [payment.method, payment.amountFen, payment.changeFen])).toEqual([
      ['cash', 5_000, 0],
      ['bank_card', 3_000, 0],
      ['cash', 2_000, 3_000]
    ])
  })
})

describe('refunds on a credit note', () => {
  it('give back what is credited of the customer’s lines, never more than they paid in and have not had back', () => {
    expect(creditRefundFen(4_000, 29_000, 0)).toBe(4_000)
    // A 300-yuan job with a 10-yuan discount, 40 already refunded: crediting everything left refunds 250.
    expect(creditRefundFen(26_000, 29_000, 4_000)).toBe(25_000)
    expect(creditRefundFen(1_000, 29_000, 29_000)).toBe(0)
  })
})
