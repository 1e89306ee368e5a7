import { describe, expect, it, vi } from 'vitest'
import { ADMIN, auditRows, callOk, MINUTE } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { tracesOf } from '../customers/traces'
import { ERASED_CUSTOMER_NAME } from '../../../src-shared/domain/erasedCustomer'
import { fileShopPerTest } from './fixtures'

// A job driven to the counter and a restore: slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const fileShop = fileShopPerTest()

const NAME = '欧阳娜娜'
const OLD_MOBILE = '13912345678'
const NEW_MOBILE = '13811112222'
const ADDRESS = '北京市海淀区中关村大街1号'

describe('a restore keeps the erasures confirmed since the copy', () => {
  it('a customer erased after the copy stays erased, their jobs from before the copy redacted too', async () => {
    const { app, adminToken, clock } = await fileShop()
    const job = await finishedJob(app, adminToken, {
      serviceType: 'paid_repair',
      intake: {
        customer: { kind: 'new', fields: { name: NAME, mobile: OLD_MOBILE, address: ADDRESS } },
        reportedFault: `不开机，修好请打${OLD_MOBILE}`
      }
    })
    const customer = (await callOk(app, 'workOrders.get', { id: job.id }, adminToken)).customer
    await callOk(app, 'customers.create', { name: '路人甲', mobile: '13700000009' }, adminToken)
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)

    // After the copy the customer changes their mobile, then asks to be erased: today holds
    // neither number any more, the copy still holds the old one on the customer and on the job.
    clock.advance(MINUTE)
    await callOk(
      app,
      'customers.update',
      { id: customer.id, name: NAME, mobile: NEW_MOBILE, otherPhones: [], address: ADDRESS, notes: '', tags: [] },
      adminToken
    )
    await callOk(app, 'customers.erase', { id: customer.id }, adminToken)
    for (const value of [NAME, OLD_MOBILE, NEW_MOBILE, '中关村大街']) expect(tracesOf(app, value), value).toEqual([])

    const preview = await callOk(app, 'backups.previewRestore', { name: copy.name }, adminToken)
    expect(preview.confirmed).toEqual({ numberSeries: [], erasures: 1 })
    const result = await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(result.confirmed).toEqual({ numberSeries: [], erasures: 1 })
    expect(auditRows(app, 'backups.restore')).toMatchObject([{ after: { confirmed: { erasures: 1 } } }])

    for (const value of [NAME, OLD_MOBILE, NEW_MOBILE, '中关村大街']) expect(tracesOf(app, value), value).toEqual([])
    const { token } = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    const restored = await callOk(app, 'workOrders.get', { id: job.id }, token)
    expect(restored.customer).toMatchObject({ id: customer.id, name: ERASED_CUSTOMER_NAME })
    expect(restored.customer.erasedAt).not.toBeNull()
    const fault = app.sqlite.prepare('SELECT reported_fault FROM work_orders WHERE id = ?').pluck().get(job.id)
    expect(fault).toBe('不开机，修好请打***')
    // The erasure steps ran on the restored data, audited as erasure is (counts only).
    expect(auditRows(app, 'customers.erase').at(-1)).toMatchObject({
      entityId: customer.id,
      after: { erasedCustomerIds: [customer.id], workOrders: 1 }
    })
    const other = await callOk(app, 'customers.search', { query: '路人甲', page: 1, pageSize: 50 }, token)
    expect(other.rows[0]?.mobile).toBe('13700000009')
  })

  it('a customer made and erased after the copy needs nothing: the copy never held them', async () => {
    const { app, adminToken, clock } = await fileShop()
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)
    clock.advance(MINUTE)
    const made = await callOk(app, 'customers.create', { name: NAME, mobile: OLD_MOBILE }, adminToken)
    await callOk(app, 'customers.erase', { id: made.id }, adminToken)
    const preview = await callOk(app, 'backups.previewRestore', { name: copy.name }, adminToken)
    expect(preview.confirmed).toEqual({ numberSeries: [], erasures: 0 })
  })
})
