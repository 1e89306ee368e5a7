import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { CheckoutDraft, PrintSettings, WorkOrderDetail } from '../../../src-shared/contract'

// The views ask their stores; the stores are the only ones to speak to the main process.
const call = vi.fn()
vi.mock('../../../src-renderer/api/client', () => ({ call, ApiError: class extends Error {} }))
const { useWorkOrderStore } = await import('../../../src-renderer/features/repairs/workOrderStore')
const { usePrintSettingsStore } = await import('../../../src-renderer/features/settings/printSettingsStore')

function draft(overrides: Partial<CheckoutDraft>): CheckoutDraft {
  return { invoiceId: null, lines: [], depositFen: 0, handOverNeedsCheckout: false, ...overrides } as CheckoutDraft
}

describe('the work order store: does a job await checkout before hand-over?', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    call.mockReset()
  })

  async function openOrder() {
    const store = useWorkOrderStore()
    call.mockResolvedValueOnce({ id: 'wo-1' } as WorkOrderDetail)
    await store.open('wo-1')
    return store
  }

  it('asks for the checkout draft of the open job and answers with the server flag', async () => {
    const store = await openOrder()
    // The rule is the server's: lines here would not matter, only its answer does.
    call.mockResolvedValueOnce(draft({ handOverNeedsCheckout: true }))
    expect(await store.awaitsCheckout()).toBe(true)
    expect(call).toHaveBeenLastCalledWith('checkout.draft', { workOrderId: 'wo-1' })
    call.mockResolvedValueOnce(draft({ depositFen: 5000, handOverNeedsCheckout: false }))
    expect(await store.awaitsCheckout()).toBe(false)
  })
})

describe('the print settings store', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    call.mockReset()
  })

  it('loads the settings and the printers this computer reaches, and shows what the save returned', async () => {
    const saved = { claim_receipt: { paper: 'a4' } } as unknown as PrintSettings
    const edited = { claim_receipt: { paper: 'thermal_80' } } as unknown as PrintSettings
    call.mockImplementation(async (operation: string) => {
      if (operation === 'printing.settings') return saved
      if (operation === 'printing.printers') return { shell: true, printers: [{ name: 'Counter' }] }
      if (operation === 'printing.saveSettings') return edited
      throw new Error(operation)
    })
    const store = usePrintSettingsStore()
    await store.load()
    expect(store.settings).toEqual(saved)
    expect(store.shell).toBe(true)
    expect(store.printers).toEqual([{ name: 'Counter' }])
    await store.save(edited)
    expect(call).toHaveBeenLastCalledWith('printing.saveSettings', { settings: edited })
    expect(store.settings).toEqual(edited)
  })
})
