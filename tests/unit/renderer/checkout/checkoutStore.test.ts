import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import type { CheckoutDraft, Invoice, SessionInfo, WorkOrderDetail } from '../../../../src-shared/contract'
import type * as client from '../../../../src-renderer/api/client'
import { ApiError, call } from '../../../../src-renderer/api/client'
import { useSessionStore } from '../../../../src-renderer/features/auth/sessionStore'
import { useCheckoutStore } from '../../../../src-renderer/features/checkout/checkoutStore'

// Only the API client is replaced: the store's own logic runs as it does in the app.
vi.mock('../../../../src-renderer/api/client', async (importActual) => ({
  ...(await importActual<typeof client>()),
  call: vi.fn()
}))
const api = vi.mocked(call)

function checkoutDraft(overrides: Partial<CheckoutDraft> = {}): CheckoutDraft {
  return {
    workOrderId: 'wo-1',
    workOrderNumber: 'WO-261204-0001',
    workOrderStatus: 'ready_for_pickup',
    serviceType: 'paid_repair',
    customerName: 'Li Lei',
    deviceLabel: 'Phone X',
    lines: [
      {
        kind: 'labour',
        sourceId: 'labour-1',
        description: 'Screen replacement',
        quantity: 1,
        unitPriceFen: 10_000,
        amountFen: 10_000,
        payer: 'customer'
      },
      {
        kind: 'part',
        sourceId: 'issue-1',
        description: 'Screen',
        quantity: 1,
        unitPriceFen: 30_000,
        amountFen: 30_000,
        payer: 'customer'
      }
    ],
    depositFen: 0,
    quoteDiscountFen: 0,
    approvalThresholdFen: 5_000,
    invoiceId: null,
    blockedReason: null,
    handOverNeedsCheckout: true,
    acceptedQuote: null,
    ...overrides
  }
}

const paidInvoice = { id: 'inv-1', number: 'INV-1', payments: [], changeFen: 0 } as unknown as Invoice

function serve(draft: CheckoutDraft) {
  api.mockImplementation(async (operation) => {
    if (operation === 'checkout.draft') return draft
    if (operation === 'workOrders.get') return { id: draft.workOrderId } as WorkOrderDetail
    if (operation === 'checkout.pay') return paidInvoice
    throw new Error(`unexpected call ${operation}`)
  })
}

function signInAs(role: string) {
  useSessionStore().session = { user: { role } } as unknown as SessionInfo
}

async function openCheckout(draft = checkoutDraft()) {
  serve(draft)
  const store = useCheckoutStore()
  await store.openDraft(draft.workOrderId)
  store.resetForm('agreed in the quote')
  return store
}

beforeEach(() => {
  setActivePinia(createPinia())
  api.mockReset()
  signInAs('front_desk')
})

describe('the checkout form', () => {
  it("starts with one cash tender for what is due, and the quote's discount with its reason", async () => {
    const store = await openCheckout(checkoutDraft({ quoteDiscountFen: 2_000 }))
    expect(store.dueFen).toBe(38_000)
    expect(store.discount).toEqual({ fen: 2_000, reason: 'agreed in the quote' })
    expect(store.tenders).toMatchObject([{ method: 'cash', amountFen: 38_000 }])
    expect(store.canPay).toBe(true)
  })

  it('the untouched tender follows the amount due; a touched one stays', async () => {
    const store = await openCheckout()
    store.addCharge()
    store.charges[0]!.unitPriceFen = 1_500
    await nextTick()
    expect(store.tenders[0]!.amountFen).toBe(41_500)
    store.tendersTouched = true
    store.discount.fen = 1_500
    await nextTick()
    expect(store.tenders[0]!.amountFen).toBe(41_500)
    expect(store.settlementState.settlement?.changeFen).toBe(1_500)
  })

  it('a split payment adds the next unused method for what is still missing', async () => {
    const store = await openCheckout()
    store.tenders[0]!.amountFen = 10_000
    store.addTender()
    expect(store.tenders[1]).toMatchObject({ method: 'wechat_pay', amountFen: 30_000 })
    store.removeTender(1)
    expect(store.settlementState.problem).toEqual({ kind: 'short', missingFen: 30_000 })
    expect(store.canPay).toBe(false)
  })

  it('a discount larger than the bill is left out of the totals, with the most it may be', async () => {
    const store = await openCheckout()
    store.discount.fen = 50_000
    expect(store.totalsState.discountMaxFen).toBe(40_000)
    expect(store.dueFen).toBe(40_000)
    expect(store.canPay).toBe(false)
  })

  it("on a warranty job the counter's choice of payer goes with the payment", async () => {
    const store = await openCheckout(checkoutDraft({ serviceType: 'warranty_repair' }))
    store.payers['issue-1'] = 'brand'
    expect(store.dueFen).toBe(10_000)
    expect(store.payInput().payers).toEqual({ 'labour-1': 'customer', 'issue-1': 'brand' })
  })
})

describe('paying', () => {
  it('a discount over the limit asks for a manager before anything is sent', async () => {
    const store = await openCheckout()
    store.discount.fen = 6_000
    expect(store.discountNeedsManager).toBe(true)
    expect(await store.payWithForm()).toEqual({ kind: 'needsApproval' })
    expect(api).not.toHaveBeenCalledWith('checkout.pay', expect.anything())
  })

  it("a manager's own discount needs nobody else", async () => {
    signInAs('manager')
    const store = await openCheckout()
    store.discount.fen = 6_000
    expect(store.discountNeedsManager).toBe(false)
  })

  it("pays with the manager's approval and keeps the invoice", async () => {
    const store = await openCheckout()
    store.discount.fen = 6_000
    await nextTick()
    const approval = { username: 'boss', password: 'secret' }
    expect(await store.payWithForm(approval)).toEqual({ kind: 'paid', invoice: paidInvoice })
    expect(api).toHaveBeenCalledWith(
      'checkout.pay',
      expect.objectContaining({
        discountFen: 6_000,
        managerApproval: approval,
        tenders: [{ method: 'cash', amountFen: 34_000 }],
        // The bill the screen showed: the main process refuses to take any other.
        expectedBilledFen: 34_000
      })
    )
    expect(store.paid).toEqual(paidInvoice)
  })

  it('a refused approval and a required one are told apart from other failures', async () => {
    const store = await openCheckout()
    api.mockRejectedValueOnce(new ApiError({ code: 'INVALID_CREDENTIALS', messageKey: 'errors.INVALID_CREDENTIALS' }))
    expect(await store.payWithForm({ username: 'boss', password: 'wrong' })).toEqual({
      kind: 'approvalRefused',
      messageKey: 'errors.INVALID_CREDENTIALS',
      params: {}
    })
    // Too many wrong passwords at this desk: said in the approval dialog, with how long to wait.
    api.mockRejectedValueOnce(
      new ApiError({ code: 'SIGN_IN_THROTTLED', messageKey: 'errors.SIGN_IN_THROTTLED', details: { minutes: 2 } })
    )
    expect(await store.payWithForm({ username: 'boss', password: 'wrong' })).toEqual({
      kind: 'approvalRefused',
      messageKey: 'errors.SIGN_IN_THROTTLED',
      params: { minutes: 2 }
    })
    api.mockRejectedValueOnce(new ApiError({ code: 'APPROVAL_REQUIRED', messageKey: 'errors.APPROVAL_REQUIRED' }))
    expect(await store.payWithForm()).toEqual({ kind: 'needsApproval' })
    const conflict = new ApiError({ code: 'CONFLICT', messageKey: 'errors.CONFLICT' })
    api.mockRejectedValueOnce(conflict)
    expect(await store.payWithForm()).toEqual({ kind: 'failed', error: conflict })
    expect(store.paying).toBe(false)
  })

  it("the work order's button learns whether the job can be billed", async () => {
    serve(checkoutDraft({ invoiceId: 'inv-9' }))
    expect(await useCheckoutStore().billingStateOf('wo-1')).toEqual({
      workOrderId: 'wo-1',
      invoiceId: 'inv-9',
      blockedReason: null
    })
  })
})
