import { beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { ADMIN, auditRows, callError, callOk, createUserAndSignIn, initializedApp, type SignedInUser } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { A_PERSON, customerWithEveryRecord, SOMEONE_ELSE, type PersonRecords } from '../customers/everyRecord'
import { openArchive, rowsOf, type OpenedArchive } from './archiveReader'
import { DERIVED_TABLES, schemaTables } from './schemaTables'

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

/** The tables a customer's export writes, by the file each is written to (most by its own name). */
const PERSON_FILES: Record<string, string> = {
  ...Object.fromEntries(
    [
      'customers',
      'devices',
      'work_orders',
      'work_order_events',
      'quotes',
      'work_order_labour',
      'work_order_part_requests',
      'work_order_parts',
      'invoices',
      'invoice_lines',
      'payments',
      'tax_invoice_numbers',
      'unpaid_hand_overs',
      'warranty_claims',
      'ready_notices',
      'follow_ups',
      'complaints',
      'complaint_events',
      'restore_dropped_money',
      'warranty_units'
    ].map((table) => [table, `${table}.csv`])
  ),
  invoice_snapshots: 'receipt_headers.csv'
}

/**
 * The tables that are not about a customer, each for a reason: a new table must be put in the
 * customer's export or here, so nothing the shop keeps about a person is silently left out.
 */
const NOT_ABOUT_THE_CUSTOMER: Record<string, string> = {
  ...Object.fromEntries(
    DERIVED_TABLES.map((table) => [table, 'search indexes and report figures derived from the exported rows'])
  ),
  ...Object.fromEntries(
    ['day_closes', 'day_close_documents', 'day_close_hand_overs', 'payment_re_entries'].map((table) => [
      table,
      'the shop’s cash-up: which of the exported receipts and hand-overs a day counted'
    ])
  ),
  ...Object.fromEntries(
    [
      'parts',
      'part_barcodes',
      'part_models',
      'stock_movements',
      'stock_adjustments',
      'stocktakes',
      'stocktake_lines',
      'faulty_parts',
      'return_batches'
    ].map((table) => [table, 'the shop’s stock: what went into their device is in work_order_parts'])
  ),
  ...Object.fromEntries(
    [
      'product_models',
      'product_categories',
      'warranty_policies',
      'code_entries',
      'fault_actions',
      'service_bulletins',
      'shop_settings',
      'number_sequences',
      'roles'
    ].map((table) => [table, 'the shop’s or the brand’s reference data'])
  ),
  ...Object.fromEntries(
    ['users', 'sessions', 'desks', 'desk_pairing_codes', 'desk_settings', 'request_log', 'hq_connection'].map(
      (table) => [table, 'the staff and the shop network, with secrets']
    )
  ),
  ...Object.fromEntries(
    [
      'outbox',
      'hq_pull_cursors',
      'hq_push_batches',
      'hq_catalogue_prices',
      'hq_claim_decisions',
      'hq_pulled_rows_refused',
      'hq_return_batch_status'
    ].map((table) => [table, 'HQ sync: copies of exported records on their way, and HQ’s own'])
  ),
  audit_log: 'the staff’s accountability trail; an erasure takes the person’s values out of it',
  print_log: 'which documents staff printed: the documents themselves are exported',
  counter_sales: 'a counter sale names no customer, only what was typed: it cannot be told whose it is',
  counter_sale_lines: 'lines of counter sales (above)',
  warranty_accessory_remedies: 'an accessory exchange is recorded against the unit, not a customer',
  warranty_claim_steps: 'the shop’s own filing of an exported claim with the brand, and the brand’s answer',
  ...Object.fromEntries(
    ['warranty_import_runs', 'warranty_import_rows', 'warranty_import_undo'].map((table) => [
      table,
      'registry imports under way: the units they bring are in warranty_units'
    ])
  ),
  schema_migrations: 'the app’s own',
  sqlite_sequence: 'SQLite’s own'
}

describe('a customer with one record of each kind', () => {
  let app: AppContext
  let asking: PersonRecords
  let archive: OpenedArchive

  beforeAll(async () => {
    const shop = await initializedApp()
    app = shop.app
    asking = await customerWithEveryRecord(app, shop.adminToken, A_PERSON)
    await customerWithEveryRecord(app, shop.adminToken, SOMEONE_ELSE)
    const file = await callOk(
      app,
      'dataExport.customer',
      { customerId: asking.customerId, language: 'zh-CN' },
      shop.adminToken
    )
    archive = await openArchive(file.base64)
  }, 60_000)

  it('puts every table of the schema in the export or says why it is not about the customer', () => {
    const undecided = schemaTables(app).filter(
      (table) => !(table in PERSON_FILES) && !(table in NOT_ABOUT_THE_CUSTOMER)
    )
    expect(undecided).toEqual([])
    for (const file of Object.values(PERSON_FILES)) {
      expect(archive.names, file).toContain(file)
      expect(archive.readme, file).toContain(file)
    }
  })

  it('holds each of their records, with the words they said and staff wrote', () => {
    const jobs = [asking.paid.number, asking.warranty.number, asking.unpaid.number].sort()
    expect(rowsOf(archive, 'ready_notices.csv')).toEqual([
      expect.objectContaining({ 工单号: asking.paid.number, 方式: 'sms' })
    ])
    const calls = rowsOf(archive, 'follow_ups.csv')
    expect(calls.map((call) => call['工单号']).sort()).toEqual([asking.paid.number, asking.unpaid.number].sort())
    expect(calls.find((call) => call['工单号'] === asking.paid.number)).toMatchObject({
      客户意见: A_PERSON.comment,
      维修速度评分: '40',
      已联系上: '1'
    })
    expect(rowsOf(archive, 'complaints.csv')).toEqual([
      expect.objectContaining({
        工单号: asking.paid.number,
        内容: A_PERSON.complaint,
        来源: 'follow_up',
        状态: 'handling'
      })
    ])
    expect(rowsOf(archive, 'complaint_events.csv').map((event) => event['说明'])).toEqual([
      A_PERSON.complaint,
      asking.staffNotes[2]
    ])
    expect(rowsOf(archive, 'work_order_part_requests.csv')).toEqual([
      expect.objectContaining({ 工单号: asking.paid.number, 说明: asking.staffNotes[0] })
    ])
    expect(rowsOf(archive, 'unpaid_hand_overs.csv')).toEqual([
      expect.objectContaining({ 工单号: asking.unpaid.number, 原因: asking.staffNotes[1], 批准人: ADMIN.displayName })
    ])
    expect(rowsOf(archive, 'tax_invoice_numbers.csv')).toEqual([expect.objectContaining({ 税务发票号: '04400123' })])
    expect(rowsOf(archive, 'warranty_claims.csv')).toEqual([
      expect.objectContaining({ 工单号: asking.warranty.number })
    ])
    expect(rowsOf(archive, 'receipt_headers.csv').map((header) => header['客户手机'])).toEqual(
      rowsOf(archive, 'invoices.csv').map(() => A_PERSON.mobile)
    )
    const payment = rowsOf(archive, 'payments.csv').find((row) => row['工单号'] === asking.paid.number)!
    expect(rowsOf(archive, 'restore_dropped_money.csv')).toEqual([
      expect.objectContaining({ 工单号: asking.paid.number, 客户姓名: A_PERSON.name, '金额(元)': payment['金额(元)'] })
    ])
    expect(rowsOf(archive, 'warranty_units.csv')).toEqual([
      expect.objectContaining({ 序列号: A_PERSON.serial, 购买人: A_PERSON.name, 购买人电话: A_PERSON.mobile })
    ])
    expect(
      rowsOf(archive, 'work_orders.csv')
        .map((row) => row['工单号'])
        .sort()
    ).toEqual(jobs)
  })

  it("holds nobody else's", () => {
    const everything = Object.values(archive.raw)
      .map((bytes) => bytes.toString('utf8'))
      .join('\n')
    for (const value of Object.values(SOMEONE_ELSE)) expect(everything, value).not.toContain(value)
  })

  it('shows times in the shop’s time zone and money in yuan', () => {
    const [notice] = rowsOf(archive, 'ready_notices.csv')
    const stored = app.sqlite
      .prepare('SELECT notified_at FROM ready_notices WHERE work_order_id = ?')
      .pluck()
      .get(asking.paid.id) as string
    // The test shop is in Beijing: eight hours ahead of the stored UTC instant.
    const beijing = new Date(Date.parse(stored) + 8 * 60 * 60_000).toISOString()
    expect(notice!['通知时间']).toBe(`${beijing.slice(0, 10)} ${beijing.slice(11, 19)}`)
  })
})
