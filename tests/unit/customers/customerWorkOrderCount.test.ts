import { describe, expect, it } from 'vitest'
import { CUSTOMER_FILE_WORK_ORDERS } from '../../../src-shared/contract/customers'
import { callOk } from '../helpers'
import { staffedShopPerFile, uniqueMobile, uniqueSerial } from '../workOrders/fixtures'

const shop = staffedShopPerFile()

/** A company customer with `jobs` work orders on one device, written straight into the shop's tables. */
async function customerWithJobs(name: string, jobs: number): Promise<string> {
  const { app, adminToken } = shop()
  const customer = await callOk(app, 'customers.create', { name, mobile: uniqueMobile() }, adminToken)
  const device = await callOk(
    app,
    'devices.create',
    { customerId: customer.id, brand: '华为', model: 'Mate 60', serial: uniqueSerial() },
    adminToken
  )
  const insert = app.sqlite.prepare(
    `INSERT INTO work_orders (id, number, claim_code, customer_id, device_id, service_type, intake_channel, status,
       reported_fault, condition_json, accessories_json, created_at, updated_at)
     VALUES (?, ?, '000000', ?, ?, 'paid_repair', 'walk_in', 'cancelled', '不开机', '{}', '{}', ?, ?)`
  )
  app.sqlite.transaction(() => {
    for (let n = 0; n < jobs; n += 1) {
      const at = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString()
      insert.run(`${customer.id}-${n}`, `WO-${name}-${n}`, customer.id, device.id, at, at)
    }
  })()
  return customer.id
}

describe('the customer’s file lists their newest work orders and says how many there are in all', () => {
  it('lists every one of a customer with fewer than the limit', async () => {
    const { app, adminToken } = shop()
    const id = await customerWithJobs('个人客户', 3)
    const file = await callOk(app, 'customers.get', { id }, adminToken)
    expect({ listed: file.workOrders.length, total: file.workOrderCount }).toEqual({ listed: 3, total: 3 })
  })

  it('lists the newest of a company customer with more, and counts them all', async () => {
    const { app, adminToken } = shop()
    const jobs = CUSTOMER_FILE_WORK_ORDERS + 5
    const id = await customerWithJobs('某某科技有限公司', jobs)
    const file = await callOk(app, 'customers.get', { id }, adminToken)
    expect({ listed: file.workOrders.length, total: file.workOrderCount }).toEqual({
      listed: CUSTOMER_FILE_WORK_ORDERS,
      total: jobs
    })
    expect(file.workOrders[0]!.number).toBe(`WO-某某科技有限公司-${jobs - 1}`)
  })
})
