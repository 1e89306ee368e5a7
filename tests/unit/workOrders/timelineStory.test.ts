import { describe, expect, it } from 'vitest'
import { callOk, MINUTE, testClock } from '../helpers'
import { partRequestCancellations } from '../../../src-main/features/parts/migrations'
import { newPart, receive } from '../parts/fixtures'
import { openOrder, setApprovalThreshold, staffedShopPerFile } from './fixtures'

const clock = testClock()
const shop = staffedShopPerFile(clock)

describe("the work order's timeline tells the whole story", () => {
  it('the quote, its answers and the parts asked for, issued and returned appear in order, with who and when', async () => {
    const { app, adminToken, staff } = shop()
    await setApprovalThreshold(app, adminToken, 50_000)
    const screen = await newPart(app, staff.clerk.token, { sellingPriceFen: 45_000 })
    await receive(app, staff.clerk.token, screen.id, 3, 20_000)
    const { id } = await openOrder(app, staff.frontDesk.token, { serviceType: 'paid_repair' })
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    const step = async <T>(action: () => Promise<T>): Promise<string> => {
      clock.advance(MINUTE)
      await action()
      return clock.now().toISOString()
    }

    await step(() => callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techA.token))
    const requestedAt = await step(() =>
      callOk(
        app,
        'workOrderParts.request',
        { workOrderId: id, partId: screen.id, quantity: 2, note: '内屏漏液' },
        staff.techA.token
      )
    )
    const quotedAt = await step(() =>
      callOk(
        app,
        'workOrders.quote',
        { id, labourFen: 10_000, partsFen: 90_000, discountFen: 5_000, note: '更换屏幕总成' },
        staff.techA.token
      )
    )
    await step(() =>
      callOk(app, 'workOrders.customerDecision', { id, approved: true, channel: 'phone' }, staff.frontDesk.token)
    )
    await step(() => callOk(app, 'workOrders.managerDecision', { id, approved: true }, staff.manager.token))
    const issuedAt = await step(() =>
      callOk(app, 'workOrderParts.issue', { workOrderId: id, partId: screen.id, quantity: 2 }, staff.clerk.token)
    )
    const line = (await callOk(app, 'workOrderParts.get', { workOrderId: id }, staff.clerk.token)).lines[0]!
    const returnedAt = await step(() =>
      callOk(app, 'workOrderParts.return', { lineId: line.id, quantity: 1 }, staff.clerk.token)
    )

    const { events } = await callOk(app, 'workOrders.get', { id }, staff.techA.token)
    expect(events.map((event) => [event.kind, event.actorName])).toEqual([
      ['created', staff.frontDesk.user.displayName],
      ['assigned', staff.frontDesk.user.displayName],
      ['status', staff.techA.user.displayName],
      ['part_requested', staff.techA.user.displayName],
      ['quoted', staff.techA.user.displayName],
      ['customer_approved', staff.frontDesk.user.displayName],
      ['manager_approved', staff.manager.user.displayName],
      ['part_issued', staff.clerk.user.displayName],
      ['part_returned', staff.clerk.user.displayName]
    ])
    const byKind = (kind: string) => events.find((event) => event.kind === kind)!
    expect(byKind('part_requested')).toMatchObject({
      at: requestedAt,
      note: '内屏漏液',
      part: { partNumber: screen.partNumber, partName: screen.name, quantity: 2, serial: null }
    })
    expect(byKind('quoted')).toMatchObject({
      at: quotedAt,
      quote: {
        labourFen: 10_000,
        partsFen: 90_000,
        discountFen: 5_000,
        totalFen: 95_000,
        managerRequired: true,
        note: '更换屏幕总成'
      },
      part: null
    })
    expect(byKind('part_issued')).toMatchObject({ at: issuedAt, part: { quantity: 2 }, quote: null })
    expect(byKind('part_returned')).toMatchObject({ at: returnedAt, part: { quantity: 1 } })
    expect(byKind('customer_approved').quote).toBeNull()
  })

  it('a request cancelled by hand and one withdrawn as its job is cancelled say who, when and why', async () => {
    const { app, staff } = shop()
    const screen = await newPart(app, staff.clerk.token, { sellingPriceFen: 45_000 })
    const { id } = await openOrder(app, staff.frontDesk.token, { serviceType: 'paid_repair' })
    await callOk(app, 'workOrders.assign', { id, technicianId: staff.techA.user.id }, staff.frontDesk.token)
    const request = (quantity: number) =>
      callOk(app, 'workOrderParts.request', { workOrderId: id, partId: screen.id, quantity }, staff.techA.token)
    clock.advance(MINUTE)
    const first = (await request(1)).requests[0]!
    clock.advance(MINUTE)
    await callOk(
      app,
      'workOrderParts.cancelRequest',
      { requestId: first.id, reason: '已有库存替代' },
      staff.techA.token
    )
    const cancelledAt = clock.now().toISOString()
    clock.advance(MINUTE)
    await request(2)
    clock.advance(MINUTE)
    await callOk(app, 'workOrders.transition', { id, to: 'cancelled', reason: '客户放弃维修' }, staff.frontDesk.token)
    const closedAt = clock.now().toISOString()

    const { events } = await callOk(app, 'workOrders.get', { id }, staff.techA.token)
    expect(events.slice(2).map((event) => [event.kind, event.actorName, event.part?.quantity ?? null])).toEqual([
      ['part_requested', staff.techA.user.displayName, 1],
      ['part_request_cancelled', staff.techA.user.displayName, 1],
      ['part_requested', staff.techA.user.displayName, 2],
      // The job's closing comes first, then the request it withdrew in the same instant.
      ['status', staff.frontDesk.user.displayName, null],
      ['part_request_withdrawn', staff.frontDesk.user.displayName, 2]
    ])
    const byKind = (kind: string) => events.find((event) => event.kind === kind)!
    expect(byKind('part_request_cancelled')).toMatchObject({
      at: cancelledAt,
      toStatus: null,
      note: '已有库存替代',
      part: { partNumber: screen.partNumber, partName: screen.name }
    })
    expect(byKind('part_request_withdrawn')).toMatchObject({
      at: closedAt,
      toStatus: 'cancelled',
      note: '客户放弃维修'
    })
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length)

    // A shop upgraded from before the requests kept this finds it again from the audit and status lines.
    app.sqlite.prepare('UPDATE work_order_part_requests SET cancelled_by = NULL, closed_with_job = NULL').run()
    for (const statement of partRequestCancellations.statements.filter((text) => text.startsWith('UPDATE')))
      app.sqlite.prepare(statement).run()
    expect((await callOk(app, 'workOrders.get', { id }, staff.techA.token)).events).toEqual(events)
  })

  it('a quote under the limit goes to the customer alone; a second quote keeps its own amounts', async () => {
    const { app, adminToken, staff } = shop()
    await setApprovalThreshold(app, adminToken, 50_000)
    const { id } = await openOrder(app, staff.frontDesk.token, { serviceType: 'paid_repair' })
    await callOk(app, 'workOrders.transition', { id, to: 'diagnosing' }, staff.techA.token)
    clock.advance(MINUTE)
    await callOk(app, 'workOrders.quote', { id, labourFen: 8_000, partsFen: 0, discountFen: 0 }, staff.techA.token)
    clock.advance(MINUTE)
    await callOk(
      app,
      'workOrders.customerDecision',
      { id, approved: false, channel: 'in_person', note: '太贵' },
      staff.frontDesk.token
    )
    clock.advance(MINUTE)
    await callOk(app, 'workOrders.quote', { id, labourFen: 6_000, partsFen: 0, discountFen: 0 }, staff.techA.token)

    const { events } = await callOk(app, 'workOrders.get', { id }, staff.techA.token)
    const quotes = events.filter((event) => event.kind === 'quoted').map((event) => event.quote)
    expect(quotes).toMatchObject([
      { totalFen: 8_000, managerRequired: false },
      { totalFen: 6_000, managerRequired: false }
    ])
    expect(events.find((event) => event.kind === 'customer_refused')?.note).toBe('in_person — 太贵')
  })
})
