import { describe, expect, it } from 'vitest'
import { callError, callOk } from '../helpers'
import { driveTo, staffedShopPerFile } from '../workOrders/fixtures'
import { newPart, receive } from './fixtures'

const shop = staffedShopPerFile()

describe("a return batch's packing list", () => {
  it('lists each job’s part once with its quantity and the fault the job was diagnosed with, and counts the box', async () => {
    const { app, staff, adminToken } = shop()
    const token = staff.clerk.token
    const battery = await newPart(app, token, { returnFaulty: true })
    const board = await newPart(app, token, { returnFaulty: true })
    await receive(app, token, battery.id, 3, 500)
    await receive(app, token, board.id, 1, 9_000)
    const diagnosed = await driveTo(app, adminToken, 'repairing')
    const location = (await callOk(app, 'codes.list', { list: 'fault_location' }, adminToken))[0]!
    const cause = (await callOk(app, 'codes.list', { list: 'fault_cause' }, adminToken))[0]!
    await callOk(
      app,
      'workOrders.diagnose',
      { id: diagnosed.id, faultLocationCode: location.code, faultCauseCode: cause.code, diagnosis: '' },
      adminToken
    )
    const plain = await driveTo(app, adminToken, 'repairing')
    for (const [job, part, quantity] of [
      [diagnosed, battery, 2],
      [diagnosed, board, 1],
      [plain, battery, 1]
    ] as const) {
      await callOk(app, 'workOrderParts.issue', { workOrderId: job.id, partId: part.id, quantity }, token)
    }
    const owed = (await callOk(app, 'faultyParts.list', {}, token)).filter((item) =>
      [battery.id, board.id].includes(item.partId)
    )
    const batch = await callOk(app, 'faultyParts.pack', { faultyPartIds: owed.map((item) => item.id) }, token)

    const packing = await callOk(app, 'faultyParts.packingList', { id: batch.id }, token)
    expect(packing.batch).toMatchObject({ id: batch.id, number: batch.number, status: 'packed' })
    const fault = `${location.code} ${location.label} / ${cause.code} ${cause.label}`
    expect(
      packing.lines.map((line) => [line.workOrderNumber, line.partNumber, line.quantity, line.fault, line.slipNumber])
    ).toEqual(
      [
        [diagnosed.order.number, battery.partNumber, 2, fault, null],
        [diagnosed.order.number, board.partNumber, 1, fault, null],
        [plain.order.number, battery.partNumber, 1, '', null]
      ].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`))
    )
    expect(packing.totalQuantity).toBe(4)
  })

  it('is read by the warehouse, not the counter', async () => {
    const { app, staff } = shop()
    const batches = await callOk(app, 'faultyParts.batches', {}, staff.clerk.token)
    const id = batches[0]!.id
    expect(await callError(app, 'faultyParts.packingList', { id }, staff.frontDesk.token)).toMatchObject({
      code: 'FORBIDDEN'
    })
  })

  it('refuses a batch that does not exist', async () => {
    const { app, staff } = shop()
    expect(
      await callError(app, 'faultyParts.packingList', { id: '01900000-0000-7000-8000-000000000000' }, staff.clerk.token)
    ).toMatchObject({ code: 'NOT_FOUND' })
  })
})
