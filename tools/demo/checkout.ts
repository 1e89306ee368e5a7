import type { AppContext } from '../../src-main/app/context'
import type { Input } from '../../src-shared/contract'
import { billedToCustomerFen } from '../../src-shared/domain/acceptedQuote'
import { discountNeedsApproval } from '../../src-shared/domain/discount'
import { invoiceTotals, payersFor, type Payer, type PaymentMethod, type Tender } from '../../src-shared/domain/invoice'
import type { Counter } from './counter'
import { MANAGER, type Job } from './lifecycle'
import { DEMO_PASSWORD } from './shop'
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

/** A line the job has earned, as the checkout screen lists it: labour (entered or as quoted) and parts. */
interface EarnedLine {
  /** The labour line, issued part or quote it bills: the key the counter chooses a payer by. */
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

/** What is taken off the bill and why; a large one comes with the manager who approved it. */
interface Discount {
  discountFen: number
  discountReason: string
  /** The manager who agreed to it with the customer (they type their name and password at the desk). */
  approvedBy?: string
}

/** The checkout screen of a job, from checkout.draft (the bill as the server will make it) and the quote's note. */
interface CheckoutScreen {
  earned: EarnedLine[]
  depositFen: number
  thresholdFen: number
  quote: ApprovedQuote | undefined
}

/** The counter checking jobs out over the history. */
export class Checkout {
  /** The accepted quote's note, which the draft leaves out (a read leaves no trace). */
  private readonly quoteNote: { get(workOrderId: string): unknown }

  constructor(
    private readonly random: Random,
    app: AppContext,
    private readonly till: TillRecord
  ) {
    this.quoteNote = app.sqlite
      .prepare(`SELECT q.note FROM work_orders w JOIN quotes q ON q.id = w.current_quote_id WHERE w.id = ?`)
      .pluck()
  }

  /** The checkout screen as the desk opens it: what the job has earned, the deposit and the accepted quote. */
  private async screen(counter: Counter, job: Job): Promise<CheckoutScreen> {
    const draft = await counter.call(job.desk, 'checkout.draft', { workOrderId: job.id })
    const accepted = draft.acceptedQuote
    return {
      earned: draft.lines.map((line) => ({
        id: line.sourceId ?? '',
        amountFen: line.amountFen,
        kind: line.kind === 'part' ? 'part' : 'labour',
        payer: line.payer
      })),
      depositFen: draft.depositFen,
      thresholdFen: draft.approvalThresholdFen,
      quote: accepted
        ? {
            partsFen: accepted.partsFen,
            discountFen: accepted.discountFen,
            note: (this.quoteNote.get(job.id) as string | undefined) ?? ''
          }
        : undefined
    }
  }

  /** Takes the money for a job as the counter would: who pays what, extra charges, discount and tenders. */
  async checkOut(counter: Counter, job: Job): Promise<void> {
    const random = this.random
    const { earned, depositFen, thresholdFen, quote } = await this.screen(counter, job)
    const { charges, payers } = this.extraCharges(job, earned, quote)

    const lines = [
      ...earned.map((line) => ({ quantity: 1, unitPriceFen: line.amountFen, payer: payers[line.id] ?? line.payer })),
      ...charges
    ]
    const customerFen = lines
      .filter((line) => line.payer === 'customer')
      .reduce((sum, line) => sum + line.quantity * line.unitPriceFen, 0)
    if (lines.length === 0 && depositFen === 0) return

    const { discountFen, discountReason, approvedBy } = this.discount(job, quote, customerFen, depositFen, thresholdFen)
    const totals = invoiceTotals(lines, discountFen, depositFen)
    // The desk takes the money; a discount above the threshold is approved by the manager on the
    // spot, whoever proposed it (the quote's discount was agreed before the threshold applied).
    const manager = approvedBy ?? (discountNeedsApproval(discountFen, thresholdFen) ? MANAGER : undefined)
    const invoice = await counter.call(job.desk, 'checkout.pay', {
      workOrderId: job.id,
      payers,
      charges,
      discountFen,
      discountReason,
      tenders: tenders(random, totals.dueFen),
      ...(manager ? { managerApproval: { username: manager, password: DEMO_PASSWORD } } : {}),
      // A bill that is not the accepted quote (an accessory bought at the counter, components
      // billed apart, a discount given at the desk) is shown to the customer, who says yes there.
      ...(quote ? { newAmountAccepted: { billedFen: billedToCustomerFen(totals), channel: 'in_person' as const } } : {})
    })
    this.till.invoices.set(job, invoice)
    this.till.state.invoices++
    if (random.chance(0.7)) await this.till.print(counter, job.desk, 'payment_receipt', invoice.id)
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
    // A job the brand or the shop covers; the customer pays only what it does not.
    const warranty = payersFor(job.spec.serviceType).length > 1
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
  private discount(
    job: Job,
    quote: ApprovedQuote | undefined,
    customerFen: number,
    depositFen: number,
    thresholdFen: number
  ): Discount {
    const random = this.random
    const warranty = payersFor(job.spec.serviceType).length > 1
    if (quote && quote.discountFen > 0) {
      return { discountFen: Math.min(quote.discountFen, customerFen), discountReason: quote.note || '报价优惠' }
    }
    if (!warranty && customerFen >= 2.5 * thresholdFen && random.chance(0.12)) {
      return {
        approvedBy: MANAGER,
        discountFen: thresholdFen + random.pick([5_000, 10_000, 20_000]),
        discountReason: random.pick(MANAGER_DISCOUNTS)
      }
    }
    if (!warranty && customerFen > 0 && random.chance(0.07)) {
      const cents = (customerFen - depositFen) % 1_000
      if (cents > 0 && random.chance(0.4)) return { discountFen: cents, discountReason: '抹零' }
      const offer = random.pick(COUNTER_DISCOUNTS)
      return { discountFen: Math.min(offer.fen, customerFen), discountReason: offer.reason }
    }
    return { discountFen: 0, discountReason: '' }
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
