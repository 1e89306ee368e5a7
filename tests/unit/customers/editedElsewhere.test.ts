import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk, countRows, createUserAndSignIn, freshShopPerTest, MINUTE } from '../helpers'

const shop = freshShopPerTest()

describe('two desks editing the same record', () => {
  it('a customer saved from a form filled before another desk’s change is refused, and nothing changes', async () => {
    const { app, adminToken, clock } = await shop()
    const deskA = await createUserAndSignIn(app, adminToken, 'front_desk')
    const deskB = await createUserAndSignIn(app, adminToken, 'front_desk')
    const opened = await callOk(app, 'customers.create', { name: '周杰', mobile: '13700001111' }, deskA.token)

    // Desk B adds a second phone; desk A, its form filled before that, changes the address.
    clock.advance(MINUTE)
    const changed = await callOk(
      app,
      'customers.update',
      {
        id: opened.id,
        expectedUpdatedAt: opened.updatedAt,
        name: '周杰',
        mobile: '13700001111',
        otherPhones: ['010-66668888']
      },
      deskB.token
    )
    expect(changed.updatedAt).not.toBe(opened.updatedAt)
    const audited = auditRows(app).length
    const outbox = countRows(app, 'outbox')
    clock.advance(MINUTE)
    const refused = await callError(
      app,
      'customers.update',
      {
        id: opened.id,
        expectedUpdatedAt: opened.updatedAt,
        name: '周杰',
        mobile: '13700001111',
        address: '北京路 1 号'
      },
      deskA.token
    )
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.changedElsewhere' })
    const file = await callOk(app, 'customers.get', { id: opened.id }, deskA.token)
    expect(file.customer).toMatchObject({ otherPhones: ['010-66668888'], address: '', updatedAt: changed.updatedAt })
    expect(auditRows(app)).toHaveLength(audited)
    expect(countRows(app, 'outbox')).toBe(outbox)

    // Filled again from the latest, desk A's change goes through and keeps desk B's phone.
    const saved = await callOk(
      app,
      'customers.update',
      {
        id: opened.id,
        expectedUpdatedAt: file.customer.updatedAt,
        name: '周杰',
        mobile: '13700001111',
        otherPhones: file.customer.otherPhones,
        address: '北京路 1 号'
      },
      deskA.token
    )
    expect(saved).toMatchObject({ otherPhones: ['010-66668888'], address: '北京路 1 号' })
  })

  it('a device is refused the same way; a caller that sends no version is not checked', async () => {
    const { app, adminToken, clock } = await shop()
    const owner = await callOk(app, 'customers.create', { name: '吴敏', mobile: '13700002222' }, adminToken)
    const device = await callOk(
      app,
      'devices.create',
      { customerId: owner.id, brand: '华为', model: 'Mate 60', serial: 'SN-WU-1' },
      adminToken
    )
    const fields = { id: device.id, customerId: owner.id, brand: '华为', model: 'Mate 60', serial: 'SN-WU-1' }
    clock.advance(MINUTE)
    const recoloured = await callOk(
      app,
      'devices.update',
      { ...fields, expectedUpdatedAt: device.updatedAt, colour: '黑色' },
      adminToken
    )
    clock.advance(MINUTE)
    const refused = await callError(
      app,
      'devices.update',
      { ...fields, expectedUpdatedAt: device.updatedAt, purchaseDate: '2025-12-01' },
      adminToken
    )
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.changedElsewhere' })
    const [kept] = (await callOk(app, 'customers.get', { id: owner.id }, adminToken)).devices
    expect(kept).toMatchObject({ colour: '黑色', purchaseDate: null, updatedAt: recoloured.updatedAt })

    const unchecked = await callOk(app, 'devices.update', { ...fields, colour: '白色' }, adminToken)
    expect(unchecked.colour).toBe('白色')
  })
})
