import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk, MINUTE } from '../helpers'
import { driveTo, rowsAbout, staffedShopPerFile } from './fixtures'

describe('a closed work order’s notes', () => {
  const shop = staffedShopPerFile()

  it('stay as they stood at the close; what comes later is added beside them, marked as after the close', async () => {
    const { app, adminToken, clock, staff } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, 'ready_for_pickup')
    const notes = { internalNote: '换了屏幕', customerNote: '屏幕保修三个月' }
    await callOk(app, 'workOrders.updateNotes', { id, ...notes }, staff.frontDesk.token)
    const pickedUp = await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)
    expect(pickedUp.can).toMatchObject({ editNotes: false, addNoteAfterClose: true })

    // The customer's documents printed the notes as they were: they are not rewritten.
    const rowsBefore = rowsAbout(app, id)
    const rewrite = { id, internalNote: '客户来电说屏幕有亮点', customerNote: '' }
    expect(await callError(app, 'workOrders.updateNotes', rewrite, staff.frontDesk.token)).toMatchObject({
      code: 'READ_ONLY',
      messageKey: 'errors.notesKeptAtClose'
    })
    expect(rowsAbout(app, id)).toEqual(rowsBefore)

    clock.advance(3 * MINUTE)
    const note = '客户来电：屏幕左上角有亮点，约好明天带来看'
    const after = await callOk(app, 'workOrders.addNoteAfterClose', { id, note }, staff.frontDesk.token)
    expect(after).toMatchObject({ status: 'picked_up', ...notes })
    expect(after.events.at(-1)).toMatchObject({
      kind: 'note_after_close',
      note,
      at: clock.now().toISOString(),
      actorName: staff.frontDesk.user.displayName
    })
    // One change: its timeline line, its audit row and the work order's outbox row.
    expect(rowsAbout(app, id)).toEqual({
      events: rowsBefore.events + 1,
      audit: rowsBefore.audit + 1,
      outbox: rowsBefore.outbox + 1
    })
    expect(auditRows(app, 'workOrders.addNoteAfterClose')).toEqual([
      expect.objectContaining({ actorId: staff.frontDesk.user.id, entity: 'work_order', entityId: id })
    ])
  })

  it('is for a closed order only: an open one edits its notes', async () => {
    const { app, adminToken } = shop()
    const { id, order } = await driveTo(app, adminToken, 'repairing')
    expect(order.can).toMatchObject({ editNotes: true, addNoteAfterClose: false })
    const rowsBefore = rowsAbout(app, id)
    expect(await callError(app, 'workOrders.addNoteAfterClose', { id, note: '补记' }, adminToken)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.workOrderStillOpen'
    })
    expect(rowsAbout(app, id)).toEqual(rowsBefore)
  })

  it('may be added by whoever may write the job’s notes: not another technician, not the warehouse; never empty', async () => {
    const { app, adminToken, staff } = shop()
    const { id } = await driveTo(app, adminToken, 'diagnosing')
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, adminToken)
    await callOk(app, 'workOrders.transition', { id, to: 'cancelled', reason: '客户不修了' }, adminToken)
    const rowsBefore = rowsAbout(app, id)

    const other = await callOk(app, 'workOrders.get', { id }, staff.techB.token)
    expect(other.can.addNoteAfterClose).toBe(false)
    const note = { id, note: '客户又打电话问能不能修' }
    expect(await callError(app, 'workOrders.addNoteAfterClose', note, staff.techB.token)).toMatchObject({
      code: 'FORBIDDEN',
      messageKey: 'errors.notYourJob'
    })
    expect(await callError(app, 'workOrders.addNoteAfterClose', note, staff.clerk.token)).toMatchObject({
      code: 'FORBIDDEN'
    })
    expect(await callError(app, 'workOrders.addNoteAfterClose', { id, note: '   ' }, staff.techA.token)).toMatchObject({
      code: 'VALIDATION'
    })
    expect(rowsAbout(app, id)).toEqual(rowsBefore)

    const added = await callOk(app, 'workOrders.addNoteAfterClose', note, staff.techA.token)
    expect(added.events.at(-1)).toMatchObject({ kind: 'note_after_close', actorName: staff.techA.user.displayName })
  })
})
