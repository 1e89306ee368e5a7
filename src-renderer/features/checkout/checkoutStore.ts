import { defineStore } from 'pinia'
import { computed, reactive, ref, watch } from 'vue'
import type { CheckoutDraft, Input, Invoice, WorkOrderDetail } from '../../../src-shared/contract'
import {
  chargePayersFor,
  payersFor,
  type Payer,
  type PaymentMethod,
  type PricedLine
} from '../../../src-shared/domain/invoice'
import { discountNeedsManagerPresent } from '../../../src-shared/domain/discount'
import { billDiffersFromAcceptedQuote, billedToCustomerFen } from '../../../src-shared/domain/acceptedQuote'
import type { DecisionChannel } from '../../../src-shared/domain/repairTypes'
import { ApiError, call } from '../../api/client'
import { useSessionStore } from '../auth/sessionStore'
import { liveSettlement, liveTotals, nextTenderMethod } from './checkoutArithmetic'

export interface ChargeRow {
  key: number
  description: string
  quantity: number
  unitPriceFen: number
  payer: Payer
}

export interface TenderRow {
  key: number
  method: PaymentMethod
  amountFen: number
}

export interface ManagerApproval {
  username: string
  password: string
}

/** How a payment attempt ended, for the screen to act on. */
export type PaymentOutcome =
  | { kind: 'paid'; invoice: Invoice }
  | { kind: 'needsApproval' }
  | { kind: 'approvalRefused'; messageKey: string; params: Record<string, unknown> }
  | { kind: 'failed'; error: unknown }

/** Whether a job can be billed, as the work order's checkout button needs to know it. */
export type BillingState = Pick<CheckoutDraft, 'workOrderId' | 'invoiceId' | 'blockedReason'>

// A manager's password typed at this desk goes through its sign-in throttle too.
const APPROVAL_REFUSALS = new Set([
  'INVALID_CREDENTIALS',
  'FORBIDDEN',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'SIGN_IN_THROTTLED'
])

/**
 * Checkout of the work order on screen, and the invoice on screen. The checkout form (who pays
 * each line, extra charges, the discount, the tenders) lives here with its live totals, worked
 * out with the shared invoice arithmetic; the main process decides and records.
 */
export const useCheckoutStore = defineStore('checkout', () => {
  const session = useSessionStore()
  const draft = ref<CheckoutDraft | null>(null)
  const order = ref<WorkOrderDetail | null>(null)
  const invoice = ref<Invoice | null>(null)
  /** Every document of the invoice's work order: the invoice and its credit notes. */
  const related = ref<Invoice[]>([])

  let nextKey = 0
  /** Who pays each of the job's lines on a job with a choice of payer, by the line's source. */
  const payers = reactive<Record<string, Payer>>({})
  const charges = ref<ChargeRow[]>([])
  const discount = reactive({ fen: 0, reason: '' })
  const tenders = ref<TenderRow[]>([])
  /** Until the cashier types an amount, the single payment row follows the amount due. */
  const tendersTouched = ref(false)
  const paid = ref<Invoice | null>(null)
  const paying = ref(false)
  /** The counter checked the money records a restore dropped on this job, and charges it anyway. */
  const droppedMoneyChecked = ref(false)
  /** The main process's word on each field of the last payment refused. */
  const fieldErrors = ref<Record<string, string>>({})

  /** Who may pay this job's lines, the default first; a choice only on a warranty job (the brand's or the shop's). */
  const payerChoices = computed<readonly Payer[]>(() =>
    draft.value ? payersFor(draft.value.serviceType) : ['customer']
  )
  const choosesPayer = computed(() => payerChoices.value.length > 1)
  /** Who may pay an extra charge: never the shop, whose warranty covers only the job's own work. */
  const chargePayerChoices = computed<readonly Payer[]>(() =>
    draft.value ? chargePayersFor(draft.value.serviceType) : ['customer']
  )
  const payable = computed(() => draft.value !== null && !draft.value.invoiceId && !draft.value.blockedReason)
  const payerOf = (line: { sourceId: string | null; payer: Payer }): Payer =>
    line.sourceId ? (payers[line.sourceId] ?? line.payer) : line.payer
  const chargePayer = (charge: ChargeRow): Payer =>
    chargePayerChoices.value.includes(charge.payer) ? charge.payer : 'customer'

  const pricedLines = computed<PricedLine[]>(() => [
    ...(draft.value?.lines ?? []).map((line) => ({
      quantity: line.quantity,
      unitPriceFen: line.unitPriceFen,
      payer: payerOf(line)
    })),
    ...charges.value.map((charge) => ({
      quantity: charge.quantity || 0,
      unitPriceFen: charge.unitPriceFen,
      payer: chargePayer(charge)
    }))
  ])
  const totalsState = computed(() => liveTotals(pricedLines.value, discount.fen, draft.value?.depositFen ?? 0))
  const totals = computed(() => totalsState.value.totals)
  const dueFen = computed(() => totals.value.dueFen)

  /** Whether a manager must approve this discount at the counter; the rule lives in the domain. */
  const discountNeedsManager = computed(
    () =>
      draft.value !== null &&
      discountNeedsManagerPresent(discount.fen, draft.value.approvalThresholdFen, session.user?.role ?? '')
  )

  /** What this bill asks of the customer, against the quote they accepted (the rule is the domain's). */
  const billedFen = computed(() => billedToCustomerFen(totals.value))
  const acceptedQuoteFen = computed(() => draft.value?.acceptedQuote?.totalFen ?? null)
  const differsFromQuote = computed(() => billDiffersFromAcceptedQuote(acceptedQuoteFen.value, billedFen.value))
  /** The customer's yes to the new amount, as the cashier records it. */
  const newAmount = reactive<{ accepted: boolean; channel: DecisionChannel }>({ accepted: false, channel: 'in_person' })

  const activeTenders = computed(() =>
    tenders.value.filter((row) => row.amountFen > 0).map(({ method, amountFen }) => ({ method, amountFen }))
  )
  const tenderedFen = computed(() => activeTenders.value.reduce((sum, row) => sum + row.amountFen, 0))
  const settlementState = computed(() => liveSettlement(dueFen.value, activeTenders.value))
  const canPay = computed(
    () => payable.value && totalsState.value.discountMaxFen === null && settlementState.value.settlement !== null
  )

  /** The form as the job's draft has it: the quote's discount already agreed, one tender for what is due. */
  function resetForm(discountReason: string): void {
    for (const key of Object.keys(payers)) delete payers[key]
    for (const line of draft.value?.lines ?? []) if (line.sourceId) payers[line.sourceId] = line.payer
    charges.value = []
    const quoted = draft.value?.quoteDiscountFen ?? 0
    Object.assign(discount, { fen: quoted, reason: quoted > 0 ? discountReason : '' })
    tenders.value = [{ key: nextKey++, method: 'cash', amountFen: dueFen.value }]
    tendersTouched.value = false
    Object.assign(newAmount, { accepted: false, channel: 'in_person' })
    paid.value = null
    fieldErrors.value = {}
  }

  // The untouched single tender always asks for exactly what is due.
  watch(dueFen, (amount) => {
    const only = tenders.value[0]
    if (!tendersTouched.value && tenders.value.length === 1 && only) only.amountFen = amount
  })

  function addCharge(): void {
    charges.value.push({ key: nextKey++, description: '', quantity: 1, unitPriceFen: 0, payer: 'customer' })
  }

  function removeCharge(index: number): void {
    charges.value.splice(index, 1)
  }

  /** Another method for a split payment: one not used yet, for what is still missing. */
  function addTender(): void {
    const method = nextTenderMethod(tenders.value.map((row) => row.method))
    tenders.value.push({ key: nextKey++, method, amountFen: Math.max(0, dueFen.value - tenderedFen.value) })
    tendersTouched.value = true
  }

  function removeTender(index: number): void {
    tenders.value.splice(index, 1)
    tendersTouched.value = true
  }

  function payInput(approval?: ManagerApproval): Input<'checkout.pay'> {
    const current = draft.value!
    const payerLines = current.lines.filter((line) => line.sourceId)
    return {
      workOrderId: current.workOrderId,
      payers: choosesPayer.value ? Object.fromEntries(payerLines.map((line) => [line.sourceId!, payerOf(line)])) : {},
      charges: charges.value.map((charge) => ({
        description: charge.description,
        quantity: charge.quantity,
        unitPriceFen: charge.unitPriceFen,
        payer: chargePayer(charge)
      })),
      discountFen: discount.fen,
      discountReason: discount.reason,
      tenders: dueFen.value > 0 ? activeTenders.value : [],
      expectedBilledFen: billedFen.value,
      ...(approval ? { managerApproval: approval } : {}),
      ...(droppedMoneyChecked.value ? { droppedMoneyChecked: true } : {}),
      ...(differsFromQuote.value && newAmount.accepted
        ? { newAmountAccepted: { billedFen: billedFen.value, channel: newAmount.channel } }
        : {})
    }
  }

  /** Pays the job as the form has it; a discount over the limit first needs a manager's approval. */
  async function payWithForm(approval?: ManagerApproval): Promise<PaymentOutcome> {
    if (discountNeedsManager.value && !approval) return { kind: 'needsApproval' }
    paying.value = true
    fieldErrors.value = {}
    try {
      paid.value = await call('checkout.pay', payInput(approval))
      return { kind: 'paid', invoice: paid.value }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'APPROVAL_REQUIRED') return { kind: 'needsApproval' }
      if (approval && error instanceof ApiError && APPROVAL_REFUSALS.has(error.code))
        return { kind: 'approvalRefused', messageKey: error.messageKey, params: error.details ?? {} }
      return { kind: 'failed', error }
    } finally {
      paying.value = false
    }
  }

  async function openDraft(workOrderId: string): Promise<void> {
    paid.value = null
    droppedMoneyChecked.value = false
    draft.value = null
    order.value = null
    const [nextDraft, nextOrder] = await Promise.all([
      call('checkout.draft', { workOrderId }),
      call('workOrders.get', { id: workOrderId })
    ])
    draft.value = nextDraft
    order.value = nextOrder
  }

  /** Whether a job can be billed (or has been), without opening its checkout. */
  async function billingStateOf(workOrderId: string): Promise<BillingState> {
    const loaded = await call('checkout.draft', { workOrderId })
    return { workOrderId: loaded.workOrderId, invoiceId: loaded.invoiceId, blockedReason: loaded.blockedReason }
  }

  async function openInvoice(id: string): Promise<void> {
    if (invoice.value?.id !== id) {
      invoice.value = null
      related.value = []
    }
    const loaded = await call('checkout.get', { id })
    invoice.value = loaded
    related.value = await call('checkout.forWorkOrder', { workOrderId: loaded.workOrderId })
  }

  /** Records the number of a tax invoice issued elsewhere for a receipt; the receipt on screen follows. */
  async function recordTaxInvoice(invoiceId: string, taxInvoiceNumber: string): Promise<void> {
    const recorded = await call('checkout.recordTaxInvoice', { invoiceId, taxInvoiceNumber })
    if (invoice.value?.id === invoiceId) invoice.value = recorded
    related.value = related.value.map((document) => (document.id === invoiceId ? recorded : document))
  }

  async function creditNote(input: Input<'checkout.creditNote'>): Promise<Invoice> {
    const note = await call('checkout.creditNote', input)
    if (invoice.value) await openInvoice(invoice.value.id)
    return note
  }

  return {
    draft,
    order,
    invoice,
    related,
    payers,
    charges,
    discount,
    tenders,
    tendersTouched,
    paid,
    paying,
    droppedMoneyChecked,
    fieldErrors,
    payerChoices,
    choosesPayer,
    chargePayerChoices,
    payable,
    payerOf,
    totalsState,
    totals,
    dueFen,
    discountNeedsManager,
    billedFen,
    acceptedQuoteFen,
    differsFromQuote,
    newAmount,
    tenderedFen,
    settlementState,
    canPay,
    resetForm,
    addCharge,
    removeCharge,
    addTender,
    removeTender,
    payInput,
    payWithForm,
    openDraft,
    billingStateOf,
    openInvoice,
    creditNote,
    recordTaxInvoice
  }
})
