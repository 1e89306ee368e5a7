import { describe, expect, it } from 'vitest'
import { alreadyCountedShares } from '../../../src-shared/domain/reEnteredMoney'

describe('which part of a re-entry a kept day close already counted', () => {
  it('covers at most the dropped amount: re-entered 300 for a dropped 280 leaves 20 as today’s', () => {
    const shares = alreadyCountedShares(
      [{ droppedId: 'd1', amountFen: 28_000, method: 'cash' }],
      [{ paymentId: 'p1', amountFen: 30_000, method: 'cash' }]
    )
    expect(shares).toEqual([{ paymentId: 'p1', droppedId: 'd1', countedFen: 28_000 }])
  })

  it('covers at most the re-entered amount: re-entered 250 for a dropped 280 is counted whole', () => {
    const shares = alreadyCountedShares(
      [{ droppedId: 'd1', amountFen: 28_000, method: 'cash' }],
      [{ paymentId: 'p1', amountFen: 25_000, method: 'cash' }]
    )
    expect(shares).toEqual([{ paymentId: 'p1', droppedId: 'd1', countedFen: 25_000 }])
  })

  it('covers the row paid the same way first, then the others', () => {
    const shares = alreadyCountedShares(
      [{ droppedId: 'd1', amountFen: 10_000, method: 'wechat_pay' }],
      [
        { paymentId: 'cash', amountFen: 6_000, method: 'cash' },
        { paymentId: 'wechat', amountFen: 7_000, method: 'wechat_pay' }
      ]
    )
    expect(shares).toEqual([
      { paymentId: 'wechat', droppedId: 'd1', countedFen: 7_000 },
      { paymentId: 'cash', droppedId: 'd1', countedFen: 3_000 }
    ])
  })

  it('matches money in with money in and money out with money out', () => {
    const shares = alreadyCountedShares(
      [
        { droppedId: 'refund', amountFen: -2_000, method: 'cash' },
        { droppedId: 'payment', amountFen: 5_000, method: 'cash' }
      ],
      [
        { paymentId: 'in', amountFen: 5_000, method: 'cash' },
        { paymentId: 'out', amountFen: -1_500, method: 'cash' }
      ]
    )
    expect(shares).toEqual([
      { paymentId: 'out', droppedId: 'refund', countedFen: -1_500 },
      { paymentId: 'in', droppedId: 'payment', countedFen: 5_000 }
    ])
  })

  it('two dropped records never cover the same money twice', () => {
    const shares = alreadyCountedShares(
      [
        { droppedId: 'd1', amountFen: 4_000, method: 'cash' },
        { droppedId: 'd2', amountFen: 4_000, method: 'cash' }
      ],
      [{ paymentId: 'p1', amountFen: 5_000, method: 'cash' }]
    )
    expect(shares).toEqual([
      { paymentId: 'p1', droppedId: 'd1', countedFen: 4_000 },
      { paymentId: 'p1', droppedId: 'd2', countedFen: 1_000 }
    ])
  })
})
