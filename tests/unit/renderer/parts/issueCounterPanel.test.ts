// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { OpenPartRequest, Part } from '../../../../src-shared/contract'
import type * as client from '../../../../src-renderer/api/client'
import { call } from '../../../../src-renderer/api/client'
import { i18n } from '../../../../src-renderer/i18n'
import IssueCounterPanel from '../../../../src-renderer/features/parts/IssueCounterPanel.vue'
import { useIssueStore } from '../../../../src-renderer/features/parts/issueStore'

// Only the API client is replaced: the panel and its store run as they do in the app.
vi.mock('../../../../src-renderer/api/client', async (importActual) => ({
  ...(await importActual<typeof client>()),
  call: vi.fn()
}))
const api = vi.mocked(call)

const screen = {
  id: 'req-1',
  workOrderId: 'wo-1',
  partId: 'part-screen',
  partNumber: 'SCR-100',
  partName: 'Screen',
  quantity: 2,
  issuedQuantity: 0,
  note: '',
  status: 'open',
  unitPriceFen: 39_900,
  requestedAt: '2026-12-04T08:00:00.000Z',
  requestedByName: 'Tech',
  workOrderNumber: 'WO-261204-0001',
  workOrderStatus: 'awaiting_parts',
  deviceLabel: 'Phone X',
  technicianName: 'Tech',
  binLocation: 'A-01',
  onHand: 3,
  serialTracked: false,
  barcodes: ['6900000000017']
} satisfies OpenPartRequest
const battery: OpenPartRequest = {
  ...screen,
  id: 'req-2',
  partId: 'part-battery',
  partNumber: 'BAT-200',
  partName: 'Battery',
  quantity: 1,
  barcodes: ['6900000000024'],
  serialTracked: true
}

let queue: OpenPartRequest[] = []
beforeEach(() => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'en'
  queue = [screen, battery]
  api.mockReset()
  api.mockImplementation(async (operation, input) => {
    if (operation === 'workOrderParts.openRequests') return queue
    if (operation === 'parts.find') return { id: 'part-other', partNumber: 'OTH-1', name: 'Other' } as Part
    if (operation === 'workOrderParts.issue') {
      const { partId } = input as { partId: string }
      queue = queue.filter((row) => row.partId !== partId)
      const queueRows = queue.filter((row) => row.workOrderId === 'wo-1')
      return { line: { id: 'line-1', partId }, queueRows }
    }
    throw new Error(`unexpected call ${operation}`)
  })
})

async function mountCounter() {
  const store = useIssueStore()
  await store.load()
  store.reselect()
  const wrapper = mount(IssueCounterPanel, { global: { plugins: [ElementPlus, i18n] }, attachTo: document.body })
  await flushPromises()
  return { wrapper, store }
}

async function scan(wrapper: Awaited<ReturnType<typeof mountCounter>>['wrapper'], code: string, field = 'issue-scan') {
  const input = wrapper.find(`input[name=${field}]`)
  await input.setValue(code)
  await input.trigger('keydown', { key: 'Enter' })
  await flushPromises()
}

describe('the issuing counter panel', () => {
  it('shows the chosen request with how many are still to issue', async () => {
    const { wrapper } = await mountCounter()
    const card = wrapper.find('[data-test=selected-request]')
    expect(card.text()).toContain('SCR-100')
    expect(card.text()).toContain('A-01')
    expect((wrapper.find('input[name=issue-quantity]').element as HTMLInputElement).value).toBe('2')
  })

  it('a scanned part nobody asked for is refused next to the scan field, and nothing is issued', async () => {
    const { wrapper } = await mountCounter()
    await scan(wrapper, 'OTH-1')
    expect(wrapper.find('[data-test=scan-feedback]').text()).toContain('OTH-1 Other')
    expect(wrapper.find('[data-test=scan-feedback]').classes()).toContain('error')
    expect(api).not.toHaveBeenCalledWith('workOrderParts.issue', expect.anything())
  })

  it("the chosen part's barcode issues the quantity asked for and says so", async () => {
    const { wrapper, store } = await mountCounter()
    await scan(wrapper, '6900000000017')
    expect(api).toHaveBeenCalledWith('workOrderParts.issue', {
      workOrderId: 'wo-1',
      partId: 'part-screen',
      quantity: 2
    })
    expect(wrapper.find('[data-test=scan-feedback]').classes()).toContain('success')
    // The same job's next request comes up.
    expect(store.selected?.id).toBe(battery.id)
  })

  it('a serial-tracked part asks for its serial, and is issued with it', async () => {
    const { wrapper } = await mountCounter()
    await scan(wrapper, 'BAT-200')
    expect(wrapper.find('input[name=issue-serial]').exists()).toBe(true)
    expect(api).not.toHaveBeenCalledWith('workOrderParts.issue', expect.anything())
    await scan(wrapper, 'SN-1', 'issue-serial')
    expect(api).toHaveBeenCalledWith('workOrderParts.issue', {
      workOrderId: 'wo-1',
      partId: 'part-battery',
      quantity: 1,
      serial: 'SN-1'
    })
  })
})
