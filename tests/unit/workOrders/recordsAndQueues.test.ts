import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk } from '../helpers'
import { driveTo, intake, openOrder, setApprovalThreshold, staffedShopPerFile, uniqueSerial } from './fixtures'

describe('the manager queue, the audit trail and who ends up with a job', () => {
  const shop = staffedShopPerFile()

  it('the approvals queue leaves out quotes the customer refused, and lists the oldest quote first', async () => {
    const { app, adminToken, staff, clock } = shop()
    await setApprovalThreshold(app, adminToken, 0)
    const quoteFor = async () => {
      const { id } = await driveTo(app, staff.manager.token, 'diagnosing', { paid: true })
      await callOk(app, 'workOrders.quote', { id, labourFen: 100, partsFen: 100, discountFen: 0 }, staff.manager.token)
      clock.advance(60_000)
      return id
    }
    const older = await quoteFor()
    const refused = await quoteFor()
    const newer = await quoteFor()
    await callOk(
      app,
      'workOrders.customerDecision',
      { id: refused, approved: false, channel: 'phone' },
      staff.frontDesk.token
    )
    // A later change to the older order does not make its quote younger.
    await callOk(
      app,
      'workOrders.updateNotes',
      { id: older, internalNote: '客户催了', customerNote: '' },
      staff.manager.token
    )
    const queue = (await callOk(app, 'workOrders.approvals', {}, staff.manager.token)).map((order) => order.id)
    expect(queue.filter((id) => [older, refused, newer].includes(id))).toEqual([older, newer])
    expect((await callOk(app, 'workOrders.get', { id: refused }, staff.manager.token)).can.managerDecision).toBe(false)
  })

  it('a discount larger than the work and parts is refused', async () => {
    const { app, staff } = shop()
    const { id } = await driveTo(app, staff.manager.token, 'diagnosing', { paid: true })
    const error = await callError(
      app,
      'workOrders.quote',
      { id, labourFen: 100, partsFen: 0, discountFen: 50_000 },
      staff.manager.token
    )
    expect(error).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'discountFen', messageKey: 'validation.discountTooLarge' }] }
    })
  })

  it('labour and quotes are part of what the audit trail and HQ receive', async () => {
    const { app, staff } = shop()
    const { id } = await driveTo(app, staff.manager.token, 'diagnosing', { paid: true })
    await callOk(
      app,
      'workOrders.addLabour',
      { id, description: '更换尾插', minutes: 40, priceFen: 12_000 },
      staff.manager.token
    )
    const added = auditRows(app, 'workOrders.addLabour').find((row) => row.entityId === id)!
    expect((added.before as { labour: unknown[] }).labour).toEqual([])
    expect((added.after as { labour: unknown[] }).labour).toMatchObject([{ description: '更换尾插', priceFen: 12_000 }])
    await callOk(
      app,
      'workOrders.quote',
      { id, labourFen: 12_000, partsFen: 3_000, discountFen: 0 },
      staff.manager.token
    )
    const outbox = app.sqlite
      .prepare(
        "SELECT payload_json FROM outbox WHERE entity = 'work_order' AND entity_id = ? ORDER BY seq DESC LIMIT 1"
      )
      .get(id) as { payload_json: string }
    expect(JSON.parse(outbox.payload_json)).toMatchObject({
      quote: { totalFen: 15_000 },
      labour: [{ priceFen: 12_000 }]
    })
    expect(outbox.payload_json).not.toContain('claim')
  })

  it('a technician who moves an unassigned job at any step takes it', async () => {
    const { app, staff } = shop()
    const { id } = await driveTo(app, staff.manager.token, 'diagnosing')
    expect((await callOk(app, 'workOrders.get', { id }, staff.manager.token)).technicianId).toBeNull()
    const moved = await callOk(app, 'workOrders.transition', { id, to: 'repairing' }, staff.techB.token)
    expect(moved.technicianId).toBe(staff.techB.user.id)
  })

  it('a duplicate serial typed at check-in is reported on the device field, with the known device offered', async () => {
    const { app, staff } = shop()
    const serial = uniqueSerial()
    const first = await openOrder(app, staff.frontDesk.token, {
      device: { kind: 'new', fields: { brand: 'OPPO', model: 'Reno 11', serial } }
    })
    const error = await callError(
      app,
      'workOrders.create',
      intake({ device: { kind: 'new', fields: { brand: 'OPPO', model: 'Reno 11', serial: serial.toLowerCase() } } }),
      staff.frontDesk.token
    )
    expect(error).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.duplicateSerial',
      details: { existing: { id: first.order.device.id }, fields: [{ path: 'device.fields.serial' }] }
    })
  })
})
