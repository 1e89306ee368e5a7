import { describe, expect, it } from 'vitest'
import { callOk } from '../helpers'
import { staffedShopPerFile, uniqueMobile, uniqueSerial } from '../workOrders/fixtures'
import { finishedJob } from './fixtures'

const shop = staffedShopPerFile()

describe('receipts keep what they said', () => {
  it('a reprint after editing the customer, the device and the shop shows what the original showed', async () => {
    const { app, adminToken, staff } = shop()
    const job = await finishedJob(app, adminToken, { serviceType: 'paid_repair' })
    const order = await callOk(app, 'workOrders.get', { id: job.id }, adminToken)
    const invoice = await callOk(
      app,
      'checkout.pay',
      { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 53_000 }] },
      staff.frontDesk.token
    )
    const original = await callOk(app, 'checkout.get', { id: invoice.id }, staff.frontDesk.token)
    expect(original).toMatchObject({
      customerName: order.customer.name,
      customerMobile: order.customer.mobile,
      deviceLabel: `${order.device.brand} ${order.device.model}`,
      serial: order.device.serial
    })

    await callOk(
      app,
      'customers.update',
      { id: order.customer.id, name: '张三丰改名', mobile: uniqueMobile() },
      staff.frontDesk.token
    )
    await callOk(
      app,
      'devices.update',
      { id: order.device.id, customerId: order.customer.id, brand: '荣耀', model: 'Magic 7', serial: uniqueSerial() },
      staff.frontDesk.token
    )
    const settings = await callOk(app, 'settings.get', {}, adminToken)
    await callOk(
      app,
      'settings.update',
      {
        ...settings,
        profile: {
          ...settings.profile,
          name: '新店名',
          address: '新地址 1 号',
          phone: '010-99999999',
          taxNumber: 'NEW'
        }
      },
      adminToken
    )

    const reprint = await callOk(app, 'checkout.get', { id: invoice.id }, staff.frontDesk.token)
    expect(reprint).toEqual(original)
    expect(reprint.shop).toEqual({
      name: settings.profile.name,
      address: settings.profile.address,
      phone: settings.profile.phone,
      taxNumber: settings.profile.taxNumber
    })
    // The same by number, as the print route and the invoice search load it.
    expect(await callOk(app, 'checkout.get', { number: invoice.number }, staff.frontDesk.token)).toEqual(original)
    // A credit note issued after the edits says what the invoice it corrects said.
    const note = await callOk(
      app,
      'checkout.creditNote',
      {
        invoiceId: invoice.id,
        lines: [{ lineId: original.lines[0]!.id, amountFen: 1_000 }],
        reason: '工时多收',
        refundMethod: 'cash'
      },
      adminToken
    )
    expect(note).toMatchObject({
      customerName: original.customerName,
      deviceLabel: original.deviceLabel,
      serial: original.serial,
      shop: original.shop
    })
  })
})
