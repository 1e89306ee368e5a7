import type { AppContext } from '../../src-main/app/context'
import type { Input, Invoice } from '../../src-shared/contract'
import type { DocumentType } from '../../src-shared/domain/paper'
import { invoiceTotals, type Payer, type PaymentMethod, type Tender } from '../../src-shared/domain/invoice'
import { DAY, duringOpeningHours, HOUR, MINUTE, startOfShopDay, type Counter } from './counter'
import { MANAGER, type Job, type Step } from './lifecycle'
import type { Random } from './random'

/**
 * The till over the history: deposits taken at check-in, a claim receipt printed for most jobs
 * left with the shop, the checkout at the moment a device goes back to its customer (warranty
 * jobs billed to the brand, paid ones by WeChat Pay and Alipay mostly, some cash with change,
 * cards, a few split payments; discounts, one now and then large enough for the manager; an
 * inspection fee for a job only inspected), payment receipts, a few credit notes, and the
 * manager's day close each evening but today's.
 */

export interface TillState {
  invoices: number
  creditNotes: number
  closes: number
  prints: number
}

const PAYMENT_MIX: readonly (readonly [PaymentMethod | 'split', number])[] = [
  ['wechat_pay', 44],
  ['alipay', 27],
  ['cash', 13],
  ['bank_card', 10],
  ['split', 5]
]
const DEPOSIT_MIX: readonly (readonly [PaymentMethod, number])[] = [
  ['wechat_pay', 42],
  ['alipay', 28],
  ['cash', 24],
  ['bank_card', 6]
]
const ACCESSORIES = [
  { description: '钢化膜（含贴膜）', unitPriceFen: 3_000 },
  { description: '手机保护壳', unitPriceFen: 3_900 },
  { description: '快充数据线', unitPriceFen: 2_900 }
]
const LAPTOP_ACCESSORIES = [
  { description: '键盘保护膜', unitPriceFen: 2_500 },
  { description: '笔记本内胆包', unitPriceFen: 6_900 }
]
/** Small discounts the counter gives on its own, within the threshold. */
const COUNTER_DISCOUNTS: readonly { reason: string; fen: number }[] = [
  { reason: '老客户优惠', fen: 2_000 },
  { reason: '取机等待时间较长，优惠', fen: 3_000 },
  { reason: '多台设备同时送修优惠', fen: 5_000 },
  { reason: '学生优惠', fen: 1_000 }
]
/** The manager's discounts above the threshold, for big bills after a bad experience. */
const MANAGER_DISCOUNTS = ['备件到货延误近三周，店长特批减免', '同一设备多次送修，店长特批优惠']
const CLOSE_AT = { hour: 20, minute: 10 }

const yuan = (fen: number) => (fen / 100).toFixed(fen % 100 === 0 ? 0 : 2)
const roundUp = (fen: number, unit: number) => Math.ceil(fen / unit) * unit

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
  const state: TillState = { invoices: 0, creditNotes: 0, closes: 0, prints: 0 }
  const steps: Step[] = []
  const invoices = new Map<Job, Invoice>()
  // What the checkout screen shows, read straight from the books (a read leaves no trace, and
  // this saves a contract call per job): the labour and parts checkout will bill, the deposit
  // held, and the discount agreed with the quote.
  const labourLines = app.sqlite.prepare(
    `SELECT id, price_fen AS amountFen FROM work_order_labour WHERE work_order_id = ?`
  )
  const partLines = app.sqlite.prepare(
    `SELECT id, (quantity - returned_quantity) * unit_price_fen AS amountFen FROM work_order_parts WHERE work_order_id = ? AND returned_quantity < quantity`
  )
  const depositHeld = app.sqlite
    .prepare(
      `SELECT coalesce(sum(amount_fen), 0) FROM payments WHERE work_order_id = ? AND kind IN ('deposit', 'deposit_return')`
    )
    .pluck()
  const quoted = app.sqlite.prepare(
    `SELECT q.parts_fen AS partsFen, q.discount_fen AS discountFen, q.note FROM work_orders w JOIN quotes q ON q.id = w.current_quote_id WHERE w.id = ? AND q.customer_decision = 'approved'`
  )
  let thresholdFen: number | null = null

  const print = async (counter: Counter, by: string, documentType: DocumentType, entityId: string) => {
    await counter.call(by, 'printing.print', { documentType, entityId })
    state.prints++
  }

  /** Takes the money for a job as the counter would: who pays what, extra charges, discount and tenders. */
  async function checkout(counter: Counter, job: Job): Promise<void> {
    const warranty = job.spec.serviceType === 'warranty_repair'
    const payer: Payer = warranty ? 'brand' : 'customer'
    const earned = [
      ...(labourLines.all(job.id) as { id: string; amountFen: number }[]).map((line) => ({
        ...line,
        kind: 'labour',
        payer
      })),
      ...(partLines.all(job.id) as { id: string; amountFen: number }[]).map((line) => ({
        ...line,
        kind: 'part',
        payer
      }))
    ]
    const depositFen = depositHeld.get(job.id) as number
    thresholdFen ??= (await counter.call(MANAGER, 'settings.get', {})).approvalThresholdFen
    const phone = job.spec.deviceKind === 'phone'
    const payers: Record<string, Payer> = {}
    const charges: NonNullable<Input<'checkout.pay'>['charges']> = []

    if (job.ending === 'inspected' && random.chance(0.85)) {
      charges.push({
        description: '检测费',
        quantity: 1,
        unitPriceFen: phone || job.spec.deviceKind === 'laptop' ? 5_000 : 8_000,
        payer: 'customer'
      })
    }
    const quote = quoted.get(job.id) as { partsFen: number; discountFen: number; note: string } | undefined
    if (job.ending === 'picked_up') {
      // Components the warehouse does not stock (chips, solder work) are billed as quoted.
      if (quote && quote.partsFen > 0 && !earned.some((line) => line.kind === 'part')) {
        charges.push({ description: '维修元器件及辅料', quantity: 1, unitPriceFen: quote.partsFen, payer: 'customer' })
      }
      // Appearance damage is not covered: the brand refuses that part, and the customer pays it.
      const parts = earned.filter((line) => line.kind === 'part')
      if (warranty && parts.length > 0 && random.chance(0.05)) payers[random.pick(parts).id] = 'customer'
      const accessories = phone ? ACCESSORIES : job.spec.deviceKind === 'laptop' ? LAPTOP_ACCESSORIES : []
      if (accessories.length > 0 && random.chance(warranty ? 0.06 : 0.08))
        charges.push({ ...random.pick(accessories), quantity: 1, payer: 'customer' })
    }

    const lines = [
      ...earned.map((line) => ({ quantity: 1, unitPriceFen: line.amountFen, payer: payers[line.id] ?? line.payer })),
      ...charges
    ]
    const customerFen = lines
      .filter((line) => line.payer === 'customer')
      .reduce((sum, line) => sum + line.quantity * line.unitPriceFen, 0)
    if (lines.length === 0 && depositFen === 0) return

    // The discount agreed with the quote, or one the counter gives; rarely a big one by the manager.
    let cashier = job.desk
    let discountFen = 0
    let discountReason = ''
    if (quote && quote.discountFen > 0) {
      discountFen = Math.min(quote.discountFen, customerFen)
      discountReason = quote.note || '报价优惠'
    } else if (!warranty && customerFen >= 2.5 * thresholdFen && random.chance(0.12)) {
      cashier = MANAGER
      discountFen = thresholdFen + random.pick([5_000, 10_000, 20_000])
      discountReason = random.pick(MANAGER_DISCOUNTS)
    } else if (!warranty && customerFen > 0 && random.chance(0.07)) {
      const cents = (customerFen - depositFen) % 1_000
      if (cents > 0 && random.chance(0.4)) {
        discountFen = cents
        discountReason = '抹零'
      } else {
        const offer = random.pick(COUNTER_DISCOUNTS)
        discountFen = Math.min(offer.fen, customerFen)
        discountReason = offer.reason
      }
    }

    const totals = invoiceTotals(lines, discountFen, depositFen)
    const invoice = await counter.call(cashier, 'checkout.pay', {
      workOrderId: job.id,
      payers,
      charges,
      discountFen,
      discountReason,
      tenders: tenders(random, totals.dueFen)
    })
    invoices.set(job, invoice)
    state.invoices++
    if (random.chance(0.7)) await print(counter, cashier, 'payment_receipt', invoice.id)
  }

  for (const job of jobs) {
    // A deposit on a good share of the paid repairs with a large estimate (handed back if the job
    // is cancelled, applied at checkout otherwise).
    const estimateFen = job.intake?.estimateFen ?? 0
    if (job.intake && job.spec.serviceType === 'paid_repair' && estimateFen >= 30_000) {
      if (random.chance(estimateFen >= 100_000 ? 0.7 : estimateFen >= 50_000 ? 0.5 : 0.2)) {
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
    }

    // The claim receipt, printed as the device is left with the shop (now and then a second copy).
    const intake = job.steps[0]!
    const receipt = random.chance(0.93)
    const copy = random.chance(0.01)
    const intakeRun = intake.run
    intake.run = async (counter) => {
      await intakeRun(counter)
      const by = job.intake ? job.desk : MANAGER
      if (receipt) await print(counter, by, 'claim_receipt', job.id)
      if (receipt && copy) await print(counter, by, 'claim_receipt', job.id)
    }

    const handover = job.handover
    if (!handover) continue
    const handoverRun = handover.run
    if (job.ending === 'picked_up') {
      handover.run = async (counter) => {
        await checkout(counter, job)
        await handoverRun(counter)
      }
    } else {
      // Handed back unrepaired: an inspection fee, or the deposit back.
      handover.run = async (counter) => {
        await handoverRun(counter)
        await checkout(counter, job)
      }
    }

    // A copy of the payment receipt, asked for days later (for an expense claim).
    if (random.chance(0.01)) {
      const at = duringOpeningHours(handover.at + random.int(1, 10) * DAY, random)
      steps.push({
        at,
        run: async (counter) => {
          const invoice = invoices.get(job)
          if (invoice) await print(counter, job.desk, 'payment_receipt', invoice.id)
        }
      })
    }

    // A few paid repairs are corrected by the manager days later, with a refund.
    if (job.ending === 'picked_up' && job.spec.serviceType === 'paid_repair' && random.chance(0.008)) {
      const at = duringOpeningHours(handover.at + random.int(1, 6) * DAY + random.int(0, 6) * HOUR, random)
      const goodwill = random.chance(0.5)
      steps.push({
        at,
        run: async (counter) => {
          const invoice = invoices.get(job)
          const labour = invoice?.lines.find(
            (line) => line.kind === 'labour' && line.payer === 'customer' && line.amountFen >= 2_000
          )
          if (!invoice || !labour) return
          const amountFen = Math.min(
            labour.amountFen,
            goodwill
              ? random.pick([5_000, 10_000])
              : Math.max(2_000, Math.round((labour.amountFen * 0.4) / 1_000) * 1_000)
          )
          const reason = goodwill
            ? '客户投诉取机等待时间过长，店长同意退还部分工时费（商誉补偿）'
            : `工时费多收：按价目表应为 ${yuan(labour.amountFen - amountFen)} 元，退还差额`
          const paid = invoice.payments
            .filter((payment) => payment.kind === 'payment')
            .sort((a, b) => b.amountFen - a.amountFen)
          await counter.call(MANAGER, 'checkout.creditNote', {
            invoiceId: invoice.id,
            lines: [{ lineId: labour.id, amountFen }],
            reason,
            refundMethod: paid[0]?.method ?? 'cash'
          })
          state.creditNotes++
        }
      })
    }
  }

  // The manager closes the till after the shop shuts; today's takings are left open (and, when the
  // demo is made before the shop's first hour, yesterday's too, so there is something to close).
  const lastClosed = options.now - startOfShopDay(options.now) < 10 * HOUR ? options.days - 3 : options.days - 2
  for (let day = 0; day <= lastClosed; day++) {
    const at = options.from + day * DAY + CLOSE_AT.hour * HOUR + CLOSE_AT.minute * MINUTE
    steps.push({
      at,
      run: async (counter) => {
        const { expectedCashFen } = await counter.call(MANAGER, 'dayClose.preview', {})
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
        state.closes++
        if (random.chance(0.8)) await print(counter, MANAGER, 'day_close_report', report.id!)
      }
    })
  }
  return { steps, state }
}

/**
 * How the customer pays what is due: by phone mostly, cash rounded up to a note (with change),
 * a card, a bank transfer for big bills, or some cash and the rest by phone or card.
 */
function tenders(random: Random, dueFen: number): Tender[] {
  if (dueFen === 0) return []
  // A big bill for a company's laptop or air conditioner is now and then paid by bank transfer.
  if (dueFen >= 150_000 && random.chance(0.15)) return [{ method: 'bank_transfer', amountFen: dueFen }]
  let method = random.weighted(PAYMENT_MIX)
  if (method === 'split' && dueFen < 30_000) method = 'alipay'
  if (method === 'cash')
    return [
      {
        method: 'cash',
        amountFen: roundUp(
          dueFen,
          random.weighted([
            [1_000, 3],
            [5_000, 3],
            [10_000, 4]
          ])
        )
      }
    ]
  if (method !== 'split') return [{ method, amountFen: dueFen }]
  const rest = random.weighted<PaymentMethod>([
    ['wechat_pay', 5],
    ['alipay', 3],
    ['bank_card', 2]
  ])
  if (random.chance(0.7)) {
    // The cash in the wallet, the rest by phone or card.
    const cash = Math.max(10_000, Math.floor((dueFen * (0.2 + random.next() * 0.4)) / 10_000) * 10_000)
    return [
      { method: 'cash', amountFen: cash },
      { method: rest, amountFen: dueFen - cash }
    ]
  }
  // Two phones or a card and a phone: what one account could not cover.
  const first = Math.floor((dueFen * (0.3 + random.next() * 0.4)) / 100) * 100
  const other = rest === 'wechat_pay' ? 'alipay' : 'wechat_pay'
  return [
    { method: rest, amountFen: first },
    { method: other, amountFen: dueFen - first }
  ]
}
