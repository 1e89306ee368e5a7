import { describe, expect, it } from 'vitest'
import { callOk, createUserAndSignIn, initializedApp } from '../helpers'
import { openArchive, rowsOf } from './archiveReader'

describe("a customer's export and the phones they had before", () => {
  it('holds the units bought under a former phone of theirs, but not under one another customer holds now', async () => {
    const { app, adminToken } = await initializedApp()
    const manager = await createUserAndSignIn(app, adminToken, 'manager')
    const unitUnder = (serial: string, buyerPhone: string) =>
      callOk(
        app,
        'warranty.register',
        { serial, brand: '华为', model: 'Mate 60', categoryKey: 'mobile_phone', buyerName: '林晓', buyerPhone },
        adminToken
      )
    await unitUnder('SN-FIRST-PHONE', '13911110000')
    await unitUnder('SN-PASSED-ON', '13922220000')
    await unitUnder('SN-NOW', '13955550000')
    await unitUnder('SN-STRANGER', '13977770000')

    // 林晓 changed numbers twice; the second number now belongs to 周强.
    const person = await callOk(app, 'customers.create', { name: '林晓', mobile: '13911110000' }, adminToken)
    const changeNumber = (mobile: string) =>
      callOk(app, 'customers.update', { id: person.id, name: '林晓', mobile }, adminToken)
    await changeNumber('13922220000')
    await changeNumber('13955550000')
    await callOk(app, 'customers.create', { name: '周强', mobile: '13922220000' }, adminToken)

    const file = await callOk(app, 'dataExport.customer', { customerId: person.id, language: 'zh-CN' }, manager.token)
    const units = rowsOf(await openArchive(file.base64), 'warranty_units.csv')
    expect(units.map((unit) => unit['序列号']).sort()).toEqual(['SN-FIRST-PHONE', 'SN-NOW'])
  })
})
