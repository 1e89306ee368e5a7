import { describe, expect, it, vi } from 'vitest'
import { ADMIN, auditRows, callOk, MINUTE } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { openOrder } from '../workOrders/fixtures'
import { fileShopPerTest } from './fixtures'

// Jobs driven to the counter and a restore: slow on a loaded machine.
vi.setConfig({ testTimeout: 90_000 })

const fileShop = fileShopPerTest()

describe('a restore never issues a number twice', () => {
  it('every series continues from today’s counter, and the preview, answer and audit say so', async () => {
    const { app, adminToken, clock } = await fileShop()
    expect((await openOrder(app, adminToken)).order.number).toBe('WO-260123-0001')
    const copy = await callOk(app, 'backups.takeNow', {}, adminToken)

    // After the copy: two more jobs, one paid (its number printed on the receipt in the customer's hand).
    clock.advance(MINUTE)
    await openOrder(app, adminToken)
    const paid = await finishedJob(app, adminToken, { serviceType: 'paid_repair' })
    const invoice = await callOk(
      app,
      'checkout.pay',
      { workOrderId: paid.id, tenders: [{ method: 'cash', amountFen: 100_000 }] },
      adminToken
    )
    expect([paid.number, invoice.number]).toEqual(['WO-260123-0003', 'INV-260123-0001'])

    const preview = await callOk(app, 'backups.previewRestore', { name: copy.name }, adminToken)
    expect(preview.confirmed).toEqual({ numberSeries: ['INV', 'WO'], erasures: 0 })
    const result = await callOk(app, 'backups.restore', { name: copy.name }, adminToken)
    expect(result.confirmed).toEqual({ numberSeries: ['INV', 'WO'], erasures: 0 })
    expect(auditRows(app, 'backups.restore')).toMatchObject([{ after: { confirmed: result.confirmed } }])

    const { token } = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    expect((await openOrder(app, token)).order.number).toBe('WO-260123-0004')
    const again = await finishedJob(app, token, { serviceType: 'paid_repair' })
    const next = await callOk(
      app,
      'checkout.pay',
      { workOrderId: again.id, tenders: [{ method: 'cash', amountFen: 100_000 }] },
      token
    )
    expect([again.number, next.number]).toEqual(['WO-260123-0005', 'INV-260123-0002'])
  })

  it('a counter the copy holds further on stays the copy’s (restoring forward again)', async () => {
    const { app, adminToken, clock } = await fileShop()
    const older = await callOk(app, 'backups.takeNow', {}, adminToken)
    clock.advance(MINUTE)
    await openOrder(app, adminToken)
    await openOrder(app, adminToken)
    const newer = await callOk(app, 'backups.takeNow', {}, adminToken)

    await callOk(app, 'backups.restore', { name: older.name }, adminToken)
    const { token } = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    const result = await callOk(app, 'backups.restore', { name: newer.name }, token)
    expect(result.confirmed.numberSeries).toEqual([])
    const { token: again } = await callOk(app, 'auth.signIn', { username: ADMIN.username, password: ADMIN.password })
    expect((await openOrder(app, again)).order.number).toBe('WO-260123-0003')
  })
})
