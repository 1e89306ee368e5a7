import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk, countRows, MINUTE } from '../helpers'
import { driveTo, openOrder, rowsAbout, staffedShopPerFile, uniqueMobile } from './fixtures'

describe('handing a repaired device back', () => {
  const shop = staffedShopPerFile()

  it('a wrong claim code is refused with CLAIM_CODE_MISMATCH and changes nothing', async () => {
    const { app, adminToken, staff } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, 'ready_for_pickup')
    const before = await callOk(app, 'workOrders.get', { id }, staff.frontDesk.token)
    const rowsBefore = rowsAbout(app, id)
    const wrong = claimCode === '000000' ? '000001' : '000000'

    const error = await callError(
      app,
      'workOrders.pickup',
      { id, claimCode: wrong, confirmed: true },
      staff.frontDesk.token
    )
    expect(error).toMatchObject({ code: 'CLAIM_CODE_MISMATCH', messageKey: 'errors.claimCodeMismatch' })
    // A right phone does not rescue a wrong code: the code, once given, is what is checked.
    const mobile = before.customer.mobile!
    expect(
      await callError(
        app,
        'workOrders.pickup',
        { id, claimCode: wrong, phone: mobile, confirmed: true },
        staff.frontDesk.token
      )
    ).toMatchObject({
      code: 'CLAIM_CODE_MISMATCH'
    })

    const after = await callOk(app, 'workOrders.get', { id }, staff.frontDesk.token)
    expect(after).toEqual(before)
    // Nothing about the order changed; each refusal only left an audit trace.
    expect(rowsAbout(app, id)).toEqual({ ...rowsBefore, audit: rowsBefore.audit + 2 })
    expect(auditRows(app, 'workOrders.pickupRefused').filter((row) => row.entityId === id)).toHaveLength(2)
  })

  it('after five wrong proofs in half an hour the counter has to wait, even with the right code', async () => {
    const { app, adminToken, staff, clock } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, 'ready_for_pickup')
    const wrong = claimCode === '000000' ? '000001' : '000000'
    for (let i = 0; i < 5; i++)
      await callError(app, 'workOrders.pickup', { id, claimCode: wrong, confirmed: true }, staff.frontDesk.token)
    const blocked = await callError(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)
    expect(blocked).toMatchObject({ code: 'CLAIM_CODE_MISMATCH', messageKey: 'errors.tooManyWrongProofs' })
    clock.advance(31 * MINUTE)
    expect(
      (await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)).status
    ).toBe('picked_up')
  })

  it('the right claim code hands it over, recording who and when, and leaves the order read-only', async () => {
    const { app, adminToken, staff, clock } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, 'ready_for_pickup')
    clock.advance(MINUTE)
    const pickedUp = await callOk(
      app,
      'workOrders.pickup',
      { id, claimCode: ` ${claimCode} `, confirmed: true },
      staff.frontDesk.token
    )
    expect(pickedUp).toMatchObject({
      status: 'picked_up',
      readOnly: true,
      pickedUpAt: clock.now().toISOString(),
      allowedTransitions: []
    })
    expect(pickedUp.events.at(-1)).toMatchObject({
      kind: 'status',
      fromStatus: 'ready_for_pickup',
      toStatus: 'picked_up',
      note: 'claim_code',
      actorName: staff.frontDesk.user.displayName
    })

    const rowsBefore = rowsAbout(app, id)
    const edits = [
      () => callError(app, 'workOrders.updateNotes', { id, internalNote: '补记', customerNote: '' }, adminToken),
      () => callError(app, 'workOrders.addLabour', { id, description: '返工', minutes: 10, priceFen: 0 }, adminToken),
      () =>
        callError(
          app,
          'workOrders.diagnose',
          { id, faultLocationCode: 'L01', faultCauseCode: null, diagnosis: '' },
          adminToken
        ),
      () => callError(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, adminToken),
      () => callError(app, 'workOrders.quote', { id, labourFen: 1, partsFen: 0, discountFen: 0 }, adminToken)
    ]
    for (const edit of edits) expect(await edit()).toMatchObject({ code: 'READ_ONLY' })
    expect(
      await callError(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)
    ).toMatchObject({
      code: 'INVALID_TRANSITION'
    })
    expect(rowsAbout(app, id)).toEqual(rowsBefore)
  })

  it('the customer’s phone, as typed at the counter, works instead of a lost receipt; a stranger’s does not', async () => {
    const { app, adminToken, staff } = shop()
    const mobile = uniqueMobile()
    const { id } = await openOrder(app, staff.frontDesk.token, {
      serviceType: 'warranty_repair',
      customer: { kind: 'new', fields: { name: '李四', mobile, otherPhones: ['010-6552 7001'] } }
    })
    for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'] as const) {
      await callOk(app, 'workOrders.transition', { id, to }, adminToken)
    }
    const stranger = await callError(
      app,
      'workOrders.pickup',
      { id, phone: uniqueMobile(), confirmed: true },
      staff.frontDesk.token
    )
    expect(stranger).toMatchObject({ code: 'CLAIM_CODE_MISMATCH', messageKey: 'errors.phoneMismatch' })
    // Part of the right number is not the number.
    expect(
      await callError(app, 'workOrders.pickup', { id, phone: mobile.slice(-4), confirmed: true }, staff.frontDesk.token)
    ).toMatchObject({
      code: 'CLAIM_CODE_MISMATCH'
    })
    expect((await callOk(app, 'workOrders.get', { id }, adminToken)).status).toBe('ready_for_pickup')

    const spaced = `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`
    const pickedUp = await callOk(
      app,
      'workOrders.pickup',
      { id, phone: spaced, confirmed: true },
      staff.frontDesk.token
    )
    expect(pickedUp.status).toBe('picked_up')
    expect(pickedUp.events.at(-1)!.note).toBe('phone')
  })

  it('another phone on the customer’s file also proves the device is theirs', async () => {
    const { app, adminToken, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token, {
      serviceType: 'warranty_repair',
      customer: { kind: 'new', fields: { name: '王五', mobile: '', otherPhones: ['010-6552 7002'] } }
    })
    for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'] as const) {
      await callOk(app, 'workOrders.transition', { id, to }, adminToken)
    }
    expect(
      (await callOk(app, 'workOrders.pickup', { id, phone: '01065527002', confirmed: true }, staff.frontDesk.token))
        .status
    ).toBe('picked_up')
  })

  it('a “phone” without digits proves nothing, even when a number on file has none either', async () => {
    const { app, adminToken, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token, {
      serviceType: 'warranty_repair',
      customer: { kind: 'new', fields: { name: '赵七', mobile: '', otherPhones: ['( - )'] } }
    })
    for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'] as const) {
      await callOk(app, 'workOrders.transition', { id, to }, adminToken)
    }
    for (const phone of ['none', '-', '( - )']) {
      expect(
        await callError(app, 'workOrders.pickup', { id, phone, confirmed: true }, staff.frontDesk.token),
        phone
      ).toMatchObject({
        code: 'CLAIM_CODE_MISMATCH'
      })
    }
    expect((await callOk(app, 'workOrders.get', { id }, adminToken)).status).toBe('ready_for_pickup')
  })

  it('hand-over needs a claim code or phone, the desk’s confirmation, and a desk role', async () => {
    const { app, adminToken, staff } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, 'ready_for_pickup')
    const neither = await callError(app, 'workOrders.pickup', { id, confirmed: true }, staff.frontDesk.token)
    expect(neither.code).toBe('VALIDATION')
    expect(neither.details?.fields).toEqual([{ path: 'claimCode', messageKey: 'validation.claimCodeOrPhone' }])
    expect(
      (await callError(app, 'workOrders.pickup', { id, claimCode, confirmed: false }, staff.frontDesk.token)).code
    ).toBe('VALIDATION')
    expect((await callError(app, 'workOrders.pickup', { id, claimCode }, staff.frontDesk.token)).code).toBe(
      'VALIDATION'
    )
    for (const token of [staff.techA.token, staff.clerk.token]) {
      expect((await callError(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, token)).code).toBe(
        'FORBIDDEN'
      )
    }
    expect((await callOk(app, 'workOrders.get', { id }, adminToken)).status).toBe('ready_for_pickup')
  })

  it('a manager’s reopen opens a new warranty order linked both ways; the old one stays as it was', async () => {
    const { app, adminToken, staff } = shop()
    const old = await driveTo(app, adminToken, 'picked_up')
    const oldBefore = await callOk(app, 'workOrders.get', { id: old.id }, adminToken)

    for (const token of [staff.frontDesk.token, staff.techA.token]) {
      expect((await callError(app, 'workOrders.reopen', { id: old.id, reason: '同一故障复发' }, token)).code).toBe(
        'FORBIDDEN'
      )
    }
    const ordersBefore = countRows(app, 'work_orders')
    const { workOrder, claimCode } = await callOk(
      app,
      'workOrders.reopen',
      { id: old.id, reason: '同一故障复发' },
      staff.manager.token
    )
    expect(countRows(app, 'work_orders')).toBe(ordersBefore + 1)
    expect(workOrder).toMatchObject({
      status: 'received',
      serviceType: 'warranty_repair',
      reportedFault: '同一故障复发',
      customerId: oldBefore.customerId,
      reopenedFrom: { id: old.id, number: oldBefore.number },
      reopenedAs: [],
      readOnly: false
    })
    expect(workOrder.device.id).toBe(oldBefore.device.id)
    expect(workOrder.number).not.toBe(oldBefore.number)
    expect(workOrder.number).toMatch(/^WO-\d{6}-\d{4}$/)
    expect(claimCode).toMatch(/^\d{6}$/)
    expect(workOrder.events.map((event) => event.kind)).toEqual(['reopened'])

    const oldAfter = await callOk(app, 'workOrders.get', { id: old.id }, adminToken)
    expect(oldAfter.reopenedAs).toEqual([{ id: workOrder.id, number: workOrder.number }])
    // Its only new line is the pointer to the comeback on its timeline.
    expect(oldAfter.events.at(-1)).toMatchObject({ kind: 'reopened_as', note: workOrder.number })
    // and, its comeback opened, it is not offered for reopening again (issue 11, item 9).
    expect(oldAfter.can.reopen).toBe(false)
    expect({
      ...oldAfter,
      reopenedAs: [],
      events: oldAfter.events.slice(0, -1),
      can: { ...oldAfter.can, reopen: true }
    }).toEqual(oldBefore)

    // Only a picked-up order comes back this way.
    const open = await driveTo(app, adminToken, 'ready_for_pickup')
    expect(
      await callError(app, 'workOrders.reopen', { id: open.id, reason: '复发' }, staff.manager.token)
    ).toMatchObject({
      code: 'INVALID_TRANSITION'
    })
    const cancelled = await driveTo(app, adminToken, 'cancelled')
    expect(
      await callError(app, 'workOrders.reopen', { id: cancelled.id, reason: '复发' }, staff.manager.token)
    ).toMatchObject({
      code: 'INVALID_TRANSITION'
    })
  })
})
