import type { AppContext } from '../../../src-main/app/context'
import { callOk, MINUTE } from '../helpers'
import { finishedJob } from '../checkout/fixtures'
import type { FileShop } from './fixtures'

/** A close whose drawer the test does not count: a close with a difference says why. */
export const DRAWER_NOT_COUNTED = '测试未清点现金'

/** A job charged at the counter: cash over the bill unless the test says otherwise. */
export async function payJob(app: AppContext, token: string, workOrderId: string, extra: Record<string, unknown> = {}) {
  return callOk(
    app,
    'checkout.pay',
    { workOrderId, tenders: [{ method: 'cash', amountFen: 100_000 }], ...extra },
    token
  )
}

/**
 * An earlier copy; then job A paid (its receipt) and job B finished and unpaid; the copy. After
 * it: A refunded in part in cash, B paid exactly (by `tender`, cash by default), and the day
 * closed with its cash handed over unless `close` is false.
 */
export async function moneyAfterTheCopy(
  shop: FileShop,
  options: { tender?: 'cash' | 'wechat_pay'; close?: boolean } = {}
) {
  const { app, adminToken, clock } = shop
  const earlier = await callOk(app, 'backups.takeNow', {}, adminToken)
  clock.advance(MINUTE)
  const jobA = await finishedJob(app, adminToken, { serviceType: 'paid_repair' })
  const invoiceA = await payJob(app, adminToken, jobA.id)
  const jobB = await finishedJob(app, adminToken, { serviceType: 'paid_repair' })
  const copy = await callOk(app, 'backups.takeNow', {}, adminToken)

  clock.advance(MINUTE)
  const labourLine = invoiceA.lines.find((line) => line.kind === 'labour')!
  const refundInput = {
    invoiceId: invoiceA.id,
    lines: [{ lineId: labourLine.id, amountFen: 2_000 }],
    reason: '工时多收',
    refundMethod: 'cash' as const
  }
  const note = await callOk(app, 'checkout.creditNote', refundInput, adminToken)
  // The finished job's default labour and part: paid exactly, as WeChat Pay cannot pay over.
  const invoiceB = await payJob(app, adminToken, jobB.id, {
    tenders: [{ method: options.tender ?? 'cash', amountFen: 8_000 + 45_000 }]
  })
  clock.advance(MINUTE)
  const close =
    options.close === false
      ? null
      : await callOk(app, 'dayClose.close', { countedCashFen: 0, note: DRAWER_NOT_COUNTED }, adminToken)
  return { ...shop, earlier, copy, jobA, jobB, invoiceA, invoiceB, note, close, refundInput }
}
