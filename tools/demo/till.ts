import type { AppContext } from '../../src-main/app/context'
import type { Invoice } from '../../src-shared/contract'
import type { DocumentType } from '../../src-shared/domain/paper'
import type { PaymentMethod } from '../../src-shared/domain/invoice'
import { Checkout, roundUp } from './checkout'
import { DAY, duringOpeningHours, HOUR, MINUTE, startOfShopDay, type Counter } from './counter'
import { MANAGER, type Job, type Step } from './lifecycle'
import type { Random } from './random'

/**
 * The till over the history: deposits taken at check-in, a claim receipt printed for most jobs
 * left with the shop, the checkout at the moment a device goes back to its customer (see
 * checkout.ts), payment receipts and a few copies, a few credit notes, and the manager's day
 * close each evening but today's.
 */

export interface TillState {
  invoices: number
  creditNotes: number
  closes: number
  prints: number
}

const DEPOSIT_MIX: readonly (readonly [PaymentMethod, number])[] = [
  ['wechat_pay', 42],
  ['alipay', 28],
  ['cash', 24],
  ['bank_card', 6]
]
const CLOSE_AT = { hour: 20, minute: 10 }

const yuan = (fen: number) => (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)

/** What the till has done so far: counts for the summary, and each job's invoice for copies and credit notes. */
export class TillRecord {
  readonly state: TillState = { invoices: 0, creditNotes: 0, closes: 0, prints: 0 }
  readonly invoices = new Map<Job, Invoice>()

  async print(counter: Counter, by: string, documentType: DocumentType, entityId: string): Promise<void> {
    await counter.call(by, 'printing.print', { documentType, entityId })
    this.state.prints++
  }
}

/**
 * Plans the till alongside the repairs: sets the deposits on the jobs' intakes and wraps their
 * intake and hand-over steps (so the checkout comes right before the pick-up, in the same moment),
 * and returns the steps of its own: credit notes, reprints and the day closes.
 */
export function planTill(
  random: Random,
  app: AppContext,
  jobs: readonly Job[],
  options: { from: number; days: number; now: number }
): { steps: Step[]; state: TillState } {
  const record = new TillRecord()
  const checkout = new Checkout(random, app, record)
  const steps: Step[] = []
  for (const job of jobs) {
    takeDeposit(random, job)
    printClaimReceipt(random, record, job)
    const handover = job.handover
    if (!handover) continue
    checkOutAtHandover(checkout, job, handover)
    const copy = receiptCopy(random, record, job, handover)
    if (copy) steps.push(copy)
    const correction = creditNote(random, record, job, handover)
    if (correction) steps.push(correction)
  }
  steps.push(...dayCloses(random, record, options))
  return { steps, state: record.state }
}

/**
 * A deposit on a good share of the paid repairs with a large estimate (handed back if the job is
 * cancelled, applied at checkout otherwise): set on the intake before it runs.
 */
function takeDeposit(random: Random, job: Job): void {
  const estimateFen = job.intake?.estimateFen ?? 0
  if (!job.intake || job.spec.serviceType !== 'paid_repair' || estimateFen < 30_000) return
  if (!random.chance(estimateFen >= 100_000 ? 0.7 : estimateFen >= 50_000 ? 0.5 : 0.2)) return
  // Most leave a round sum; some pay the whole estimate up front (and may get some back).
  job.intake.depositFen = random.chance(0.12)
    ? roundUp(estimateFen, 10_000)
    : Math.max(
        10_000,
        Math.min(random.pick([10_000, 20_000, 30_000, 50_000]), Math.floor(estimateFen / 20_000) * 10_000)
      )
  // Large sums go by phone or card rather than in notes.
  job.intake.depositMethod = random.weighted(
    job.intake.depositFen > 30_000 ? DEPOSIT_MIX.filter(([method]) => method !== 'cash') : DEPOSIT_MIX
  )
}

/** The claim receipt, printed as the device is left with the shop (now and then a second copy). */
function printClaimReceipt(random: Random, record: TillRecord, job: Job): void {
  const intake = job.steps[0]!
  const receipt = random.chance(0.93)
  const copy = random.chance(0.01)
  const intakeRun = intake.run
  intake.run = async (counter) => {
    await intakeRun(counter)
    const by = job.intake ? job.desk : MANAGER
    if (receipt) await record.print(counter, by, 'claim_receipt', job.id)
    if (receipt && copy) await record.print(counter, by, 'claim_receipt', job.id)
  }
}

/**
 * The money is taken at the hand-over: before the device goes back when it was collected, after
 * it when it goes back unrepaired (an inspection fee, or the deposit back).
 */
function checkOutAtHandover(checkout: Checkout, job: Job, handover: Step): void {
  const handoverRun = handover.run
  handover.run =
    job.ending === 'picked_up'
      ? async (counter) => {
          await checkout.checkOut(counter, job)
          await handoverRun(counter)
        }
      : async (counter) => {
          await handoverRun(counter)
          await checkout.checkOut(counter, job)
        }
}

/** A copy of the payment receipt, asked for days later (for an expense claim). */
function receiptCopy(random: Random, record: TillRecord, job: Job, handover: Step): Step | null {
  if (!random.chance(0.01)) return null
  return {
    at: duringOpeningHours(handover.at + random.int(1, 10) * DAY, random),
    run: async (counter) => {
      const invoice = record.invoices.get(job)
      if (invoice) await record.print(counter, job.desk, 'payment_receipt', invoice.id)
    }
  }
}

/** A few paid repairs are corrected by the manager days later, with a refund. */
function creditNote(random: Random, record: TillRecord, job: Job, handover: Step): Step | null {
  if (job.ending !== 'picked_up' || job.spec.serviceType !== 'paid_repair' || !random.chance(0.008)) return null
  const at = duringOpeningHours(handover.at + random.int(1, 6) * DAY + random.int(0, 6) * HOUR, random)
  const goodwill = random.chance(0.5)
  return {
    at,
    run: async (counter) => {
      const invoice = record.invoices.get(job)
      const labour = invoice?.lines.find(
        (line) => line.kind === 'labour' && line.payer === 'customer' && line.amountFen >= 2_000
      )
      if (!invoice || !labour) return
      const amountFen = Math.min(
        labour.amountFen,
        goodwill ? random.pick([5_000, 10_000]) : Math.max(2_000, Math.round((labour.amountFen * 0.4) / 1_000) * 1_000)
      )
      const reason = goodwill
        ? '客户投诉取机等待时间过长，店长同意退还部分工时费（商誉补偿）'
        : `工时费多收：按价目表应为 ${yuan(labour.amountFen - amountFen)} 元，退还差额`
      // The refund goes back the way most of the money came in.
      const paid = invoice.payments
        .filter((payment) => payment.kind === 'payment')
        .sort((a, b) => b.amountFen - a.amountFen)
      await counter.call(MANAGER, 'checkout.creditNote', {
        invoiceId: invoice.id,
        lines: [{ lineId: labour.id, amountFen }],
        reason,
        refundMethod: paid[0]?.method ?? 'cash'
      })
      record.state.creditNotes++
    }
  }
}

/**
 * The manager closes the till after the shop shuts; today's takings are left open (and, when the
 * demo is made before the shop's first hour, yesterday's too, so there is something to close).
 */
function dayCloses(random: Random, record: TillRecord, options: { from: number; days: number; now: number }): Step[] {
  const lastClosed = options.now - startOfShopDay(options.now) < 10 * HOUR ? options.days - 3 : options.days - 2
  const steps: Step[] = []
  for (let day = 0; day <= lastClosed; day++) {
    steps.push({
      at: options.from + day * DAY + CLOSE_AT.hour * HOUR + CLOSE_AT.minute * MINUTE,
      run: (counter) => closeTheDay(random, record, counter)
    })
  }
  return steps
}

/** The evening's count: now and then a little short or over, never below an empty drawer. */
async function closeTheDay(random: Random, record: TillRecord, counter: Counter): Promise<void> {
  const { expectedCashFen, payments, invoices, creditNotes } = await counter.call(MANAGER, 'dayClose.preview', {})
  // A day without a payment or a receipt has nothing to close (the shop refuses an empty close).
  if (payments.length === 0 && invoices === 0 && creditNotes === 0) return
  const roll = random.next()
  let countedCashFen = expectedCashFen
  let note = ''
  if (roll < 0.06) {
    const off = Math.min(expectedCashFen, random.pick([100, 500, 1_000, 2_000]))
    countedCashFen -= off
    note = off > 0 ? `短款 ${yuan(off)} 元，疑为找零出错，已登记` : ''
  } else if (roll < 0.1) {
    const over = random.pick([100, 200, 500, 1_000])
    countedCashFen += over
    note = `长款 ${yuan(over)} 元，顾客未取零钱`
  }
  if (countedCashFen < 0) {
    // More cash went out than came in (deposits handed back): the drawer's float paid it, and
    // the count cannot go below nothing.
    note = `现金退款多于收款 ${yuan(-countedCashFen)} 元，由备用金支付`
    countedCashFen = 0
  }
  const report = await counter.call(MANAGER, 'dayClose.close', { countedCashFen, expectedCashFen, note })
  record.state.closes++
  if (random.chance(0.8)) await record.print(counter, MANAGER, 'day_close_report', report.id!)
}
