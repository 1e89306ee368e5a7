import { beforeAll, describe, expect, it } from 'vitest'
import type { AppContext } from '../../../src-main/app/context'
import { auditRows, callError, callOk, createUserAndSignIn, initializedApp, type SignedInUser } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import { intake } from '../workOrders/fixtures'
import { openArchive, rowsOf } from '../dataExport/archiveReader'
import { customerNameIn, ERASED_CUSTOMER_NAME } from '../../../src-shared/domain/erasedCustomer'
import { tracesOf } from './traces'
import { A_PERSON, customerWithEveryRecord, SOMEONE_ELSE, type PersonRecords } from './everyRecord'

const NAME = '欧阳娜娜'
const MOBILE = '13912345678'
const OTHER_PHONE = '010-8888 1234'
const MERGED_MOBILE = '13987654321'
const ADDRESS = '北京市海淀区中关村大街1号'

function moneyTotals(app: AppContext) {
  return app.sqlite
    .prepare(
      `SELECT (SELECT COUNT(*) FROM work_orders) AS jobs, (SELECT COUNT(*) FROM payments) AS payments,
              (SELECT SUM(amount_fen) FROM payments) AS paid, (SELECT COUNT(*) FROM invoices) AS invoices,
              (SELECT SUM(due_fen) FROM invoices) AS due, (SELECT COUNT(*) FROM devices) AS devices`
    )
    .get()
}

describe('erasing a customer on request', () => {
  let app: AppContext
  let adminToken: string
  let manager: SignedInUser
  let customerId: string
  let jobId: string
  let before: unknown

  beforeAll(async () => {
    const shop = await initializedApp()
    app = shop.app
    adminToken = shop.adminToken
    manager = await createUserAndSignIn(app, adminToken, 'manager')
    const job = await finishedJob(app, adminToken, {
      serviceType: 'paid_repair',
      intake: {
        customer: {
          kind: 'new',
          fields: { name: NAME, mobile: MOBILE, otherPhones: [OTHER_PHONE], address: ADDRESS, notes: '喜欢微信联系' }
        },
        reportedFault: `不开机，修好请打${MOBILE}`,
        passcode: { consent: true, value: '8642' }
      }
    })
    jobId = job.id
    await callOk(
      app,
      'checkout.pay',
      { workOrderId: job.id, tenders: [{ method: 'cash', amountFen: 53_000 }] },
      adminToken
    )
    customerId = (await callOk(app, 'workOrders.get', { id: job.id }, adminToken)).customer.id
    // The same person once recorded twice, folded in by a manager: the duplicate is the person too.
    const duplicate = await callOk(
      app,
      'customers.create',
      { name: `${NAME}（旧）`, mobile: MERGED_MOBILE },
      adminToken
    )
    await callOk(app, 'customers.merge', { keepId: customerId, mergeId: duplicate.id }, manager.token)
    await callOk(app, 'customers.create', { name: '路人甲', mobile: '13700000009' }, adminToken)
    before = moneyTotals(app)
  })

  it('is refused to roles below manager', async () => {
    for (const role of ['front_desk', 'technician', 'warehouse_clerk'] as const) {
      const user = await createUserAndSignIn(app, adminToken, role)
      expect((await callError(app, 'customers.erase', { id: customerId }, user.token)).code, role).toBe('FORBIDDEN')
    }
    expect(tracesOf(app, MOBILE).length).toBeGreaterThan(0)
  })

  it('keeps the jobs and payments and removes every trace of the name and phones', async () => {
    const erased = await callOk(app, 'customers.erase', { id: customerId }, manager.token)
    expect(erased.erasedAt).not.toBeNull()
    expect(erased.mobile).toBeNull()
    expect(moneyTotals(app)).toEqual(before)
    for (const value of [MOBILE, MERGED_MOBILE, '8888 1234', '01088881234', NAME, '中关村大街', '喜欢微信联系'])
      expect(tracesOf(app, value), value).toEqual([])
    const order = app.sqlite
      .prepare('SELECT passcode, reported_fault AS fault FROM work_orders WHERE id = ?')
      .get(jobId)
    expect(order).toEqual({ passcode: null, fault: '不开机，修好请打***' })
  })

  it('is no longer found by name or phone, while the job still opens', async () => {
    for (const query of [NAME, MOBILE, '8888', '']) {
      const page = await callOk(app, 'customers.search', { query, page: 1, pageSize: 50 }, adminToken)
      expect(
        page.rows.map((row) => row.id),
        query
      ).not.toContain(customerId)
    }
    for (const search of [NAME, MOBILE]) {
      const jobs = await callOk(app, 'workOrders.list', { search, page: 1, pageSize: 50 }, adminToken)
      expect(jobs.total, search).toBe(0)
    }
    const other = await callOk(app, 'customers.search', { query: '路人甲', page: 1, pageSize: 50 }, adminToken)
    expect(other.rows[0]?.mobile).toBe('13700000009')
    const job = await callOk(app, 'workOrders.get', { id: jobId }, adminToken)
    expect(job.customer.id).toBe(customerId)
    expect(job.customer.erasedAt).not.toBeNull()
  })

  it('is audited by who and when, without bringing the person back', () => {
    const [row] = auditRows(app, 'customers.erase')
    expect(row?.actorId).toBe(manager.user.id)
    expect(row?.entityId).toBe(customerId)
    expect(JSON.stringify(row?.after)).not.toContain(NAME)
  })

  it('is not filled in again or merged once erased', async () => {
    const update = await callError(
      app,
      'customers.update',
      { id: customerId, name: NAME, mobile: MOBILE, otherPhones: [], address: '', notes: '', tags: [] },
      adminToken
    )
    expect(update.messageKey).toBe('errors.customerErased')
    const other = await callOk(app, 'customers.create', { name: '路人乙', mobile: '13700000010' }, adminToken)
    for (const pair of [
      { keepId: customerId, mergeId: other.id },
      { keepId: other.id, mergeId: customerId }
    ])
      expect((await callError(app, 'customers.merge', pair, manager.token)).messageKey).toBe('errors.customerErased')
    expect(tracesOf(app, MOBILE)).toEqual([])
  })

  it("is named in the reader's language: stored as before, an English export says so in English", async () => {
    expect((await callOk(app, 'workOrders.get', { id: jobId }, adminToken)).customer.name).toBe(ERASED_CUSTOMER_NAME)
    const names = async (language: 'zh-CN' | 'en', file: string, column: string) => {
      const archive = await openArchive((await callOk(app, 'dataExport.shop', { language }, adminToken)).base64)
      return rowsOf(archive, file).map((row) => row[column])
    }
    expect(await names('en', 'customers.csv', 'Name')).toContain('Erased customer')
    expect(await names('en', 'work_orders.csv', 'Customer name')).toContain('Erased customer')
    expect(await names('en', 'customers.csv', 'Name')).not.toContain(ERASED_CUSTOMER_NAME)
    expect(await names('zh-CN', 'customers.csv', '姓名')).toContain(ERASED_CUSTOMER_NAME)
    // Anyone else keeps their name in either language.
    expect(await names('en', 'customers.csv', 'Name')).toContain('路人甲')
  })
})

describe("an erased customer's name as read", () => {
  it("is the placeholder in the reader's language, and any other name as it is", () => {
    expect(customerNameIn(ERASED_CUSTOMER_NAME, 'en')).toBe('Erased customer')
    expect(customerNameIn(ERASED_CUSTOMER_NAME, 'zh-CN')).toBe('已删除客户')
    expect(customerNameIn('已删除客户的朋友', 'en')).toBe('已删除客户的朋友')
    expect(customerNameIn('Erased customer', 'zh-CN')).toBe('Erased customer')
  })
})

describe("the erased customer's placeholder as a living customer's name", () => {
  it('is refused on the customer form and at check-in, so no one is taken for an erased customer', async () => {
    const { app, adminToken } = await initializedApp()
    const onTheForm = await callError(
      app,
      'customers.create',
      { name: ERASED_CUSTOMER_NAME, mobile: MOBILE },
      adminToken
    )
    expect(onTheForm).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'name', messageKey: 'validation.nameReservedForErased' }] }
    })
    const customer = await callOk(app, 'customers.create', { name: NAME, mobile: MOBILE }, adminToken)
    const renamed = await callError(
      app,
      'customers.update',
      { ...customer, name: ` ${ERASED_CUSTOMER_NAME} ` },
      adminToken
    )
    expect(renamed).toMatchObject({ code: 'VALIDATION' })
    expect((await callOk(app, 'customers.get', { id: customer.id }, adminToken)).customer.name).toBe(NAME)
    const checkIn = intake({ customer: { kind: 'new', fields: { name: ERASED_CUSTOMER_NAME, mobile: MERGED_MOBILE } } })
    expect(await callError(app, 'workOrders.create', checkIn, adminToken)).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'customer.fields.name', messageKey: 'validation.nameReservedForErased' }] }
    })
  })
})

describe('erasing a customer whose phone changed before', () => {
  it('takes out a former phone too, from the jobs and the audit trail', async () => {
    const { app, adminToken } = await initializedApp()
    const FORMER = '13611112222'
    const CURRENT = '13633334444'
    const order = await callOk(
      app,
      'workOrders.create',
      intake({
        customer: { kind: 'new', fields: { name: NAME, mobile: FORMER } },
        reportedFault: `屏幕碎了，修好请打${FORMER}`
      }),
      adminToken
    )
    const customerId = order.workOrder.customer.id
    const update = { id: customerId, name: NAME, mobile: CURRENT, otherPhones: [], address: '', notes: '', tags: [] }
    await callOk(app, 'customers.update', update, adminToken)
    await callOk(app, 'customers.erase', { id: customerId }, adminToken)
    expect(tracesOf(app, FORMER)).toEqual([])
    expect(tracesOf(app, CURRENT)).toEqual([])
    const fault = app.sqlite
      .prepare('SELECT reported_fault FROM work_orders WHERE id = ?')
      .pluck()
      .get(order.workOrder.id)
    expect(fault).toBe('屏幕碎了，修好请打***')
  })

  it('leaves a former phone to the customer who holds it now', async () => {
    const { app, adminToken } = await initializedApp()
    const FORMER = '13655556666'
    const leaver = await callOk(app, 'customers.create', { name: NAME, mobile: FORMER }, adminToken)
    const moved = {
      id: leaver.id,
      name: NAME,
      mobile: '13677778888',
      otherPhones: [],
      address: '',
      notes: '',
      tags: []
    }
    await callOk(app, 'customers.update', moved, adminToken)
    // The number went to someone else, who is a customer now.
    const holder = await callOk(app, 'customers.create', { name: '路人丙', mobile: FORMER }, adminToken)
    await callOk(app, 'customers.erase', { id: leaver.id }, adminToken)
    expect((await callOk(app, 'customers.get', { id: holder.id }, adminToken)).customer.mobile).toBe(FORMER)
    const [created] = auditRows(app, 'customers.create').filter((row) => row.entityId === holder.id)
    expect(JSON.stringify(created?.after)).toContain(FORMER)
    // On the leaver's own rows the former phone is gone.
    const own = auditRows(app).filter((row) => row.entityId === leaver.id)
    expect(JSON.stringify(own)).not.toContain(FORMER)
  })
})

describe('erasing a customer with one record of each kind', () => {
  let app: AppContext
  let person: PersonRecords
  let other: PersonRecords

  beforeAll(async () => {
    const shop = await initializedApp()
    app = shop.app
    person = await customerWithEveryRecord(app, shop.adminToken, A_PERSON)
    other = await customerWithEveryRecord(app, shop.adminToken, SOMEONE_ELSE)
    await callOk(app, 'customers.erase', { id: person.customerId }, shop.adminToken)
  }, 60_000)

  it('leaves their words, name and phone nowhere: calls, complaints, hand-overs, requests, dropped money, audit, outbox', () => {
    for (const value of [A_PERSON.name, A_PERSON.mobile, A_PERSON.comment, A_PERSON.complaint])
      expect(tracesOf(app, value), value).toEqual([])
    for (const note of person.staffNotes) expect(tracesOf(app, note), note).toEqual([])
  })

  it('keeps the scores, statuses and history, with the staff’s words around the person', () => {
    const call = app.sqlite
      .prepare('SELECT comment, speed, status FROM follow_ups WHERE work_order_id = ?')
      .get(person.paid.id)
    expect(call).toEqual({ comment: '', speed: 40, status: 'done' })
    const complaint = app.sqlite
      .prepare('SELECT id, description, status FROM complaints WHERE work_order_id = ?')
      .get(person.paid.id) as { id: string; description: string; status: string }
    expect(complaint).toMatchObject({ description: '***', status: 'handling' })
    const notes = app.sqlite
      .prepare('SELECT note FROM complaint_events WHERE complaint_id = ? ORDER BY at, id')
      .pluck()
      .all(complaint.id)
    expect(notes).toEqual(['***', '已回电***（***），同意返修'])
    const handOver = app.sqlite.prepare('SELECT reason FROM unpaid_hand_overs WHERE work_order_id = ?').pluck()
    expect(handOver.get(person.unpaid.id)).toBe('***明天转账')
    const dropped = app.sqlite
      .prepare(
        'SELECT customer_name AS name, dealt_with_note AS note FROM restore_dropped_money WHERE work_order_id = ?'
      )
      .get(person.paid.id)
    expect(dropped).toEqual({ name: ERASED_CUSTOMER_NAME, note: '***来电确认已付' })
  })

  it('tells HQ the call without the comment, as HQ keeps what it was sent', () => {
    const sent = app.sqlite
      .prepare("SELECT payload_json FROM outbox WHERE entity = 'follow_up' ORDER BY seq DESC LIMIT 1")
      .pluck()
      .get() as string
    expect(JSON.parse(sent)).toMatchObject({ workOrderId: person.paid.id, comment: '', speed: 40, status: 'done' })
  })

  it("leaves everyone else's records as they were", () => {
    for (const value of [
      SOMEONE_ELSE.name,
      SOMEONE_ELSE.mobile,
      SOMEONE_ELSE.comment,
      SOMEONE_ELSE.complaint,
      ...other.staffNotes
    ])
      expect(tracesOf(app, value), value).not.toEqual([])
    const call = app.sqlite.prepare('SELECT comment FROM follow_ups WHERE work_order_id = ?').pluck()
    expect(call.get(other.paid.id)).toBe(SOMEONE_ELSE.comment)
  })
})
