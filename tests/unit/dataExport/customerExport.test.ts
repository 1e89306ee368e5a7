import { beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { auditRows, callError, callOk, createUserAndSignIn, initializedApp, type SignedInUser } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { openArchive, rowsOf, type OpenedArchive } from './archiveReader'

describe("exporting one customer's personal data", () => {
  let app: AppContext
  let manager: SignedInUser
  let adminToken: string
  let customerId: string
  let jobNumbers: string[]
  let archive: OpenedArchive

  beforeAll(async () => {
    const shop = await initializedApp()
    app = shop.app
    adminToken = shop.adminToken
    manager = await createUserAndSignIn(app, shop.adminToken, 'manager')
    const pay = (workOrderId: string) =>
      callOk(app, 'checkout.pay', { workOrderId, tenders: [{ method: 'cash', amountFen: 53_000 }] }, shop.adminToken)
    const first = await finishedJob(app, shop.adminToken, {
      serviceType: 'paid_repair',
      intake: {
        customer: { kind: 'new', fields: { name: '王小明', mobile: '13811112222', otherPhones: ['021-5555 0000'] } }
      }
    })
    await pay(first.id)
    customerId = (await callOk(app, 'workOrders.get', { id: first.id }, shop.adminToken)).customer.id
    const second = await finishedJob(app, shop.adminToken, {
      serviceType: 'paid_repair',
      intake: { customer: { kind: 'existing', id: customerId } }
    })
    jobNumbers = [first.number, second.number]
    // Someone else's job and payment, which must not appear.
    const stranger = await finishedJob(app, shop.adminToken, {
      serviceType: 'paid_repair',
      intake: { customer: { kind: 'new', fields: { name: '陌生人', mobile: '13833334444' } } }
    })
    await pay(stranger.id)
    const file = await callOk(app, 'dataExport.customer', { customerId, language: 'zh-CN' }, manager.token)
    archive = await openArchive(file.base64)
  })

  it('holds exactly that customer, their devices, jobs and payments', () => {
    const customers = rowsOf(archive, 'customers.csv')
    expect(customers.map((row) => row['姓名'])).toEqual(['王小明'])
    expect(customers[0]!['其他电话']).toContain('021-5555 0000')
    expect(rowsOf(archive, 'devices.csv').length).toBe(2)
    expect(
      rowsOf(archive, 'work_orders.csv')
        .map((row) => row['工单号'])
        .sort()
    ).toEqual([...jobNumbers].sort())
    const payments = rowsOf(archive, 'payments.csv')
    expect(payments.length).toBe(1)
    expect(payments[0]!['工单号']).toBe(jobNumbers[0])
    const everything = Object.values(archive.raw)
      .map((bytes) => bytes.toString('utf8'))
      .join('\n')
    expect(everything).not.toContain('陌生人')
    expect(everything).not.toContain('13833334444')
    expect(archive.readme).toContain('王小明')
  })

  it('is audited and refused below manager', async () => {
    const [row] = auditRows(app, 'dataExport.customer')
    expect(row?.actorId).toBe(manager.user.id)
    expect(row?.entityId).toBe(customerId)
    const frontDesk = await createUserAndSignIn(app, adminToken, 'front_desk')
    expect((await callError(app, 'dataExport.customer', { customerId, language: 'en' }, frontDesk.token)).code).toBe(
      'FORBIDDEN'
    )
  })
})
