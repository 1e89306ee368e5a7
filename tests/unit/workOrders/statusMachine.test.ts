import { describe, expect, it } from 'vitest'
import {
  awaitsHandOver,
  canTransition,
  CLOSED_STATUSES,
  REASON_REQUIRED,
  ROLES_BY_TARGET,
  TRANSITIONS,
  WORK_ORDER_STATUSES,
  type WorkOrderStatus
} from '../../../src-shared/domain/workOrderStatus'
import { callError, callOk } from '../helpers'
import { driveTo, openOrder, rowsAbout, staffedShopPerFile } from './fixtures'

/**
 * The status machine as the issue describes it, written out by hand so that a change to
 * TRANSITIONS has to be made here too: received → diagnosing → (awaiting approval) →
 * (awaiting parts) → repairing → quality check → ready for pickup → picked up, with the exits
 * cancelled (before repair work starts) and returned unrepaired.
 */
const LEGAL: readonly (readonly [WorkOrderStatus, WorkOrderStatus])[] = [
  ['received', 'diagnosing'],
  ['received', 'cancelled'],
  ['diagnosing', 'awaiting_approval'],
  ['diagnosing', 'awaiting_parts'],
  ['diagnosing', 'repairing'],
  ['diagnosing', 'cancelled'],
  ['diagnosing', 'returned_unrepaired'],
  ['awaiting_approval', 'awaiting_parts'],
  ['awaiting_approval', 'repairing'],
  ['awaiting_approval', 'cancelled'],
  ['awaiting_approval', 'returned_unrepaired'],
  ['awaiting_parts', 'repairing'],
  ['awaiting_parts', 'cancelled'],
  ['awaiting_parts', 'returned_unrepaired'],
  ['repairing', 'awaiting_parts'],
  ['repairing', 'quality_check'],
  ['repairing', 'returned_unrepaired'],
  ['quality_check', 'repairing'],
  ['quality_check', 'ready_for_pickup'],
  ['ready_for_pickup', 'picked_up']
]
const isLegal = (from: WorkOrderStatus, to: WorkOrderStatus) => LEGAL.some(([f, t]) => f === from && t === to)
const illegalTargets = (from: WorkOrderStatus) => WORK_ORDER_STATUSES.filter((to) => !isLegal(from, to))

describe('the status machine in the domain', () => {
  it('has exactly the ten statuses of the issue', () => {
    expect([...WORK_ORDER_STATUSES]).toEqual([
      'received',
      'diagnosing',
      'awaiting_approval',
      'awaiting_parts',
      'repairing',
      'quality_check',
      'ready_for_pickup',
      'picked_up',
      'cancelled',
      'returned_unrepaired'
    ])
  })

  it.each(WORK_ORDER_STATUSES)('from %s allows exactly the legal targets, among all ten', (from) => {
    for (const to of WORK_ORDER_STATUSES) {
      expect(canTransition(from, to), `${from} → ${to}`).toBe(isLegal(from, to))
      expect(TRANSITIONS[from].includes(to), `${from} → ${to} in TRANSITIONS`).toBe(isLegal(from, to))
    }
  })

  it('closed orders have no way out, and every status can be reached from received', () => {
    for (const closed of CLOSED_STATUSES) expect(TRANSITIONS[closed]).toEqual([])
    expect([...CLOSED_STATUSES].sort()).toEqual(['cancelled', 'picked_up', 'returned_unrepaired'])
    const reached = new Set<WorkOrderStatus>(['received'])
    const queue: WorkOrderStatus[] = ['received']
    while (queue.length > 0) {
      for (const next of TRANSITIONS[queue.shift()!]) {
        if (!reached.has(next)) {
          reached.add(next)
          queue.push(next)
        }
      }
    }
    expect([...reached].sort()).toEqual([...WORK_ORDER_STATUSES].sort())
  })

  it('only the two exits need a reason, and each role is kept to its side of the counter', () => {
    expect([...REASON_REQUIRED].sort()).toEqual(['cancelled', 'returned_unrepaired'])
    expect(ROLES_BY_TARGET.repairing).not.toContain('front_desk')
    expect(ROLES_BY_TARGET.cancelled).not.toContain('technician')
    expect(ROLES_BY_TARGET.cancelled).toContain('front_desk')
    for (const status of WORK_ORDER_STATUSES) expect(ROLES_BY_TARGET[status]).not.toContain('warehouse_clerk')
    expect(ROLES_BY_TARGET.received).toEqual([])
  })
})

describe('the status machine through the service', () => {
  const shop = staffedShopPerFile()

  it.each(WORK_ORDER_STATUSES)(
    'an order in %s refuses every illegal target with INVALID_TRANSITION and stays as it was',
    async (from) => {
      const { app, adminToken } = shop()
      const { id, claimCode, order: before } = await driveTo(app, adminToken, from)
      const rowsBefore = rowsAbout(app, id)

      for (const to of illegalTargets(from)) {
        const error = await callError(
          app,
          'workOrders.transition',
          { id, to, reason: 'a reason, in case one is asked for' },
          adminToken
        )
        expect(error.code, `${from} → ${to}`).toBe('INVALID_TRANSITION')
        expect(error.details).toMatchObject({ from, to })
      }
      // Pick-up is its own operation: only a job ready for pick-up, or one closed unrepaired whose
      // device is still here, can be handed over (that hand-over is tested in handOverUnrepaired).
      if (!awaitsHandOver(before)) {
        const error = await callError(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, adminToken)
        expect(error.code).toBe('INVALID_TRANSITION')
      }

      const after = await callOk(app, 'workOrders.get', { id }, adminToken)
      expect(after.status).toBe(from)
      expect(after.events).toEqual(before.events)
      expect(after.closeReason).toBe(before.closeReason)
      expect(rowsAbout(app, id)).toEqual(rowsBefore)
    }
  )

  it.each(LEGAL)('%s → %s is taken, with one timeline line, audit row and outbox row', async (from, to) => {
    const { app, adminToken, clock } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, from, {
      paid: to === 'awaiting_approval' ? true : undefined
    })
    const rowsBefore = rowsAbout(app, id)
    clock.advance(60_000)

    let after
    if (to === 'awaiting_approval') {
      after = await callOk(app, 'workOrders.quote', { id, labourFen: 1_000, partsFen: 0, discountFen: 0 }, adminToken)
    } else if (to === 'picked_up') {
      after = await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, adminToken)
    } else {
      after = await callOk(app, 'workOrders.transition', { id, to, note: '交接说明', reason: '原因' }, adminToken)
    }

    expect(after.status).toBe(to)
    expect(after.readOnly).toBe(CLOSED_STATUSES.has(to))
    expect(rowsAbout(app, id)).toEqual({
      events: rowsBefore.events + 1,
      audit: rowsBefore.audit + 1,
      outbox: rowsBefore.outbox + 1
    })
    const last = after.events.at(-1)!
    expect(last).toMatchObject({ fromStatus: from, toStatus: to, actorName: '管理员', at: clock.now().toISOString() })
    if (to !== 'awaiting_approval' && to !== 'picked_up') expect(last.note).toContain('交接说明')
  })

  it('cancelling or returning unrepaired needs a reason, which is kept on the order', async () => {
    const { app, adminToken } = shop()
    const received = await driveTo(app, adminToken, 'received')
    const diagnosing = await driveTo(app, adminToken, 'diagnosing')
    for (const [id, to] of [
      [received.id, 'cancelled'],
      [diagnosing.id, 'returned_unrepaired']
    ] as const) {
      for (const reason of [undefined, '', '   ']) {
        const error = await callError(
          app,
          'workOrders.transition',
          { id, to, ...(reason === undefined ? {} : { reason }) },
          adminToken
        )
        expect(error.code).toBe('VALIDATION')
        expect(error.details?.fields).toEqual([{ path: 'reason', messageKey: 'validation.required' }])
      }
    }
    expect((await callOk(app, 'workOrders.get', { id: received.id }, adminToken)).status).toBe('received')

    const cancelled = await callOk(
      app,
      'workOrders.transition',
      { id: received.id, to: 'cancelled', reason: '客户取回不修' },
      adminToken
    )
    expect(cancelled.closeReason).toBe('客户取回不修')
    expect(cancelled.events.at(-1)!.note).toContain('客户取回不修')
    const returned = await callOk(
      app,
      'workOrders.transition',
      { id: diagnosing.id, to: 'returned_unrepaired', reason: '停产无配件' },
      adminToken
    )
    expect(returned.closeReason).toBe('停产无配件')
  })

  it('awaiting approval is reached only by quoting, and picked up only by the pick-up check', async () => {
    const { app, adminToken } = shop()
    const diagnosing = await driveTo(app, adminToken, 'diagnosing', { paid: true })
    expect(diagnosing.order.allowedTransitions).not.toContain('awaiting_approval')
    const viaMove = await callError(
      app,
      'workOrders.transition',
      { id: diagnosing.id, to: 'awaiting_approval' },
      adminToken
    )
    expect(viaMove).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'errors.useQuote' })

    const ready = await driveTo(app, adminToken, 'ready_for_pickup')
    expect(ready.order.allowedTransitions).toEqual([])
    const rowsBefore = rowsAbout(app, ready.id)
    const handOver = await callError(app, 'workOrders.transition', { id: ready.id, to: 'picked_up' }, adminToken)
    expect(handOver).toMatchObject({ code: 'INVALID_TRANSITION', messageKey: 'errors.usePickup' })
    expect(rowsAbout(app, ready.id)).toEqual(rowsBefore)
    expect((await callOk(app, 'workOrders.get', { id: ready.id }, adminToken)).status).toBe('ready_for_pickup')
  })

  it('a paid repair cannot go to the bench or order parts without an approved quote; a warranty repair can', async () => {
    const { app, adminToken } = shop()
    const unquoted = await driveTo(app, adminToken, 'diagnosing', { paid: true })
    expect(unquoted.order.allowedTransitions).not.toContain('repairing')
    const undecided = await driveTo(app, adminToken, 'awaiting_approval', { customerAccepts: false })
    expect(undecided.order.allowedTransitions).not.toContain('repairing')
    for (const { id } of [unquoted, undecided]) {
      for (const to of ['repairing', 'awaiting_parts'] as const) {
        const rowsBefore = rowsAbout(app, id)
        const error = await callError(app, 'workOrders.transition', { id, to }, adminToken)
        expect(error.code, to).toBe('APPROVAL_REQUIRED')
        expect(rowsAbout(app, id)).toEqual(rowsBefore)
      }
    }

    for (const serviceType of ['warranty_repair', 'installation', 'inspection'] as const) {
      const { id } = await openOrder(app, adminToken, { serviceType })
      await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, adminToken)
      const repairing = await callOk(app, 'workOrders.transition', { id, to: 'repairing' }, adminToken)
      expect(repairing.status, serviceType).toBe('repairing')
    }
  })

  it('the front desk cannot put a job on the bench, and a technician cannot cancel one', async () => {
    const { app, adminToken, staff } = shop()
    const { id } = await driveTo(app, adminToken, 'diagnosing')
    const seenByDesk = await callOk(app, 'workOrders.get', { id }, staff.frontDesk.token)
    expect(seenByDesk.allowedTransitions.sort()).toEqual(['cancelled', 'returned_unrepaired'])
    for (const to of ['repairing', 'awaiting_parts'] as const) {
      expect(await callError(app, 'workOrders.transition', { id, to }, staff.frontDesk.token)).toMatchObject({
        code: 'FORBIDDEN'
      })
    }
    const received = await driveTo(app, adminToken, 'received')
    expect(
      await callError(app, 'workOrders.transition', { id: received.id, to: 'diagnosing' }, staff.frontDesk.token)
    ).toMatchObject({
      code: 'FORBIDDEN'
    })

    const seenByTechnician = await callOk(app, 'workOrders.get', { id }, staff.techA.token)
    expect(seenByTechnician.allowedTransitions).not.toContain('cancelled')
    const error = await callError(
      app,
      'workOrders.transition',
      { id, to: 'cancelled', reason: '不想修' },
      staff.techA.token
    )
    expect(error.code).toBe('FORBIDDEN')
    expect(await callError(app, 'workOrders.transition', { id, to: 'repairing' }, staff.clerk.token)).toMatchObject({
      code: 'FORBIDDEN'
    })
    expect((await callOk(app, 'workOrders.get', { id }, adminToken)).status).toBe('diagnosing')

    // What each side may do, it can.
    expect((await callOk(app, 'workOrders.transition', { id, to: 'repairing' }, staff.techA.token)).status).toBe(
      'repairing'
    )
    expect(
      (
        await callOk(
          app,
          'workOrders.transition',
          { id: received.id, to: 'cancelled', reason: '客户改主意' },
          staff.frontDesk.token
        )
      ).status
    ).toBe('cancelled')
  })

  it('a technician who starts diagnosing an unassigned job takes it; another technician may not touch it', async () => {
    const { app, adminToken, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token, { serviceType: 'paid_repair' })

    const taken = await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techA.token)
    expect(taken.technicianId).toBe(staff.techA.user.id)
    expect(taken.technicianName).toBe(staff.techA.user.displayName)

    const rowsBefore = rowsAbout(app, id)
    const attempts = [
      () =>
        callError(app, 'workOrders.transition', { id, to: 'returned_unrepaired', reason: '修不了' }, staff.techB.token),
      () =>
        callError(
          app,
          'workOrders.diagnose',
          { id, faultLocationCode: 'L01', faultCauseCode: 'C01', diagnosis: '主板短路' },
          staff.techB.token
        ),
      () =>
        callError(
          app,
          'workOrders.addLabour',
          { id, description: '更换主板', minutes: 60, priceFen: 20_000 },
          staff.techB.token
        ),
      () =>
        callError(
          app,
          'workOrders.quote',
          { id, labourFen: 20_000, partsFen: 30_000, discountFen: 0 },
          staff.techB.token
        )
    ]
    for (const attempt of attempts)
      expect(await attempt()).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.notYourJob' })
    expect(rowsAbout(app, id)).toEqual(rowsBefore)
    const unchanged = await callOk(app, 'workOrders.get', { id }, adminToken)
    expect(unchanged).toMatchObject({
      status: 'diagnosing',
      technicianId: staff.techA.user.id,
      diagnosis: '',
      labour: [],
      quote: null
    })

    // The owner and a manager both may.
    await callOk(
      app,
      'workOrders.diagnose',
      { id, faultLocationCode: 'L01', faultCauseCode: 'C01', diagnosis: '主板短路' },
      staff.techA.token
    )
    const quoted = await callOk(
      app,
      'workOrders.quote',
      { id, labourFen: 20_000, partsFen: 30_000, discountFen: 0 },
      staff.manager.token
    )
    expect(quoted.status).toBe('awaiting_approval')
  })

  it('a job assigned to one technician cannot be started by another; a manager starting one does not take it', async () => {
    const { app, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token)
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    expect(await callError(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techB.token)).toMatchObject({
      code: 'FORBIDDEN'
    })
    const started = await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techA.token)
    expect(started.technicianId).toBe(staff.techA.user.id)

    const other = await openOrder(app, staff.frontDesk.token)
    const byManager = await callOk(
      app,
      'workOrders.transition',
      { id: other.id, to: 'diagnosing' },
      staff.manager.token
    )
    expect(byManager.technicianId).toBeNull()
  })
})
