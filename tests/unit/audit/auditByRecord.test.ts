import { describe, expect, it } from 'vitest'
import { auditRows } from '../../../src-main/features/audit/service'
import { recordsNamed } from '../../../src-main/features/audit/recordsNamed'
import { auditContract } from '../../../src-shared/contract/audit'
import { MINUTE, callOk, testClock } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { newPart } from '../parts/fixtures'
import { openOrder, staffedShopPerFile } from '../workOrders/fixtures'

const clock = testClock()
const shop = staffedShopPerFile(clock)

/** The audit rows of one record straight from the table, newest first: what the page must show. */
function rowsOf(entity: string, entityId: string): string[] {
  const { app } = shop()
  return (
    app.sqlite
      .prepare(`SELECT id FROM audit_log WHERE entity = ? AND entity_id = ? ORDER BY at DESC, id DESC`)
      .all(entity, entityId) as { id: string }[]
  ).map((row) => row.id)
}

describe('the audit log searched by record', () => {
  it('lists the rows of the work order whose number is typed, in any case, newest first, paged', async () => {
    const { app, adminToken, staff } = shop()
    const asked = await openOrder(app, staff.frontDesk.token)
    const other = await openOrder(app, staff.frontDesk.token)
    clock.advance(MINUTE)
    await callOk(app, 'workOrders.assign', { id: asked.id, technicianId: staff.techA.user.id }, staff.manager.token)
    clock.advance(MINUTE)
    await callOk(app, 'workOrders.transition', { id: asked.id, to: 'diagnosing' }, staff.techA.token)
    await callOk(app, 'workOrders.assign', { id: other.id, technicianId: staff.techB.user.id }, staff.manager.token)

    const expected = rowsOf('work_order', asked.id)
    expect(expected.length).toBeGreaterThanOrEqual(3)
    const log = await callOk(app, 'audit.list', { record: asked.order.number.toLowerCase(), pageSize: 50 }, adminToken)
    expect(log.rows.map((row) => row.id)).toEqual(expected)
    expect(log.total).toBe(expected.length)
    expect(new Set(log.rows.map((row) => row.entityNumber))).toEqual(new Set([asked.order.number]))
    // Who changed it: the newest row is the technician's status change.
    expect(log.rows[0]).toMatchObject({ action: 'workOrders.transition', actorName: staff.techA.user.displayName })

    const second = await callOk(app, 'audit.list', { record: asked.order.number, pageSize: 2, page: 2 }, adminToken)
    expect(second.rows.map((row) => row.id)).toEqual(expected.slice(2, 4))
    // The other filters still narrow a record's rows.
    const assigned = await callOk(
      app,
      'audit.list',
      { record: asked.order.number, action: 'workOrders.assign', pageSize: 50 },
      adminToken
    )
    expect(assigned.rows.map((row) => [row.entityId, row.actorName])).toEqual([
      [asked.id, staff.manager.user.displayName]
    ])
  })

  it('lists a part’s rows by its part number and a customer’s by the last digits of their phone', async () => {
    const { app, adminToken, staff } = shop()
    const part = await newPart(app, staff.clerk.token)
    clock.advance(MINUTE)
    const fields = {
      partNumber: part.partNumber,
      name: '换了名字的配件',
      barcodes: part.barcodes,
      sellingPriceFen: part.sellingPriceFen
    }
    await callOk(app, 'parts.update', { id: part.id, fields }, staff.clerk.token)
    const byPart = await callOk(app, 'audit.list', { record: part.partNumber.toLowerCase(), pageSize: 50 }, adminToken)
    expect(byPart.rows.map((row) => row.id)).toEqual(rowsOf('part', part.id))
    expect(byPart.rows.map((row) => row.action)).toEqual(['parts.update', 'parts.create'])

    const opened = await openOrder(app, staff.frontDesk.token, {
      customer: { kind: 'new', fields: { name: '尾号客户', mobile: '13655554321' } }
    })
    const customerId = opened.order.customer.id
    const byPhone = await callOk(app, 'audit.list', { record: '4321', pageSize: 50 }, adminToken)
    expect(byPhone.rows.map((row) => row.id)).toEqual(rowsOf('customer', customerId))
    expect(byPhone.total).toBeGreaterThan(0)
    // Three digits name no one: half the shop's phones end in them.
    expect(await callOk(app, 'audit.list', { record: '321', pageSize: 50 }, adminToken)).toEqual({ rows: [], total: 0 })
  })

  it('lists with a job’s rows those of its receipt, and the receipt’s by its own number', async () => {
    const { app, adminToken, staff } = shop()
    const job = await finishedJob(app, adminToken, { serviceType: 'paid_repair' })
    clock.advance(MINUTE)
    const invoice = await callOk(
      app,
      'checkout.pay',
      { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 53_000 }] },
      staff.frontDesk.token
    )
    const receiptRows = rowsOf('invoice', invoice.id)
    expect(receiptRows.length).toBeGreaterThan(0)
    const byJob = await callOk(app, 'audit.list', { record: job.number, pageSize: 100 }, adminToken)
    expect(byJob.rows.map((row) => row.id).sort()).toEqual([...rowsOf('work_order', job.id), ...receiptRows].sort())
    // The payment is the newest change to the job: it tops the list, with who took it.
    expect(byJob.rows[0]).toMatchObject({ entity: 'invoice', entityNumber: invoice.number })
    expect(byJob.rows[0]!.actorName).toBe(staff.frontDesk.user.displayName)
    const byReceipt = await callOk(
      app,
      'audit.list',
      { record: invoice.number.toLowerCase(), pageSize: 100 },
      adminToken
    )
    expect(byReceipt.rows.map((row) => row.id)).toEqual(receiptRows)
  })

  it('finds nothing for a number no record has', async () => {
    const { app, adminToken } = shop()
    expect(await callOk(app, 'audit.list', { record: 'WO-000000-0000', pageSize: 20 }, adminToken)).toEqual({
      rows: [],
      total: 0
    })
  })

  it('reads a record’s rows through its index, never the whole log', async () => {
    const { app } = shop()
    const opened = await openOrder(app, shop().staff.frontDesk.token)
    const records = await recordsNamed(app.db, opened.order.number)
    const input = auditContract['audit.list'].input.parse({ record: opened.order.number, pageSize: 20 })
    const compiled = auditRows(app.db, input, records)
      .selectAll('auditLog')
      .orderBy('auditLog.at', 'desc')
      .limit(20)
      .compile()
    const plan = (
      app.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters) as { detail: string }[]
    ).map((step) => step.detail)
    expect(plan.join('\n')).toContain('audit_log_record')
    expect(plan.filter((step) => /^SCAN audit_log\b/.test(step))).toEqual([])
  })
})
