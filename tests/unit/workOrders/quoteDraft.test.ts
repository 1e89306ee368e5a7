import { describe, expect, it } from 'vitest'
import { callOk } from '../helpers'
import { newPart, receive } from '../parts/fixtures'
import { openOrder, staffedShopPerFile } from './fixtures'

const shop = staffedShopPerFile()

describe("the work order offers a quote drawn from the job's records", () => {
  it('labour, parts issued or still asked for and the diagnosis fill the draft for the technician who may quote', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token, { sellingPriceFen: 45_000 })
    const battery = await newPart(app, staff.clerk.token, { sellingPriceFen: 12_000 })
    await receive(app, staff.clerk.token, screen.id, 5, 20_000)
    const { id } = await openOrder(app, staff.frontDesk.token, { serviceType: 'paid_repair' })
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techA.token)
    await callOk(
      app,
      'workOrders.diagnose',
      { id, faultLocationCode: null, faultCauseCode: null, diagnosis: '屏幕摔裂' },
      staff.techA.token
    )
    await callOk(
      app,
      'workOrders.addLabour',
      { id, description: '更换屏幕', minutes: 30, priceFen: 8_000 },
      staff.techA.token
    )
    for (const part of [screen, battery])
      await callOk(app, 'workOrderParts.request', { workOrderId: id, partId: part.id, quantity: 1 }, staff.techA.token)
    await callOk(app, 'workOrderParts.issue', { workOrderId: id, partId: screen.id, quantity: 1 }, staff.clerk.token)

    const forTechnician = await callOk(app, 'workOrders.get', { id }, staff.techA.token)
    expect(forTechnician.quoteDraft).toEqual({
      labourFen: 8_000,
      partsFen: 45_000 + 12_000,
      discountFen: 0,
      note: `屏幕摔裂 · ${screen.partNumber} ${screen.name} ×1, ${battery.partNumber} ${battery.name} ×1 · 更换屏幕`
    })
    // Another technician may not quote this job: no draft is offered to them.
    expect((await callOk(app, 'workOrders.get', { id }, staff.techB.token)).quoteDraft).toBeNull()

    // Sent as drafted, the quote holds exactly the draft's amounts.
    const { quoteDraft } = forTechnician
    const quoted = await callOk(app, 'workOrders.quote', { id, ...quoteDraft! }, staff.techA.token)
    expect(quoted.quote).toMatchObject({ labourFen: 8_000, partsFen: 57_000, totalFen: 65_000, note: quoteDraft!.note })
  })

  it('a warranty repair, never quoted, has no draft', async () => {
    const { app, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token, { serviceType: 'warranty_repair' })
    await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techA.token)
    expect((await callOk(app, 'workOrders.get', { id }, staff.techA.token)).quoteDraft).toBeNull()
  })
})
