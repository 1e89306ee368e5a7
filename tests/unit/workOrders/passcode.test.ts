import { describe, expect, it } from 'vitest'
import { mayViewPasscode } from '../../../src-shared/domain/passcode'
import { callError, callOk, countRows } from '../helpers'
import { openOrder, staffedShopPerFile } from './fixtures'

/** Distinctive enough that finding it in a stored row cannot be a coincidence. */
const PASSCODE = 'pin-7Q9xZ'

describe('who may see a device passcode', () => {
  it('in the domain: managers and admins, and the technician assigned to the job', () => {
    expect(mayViewPasscode({ id: 'm', role: 'manager' }, null)).toBe(true)
    expect(mayViewPasscode({ id: 'a', role: 'admin' }, 't')).toBe(true)
    expect(mayViewPasscode({ id: 't', role: 'technician' }, 't')).toBe(true)
    expect(mayViewPasscode({ id: 't', role: 'technician' }, 'other')).toBe(false)
    expect(mayViewPasscode({ id: 't', role: 'technician' }, null)).toBe(false)
    expect(mayViewPasscode({ id: 'f', role: 'front_desk' }, 'f')).toBe(false)
    expect(mayViewPasscode({ id: 'w', role: 'warehouse_clerk' }, 'w')).toBe(false)
  })
})

describe('passcodes through the service', () => {
  const shop = staffedShopPerFile()

  it('is withheld from the front desk, the warehouse and any technician not on the job; the assigned technician and managers see it', async () => {
    const { app, adminToken, staff } = shop()
    const { id, order: asCreated } = await openOrder(app, staff.frontDesk.token, {
      passcode: { consent: true, value: PASSCODE }
    })
    // Even the clerk who typed it in does not get it back.
    expect(asCreated).toMatchObject({ hasPasscode: true, passcode: null })

    const seenBy = async (token: string) => {
      const order = await callOk(app, 'workOrders.get', { id }, token)
      return { hasPasscode: order.hasPasscode, passcode: order.passcode }
    }
    const hidden = { hasPasscode: true, passcode: null }
    const shown = { hasPasscode: true, passcode: PASSCODE }

    expect(await seenBy(staff.frontDesk.token)).toEqual(hidden)
    expect(await seenBy(staff.clerk.token)).toEqual(hidden)
    expect(await seenBy(staff.techA.token)).toEqual(hidden) // not yet assigned
    expect(await seenBy(staff.manager.token)).toEqual(shown)
    expect(await seenBy(adminToken)).toEqual(shown)

    const assigned = await callOk(
      app,
      'workOrders.assign',
      { id, technicianId: staff.techA.user.id },
      staff.frontDesk.token
    )
    expect(assigned.passcode).toBeNull() // the answer goes to the front desk
    expect(await seenBy(staff.techA.token)).toEqual(shown)
    expect(await seenBy(staff.techB.token)).toEqual(hidden)
    expect(await seenBy(staff.frontDesk.token)).toEqual(hidden)

    // Reassigned, it follows the job to the new technician.
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techB.user.id }, staff.manager.token)
    expect(await seenBy(staff.techA.token)).toEqual(hidden)
    expect(await seenBy(staff.techB.token)).toEqual(shown)
    expect(await seenBy(staff.manager.token)).toEqual(shown)
  })

  it('a technician who takes a job by starting the diagnosis sees it in the answer', async () => {
    const { app, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token, { passcode: { consent: true, value: PASSCODE } })
    const started = await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techA.token)
    expect(started.passcode).toBe(PASSCODE)
    expect((await callOk(app, 'workOrders.get', { id }, staff.techB.token)).passcode).toBeNull()
  })

  it('never reaches the audit trail or the outbox, whatever happens to the order', async () => {
    const { app, adminToken, staff } = shop()
    const { id, claimCode } = await openOrder(app, staff.frontDesk.token, {
      serviceType: 'warranty_repair',
      passcode: { consent: true, value: PASSCODE }
    })
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'] as const) {
      await callOk(app, 'workOrders.transition', { id, to }, staff.techA.token)
    }
    await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)
    await callOk(app, 'workOrders.reopen', { id, reason: '复发' }, adminToken)

    const audit = app.sqlite.prepare('SELECT before_json, after_json FROM audit_log WHERE entity_id = ?').all(id)
    const outbox = app.sqlite.prepare('SELECT payload_json FROM outbox WHERE entity_id = ?').all(id)
    expect(audit.length).toBeGreaterThanOrEqual(7)
    expect(outbox.length).toBeGreaterThanOrEqual(7)
    // It is known there was one, but not what it was; nor is the claim code sent on.
    expect(JSON.stringify(audit)).toContain('hasPasscode')
    for (const table of ['audit_log', 'outbox', 'work_order_events']) {
      const text = JSON.stringify(app.sqlite.prepare(`SELECT * FROM ${table}`).all())
      expect(text, table).not.toContain(PASSCODE)
      if (table === 'work_order_events') continue
      expect(text, table).not.toMatch(/\\?"passcode\\?"/)
      expect(text, table).not.toMatch(/\\?"claimCode\\?"/)
    }
  })

  it('is refused without the customer’s consent, and none is kept when consent is given but nothing typed', async () => {
    const { app, staff } = shop()
    const ordersBefore = countRows(app, 'work_orders')
    const customersBefore = countRows(app, 'customers')
    const error = await callError(
      app,
      'workOrders.create',
      intakeWith({ consent: false, value: PASSCODE }),
      staff.frontDesk.token
    )
    expect(error.code).toBe('VALIDATION')
    expect(error.details?.fields).toEqual([{ path: 'passcode.value', messageKey: 'validation.passcodeWithoutConsent' }])
    expect(countRows(app, 'work_orders')).toBe(ordersBefore)
    expect(countRows(app, 'customers')).toBe(customersBefore)

    const { order } = await openOrder(app, staff.frontDesk.token, { passcode: { consent: true, value: '' } })
    expect(order).toMatchObject({ hasPasscode: false, passcode: null })
    const { order: declined } = await openOrder(app, staff.frontDesk.token, { passcode: { consent: false } })
    expect(declined.hasPasscode).toBe(false)
    expect((await callOk(app, 'workOrders.get', { id: declined.id }, staff.manager.token)).passcode).toBeNull()
  })
})

function intakeWith(passcode: { consent: boolean; value: string }) {
  return {
    customer: { kind: 'new', fields: { name: '赵六', mobile: '13712345678' } },
    device: { kind: 'new', fields: { brand: '小米', model: '14', serial: 'NOCONSENT1' } },
    serviceType: 'paid_repair',
    intakeChannel: 'walk_in',
    reportedFault: '屏幕碎',
    condition: { scratches: false, cracks: true, liquidMarks: false },
    accessories: { items: [] },
    passcode
  }
}
