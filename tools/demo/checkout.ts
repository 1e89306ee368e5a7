import type { AppContext } from '../../src-main/app/context'
import type { Input } from '../../src-shared/contract'
import { invoiceTotals, type Payer, type PaymentMethod, type Tender } from '../../src-shared/domain/invoice'
import type { Counter } from './counter'
import { MANAGER, type Job } from './lifecycle'
import type { Random } from './random'
import type { TillRecord } from './till'

/**
 * The checkout at the moment a device goes back to its customer: warranty jobs billed to the
 * brand, paid ones by WeChat Pay and Alipay mostly, some cash with change, cards, a few split
 * payments; extra charges (an inspection fee, a case, a part the warranty does not cover);
 * discounts, one now and then large enough for the manager; a payment receipt for most.
 */

const PAYMENT_MIX: readonly (readonly [PaymentMethod | 'split', number])[] = [
  ['wechat_pay', 44],
  ['alipay', 27],
  ['cash', 13],
  ['bank_card', 10],
  ['split', 5]
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

export const roundUp = (fen: number, unit: number) => Math.ceil(fen / unit) * unit

/** A line the job has earned: its labour and the parts issued to it (less what came back). */
interface EarnedLine {
  id: string
  amountFen: number
  kind: 'labour' | 'part'
  payer: Payer
}

/** The quote the customer approved, as the checkout screen shows it. */
interface ApprovedQuote {
  partsFen: number
  discountFen: number
  note: string
}

type Charge = NonNullable<Input<'checkout.pay'>['charges']>[number]

/** Who takes the money and what is taken off the bill. */
interface Discount {
  cashier: string
  discountFen: number
  discountReason: string
}

/**
 * What the checkout screen shows, read straight from the books (a read leaves no trace, and this
 * saves a contract call per job): the labour and parts checkout will bill, the deposit held, and
 * the discount agreed with the quote.
 */
interface CheckoutScreen {
  earnedLines(workOrderId: string, payer: Payer): EarnedLine[]
  depositHeldFen(workOrderId: string): number
  approvedQuote(workOrderId: string): ApprovedQuote | undefined
}

function checkoutScreen(app: AppContext): CheckoutScreen {
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
  return {
    earnedLines: (workOrderId, payer) => [
      ...(labourLines.all(workOrderId) as { id: string; amountFen: number }[]).map((line) => ({
        ...line,
        kind: 'labour' as const,
        payer
      })),
      ...(partLines.all(workOrderId) as { id: string; amountFen: number }[]).map((line) => ({
        ...line,
        kind: 'part' as const,
        payer
      }))
    ],
    depositHeldFen: (workOrderId) => depositHeld.get(workOrderId) as number,
    approvedQuote: (workOrderId) => quoted.get(workOrderId) as ApprovedQuote | undefined
  }
}

/** The counter checking jobs out over the history; it learns the manager's approval threshold once. */
export class Checkout {
  private readonly screen: CheckoutScreen
  private thresholdFen: number | null = null

  constructor(
    private readonly random: Random,
    app: AppContext,
    private readonly till: TillRecord
  ) {
    this.screen = checkoutScreen(app)
  }

  /** Takes the money for a job as the counter would: who pays what, extra charges, discount and tenders. */
  async checkOut(counter: Counter, job: Job): Promise<void> {
    const random = this.random
    const warranty = job.spec.serviceType === 'warranty_repair'
    const earned = this.screen.earnedLines(job.id, warranty ? 'brand' : 'customer')
    const depositFen = this.screen.depositHeldFen(job.id)
    this.thresholdFen ??= (await counter.call(MANAGER, 'settings.get', {})).approvalThresholdFen
    const quote = this.screen.approvedQuote(job.id)
    const { charges, payers } = this.extraCharges(job, earned, quote)

    const lines = [
      ...earned.map((line) => ({ quantity: 1, unitPriceFen: line.amountFen, payer: payers[line.id] ?? line.payer })),
      ...charges
    ]
    const customerFen = lines
      .filter((line) => line.payer === 'customer')
      .reduce((sum, line) => sum + line.quantity * line.unitPriceFen, 0)
    if (lines.length === 0 && depositFen === 0) return

    const { cashier, discountFen, discountReason } = this.discount(job, quote, customerFen, depositFen)
    const totals = invoiceTotals(lines, discountFen, depositFen)
    const invoice = await counter.call(cashier, 'checkout.pay', {
      workOrderId: job.id,
      payers,
      charges,
      discountFen,
      discountReason,
      tenders: tenders(random, totals.dueFen)
    })
    this.till.invoices.set(job, invoice)
    this.till.state.invoices++
    if (random.chance(0.7)) await this.till.print(counter, cashier, 'payment_receipt', invoice.id)
  }

  /**
   * What is billed besides the work: an inspection fee for a job only inspected; for a collected
   * one, components the warehouse does not stock, a part the warranty does not cover (paid by the
   * customer), and now and then an accessory sold at the counter.
   */
  private extraCharges(
    job: Job,
    earned: readonly EarnedLine[],
    quote: ApprovedQuote | undefined
  ): { charges: Charge[]; payers: Record<string, Payer> } {
    const random = this.random
    const warranty = job.spec.serviceType === 'warranty_repair'
    const phone = job.spec.deviceKind === 'phone'
    const payers: Record<string, Payer> = {}
    const charges: Charge[] = []
    if (job.ending === 'inspected' && random.chance(0.85)) {
      charges.push({
        description: '检测费',
        quantity: 1,
        unitPriceFen: phone || job.spec.deviceKind === 'laptop' ? 5_000 : 8_000,
        payer: 'customer'
      })
    }
    if (job.ending !== 'picked_up') return { charges, payers }
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
    return { charges, payers }
  }

  /** The discount agreed with the quote, or one the counter gives; rarely a big one by the manager. */
  private discount(job: Job, quote: ApprovedQuote | undefined, customerFen: number, depositFen: number): Discount {
    const random = this.random
    const warranty = job.spec.serviceType === 'warranty_repair'
    const thresholdFen = this.thresholdFen!
    if (quote && quote.discountFen > 0) {
      return {
        cashier: job.desk,
        discountFen: Math.min(quote.discountFen, customerFen),
        discountReason: quote.note || '报价优惠'
      }
    }
    if (!warranty && customerFen >= 2.5 * thresholdFen && random.chance(0.12)) {
      return {
        cashier: MANAGER,
        discountFen: thresholdFen + random.pick([5_000, 10_000, 20_000]),
        discountReason: random.pick(MANAGER_DISCOUNTS)
      }
    }
    if (!warranty && customerFen > 0 && random.chance(0.07)) {
      const cents = (customerFen - depositFen) % 1_000
      if (cents > 0 && random.chance(0.4)) return { cashier: job.desk, discountFen: cents, discountReason: '抹零' }
      const offer = random.pick(COUNTER_DISCOUNTS)
      return { cashier: job.desk, discountFen: Math.min(offer.fen, customerFen), discountReason: offer.reason }
    }
    return { cashier: job.desk, discountFen: 0, discountReason: '' }
  }
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
  return splitTenders(random, dueFen)
}

/** Some cash and the rest by phone or card, or two phones: what one account could not cover. */
function splitTenders(random: Random, dueFen: number): Tender[] {
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
  const first = Math.floor((dueFen * (0.3 + random.next() * 0.4)) / 100) * 100
  const other = rest === 'wechat_pay' ? 'alipay' : 'wechat_pay'
  return [
    { method: rest, amountFen: first },
    { method: other, amountFen: dueFen - first }
  ]
}
