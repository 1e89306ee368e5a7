import { describe, expect, it } from 'vitest'
import { auditRows, callError, callOk, countRows, SHOP } from '../helpers'
import { driveTo, openOrder, staffedShopPerFile } from '../workOrders/fixtures'

const DAY = 24 * 60 * 60_000
const warm = { attitude: 90, speed: 85, quality: 95, price: 80 } // average 87.5: satisfied
const cold = { attitude: 90, speed: 60, quality: 90, price: 70 } // average 77.5: not satisfied

describe('the message for a device that goes back unrepaired', () => {
  // A shop of its own: the defaults must not have been replaced by another test's templates.
  const ownShop = staffedShopPerFile()

  it('tells a customer whose device goes back unrepaired that it was not repaired', async () => {
    const { app, adminToken, staff } = ownShop()
    const message = (workOrderId: string, language: 'zh-CN' | 'en') =>
      callOk(app, 'customerContact.readyMessage', { workOrderId, language }, staff.frontDesk.token)
    const cancelled = await driveTo(app, adminToken, 'cancelled')
    const unrepaired = await driveTo(app, adminToken, 'returned_unrepaired')
    const repaired = await driveTo(app, adminToken, 'ready_for_pickup')
    // The shop's own wording was never saved: the defaults speak.
    for (const job of [cancelled, unrepaired]) {
      const zh = await message(job.id, 'zh-CN')
      expect(zh.ready).toBe(true)
      expect(zh.text).toContain(job.order.number)
      expect(zh.text).toContain('未维修')
      expect(zh.text).not.toContain('修好')
      expect((await message(job.id, 'en')).text).toContain('was not repaired')
    }
    expect((await message(repaired.id, 'zh-CN')).text).toContain('已修好')

    const settings = await callOk(app, 'customerContact.settings', {}, staff.manager.token)
    await callOk(
      app,
      'customerContact.saveSettings',
      {
        ...settings,
        unrepairedTemplates: {
          'zh-CN': '{number} 退回，取机码 {claimCode}',
          en: '{number} back to you, code {claimCode}'
        }
      },
      staff.manager.token
    )
    expect((await message(cancelled.id, 'en')).text).toBe(
      `${cancelled.order.number} back to you, code ${'*'.repeat(cancelled.claimCode.length)}`
    )
    expect((await message(repaired.id, 'zh-CN')).text).toContain('已修好')
  })
})

describe('the ready-for-pick-up message', () => {
  const shop = staffedShopPerFile()

  it('fills the shop template with the job, claim code and hours, in Chinese or English', async () => {
    const { app, adminToken, staff } = shop()
    const { id, claimCode, order } = await driveTo(app, adminToken, 'ready_for_pickup')
    await callOk(
      app,
      'customerContact.saveSettings',
      {
        readyTemplates: {
          'zh-CN': '{shop}：{customer}，工单{number}已修好，取机码{claimCode}，{hours}',
          en: '{number} ready, code {claimCode}, {hours}'
        },
        unrepairedTemplates: {
          'zh-CN': '工单{number}未维修，取机码{claimCode}',
          en: '{number} not repaired, {claimCode}'
        },
        openingHours: { 'zh-CN': '周一至周六 9-18', en: 'Mon-Sat 9-18' },
        followUpDays: 3
      },
      staff.manager.token
    )
    const zh = await callOk(
      app,
      'customerContact.readyMessage',
      { workOrderId: id, language: 'zh-CN' },
      staff.frontDesk.token
    )
    // On screen at the counter: the code is masked.
    const masked = '*'.repeat(claimCode.length)
    expect(zh.text).toBe(
      `${SHOP.name}：${order.customer.name}，工单${order.number}已修好，取机码${masked}，周一至周六 9-18`
    )
    expect(zh.text).not.toContain(claimCode)
    expect(zh.ready).toBe(true)
    const en = await callOk(
      app,
      'customerContact.readyMessage',
      { workOrderId: id, language: 'en' },
      staff.frontDesk.token
    )
    expect(en.text).toBe(`${order.number} ready, code ${masked}, Mon-Sat 9-18`)

    // Only the copy carries the code, and each copy is audited.
    const copied = await callOk(
      app,
      'customerContact.copyReadyMessage',
      { workOrderId: id, language: 'en' },
      staff.frontDesk.token
    )
    expect(copied.text).toBe(`${order.number} ready, code ${claimCode}, Mon-Sat 9-18`)
    expect(auditRows(app, 'customerContact.copyReadyMessage').filter((row) => row.entityId === id)).toHaveLength(1)
  })

  it('refuses a template with a field no job fills, naming it, or without the claim code; nothing changes', async () => {
    const { app, staff } = shop()
    const settings = await callOk(app, 'customerContact.settings', {}, staff.manager.token)
    const auditBefore = countRows(app, 'audit_log')
    const save = (changes: Partial<typeof settings>) =>
      callError(app, 'customerContact.saveSettings', { ...settings, ...changes }, staff.manager.token)
    expect(
      await save({
        readyTemplates: {
          ...settings.readyTemplates,
          en: 'Code {claimCode}{claimCodeX}, {unknown} {claim code} {unknown}'
        }
      })
    ).toMatchObject({
      code: 'VALIDATION',
      details: {
        fields: [
          {
            path: 'readyTemplates.en',
            messageKey: 'validation.templateUnknownFields',
            params: { fields: '{claimCodeX} {unknown} {claim code}' }
          }
        ]
      }
    })
    // The customer collects with the claim code: neither pick-up message may leave it out.
    expect(
      await save({
        unrepairedTemplates: { ...settings.unrepairedTemplates, 'zh-CN': '{customer}您好，{number} 可以取回了' }
      })
    ).toMatchObject({
      details: {
        fields: [
          {
            path: 'unrepairedTemplates.zh-CN',
            messageKey: 'validation.templateNeedsClaimCode',
            params: { field: '{claimCode}' }
          }
        ]
      }
    })
    expect(countRows(app, 'audit_log')).toBe(auditBefore)
    expect(await callOk(app, 'customerContact.settings', {}, staff.manager.token)).toEqual(settings)
  })

  it('gives the code to no one once the device is collected, nor to a technician', async () => {
    const { app, adminToken, staff } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, 'ready_for_pickup')
    const input = { workOrderId: id, language: 'zh-CN' as const }
    expect(await callError(app, 'customerContact.copyReadyMessage', input, staff.techA.token)).toMatchObject({
      code: 'FORBIDDEN'
    })
    await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)
    expect(await callError(app, 'customerContact.copyReadyMessage', input, staff.frontDesk.token)).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.jobNotReady'
    })
    expect(auditRows(app, 'customerContact.copyReadyMessage').filter((row) => row.entityId === id)).toHaveLength(0)
  })

  it('records who told the customer and when, on the job and its timeline; refuses once collected', async () => {
    const { app, adminToken, staff } = shop()
    const { id, claimCode } = await driveTo(app, adminToken, 'ready_for_pickup')
    const told = await callOk(
      app,
      'customerContact.markNotified',
      { workOrderId: id, language: 'zh-CN', channel: 'wechat' },
      staff.frontDesk.token
    )
    expect(told.notices).toHaveLength(1)
    expect(told.notices[0]).toMatchObject({ channel: 'wechat', notifiedByName: staff.frontDesk.user.displayName })
    const order = await callOk(app, 'workOrders.get', { id }, staff.frontDesk.token)
    expect(order.events.some((event) => event.kind === 'customer_notified')).toBe(true)
    expect(auditRows(app, 'customerContact.markNotified').filter((row) => row.entityId === id)).toHaveLength(1)

    await callOk(app, 'workOrders.pickup', { id, claimCode, confirmed: true }, staff.frontDesk.token)
    const refused = await callError(
      app,
      'customerContact.markNotified',
      { workOrderId: id, language: 'zh-CN', channel: 'sms' },
      staff.frontDesk.token
    )
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.jobNotReady' })
    expect(countRows(app, 'ready_notices')).toBeGreaterThanOrEqual(1)
  })

  it('is the counter’s: a technician may not send it', async () => {
    const { app, adminToken, staff } = shop()
    const { id } = await driveTo(app, adminToken, 'ready_for_pickup')
    expect(
      await callError(app, 'customerContact.readyMessage', { workOrderId: id, language: 'en' }, staff.techA.token)
    ).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('a template saved before the claim-code rule', () => {
  // A shop of its own: its stored template must not reach another test's messages.
  const ownShop = staffedShopPerFile()

  it('does not block saving the other settings, but is checked once it is changed', async () => {
    const { app, staff } = ownShop()
    // The shop's own wording from before the rule, stored as that release saved it.
    const oldWording = { 'zh-CN': '{customer}您好，{number} 已修好，请来取机', en: '{number} is ready' }
    app.sqlite
      .prepare(
        `INSERT INTO shop_settings (key, value, updated_at, updated_by)
         VALUES ('contact.readyTemplates', ?, '2026-01-05T02:00:00.000Z', NULL)`
      )
      .run(JSON.stringify(oldWording))
    const settings = await callOk(app, 'customerContact.settings', {}, staff.manager.token)
    expect(settings.readyTemplates).toEqual(oldWording)

    const saved = await callOk(
      app,
      'customerContact.saveSettings',
      { ...settings, followUpDays: 5, openingHours: { ...settings.openingHours, en: 'Mon-Fri 9-17' } },
      staff.manager.token
    )
    expect(saved).toMatchObject({ followUpDays: 5, readyTemplates: oldWording })

    // Editing the old English template without adding the code is refused under that template.
    const edited = { ...saved, readyTemplates: { ...oldWording, en: '{number} is ready, come by' } }
    expect(await callError(app, 'customerContact.saveSettings', edited, staff.manager.token)).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'readyTemplates.en', messageKey: 'validation.templateNeedsClaimCode' }] }
    })
    expect(await callOk(app, 'customerContact.settings', {}, staff.manager.token)).toEqual(saved)
  })
})

describe('the follow-up call', () => {
  const shop = staffedShopPerFile()

  /** A picked-up job's follow-up, due at once (the shop calls the same day). */
  async function pickedUpFollowUp() {
    const { app, adminToken, staff } = shop()
    const settings = await callOk(app, 'customerContact.settings', {}, staff.manager.token)
    await callOk(app, 'customerContact.saveSettings', { ...settings, followUpDays: 0 }, staff.manager.token)
    const { id } = await driveTo(app, adminToken, 'picked_up')
    const due = await callOk(app, 'customerContact.followUps', { status: 'due', pageSize: 200 }, staff.frontDesk.token)
    const followUp = due.rows.find((row) => row.workOrderId === id)
    if (!followUp) throw new Error('no follow-up due for the picked-up job')
    return { app, staff, id, followUp }
  }

  it('is opened by the pick-up, due the shop’s number of days later, and not listed as due before', async () => {
    const { app, adminToken, staff } = shop()
    const settings = await callOk(app, 'customerContact.settings', {}, staff.manager.token)
    await callOk(app, 'customerContact.saveSettings', { ...settings, followUpDays: 2 }, staff.manager.token)
    const { id, order } = await driveTo(app, adminToken, 'picked_up')
    // The test shop is in Asia/Shanghai (UTC+8, no summer time).
    const pickedUpDay = new Date(Date.parse(order.pickedUpAt!) + 8 * 3600_000).toISOString().slice(0, 10)
    const expectedDue = new Date(Date.parse(`${pickedUpDay}T00:00:00Z`) + 2 * DAY).toISOString().slice(0, 10)
    const all = await callOk(app, 'customerContact.followUps', { status: 'all', pageSize: 200 }, staff.frontDesk.token)
    expect(all.rows.find((row) => row.workOrderId === id)).toMatchObject({
      dueDate: expectedDue,
      status: 'open',
      attempts: 0,
      overdue: false
    })
    const due = await callOk(app, 'customerContact.followUps', { status: 'due', pageSize: 200 }, staff.frontDesk.token)
    expect(due.rows.some((row) => row.workOrderId === id)).toBe(false)
  })

  it('is not opened for a job that was cancelled', async () => {
    const { app, adminToken, staff } = shop()
    const { id } = await driveTo(app, adminToken, 'cancelled')
    const all = await callOk(app, 'customerContact.followUps', { status: 'all', pageSize: 200 }, staff.frontDesk.token)
    expect(all.rows.some((row) => row.workOrderId === id)).toBe(false)
  })

  it('a satisfied answer closes it with the scores and their average, and opens no complaint', async () => {
    const { app, staff, followUp } = await pickedUpFollowUp()
    const result = await callOk(
      app,
      'customerContact.recordCall',
      { followUpId: followUp.id, reached: true, scores: warm, comment: '很满意' },
      staff.frontDesk.token
    )
    expect(result.followUp).toMatchObject({ status: 'done', reached: true, average: 87.5, satisfied: true })
    expect(result.complaint).toBeNull()
    expect(
      await callError(
        app,
        'customerContact.recordCall',
        { followUpId: followUp.id, reached: true, scores: warm },
        staff.frontDesk.token
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.followUpClosed' })
  })

  it('a low average opens a complaint linked to the job, which the manager moves to its close', async () => {
    const { app, staff, id, followUp } = await pickedUpFollowUp()
    const result = await callOk(
      app,
      'customerContact.recordCall',
      { followUpId: followUp.id, reached: true, scores: cold, comment: '等太久了' },
      staff.frontDesk.token
    )
    expect(result.followUp).toMatchObject({ average: 77.5, satisfied: false, complaintId: result.complaint!.id })
    expect(result.complaint).toMatchObject({ workOrderId: id, source: 'follow_up', status: 'open', average: 77.5 })
    expect(result.complaint!.description).toBe('等太久了')

    const unresolved = await callOk(app, 'customerContact.complaints', {}, staff.manager.token)
    expect(unresolved.rows.map((row) => row.id)).toContain(result.complaint!.id)
    expect(
      await callError(
        app,
        'customerContact.moveComplaint',
        { complaintId: result.complaint!.id, to: 'handling', note: '我来' },
        staff.frontDesk.token
      )
    ).toMatchObject({ code: 'FORBIDDEN' })
    await callOk(
      app,
      'customerContact.moveComplaint',
      { complaintId: result.complaint!.id, to: 'handling', note: '已致电道歉' },
      staff.manager.token
    )
    const closed = await callOk(
      app,
      'customerContact.moveComplaint',
      { complaintId: result.complaint!.id, to: 'closed', note: '赠送贴膜，客户接受' },
      staff.manager.token
    )
    expect(closed.events.map((event) => [event.fromStatus, event.toStatus, event.actorName])).toEqual([
      [null, 'open', staff.frontDesk.user.displayName],
      ['open', 'handling', staff.manager.user.displayName],
      ['handling', 'closed', staff.manager.user.displayName]
    ])
    expect(
      await callError(
        app,
        'customerContact.moveComplaint',
        { complaintId: result.complaint!.id, to: 'handling', note: '再开' },
        staff.manager.token
      )
    ).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.complaintMove' })
    const stillUnresolved = await callOk(app, 'customerContact.complaints', {}, staff.manager.token)
    expect(stillUnresolved.rows.map((row) => row.id)).not.toContain(result.complaint!.id)
  })

  it('a complaint told on the phone opens a case even when the scores are high', async () => {
    const { app, staff, followUp } = await pickedUpFollowUp()
    const result = await callOk(
      app,
      'customerContact.recordCall',
      { followUpId: followUp.id, reached: true, scores: warm, complaint: '取机时店员态度差' },
      staff.frontDesk.token
    )
    expect(result.complaint).toMatchObject({ description: '取机时店员态度差', source: 'follow_up' })
  })

  it('three calls that do not reach the customer end it as unreachable', async () => {
    const { app, staff, followUp } = await pickedUpFollowUp()
    const call = () =>
      callOk(
        app,
        'customerContact.recordCall',
        { followUpId: followUp.id, reached: false, scores: null },
        staff.frontDesk.token
      )
    expect((await call()).followUp).toMatchObject({ status: 'open', attempts: 1, reached: false })
    expect((await call()).followUp).toMatchObject({ status: 'open', attempts: 2 })
    expect((await call()).followUp).toMatchObject({ status: 'unreachable', attempts: 3, scores: null })
  })

  it('a reached customer needs all four scores; bad input changes nothing', async () => {
    const { app, staff, followUp } = await pickedUpFollowUp()
    const auditBefore = countRows(app, 'audit_log')
    const outboxBefore = countRows(app, 'outbox')
    // No score stands in for the customer's: the call is refused, under the scores.
    expect(
      await callError(
        app,
        'customerContact.recordCall',
        { followUpId: followUp.id, reached: true, scores: null },
        staff.frontDesk.token
      )
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: [{ path: 'scores', messageKey: 'validation.scoresRequired' }] }
    })
    expect(
      await callError(
        app,
        'customerContact.recordCall',
        { followUpId: followUp.id, reached: true, scores: { ...warm, price: 101 } },
        staff.frontDesk.token
      )
    ).toMatchObject({ code: 'VALIDATION' })
    expect(countRows(app, 'audit_log')).toBe(auditBefore)
    expect(countRows(app, 'outbox')).toBe(outboxBefore)
    const still = await callOk(
      app,
      'customerContact.followUps',
      { status: 'due', pageSize: 200 },
      staff.frontDesk.token
    )
    expect(still.rows.find((row) => row.id === followUp.id)).toMatchObject({
      status: 'open',
      attempts: 0,
      scores: null
    })
  })
})

describe('the complaints list', () => {
  const shop = staffedShopPerFile()

  it('finds a complaint by its number or its job’s, or by the end of the customer’s mobile', async () => {
    const { app, adminToken, staff } = shop()
    const opened = []
    for (const mobile of ['13712345678', '13787654321']) {
      const job = await openOrder(app, adminToken, { customer: { kind: 'new', fields: { name: '王五', mobile } } })
      const complaint = await callOk(
        app,
        'customerContact.openComplaint',
        { workOrderId: job.id, description: '等太久' },
        staff.frontDesk.token
      )
      opened.push({ job, complaint })
    }
    const [first, second] = opened as [(typeof opened)[0], (typeof opened)[0]]
    const found = async (query: string) => {
      const page = await callOk(app, 'customerContact.complaints', { status: 'all', query }, staff.manager.token)
      expect(page.total).toBe(page.rows.length)
      return page.rows.map((row) => row.id)
    }
    expect(await found('5678')).toEqual([first.complaint.id])
    expect(await found(` ${second.complaint.number.toLowerCase()} `)).toEqual([second.complaint.id])
    expect(await found(first.job.order.number)).toEqual([first.complaint.id])
    // Digits from the middle of a mobile are not its end: no one gives those on the phone.
    expect(await found('1234')).toEqual([])
    // A wildcard typed is a character, not "anything".
    expect(await found('%')).toEqual([])
    expect(await found('')).toEqual(expect.arrayContaining([first.complaint.id, second.complaint.id]))
  })
})
