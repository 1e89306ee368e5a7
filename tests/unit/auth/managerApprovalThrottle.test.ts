import { describe, expect, it, vi } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import type { CallSource } from '../../../src-main/rpc/callSource'
import { dispatch } from '../../../src-main/rpc/dispatch'
import type { RpcResult } from '../../../src-shared/contract'
import { SOURCE_FIRST_WAIT_MS, SOURCE_FREE_FAILURES } from '../../../src-shared/domain/signInThrottle'
import { callOk, createUserAndSignIn, freshShopPerTest, handlers, signInFrom } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { setApprovalThreshold } from '../workOrders/fixtures'

// A dozen scrypt checks per test: slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const freshShop = freshShopPerTest()

const counterDesk: CallSource = { transport: 'http', address: '192.168.1.31' }
const otherDesk: CallSource = { transport: 'http', address: '192.168.1.32' }

function codeOf(result: RpcResult<unknown>): string {
  return result.ok ? 'ok' : result.error.code
}

/** A finished job whose checkout gives a discount above the threshold: a manager must approve it. */
async function discountNeedingApproval(app: AppContext, adminToken: string) {
  const job = await finishedJob(app, adminToken, { serviceType: 'paid_repair', labourFen: 5_000, partPriceFen: 5_000 })
  await setApprovalThreshold(app, adminToken, 1_000)
  return {
    workOrderId: job.id,
    discountFen: 1_500,
    discountReason: '老客户',
    tenders: [{ method: 'cash' as const, amountFen: 8_500 }]
  }
}

describe('a manager’s approval typed at the counter goes through the sign-in throttle of its desk', () => {
  it('past the desk’s free tries it is refused even with the right password, and the guesses lock no one', async () => {
    const { app, adminToken, clock } = await freshShop()
    const manager = await createUserAndSignIn(app, adminToken, 'manager')
    const counter = await createUserAndSignIn(app, adminToken, 'front_desk')
    const pay = await discountNeedingApproval(app, adminToken)
    const approveFrom = (source: CallSource, password: string) =>
      dispatch(app, handlers, {
        operation: 'checkout.pay',
        input: { ...pay, managerApproval: { username: manager.user.username, password } },
        token: counter.token,
        source
      })

    const codes: string[] = []
    for (let i = 0; i < SOURCE_FREE_FAILURES; i++) codes.push(codeOf(await approveFrom(counterDesk, `guess-${i}`)))
    expect(codes).toEqual(Array(SOURCE_FREE_FAILURES).fill('INVALID_CREDENTIALS'))
    const refused = await approveFrom(counterDesk, manager.password)
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'SIGN_IN_THROTTLED', details: { minutes: 1 } }
    })
    // The desk's sign-ins wait with it: guesses typed into either count against the same desk.
    expect(
      codeOf(await signInFrom(app, counterDesk, { username: manager.user.username, password: manager.password }))
    ).toBe('SIGN_IN_THROTTLED')

    // Persisting through the growing waits adds nothing to the manager's lock-out count.
    for (let wait = SOURCE_FIRST_WAIT_MS; wait <= 16 * SOURCE_FIRST_WAIT_MS; wait *= 2) {
      clock.advance(wait)
      expect(codeOf(await approveFrom(counterDesk, `persisting-${wait}`))).toBe('INVALID_CREDENTIALS')
    }
    await callOk(app, 'auth.session', {}, manager.token)
    expect(
      codeOf(await signInFrom(app, otherDesk, { username: manager.user.username, password: manager.password }))
    ).toBe('ok')
    expect(codeOf(await approveFrom(otherDesk, manager.password))).toBe('ok')
  })

  it('unknown names typed as the approver are refused unchecked once the desk has used its free tries', async () => {
    const { app, adminToken } = await freshShop()
    const counter = await createUserAndSignIn(app, adminToken, 'front_desk')
    const pay = await discountNeedingApproval(app, adminToken)
    const flood = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        dispatch(app, handlers, {
          operation: 'checkout.pay',
          input: { ...pay, managerApproval: { username: `nobody-${i}`, password: 'whatever' } },
          token: counter.token,
          source: counterDesk
        })
      )
    )
    const codes = flood.map(codeOf)
    expect(codes.filter((code) => code === 'INVALID_CREDENTIALS')).toHaveLength(SOURCE_FREE_FAILURES)
    expect(codes.filter((code) => code === 'SIGN_IN_THROTTLED')).toHaveLength(20 - SOURCE_FREE_FAILURES)
  })
})
