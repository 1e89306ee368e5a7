import { describe, expect, it } from 'vitest'
import { normalizePhone } from '../../../src-shared/domain/phone'
import { callError, callOk } from '../helpers'
import { intake, staffedShopPerFile, uniqueMobile } from '../workOrders/fixtures'

describe('a merge keeps every phone searchable', () => {
  const shop = staffedShopPerFile()

  it('eight phones between two customers: after the merge each finds the kept customer in search, the duplicate check and hand-over by phone', async () => {
    const { app, adminToken, staff } = shop()
    const keepPhones = ['010-6552 7001', '010-6552 7002', '010-6552 7003', '010-6552 7004']
    const mergePhones = ['021-6552 7005', '021-6552 7006']
    const keep = await callOk(
      app,
      'customers.create',
      { name: '周芷若', mobile: uniqueMobile(), otherPhones: keepPhones },
      staff.frontDesk.token
    )
    const duplicate = await callOk(
      app,
      'customers.create',
      { name: '周芷若', mobile: uniqueMobile(), otherPhones: mergePhones },
      staff.frontDesk.token
    )
    const everyPhone = [keep.mobile!, ...keepPhones, duplicate.mobile!, ...mergePhones]
    expect(everyPhone).toHaveLength(8)

    const merged = await callOk(app, 'customers.merge', { keepId: keep.id, mergeId: duplicate.id }, staff.manager.token)
    expect([merged.mobile, ...merged.otherPhones].map((phone) => normalizePhone(phone!)).sort()).toEqual(
      everyPhone.map(normalizePhone).sort()
    )
    expect(merged.notes).toBe('')

    for (const phone of everyPhone) {
      const found = await callOk(app, 'customers.search', { query: normalizePhone(phone) }, staff.frontDesk.token)
      expect(
        found.rows.map((row) => row.id),
        phone
      ).toEqual([keep.id])
      // The duplicate check still knows the number.
      expect(
        await callError(app, 'customers.create', { name: '别人', otherPhones: [phone] }, staff.frontDesk.token),
        phone
      ).toMatchObject({ code: 'CONFLICT', details: { existing: { id: keep.id } } })
    }

    // Hand-over by phone: each number proves the device is the kept customer's.
    for (const phone of everyPhone) {
      const { workOrder, claimCode } = await callOk(
        app,
        'workOrders.create',
        intake({ customer: { kind: 'existing', id: keep.id }, serviceType: 'warranty_repair' }),
        adminToken
      )
      expect(claimCode).toMatch(/^\d{6}$/)
      for (const to of ['diagnosing', 'repairing', 'quality_check', 'ready_for_pickup'] as const) {
        await callOk(app, 'workOrders.transition', { id: workOrder.id, to, reason: '' }, adminToken)
      }
      const handedOver = await callOk(
        app,
        'workOrders.pickup',
        { id: workOrder.id, claimCode: '', phone, confirmed: true },
        staff.frontDesk.token
      )
      expect(handedOver.status, phone).toBe('picked_up')
    }

    // The kept customer's record can still be saved as it is shown.
    const { customer } = await callOk(app, 'customers.get', { id: keep.id }, staff.frontDesk.token)
    await callOk(
      app,
      'customers.update',
      {
        id: customer.id,
        name: customer.name,
        mobile: customer.mobile ?? '',
        otherPhones: customer.otherPhones,
        address: customer.address,
        company: customer.company,
        notes: customer.notes,
        tags: customer.tags
      },
      staff.frontDesk.token
    )
  })

  it('a merge that would hold more phones than a record keeps is refused, and nothing moves', async () => {
    const { app, staff } = shop()
    const manyPhones = Array.from({ length: 30 }, (_, i) => `0571-8800 ${String(1000 + i)}`)
    const keep = await callOk(
      app,
      'customers.create',
      { name: '殷离', mobile: uniqueMobile(), otherPhones: manyPhones },
      staff.frontDesk.token
    )
    const duplicate = await callOk(
      app,
      'customers.create',
      { name: '殷离', mobile: uniqueMobile() },
      staff.frontDesk.token
    )
    expect(
      await callError(app, 'customers.merge', { keepId: keep.id, mergeId: duplicate.id }, staff.manager.token)
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.tooManyPhonesToMerge', details: { count: 31, max: 30 } })
    expect((await callOk(app, 'customers.get', { id: duplicate.id }, staff.frontDesk.token)).customer.id).toBe(
      duplicate.id
    )
  })
})
