import { describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { auditRows, callError, callOk, countRows, freshShopPerTest } from '../helpers'
import { intake, uniqueMobile } from './fixtures'

const shop = freshShopPerTest()

interface OutboxRow {
  entity: string
  entityId: string
  payload: Record<string, unknown>
}

function outboxRows(app: AppContext): OutboxRow[] {
  const rows = app.sqlite.prepare('SELECT entity, entity_id, payload_json FROM outbox ORDER BY seq').all() as {
    entity: string
    entity_id: string
    payload_json: string
  }[]
  return rows.map((row) => ({ entity: row.entity, entityId: row.entity_id, payload: JSON.parse(row.payload_json) }))
}

describe('what each change leaves behind', () => {
  it('a check-in of a new customer and device writes an audit row and an outbox row for each of the three records', async () => {
    const { app, adminToken, adminId } = await shop()
    const auditBefore = countRows(app, 'audit_log')
    const outboxBefore = countRows(app, 'outbox')
    const { workOrder } = await callOk(app, 'workOrders.create', intake(), adminToken)

    const audit = auditRows(app).slice(auditBefore)
    expect(audit.map((row) => [row.action, row.entity, row.entityId])).toEqual([
      ['customers.create', 'customer', workOrder.customer.id],
      ['devices.create', 'device', workOrder.device.id],
      ['workOrders.create', 'work_order', workOrder.id]
    ])
    for (const row of audit) expect(row.actorId).toBe(adminId)
    const outbox = outboxRows(app).slice(outboxBefore)
    expect(outbox.map((row) => [row.entity, row.entityId])).toEqual([
      ['customer', workOrder.customer.id],
      ['device', workOrder.device.id],
      ['work_order', workOrder.id]
    ])
    expect(outbox[2]!.payload).toMatchObject({ number: workOrder.number, status: 'received', hasPasscode: true })
  })

  it('every change to a work order writes exactly one audit row and one outbox row, with the state before and after', async () => {
    const { app, adminToken } = await shop()
    const { workOrder } = await callOk(app, 'workOrders.create', intake(), adminToken)
    const id = workOrder.id

    const steps: [string, () => Promise<unknown>][] = [
      ['workOrders.transition', () => callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, adminToken)],
      [
        'workOrders.diagnose',
        () =>
          callOk(
            app,
            'workOrders.diagnose',
            { id, faultLocationCode: 'L02', faultCauseCode: 'C04', diagnosis: '屏幕碎裂' },
            adminToken
          )
      ],
      [
        'workOrders.addLabour',
        () =>
          callOk(
            app,
            'workOrders.addLabour',
            { id, description: '更换屏幕', minutes: 45, priceFen: 15_000 },
            adminToken
          )
      ],
      [
        'workOrders.removeLabour',
        async () => {
          const order = await callOk(app, 'workOrders.get', { id }, adminToken)
          return callOk(app, 'workOrders.removeLabour', { id, labourId: order.labour[0]!.id }, adminToken)
        }
      ],
      [
        'workOrders.updateNotes',
        () =>
          callOk(
            app,
            'workOrders.updateNotes',
            { id, internalNote: '客户很急', customerNote: '保修三个月' },
            adminToken
          )
      ],
      [
        'workOrders.quote',
        () => callOk(app, 'workOrders.quote', { id, labourFen: 15_000, partsFen: 120_000, discountFen: 0 }, adminToken)
      ],
      [
        'workOrders.customerDecision',
        () => callOk(app, 'workOrders.customerDecision', { id, approved: true, channel: 'phone' }, adminToken)
      ],
      [
        'workOrders.managerDecision',
        () => callOk(app, 'workOrders.managerDecision', { id, approved: true }, adminToken)
      ],
      ['workOrders.assign', () => callOk(app, 'workOrders.assign', { id, technicianId: null }, adminToken)]
    ]
    for (const [action, step] of steps) {
      const auditBefore = countRows(app, 'audit_log')
      const outboxBefore = countRows(app, 'outbox')
      await step()
      const audit = auditRows(app).slice(auditBefore)
      expect(
        audit.map((row) => [row.action, row.entityId]),
        action
      ).toEqual([[action, id]])
      expect(
        outboxRows(app)
          .slice(outboxBefore)
          .map((row) => [row.entity, row.entityId]),
        action
      ).toEqual([['work_order', id]])
    }

    const [transition] = auditRows(app, 'workOrders.transition')
    expect(transition!.before).toMatchObject({ status: 'received' })
    expect(transition!.after).toMatchObject({ status: 'diagnosing' })
    const [diagnosis] = auditRows(app, 'workOrders.diagnose')
    expect(diagnosis!.after).toMatchObject({ faultLocationCode: 'L02', faultCauseCode: 'C04', diagnosis: '屏幕碎裂' })
    const detail = await callOk(app, 'workOrders.get', { id }, adminToken)
    expect(detail).toMatchObject({ internalNote: '客户很急', customerNote: '保修三个月', labour: [] })
    expect(detail.events.map((event) => event.kind)).toEqual([
      'created',
      'status',
      'diagnosed',
      'labour_added',
      'labour_removed',
      'notes',
      'quoted',
      'customer_approved',
      'manager_approved',
      'unassigned'
    ])
  })

  it('a check-in refused part-way writes nothing at all: the customer made earlier in it is rolled back too', async () => {
    const { app, adminToken } = await shop()
    const first = await callOk(app, 'workOrders.create', intake(), adminToken)
    const tables = [
      'customers',
      'devices',
      'work_orders',
      'work_order_events',
      'audit_log',
      'outbox',
      'number_sequences'
    ]
    const before = Object.fromEntries(tables.map((table) => [table, countRows(app, table)]))
    const sequenceBefore = app.sqlite.prepare('SELECT last_value FROM number_sequences').all()

    // A new customer, then a device whose serial the shop already has.
    const error = await callError(
      app,
      'workOrders.create',
      intake({
        device: {
          kind: 'new',
          fields: { brand: '华为', model: 'Mate 60', serial: first.workOrder.device.serial!.toLowerCase() }
        }
      }),
      adminToken
    )
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.duplicateSerial' })
    expect(error.details?.existing).toMatchObject({ id: first.workOrder.device.id })
    expect(Object.fromEntries(tables.map((table) => [table, countRows(app, table)]))).toEqual(before)
    expect(app.sqlite.prepare('SELECT last_value FROM number_sequences').all()).toEqual(sequenceBefore)
  })

  it('checking in a device someone else owned hands it to the new customer and says so in the trail', async () => {
    const { app, adminToken } = await shop()
    const first = await callOk(app, 'workOrders.create', intake(), adminToken)
    // Sold on with its job cancelled: a device on an open job cannot be booked in again.
    await callOk(
      app,
      'workOrders.transition',
      { id: first.workOrder.id, to: 'cancelled', reason: '客户不修了' },
      adminToken
    )
    const second = await callOk(
      app,
      'workOrders.create',
      intake({
        customer: { kind: 'new', fields: { name: '二手买家', mobile: uniqueMobile() } },
        device: { kind: 'existing', id: first.workOrder.device.id }
      }),
      adminToken
    )
    expect(second.workOrder.device).toMatchObject({
      id: first.workOrder.device.id,
      customerId: second.workOrder.customerId
    })
    const [transfer] = auditRows(app, 'devices.transfer')
    expect(transfer!.before).toMatchObject({ customerId: first.workOrder.customerId })
    expect(transfer!.after).toMatchObject({ customerId: second.workOrder.customerId })
    // The earlier job stays with the customer who brought it in.
    expect((await callOk(app, 'workOrders.get', { id: first.workOrder.id }, adminToken)).customerId).toBe(
      first.workOrder.customerId
    )
    const history = await callOk(app, 'devices.history', { id: first.workOrder.device.id }, adminToken)
    expect(history.map((row) => row.id).sort()).toEqual([first.workOrder.id, second.workOrder.id].sort())
  })
})
