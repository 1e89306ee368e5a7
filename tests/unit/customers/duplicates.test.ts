import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { isMainlandMobile, normalizePhone } from '../../../src-shared/domain/phone'
import {
  auditRows,
  callError,
  callOk,
  closeApp,
  countRows,
  createUserAndSignIn,
  initializedApp,
  type SignedInUser
} from '../helpers'
import { intake, uniqueSerial } from '../workOrders/fixtures'

describe('phone numbers in the domain', () => {
  it('compares mobiles by their digits, with a +86 or 0086 country code dropped', () => {
    expect(normalizePhone('+86 138 0013 8000')).toBe('13800138000')
    expect(normalizePhone('0086-138-0013-8000')).toBe('13800138000')
    expect(normalizePhone('(138) 0013 8000')).toBe('13800138000')
    expect(normalizePhone('010-6552 1234')).toBe('01065521234')
  })

  it('knows a mainland mobile: 11 digits, 1 then 3–9', () => {
    for (const good of ['13800138000', '+86 199 0000 0000', '15012348000'])
      expect(isMainlandMobile(good), good).toBe(true)
    for (const bad of ['12800138000', '1380013800', '138001380001', '010-65521234', '+1 415 555 0100', '']) {
      expect(isMainlandMobile(bad), bad).toBe(false)
    }
  })
})

describe('customers are found, never duplicated', () => {
  let app: AppContext
  let adminToken: string
  let frontDesk: SignedInUser
  let manager: SignedInUser
  let mobileSeq = 0
  /** A fresh mainland mobile for each test, so tests do not trip over each other's customers. */
  const freshMobile = () => `158${String(++mobileSeq).padStart(8, '0')}`

  beforeAll(async () => {
    ;({ app, adminToken } = await initializedApp())
    ;[frontDesk, manager] = await Promise.all([
      createUserAndSignIn(app, adminToken, 'front_desk'),
      createUserAndSignIn(app, adminToken, 'manager')
    ])
  })
  afterAll(async () => {
    await closeApp(app)
  })

  it('a mobile typed with spaces, dashes or +86 is stored as its 11 digits', async () => {
    const mobile = freshMobile()
    const created = await callOk(
      app,
      'customers.create',
      { name: '张三丰', mobile: `+86 ${mobile.slice(0, 3)}-${mobile.slice(3, 7)}-${mobile.slice(7)}` },
      frontDesk.token
    )
    expect(created.mobile).toBe(mobile)
  })

  it('a customer whose mobile is already on file is refused with the existing customer offered, however it is typed', async () => {
    const mobile = freshMobile()
    const existing = await callOk(
      app,
      'customers.create',
      { name: '张三丰', mobile, company: '武当科技' },
      frontDesk.token
    )
    const before = countRows(app, 'customers')
    const spellings = [
      mobile,
      `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`,
      `+86${mobile}`,
      `+86 ${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`,
      `0086-${mobile}`
    ]
    for (const typed of spellings) {
      const error = await callError(app, 'customers.create', { name: '张三', mobile: typed }, frontDesk.token)
      expect(error, typed).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.duplicateMobile' })
      expect(error.details?.existing).toEqual(existing)
      expect(error.details?.fields).toEqual([{ path: 'mobile', messageKey: 'errors.duplicateMobile' }])
    }
    expect(countRows(app, 'customers')).toBe(before)
  })

  it('a mobile that is not a mainland mobile is refused; other phone formats are kept as other phones', async () => {
    for (const mobile of ['12800138000', '1380013800', '010-65521234', '+1 415 555 0100', 'abc']) {
      const error = await callError(app, 'customers.create', { name: '外地客户', mobile }, frontDesk.token)
      expect(error.code, mobile).toBe('VALIDATION')
      expect(error.details?.fields).toEqual([{ path: 'mobile', messageKey: 'validation.mobile' }])
    }
    const otherPhones = ['010-6552 1234', '+1 (415) 555-0100', '0755-8888 9999']
    const created = await callOk(app, 'customers.create', { name: '外地客户', otherPhones }, frontDesk.token)
    expect(created).toMatchObject({ mobile: null, otherPhones })
    // Other phones identify a customer too: the same landline again offers the existing record.
    const again = await callError(
      app,
      'customers.create',
      { name: '外地客户', otherPhones: ['010 6552 1234'] },
      frontDesk.token
    )
    expect(again).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.duplicatePhone',
      details: { existing: { id: created.id } }
    })
    // ...and so does a mobile that someone already has as an other phone.
    const onFile = await callOk(
      app,
      'customers.create',
      { name: '外地客户二', otherPhones: ['13700137000'] },
      frontDesk.token
    )
    const byMobile = await callError(
      app,
      'customers.create',
      { name: '新客户', mobile: '137 0013 7000' },
      frontDesk.token
    )
    expect(byMobile).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.duplicateMobile',
      details: { existing: { id: onFile.id } }
    })
    const error = await callError(
      app,
      'customers.create',
      { name: '外地客户', otherPhones: ['call me'] },
      frontDesk.token
    )
    expect(error.details?.fields).toEqual([{ path: 'otherPhones.0', messageKey: 'validation.phone' }])
  })

  it('customers without a mobile are not duplicates of one another', async () => {
    const first = await callOk(app, 'customers.create', { name: '无手机' }, frontDesk.token)
    const second = await callOk(app, 'customers.create', { name: '无手机' }, frontDesk.token)
    const third = await callOk(app, 'customers.create', { name: '无手机', mobile: '  ' }, frontDesk.token)
    for (const customer of [first, second, third]) expect(customer.mobile).toBeNull()
  })

  it('a device without a serial is never a duplicate; a known serial, in any case, is refused with the device offered', async () => {
    const owner = await callOk(app, 'customers.create', { name: '设备主人', mobile: freshMobile() }, frontDesk.token)
    const noSerial = [
      await callOk(app, 'devices.create', { customerId: owner.id, brand: '美的', model: 'KFR-26' }, frontDesk.token),
      await callOk(
        app,
        'devices.create',
        { customerId: owner.id, brand: '美的', model: 'KFR-26', serial: '' },
        frontDesk.token
      )
    ]
    for (const device of noSerial) expect(device.serial).toBeNull()
    // Two walk-ins with devices that carry no serial at all.
    for (let i = 0; i < 2; i++) {
      const { workOrder } = await callOk(
        app,
        'workOrders.create',
        intake({
          customer: { kind: 'existing', id: owner.id },
          device: { kind: 'new', fields: { brand: '海尔', model: 'BCD-216' } }
        }),
        frontDesk.token
      )
      expect(workOrder.serial).toBeNull()
    }

    const serial = uniqueSerial()
    const known = await callOk(
      app,
      'devices.create',
      { customerId: owner.id, brand: '华为', model: 'Mate 60', serial },
      frontDesk.token
    )
    const error = await callError(
      app,
      'devices.create',
      { customerId: owner.id, brand: '华为', model: 'Mate 60', serial: serial.toLowerCase() },
      frontDesk.token
    )
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.duplicateSerial' })
    expect(error.details?.existing).toEqual(known)
  })

  it('editing a customer keeps their own mobile but cannot take someone else’s', async () => {
    const first = await callOk(app, 'customers.create', { name: '甲', mobile: freshMobile() }, frontDesk.token)
    const second = await callOk(app, 'customers.create', { name: '乙', mobile: freshMobile() }, frontDesk.token)
    const renamed = await callOk(
      app,
      'customers.update',
      { id: first.id, name: '甲某', mobile: first.mobile! },
      frontDesk.token
    )
    expect(renamed).toMatchObject({ name: '甲某', mobile: first.mobile })
    const error = await callError(
      app,
      'customers.update',
      { id: first.id, name: '甲某', mobile: ` ${second.mobile}` },
      frontDesk.token
    )
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.duplicateMobile' })
    expect(error.details?.existing).toMatchObject({ id: second.id })
  })

  it('a check-in with a “new” customer whose mobile is on file is refused the same way and creates nothing', async () => {
    const mobile = freshMobile()
    const existing = await callOk(app, 'customers.create', { name: '张三丰', mobile }, frontDesk.token)
    const tables = ['customers', 'devices', 'work_orders', 'audit_log', 'outbox']
    const before = tables.map((table) => countRows(app, table))

    const error = await callError(
      app,
      'workOrders.create',
      intake({ customer: { kind: 'new', fields: { name: '张三丰', mobile: `+86 ${mobile}` } } }),
      frontDesk.token
    )
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.duplicateMobile' })
    expect(error.details?.existing).toEqual(existing)
    const invalid = await callError(
      app,
      'workOrders.create',
      intake({ customer: { kind: 'new', fields: { name: '张三丰', mobile: '1234' } } }),
      frontDesk.token
    )
    expect(invalid.code).toBe('VALIDATION')
    expect(invalid.details?.fields).toEqual([{ path: 'customer.fields.mobile', messageKey: 'validation.mobile' }])
    expect(tables.map((table) => countRows(app, table))).toEqual(before)

    // The desk then picks the customer offered.
    const { workOrder } = await callOk(
      app,
      'workOrders.create',
      intake({ customer: { kind: 'existing', id: existing.id } }),
      frontDesk.token
    )
    expect(workOrder.customer.id).toBe(existing.id)
  })

  it('only a manager may merge two customers', async () => {
    const keep = await callOk(app, 'customers.create', { name: '甲', mobile: freshMobile() }, frontDesk.token)
    const merge = await callOk(app, 'customers.create', { name: '甲', mobile: freshMobile() }, frontDesk.token)
    const before = countRows(app, 'audit_log')
    expect(
      await callError(app, 'customers.merge', { keepId: keep.id, mergeId: merge.id }, frontDesk.token)
    ).toMatchObject({ code: 'FORBIDDEN' })
    expect(await callError(app, 'customers.merge', { keepId: keep.id, mergeId: keep.id }, manager.token)).toMatchObject(
      {
        code: 'VALIDATION',
        details: { fields: [{ path: 'mergeId', messageKey: 'validation.mergeSame' }] }
      }
    )
    expect(countRows(app, 'audit_log')).toBe(before)
    expect((await callOk(app, 'customers.get', { id: merge.id }, frontDesk.token)).customer.id).toBe(merge.id)
  })

  it('merging moves devices and work orders to the customer kept, keeps all their history and phones, and is audited', async () => {
    const keepMobile = freshMobile()
    const mergeMobile = freshMobile()
    const kept = await callOk(
      app,
      'workOrders.create',
      intake({ customer: { kind: 'new', fields: { name: '张三丰', mobile: keepMobile, tags: ['VIP'] } } }),
      frontDesk.token
    )
    const merged = await callOk(
      app,
      'workOrders.create',
      intake({
        customer: {
          kind: 'new',
          fields: {
            name: '张三丰',
            mobile: mergeMobile,
            otherPhones: ['010-6552 8001'],
            company: '武当科技',
            tags: ['经销商'],
            notes: '老客户'
          }
        },
        serviceType: 'warranty_repair'
      }),
      frontDesk.token
    )
    const keepId = kept.workOrder.customerId
    const mergeId = merged.workOrder.customerId
    await callOk(app, 'workOrders.transition', { id: merged.workOrder.id, to: 'diagnosing' }, manager.token)
    const mergedOrderBefore = await callOk(app, 'workOrders.get', { id: merged.workOrder.id }, manager.token)

    const result = await callOk(app, 'customers.merge', { keepId, mergeId }, manager.token)
    expect(result).toMatchObject({
      id: keepId,
      name: '张三丰',
      mobile: keepMobile,
      otherPhones: [mergeMobile, '010-6552 8001'],
      company: '武当科技',
      notes: '老客户',
      tags: ['VIP', '经销商']
    })

    const file = await callOk(app, 'customers.get', { id: keepId }, frontDesk.token)
    expect(file.devices.map((device) => device.id).sort()).toEqual(
      [kept.workOrder.device.id, merged.workOrder.device.id].sort()
    )
    expect(file.workOrders.map((order) => order.id).sort()).toEqual([kept.workOrder.id, merged.workOrder.id].sort())
    expect(await callError(app, 'customers.get', { id: mergeId }, frontDesk.token)).toMatchObject({ code: 'NOT_FOUND' })

    const mergedOrderAfter = await callOk(app, 'workOrders.get', { id: merged.workOrder.id }, manager.token)
    expect(mergedOrderAfter.customer.id).toBe(keepId)
    expect(mergedOrderAfter.device.customerId).toBe(keepId)
    expect(mergedOrderAfter.events).toEqual(mergedOrderBefore.events)
    expect(mergedOrderAfter).toMatchObject({ number: mergedOrderBefore.number, status: 'diagnosing' })

    // The merged customer's number now finds the one kept.
    const found = await callOk(app, 'customers.search', { query: mergeMobile }, frontDesk.token)
    expect(found.rows.map((row) => row.id)).toEqual([keepId])

    const [audit] = auditRows(app, 'customers.merge')
    expect(audit).toMatchObject({ actorId: manager.user.id, entity: 'customer', entityId: keepId })
    expect(audit!.before).toMatchObject({
      kept: { id: keepId, mobile: keepMobile },
      merged: { id: mergeId, mobile: mergeMobile }
    })
    expect(audit!.after).toEqual(result)
    const outbox = app.sqlite
      .prepare("SELECT payload_json FROM outbox WHERE entity = 'customer' AND entity_id = ? ORDER BY seq DESC LIMIT 1")
      .get(mergeId) as {
      payload_json: string
    }
    expect(JSON.parse(outbox.payload_json)).toMatchObject({ id: mergeId, mergedIntoId: keepId })

    // A merged-away customer cannot be merged again or chosen at the counter.
    expect(await callError(app, 'customers.merge', { keepId, mergeId }, manager.token)).toMatchObject({
      code: 'NOT_FOUND'
    })
    expect(
      await callError(
        app,
        'workOrders.create',
        intake({ customer: { kind: 'existing', id: mergeId } }),
        frontDesk.token
      )
    ).toMatchObject({
      code: 'NOT_FOUND'
    })
  })

  it('a kept customer without a mobile takes over the merged one’s, which then counts as taken again', async () => {
    const mobile = freshMobile()
    const keep = await callOk(
      app,
      'customers.create',
      { name: '王五', otherPhones: ['010-1234 5678'] },
      frontDesk.token
    )
    const merge = await callOk(app, 'customers.create', { name: '王五', mobile }, frontDesk.token)
    const device = await callOk(
      app,
      'devices.create',
      { customerId: merge.id, brand: '格力', model: 'KFR-35', serial: uniqueSerial() },
      frontDesk.token
    )

    const result = await callOk(app, 'customers.merge', { keepId: keep.id, mergeId: merge.id }, manager.token)
    expect(result).toMatchObject({ id: keep.id, mobile, otherPhones: ['010-1234 5678'] })
    expect((await callOk(app, 'devices.findBySerial', { serial: device.serial! }, frontDesk.token))?.customer.id).toBe(
      keep.id
    )

    const error = await callError(app, 'customers.create', { name: '王五', mobile }, frontDesk.token)
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.duplicateMobile' })
    expect(error.details?.existing).toMatchObject({ id: keep.id })
  })
})
