import { describe, expect, it } from 'vitest'
import { auditRows, call, callError } from '../helpers'
import { driveTo, staffedShopPerFile } from './fixtures'

describe('guessing the claim code in parallel', () => {
  const shop = staffedShopPerFile()

  it('forty wrong codes at once: five are checked, the rest find the order locked, and so does the right code', async () => {
    const { app, adminToken, staff } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, 'ready_for_pickup')
    const wrong = (i: number) => String((Number(claimCode) + 1 + i) % 1_000_000).padStart(6, '0')

    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(app, 'workOrders.pickup', { id, claimCode: wrong(i), confirmed: true }, staff.frontDesk.token)
      )
    )

    const keys = results.map((result) => (result.ok ? 'handed over' : result.error.messageKey))
    expect(keys.filter((key) => key === 'errors.claimCodeMismatch')).toHaveLength(5)
    expect(keys.filter((key) => key === 'errors.tooManyWrongProofs')).toHaveLength(35)
    // Every checked guess is counted, and only those.
    expect(auditRows(app, 'workOrders.pickupRefused').filter((row) => row.entityId === id)).toHaveLength(5)
    expect(
      await callError(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)
    ).toMatchObject({ code: 'CLAIM_CODE_MISMATCH', messageKey: 'errors.tooManyWrongProofs' })
  })
})
