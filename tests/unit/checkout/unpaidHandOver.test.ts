import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk } from '../helpers'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'

const shop = staffedShopPerFile()

describe('no unpaid hand-over', () => {
  it('a job with something to bill is not handed over before checkout, and is once it is checked out', async () => {
    const { app, adminToken, staff } = shop()
    const job = await finishedJob(app, adminToken, { serviceType: 'warranty_repair', labourFen: 6_000 })
    const pickup = { id: job.id, claimCode: job.claimCode, confirmed: true as const }

    const refused = await callError(app, 'workOrders.pickup', pickup, staff.frontDesk.token)
    expect(refused).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.handOverUnpaid',
      details: { linesFen: 6_000 + 45_000 }
    })
    expect((await callOk(app, 'workOrders.get', { id: job.id }, staff.frontDesk.token)).status).toBe('ready_for_pickup')
    const draft = await callOk(app, 'checkout.draft', { workOrderId: job.id }, staff.frontDesk.token)
    expect(draft.handOverNeedsCheckout).toBe(true)

    // Billed to the brand as a warranty claim: nothing for the customer to pay, but checked out.
    await callOk(app, 'checkout.pay', { workOrderId: job.id }, staff.frontDesk.token)
    expect(
      (await callOk(app, 'checkout.draft', { workOrderId: job.id }, staff.frontDesk.token)).handOverNeedsCheckout
    ).toBe(false)
    expect((await callOk(app, 'workOrders.pickup', pickup, staff.frontDesk.token)).status).toBe('picked_up')
  })

  it('a job with nothing to bill is handed over without checkout', async () => {
    const { app, adminToken, staff } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, 'ready_for_pickup')
    const pickedUp = await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)
    expect(pickedUp.status).toBe('picked_up')
  })

  it('a manager lets it go unpaid with a reason: audited, on the timeline and on the day close', async () => {
    const { app, adminToken, staff } = shop()
    const job = await finishedJob(app, adminToken, { serviceType: 'paid_repair' })
    const pickup = { id: job.id, claimCode: job.claimCode, confirmed: true as const }
    const reason = '老客户，明天转账'

    // The counter alone cannot let it go; a wrong manager password changes nothing either.
    expect(
      await callError(app, 'workOrders.pickup', { ...pickup, unpaidOverride: { reason } }, staff.frontDesk.token)
    ).toMatchObject({ code: 'APPROVAL_REQUIRED', messageKey: 'errors.handOverUnpaidNeedsManager' })
    const notAManager = { username: staff.techA.user.username, password: staff.techA.password }
    expect(
      await callError(
        app,
        'workOrders.pickup',
        { ...pickup, unpaidOverride: { reason, managerApproval: notAManager } },
        staff.frontDesk.token
      )
    ).toMatchObject({ code: 'FORBIDDEN' })

    const manager = { username: staff.manager.user.username, password: staff.manager.password }
    const pickedUp = await callOk(
      app,
      'workOrders.pickup',
      { ...pickup, unpaidOverride: { reason, managerApproval: manager } },
      staff.frontDesk.token
    )
    expect(pickedUp.status).toBe('picked_up')
    expect(pickedUp.events.at(-1)?.note).toBe(`claim_code — ${reason}`)

    const audit = auditRows(app, 'workOrders.handOverUnpaid').filter((row) => row.entityId === job.id)
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({ actorId: staff.manager.user.id })

    const report = await callOk(app, 'dayClose.preview', {}, staff.manager.token)
    expect(report.unpaidHandOvers).toContainEqual(
      expect.objectContaining({
        workOrderNumber: job.number,
        linesFen: 8_000 + 45_000,
        reason,
        approvedByName: staff.manager.user.displayName,
        handedOverByName: staff.frontDesk.user.displayName
      })
    )
    // Once closed, the report keeps it; the next period starts without it.
    const closed = await callOk(
      app,
      'dayClose.close',
      { countedCashFen: report.expectedCashFen, expectedCashFen: report.expectedCashFen },
      staff.manager.token
    )
    expect(closed.unpaidHandOvers.map((row) => row.workOrderNumber)).toContain(job.number)
    const reloaded = await callOk(app, 'dayClose.get', { id: closed.id! }, staff.manager.token)
    expect(reloaded.unpaidHandOvers.map((row) => row.workOrderNumber)).toContain(job.number)
    const next = await callOk(app, 'dayClose.preview', {}, staff.manager.token)
    expect(next.unpaidHandOvers.map((row) => row.workOrderNumber)).not.toContain(job.number)
  })
})
