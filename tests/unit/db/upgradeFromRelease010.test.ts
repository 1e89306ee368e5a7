import BetterSqlite3 from 'better-sqlite3'
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { closeApp, DATABASE_FILE_NAME, openApp } from '../../../src-main/app/openApp'
import { migrationChecksum } from '../../../src-main/db/checksum'
import { allMigrations } from '../../../src-main/db/migrations'
import { callOk, tempDir } from '../helpers'

/** Written by release 0.1.0 through its services (see makeRelease010Database.ts next to it). */
const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'db', 'release-0.1.0.sqlite')

describe('upgrading a shop database written by release 0.1.0', () => {
  const dir = tempDir()
  let app: AppContext
  let token: string

  beforeAll(async () => {
    // A copy: the fixture itself must stay what the old release wrote.
    copyFileSync(FIXTURE, join(dir.path, DATABASE_FILE_NAME))
    app = openApp({ dataDir: dir.path, clock: () => new Date('2026-12-01T02:00:00.000Z') })
    token = (await callOk(app, 'auth.signIn', { username: 'admin', password: 'release-0.1.0' })).token
  })

  afterAll(async () => {
    await closeApp(app)
    dir.remove()
  })

  it('starts from what 0.1.0 wrote: steps 1..14 applied, no checksums kept', () => {
    const original = new BetterSqlite3(FIXTURE, { readonly: true })
    try {
      const columns = original.prepare(`SELECT name FROM pragma_table_info('schema_migrations')`).all()
      expect(columns).toEqual([{ name: 'version' }, { name: 'name' }, { name: 'applied_at' }])
      expect(original.prepare('SELECT MAX(version) AS version FROM schema_migrations').get()).toEqual({ version: 14 })
    } finally {
      original.close()
    }
  })

  it('records every step, with its checksum, including those 0.1.0 had applied without one', () => {
    const rows = app.sqlite.prepare('SELECT version, name, checksum FROM schema_migrations ORDER BY version').all()
    expect(rows).toEqual(
      allMigrations.map((m) => ({ version: m.version, name: m.name, checksum: migrationChecksum(m) }))
    )
  })

  it('keeps the shop, its settings and its admin', async () => {
    const settings = await callOk(app, 'settings.get', {}, token)
    expect(settings.profile).toMatchObject({ name: '星河维修中心', timeZone: 'Asia/Shanghai' })
    expect(settings.approvalThresholdFen).toBe(100_000)
  })

  it('reads back the customer, the device and the picked-up work order with its quote, labour and timeline', async () => {
    const customers = await callOk(app, 'customers.search', { query: '13900000001' }, token)
    expect(customers.rows.map((c) => [c.name, c.mobile])).toEqual([['张三丰', '13900000001']])

    const order = await callOk(app, 'workOrders.get', { number: 'WO-261102-0001' }, token)
    expect(order).toMatchObject({
      status: 'picked_up',
      serviceType: 'paid_repair',
      reportedFault: '屏幕碎裂，不显示',
      symptomCode: 'S02',
      depositFen: 10_000,
      customer: { name: '张三丰' },
      device: { brand: '华为', model: 'Mate 60', serial: 'SN-REL010-1' },
      quote: { labourFen: 8_000, partsFen: 45_000, totalFen: 53_000 }
    })
    expect(order.labour.map((line) => [line.description, line.priceFen])).toEqual([['更换屏幕', 8_000]])
    expect(order.events.length).toBeGreaterThan(0)
    expect(order.pickedUpAt).not.toBeNull()
  })

  it('reads back the part received and issued, with a ledger that still adds up', async () => {
    const parts = await callOk(app, 'parts.search', { query: 'SCR-MATE60' }, token)
    expect(parts.rows.map((p) => [p.partNumber, p.onHand, p.averageCostFen])).toEqual([['SCR-MATE60', 2, 20_000]])
    const ledger = await callOk(app, 'parts.verifyLedger', {}, token)
    expect(ledger).toEqual({ parts: 1, movements: 2, mismatches: [] })
  })

  it('reads back the invoice and its payments', async () => {
    const invoice = await callOk(app, 'checkout.get', { number: 'INV-261102-0001' }, token)
    expect(invoice.totals).toMatchObject({ linesFen: 53_000, depositAppliedFen: 10_000, dueFen: 43_000 })
    expect(invoice.payments.map((p) => [p.kind, p.method, p.amountFen])).toEqual([['payment', 'wechat_pay', 43_000]])
    expect(invoice.paidFen).toBe(43_000)
  })

  it('carries on working: the next job of the day takes the next number', async () => {
    const next = await callOk(
      app,
      'workOrders.create',
      {
        customer: {
          kind: 'existing',
          id: (await callOk(app, 'customers.search', { query: '张三丰' }, token)).rows[0]!.id
        },
        device: { kind: 'new', fields: { brand: '小米', model: '14', serial: 'SN-AFTER-UPGRADE' } },
        serviceType: 'paid_repair',
        intakeChannel: 'walk_in',
        reportedFault: '无法充电',
        condition: { scratches: false, cracks: false, liquidMarks: false },
        accessories: { items: [] },
        passcode: { consent: false }
      },
      token
    )
    expect(next.workOrder.number).toMatch(/^WO-261201-\d{4}$/)
  })
})
