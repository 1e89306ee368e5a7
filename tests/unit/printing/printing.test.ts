import { describe, expect, it } from 'vitest'
import type { PrintJob } from '../../../src-main/features/printing/port'
import { callError, callOk } from '../helpers'
import { driveTo, openOrder, staffedShopPerFile } from '../workOrders/fixtures'
import { daysPeriodEnd } from '../../../src-shared/domain/warranty/policy'

const shop = staffedShopPerFile()

describe('printing', () => {
  it('counts every print: the first is the original, later ones are copies and audited', async () => {
    const { app, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token)
    expect(
      await callOk(app, 'printing.count', { documentType: 'claim_receipt', entityId: id }, staff.frontDesk.token)
    ).toEqual({ printNumber: 0 })
    expect(
      await callOk(app, 'printing.print', { documentType: 'claim_receipt', entityId: id }, staff.frontDesk.token)
    ).toEqual({ mode: 'browser', printNumber: 1 })
    expect(
      await callOk(app, 'printing.print', { documentType: 'claim_receipt', entityId: id }, staff.frontDesk.token)
    ).toEqual({ mode: 'browser', printNumber: 2 })
    // Another document of the same order keeps its own count.
    expect(
      (await callOk(app, 'printing.print', { documentType: 'device_label', entityId: id }, staff.frontDesk.token))
        .printNumber
    ).toBe(1)
    const reprints = app.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'printing.reprint' AND entity_id = ?")
      .get(id) as { n: number }
    expect(reprints.n).toBe(1)
  })

  it('remembers one paper and printer per document type, and refuses a paper the document cannot go on', async () => {
    const { app, staff } = shop()
    const defaults = await callOk(app, 'printing.settings', {}, staff.frontDesk.token)
    expect(defaults.payment_receipt).toEqual({ paper: 'roll_80', printerName: '', silent: false })
    const saved = await callOk(
      app,
      'printing.saveSettings',
      { settings: { payment_receipt: { paper: 'roll_58', printerName: 'XP-58', silent: true } } },
      staff.manager.token
    )
    expect(saved.payment_receipt).toEqual({ paper: 'roll_58', printerName: 'XP-58', silent: true })
    expect(saved.claim_receipt).toEqual(defaults.claim_receipt)
    const wrong = await callError(
      app,
      'printing.saveSettings',
      { settings: { device_label: { paper: 'a4', printerName: '', silent: false } } },
      staff.manager.token
    )
    expect(wrong.details?.fields?.[0]).toMatchObject({
      path: 'settings.device_label.paper',
      messageKey: 'validation.paperDoesNotFit'
    })
    expect((await callError(app, 'printing.saveSettings', { settings: {} }, staff.frontDesk.token)).code).toBe(
      'FORBIDDEN'
    )
  })

  it('in the desktop app sends the document’s route to the printer set for its type, marked with its print number', async () => {
    const { app, staff } = shop()
    const jobs: PrintJob[] = []
    app.printing = {
      printers: async () => [{ name: 'XP-58', displayName: 'XP-58' }],
      print: async (job) => void jobs.push(job)
    }
    try {
      await callOk(
        app,
        'printing.saveSettings',
        { settings: { device_label: { paper: 'label_40x30', printerName: 'GP-3120TU', silent: true } } },
        staff.manager.token
      )
      const { id } = await openOrder(app, staff.frontDesk.token)
      expect(
        await callOk(app, 'printing.print', { documentType: 'device_label', entityId: id }, staff.frontDesk.token)
      ).toEqual({ mode: 'shell', printNumber: 1 })
      expect(jobs).toEqual([
        {
          route: `/print/device_label/${id}?paper=label_40x30&print=1`,
          paper: 'label_40x30',
          printerName: 'GP-3120TU',
          silent: true,
          token: staff.frontDesk.token
        }
      ])
      expect(await callOk(app, 'printing.printers', {}, staff.frontDesk.token)).toEqual({
        shell: true,
        printers: [{ name: 'XP-58', displayName: 'XP-58' }]
      })
    } finally {
      delete app.printing
    }
  })

  it('gives the claim code for printing only to the counter, never to the bench', async () => {
    const { app, staff } = shop()
    const opened = await openOrder(app, staff.frontDesk.token)
    const atCounter = await callOk(app, 'printing.workOrderDocument', { workOrderId: opened.id }, staff.frontDesk.token)
    expect(atCounter.claimCode).toBe(opened.claimCode)
    expect(atCounter.shop.name).toBeTruthy()
    expect(atCounter.repairWarranty.days).toBeGreaterThan(0)
    const atBench = await callOk(app, 'printing.workOrderDocument', { workOrderId: opened.id }, staff.techA.token)
    expect(atBench.claimCode).toBeNull()
  })
})

describe('the repair warranty slip', () => {
  it('before hand-over states the days only; from hand-over it states the dates', async () => {
    const { app, staff, adminToken } = shop()
    const ready = await driveTo(app, adminToken, 'ready_for_pickup')
    const before = await callOk(app, 'printing.workOrderDocument', { workOrderId: ready.id }, staff.frontDesk.token)
    expect(before.repairWarranty).toEqual({ days: before.repairWarranty.days, startsOn: null, endsOn: null })
    expect(before.repairWarranty.days).toBeGreaterThan(0)

    await callOk(app, 'workOrders.pickup', { id: ready.id, claimCode: ready.claimCode, confirmed: true }, adminToken)
    const after = await callOk(app, 'printing.workOrderDocument', { workOrderId: ready.id }, staff.frontDesk.token)
    const { startsOn, endsOn, days } = after.repairWarranty
    expect(days).toBe(before.repairWarranty.days)
    expect(startsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(endsOn).toBe(daysPeriodEnd(startsOn!, days))
  })
})

describe('who may print what', () => {
  it('a document prints only for roles that may see it, only on a paper it fits, and only if it exists', async () => {
    const { app, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token)
    expect(
      (await callError(app, 'printing.print', { documentType: 'claim_receipt', entityId: id }, staff.techA.token)).code
    ).toBe('FORBIDDEN')
    expect(
      (await callError(app, 'printing.print', { documentType: 'payment_receipt', entityId: id }, staff.techA.token))
        .code
    ).toBe('FORBIDDEN')
    expect(
      (await callOk(app, 'printing.print', { documentType: 'device_label', entityId: id }, staff.techA.token))
        .printNumber
    ).toBe(1)
    const a4Label = await callError(
      app,
      'printing.print',
      { documentType: 'device_label', entityId: id, paper: 'a4' },
      staff.frontDesk.token
    )
    expect(a4Label.details?.fields?.[0]).toMatchObject({ path: 'paper', messageKey: 'validation.paperDoesNotFit' })
    expect(
      (await callError(app, 'printing.print', { documentType: 'payment_receipt', entityId: id }, staff.frontDesk.token))
        .code
    ).toBe('NOT_FOUND')
  })

  it('a print the printer refused is not counted, so the next one is still the original', async () => {
    const { app, staff } = shop()
    const { id } = await openOrder(app, staff.frontDesk.token)
    app.printing = { printers: async () => [], print: async () => Promise.reject(new Error('out of paper')) }
    try {
      expect(
        (await callError(app, 'printing.print', { documentType: 'device_label', entityId: id }, staff.frontDesk.token))
          .code
      ).toBe('INTERNAL')
    } finally {
      delete app.printing
    }
    expect(
      await callOk(app, 'printing.count', { documentType: 'device_label', entityId: id }, staff.frontDesk.token)
    ).toEqual({ printNumber: 0 })
  })
})
