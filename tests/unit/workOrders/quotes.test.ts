import { describe, expect, it } from 'vitest'
import { needsManagerApproval, quoteTotalFen, quoteWaitOf, workMayProceed } from '../../../src-shared/domain/quote'
import type { CustomerDecision, ManagerApproval } from '../../../src-shared/domain/quote'
import { callError, callOk } from '../helpers'
import { driveTo, openOrder, rowsAbout, setApprovalThreshold, staffedShopPerFile } from './fixtures'

const THRESHOLD = 100_000

describe('quote rules in the domain', () => {
  it('a total or a discount above the threshold needs a manager; at the threshold it does not', () => {
    expect(needsManagerApproval({ labourFen: 60_000, partsFen: 40_000, discountFen: 0 }, THRESHOLD)).toBe(false)
    expect(needsManagerApproval({ labourFen: 60_000, partsFen: 40_001, discountFen: 0 }, THRESHOLD)).toBe(true)
    expect(needsManagerApproval({ labourFen: 200_000, partsFen: 0, discountFen: 150_000 }, THRESHOLD)).toBe(true)
    expect(needsManagerApproval({ labourFen: 200_000, partsFen: 0, discountFen: 100_000 }, THRESHOLD)).toBe(false)
  })

  it('a discount larger than the price makes the total zero, never negative', () => {
    expect(quoteTotalFen({ labourFen: 1_000, partsFen: 500, discountFen: 2_000 })).toBe(0)
    expect(quoteTotalFen({ labourFen: 1_000, partsFen: 500, discountFen: 200 })).toBe(1_300)
  })

  it('paid work proceeds only when the customer accepted and any manager approval is given', () => {
    expect(workMayProceed('paid_repair', null)).toBe(false)
    expect(workMayProceed('paid_repair', { customerDecision: 'approved', managerApproval: 'not_required' })).toBe(true)
    expect(workMayProceed('paid_repair', { customerDecision: 'approved', managerApproval: 'approved' })).toBe(true)
    expect(workMayProceed('paid_repair', { customerDecision: 'approved', managerApproval: 'pending' })).toBe(false)
    expect(workMayProceed('paid_repair', { customerDecision: 'approved', managerApproval: 'rejected' })).toBe(false)
    expect(workMayProceed('paid_repair', { customerDecision: 'pending', managerApproval: 'approved' })).toBe(false)
    expect(workMayProceed('paid_repair', { customerDecision: 'refused', managerApproval: 'not_required' })).toBe(false)
    for (const other of ['warranty_repair', 'installation', 'inspection'] as const)
      expect(workMayProceed(other, null)).toBe(true)
  })

  it('a job awaiting approval says whose word it waits for, from its quote', () => {
    const waits = (customerDecision: CustomerDecision, managerApproval: ManagerApproval) =>
      quoteWaitOf('awaiting_approval', { customerDecision, managerApproval })
    expect(waits('pending', 'not_required')).toBe('customer')
    expect(waits('pending', 'pending')).toBe('customer')
    expect(waits('approved', 'pending')).toBe('manager')
    expect(waits('approved', 'approved')).toBe('go_ahead')
    expect(waits('approved', 'not_required')).toBe('go_ahead')
    expect(waits('refused', 'pending')).toBe('customer_refused')
    expect(waits('approved', 'rejected')).toBe('manager_rejected')
    expect(quoteWaitOf('awaiting_approval', null)).toBeNull()
    expect(quoteWaitOf('repairing', { customerDecision: 'approved', managerApproval: 'approved' })).toBeNull()
  })
})

describe('quotes and approvals through the service', () => {
  const shop = staffedShopPerFile()

  async function diagnosingPaidJob() {
    const { app, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token, { serviceType: 'paid_repair' })
    await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techA.token)
    return id
  }

  it('a quote above the threshold waits for a manager and shows in the approvals queue until decided', async () => {
    const { app, staff } = shop()
    const id = await diagnosingPaidJob()
    const quoted = await callOk(
      app,
      'workOrders.quote',
      { id, labourFen: 30_000, partsFen: 80_000, discountFen: 0, note: '换屏' },
      staff.techA.token
    )
    expect(quoted.status).toBe('awaiting_approval')
    expect(quoted.quote).toMatchObject({
      labourFen: 30_000,
      partsFen: 80_000,
      totalFen: 110_000,
      customerDecision: 'pending',
      managerApproval: 'pending',
      createdByName: staff.techA.user.displayName
    })
    expect((await callOk(app, 'workOrders.approvals', {}, staff.manager.token)).map((row) => row.id)).toContain(id)
    expect(await callError(app, 'workOrders.approvals', {}, staff.frontDesk.token)).toMatchObject({ code: 'FORBIDDEN' })
    expect(
      await callError(app, 'workOrders.managerDecision', { id, approved: true }, staff.frontDesk.token)
    ).toMatchObject({ code: 'FORBIDDEN' })

    // The customer saying yes is not enough on its own.
    const accepted = await callOk(
      app,
      'workOrders.customerDecision',
      { id, approved: true, channel: 'phone', note: '电话确认' },
      staff.frontDesk.token
    )
    expect(accepted.quote).toMatchObject({
      customerDecision: 'approved',
      decisionChannel: 'phone',
      decisionRecordedByName: staff.frontDesk.user.displayName
    })
    expect(accepted.allowedTransitions).not.toContain('repairing')
    expect(await callError(app, 'workOrders.transition', { id, to: 'repairing' }, staff.techA.token)).toMatchObject({
      code: 'APPROVAL_REQUIRED'
    })
    // The status still reads "awaiting approval": the job, its list row and its board card say it is the manager's.
    expect(quoted.quoteWait).toBe('customer')
    expect(accepted.quoteWait).toBe('manager')
    const listed = await callOk(app, 'workOrders.list', { search: quoted.number }, staff.frontDesk.token)
    expect(listed.rows.find((row) => row.id === id)?.quoteWait).toBe('manager')
    const board = await callOk(app, 'workOrders.board', {}, staff.frontDesk.token)
    const card = board.flatMap((column) => column.cards).find((each) => each.id === id)
    expect(card?.quoteWait).toBe('manager')

    const approved = await callOk(app, 'workOrders.managerDecision', { id, approved: true }, staff.manager.token)
    expect(approved.quote).toMatchObject({ managerApproval: 'approved', managerName: staff.manager.user.displayName })
    expect(approved.quoteWait).toBe('go_ahead')
    expect((await callOk(app, 'workOrders.approvals', {}, staff.manager.token)).map((row) => row.id)).not.toContain(id)
    const repairing = await callOk(app, 'workOrders.transition', { id, to: 'repairing' }, staff.techA.token)
    expect(repairing.status).toBe('repairing')
    expect(repairing.quoteWait).toBeNull()
  })

  it('a discount above the threshold needs a manager even when the total is small', async () => {
    const { app, staff } = shop()
    const id = await diagnosingPaidJob()
    const quoted = await callOk(
      app,
      'workOrders.quote',
      { id, labourFen: 150_000, partsFen: 0, discountFen: 120_000 },
      staff.techA.token
    )
    expect(quoted.quote).toMatchObject({ totalFen: 30_000, managerApproval: 'pending' })
    expect((await callOk(app, 'workOrders.approvals', {}, staff.manager.token)).map((row) => row.id)).toContain(id)
  })

  it('a quote at or under the threshold needs only the customer', async () => {
    const { app, staff } = shop()
    const id = await diagnosingPaidJob()
    const quoted = await callOk(
      app,
      'workOrders.quote',
      { id, labourFen: 40_000, partsFen: 60_000, discountFen: 0 },
      staff.techA.token
    )
    expect(quoted.quote).toMatchObject({ totalFen: THRESHOLD, managerApproval: 'not_required' })
    expect((await callOk(app, 'workOrders.approvals', {}, staff.manager.token)).map((row) => row.id)).not.toContain(id)
    expect(
      await callError(app, 'workOrders.managerDecision', { id, approved: true }, staff.manager.token)
    ).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.noQuoteAwaitingManager'
    })
    await callOk(
      app,
      'workOrders.customerDecision',
      { id, approved: true, channel: 'in_person' },
      staff.frontDesk.token
    )
    expect((await callOk(app, 'workOrders.transition', { id, to: 'awaiting_parts' }, staff.techA.token)).status).toBe(
      'awaiting_parts'
    )
  })

  it('the threshold is the shop setting: lowered, a small quote needs a manager too', async () => {
    const { app, adminToken, staff } = shop()
    await setApprovalThreshold(app, adminToken, 5_000)
    try {
      const id = await diagnosingPaidJob()
      const quoted = await callOk(
        app,
        'workOrders.quote',
        { id, labourFen: 5_001, partsFen: 0, discountFen: 0 },
        staff.techA.token
      )
      expect(quoted.quote!.managerApproval).toBe('pending')
    } finally {
      await setApprovalThreshold(app, adminToken, THRESHOLD)
    }
  })

  it('a customer who refuses leaves the order waiting; it cannot go to the bench, and can be re-quoted or returned', async () => {
    const { app, staff } = shop()
    const id = await diagnosingPaidJob()
    await callOk(
      app,
      'workOrders.quote',
      { id, labourFen: 10_000, partsFen: 20_000, discountFen: 0 },
      staff.techA.token
    )
    const refused = await callOk(
      app,
      'workOrders.customerDecision',
      { id, approved: false, channel: 'in_person' },
      staff.frontDesk.token
    )
    expect(refused.status).toBe('awaiting_approval')
    expect(refused.quote!.customerDecision).toBe('refused')
    expect(refused.events.at(-1)!.kind).toBe('customer_refused')
    for (const to of ['repairing', 'awaiting_parts'] as const) {
      expect(await callError(app, 'workOrders.transition', { id, to }, staff.techA.token)).toMatchObject({
        code: 'APPROVAL_REQUIRED'
      })
    }
    // The answer is given once per quote.
    expect(
      await callError(
        app,
        'workOrders.customerDecision',
        { id, approved: true, channel: 'phone' },
        staff.frontDesk.token
      )
    ).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.noQuoteAwaitingCustomer'
    })

    const requoted = await callOk(
      app,
      'workOrders.quote',
      { id, labourFen: 10_000, partsFen: 10_000, discountFen: 0 },
      staff.techA.token
    )
    expect(requoted.quote).toMatchObject({ totalFen: 20_000, customerDecision: 'pending' })
    expect(requoted.quote!.id).not.toBe(refused.quote!.id)
    expect((await callOk(app, 'workOrders.get', { id }, staff.manager.token)).status).toBe('awaiting_approval')
    // The job, its list row and its board card read the new quote, not the refused one.
    expect(refused.quoteWait).toBe('customer_refused')
    expect(requoted).toMatchObject({ quoteWait: 'customer', quoteTotalFen: 20_000 })
    const listed = await callOk(app, 'workOrders.list', { search: requoted.number }, staff.frontDesk.token)
    const board = await callOk(app, 'workOrders.board', {}, staff.frontDesk.token)
    for (const rows of [listed.rows, board.flatMap((column) => column.cards)]) {
      expect(rows.filter((row) => row.id === id)).toMatchObject([{ quoteWait: 'customer', quoteTotalFen: 20_000 }])
    }
  })

  it('a manager who rejects the quote blocks the work even though the customer accepted', async () => {
    const { app, staff } = shop()
    const id = await diagnosingPaidJob()
    await callOk(
      app,
      'workOrders.quote',
      { id, labourFen: 100_000, partsFen: 100_000, discountFen: 0 },
      staff.techA.token
    )
    await callOk(
      app,
      'workOrders.customerDecision',
      { id, approved: true, channel: 'in_person' },
      staff.frontDesk.token
    )
    const rejected = await callOk(
      app,
      'workOrders.managerDecision',
      { id, approved: false, note: '价格不合理' },
      staff.manager.token
    )
    expect(rejected.quote!.managerApproval).toBe('rejected')
    expect(rejected.events.at(-1)).toMatchObject({ kind: 'manager_rejected', note: '价格不合理' })
    expect((await callOk(app, 'workOrders.approvals', {}, staff.manager.token)).map((row) => row.id)).not.toContain(id)
    const rowsBefore = rowsAbout(app, id)
    for (const to of ['repairing', 'awaiting_parts'] as const) {
      expect(await callError(app, 'workOrders.transition', { id, to }, staff.manager.token)).toMatchObject({
        code: 'APPROVAL_REQUIRED'
      })
    }
    expect(rowsAbout(app, id)).toEqual(rowsBefore)
  })

  it('only paid repairs are quoted, and only after diagnosis has started', async () => {
    const { app, adminToken, staff } = shop()
    for (const serviceType of ['warranty_repair', 'installation', 'inspection'] as const) {
      const { id } = await openOrder(app, staff.frontDesk.token, { serviceType })
      await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techA.token)
      const rowsBefore = rowsAbout(app, id)
      expect(
        await callError(
          app,
          'workOrders.quote',
          { id, labourFen: 1_000, partsFen: 0, discountFen: 0 },
          staff.techA.token
        )
      ).toMatchObject({
        code: 'CONFLICT',
        messageKey: 'errors.quoteOnlyForPaid'
      })
      expect(rowsAbout(app, id)).toEqual(rowsBefore)
    }

    const received = await openOrder(app, staff.frontDesk.token, { serviceType: 'paid_repair' })
    expect(
      await callError(
        app,
        'workOrders.quote',
        { id: received.id, labourFen: 1_000, partsFen: 0, discountFen: 0 },
        adminToken
      )
    ).toMatchObject({
      code: 'INVALID_TRANSITION'
    })
    const closed = await driveTo(app, adminToken, 'cancelled')
    expect(
      await callError(
        app,
        'workOrders.quote',
        { id: closed.id, labourFen: 1_000, partsFen: 0, discountFen: 0 },
        adminToken
      )
    ).toMatchObject({
      code: 'READ_ONLY'
    })
    expect(
      await callError(
        app,
        'workOrders.customerDecision',
        { id: received.id, approved: true, channel: 'phone' },
        adminToken
      )
    ).toMatchObject({
      code: 'CONFLICT'
    })
  })
})
