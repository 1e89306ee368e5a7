// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { PartFound, SessionInfo, WorkOrderDetail, WorkOrderParts } from '../../../../src-shared/contract'
import type * as client from '../../../../src-renderer/api/client'
import { call } from '../../../../src-renderer/api/client'
import { i18n } from '../../../../src-renderer/i18n'
import { useSessionStore } from '../../../../src-renderer/features/auth/sessionStore'
import WorkOrderPartsPanel from '../../../../src-renderer/features/parts/WorkOrderPartsPanel.vue'

// Only the API client is replaced: the panel and its store run as they do in the app.
vi.mock('../../../../src-renderer/api/client', async (importActual) => ({
  ...(await importActual<typeof client>()),
  call: vi.fn()
}))
const api = vi.mocked(call)

const part = (id: string, partNumber: string, fitsJobDevice = false) =>
  ({ id, partNumber, name: partNumber, onHand: 5, fitsJobDevice }) as PartFound
const catalogue = [part('part-battery', 'BAT-1', true), part('part-screen', 'LCD-1')]
const order = { id: 'wo-1', status: 'repairing', readOnly: false, can: { benchWork: true } } as WorkOrderDetail
const noParts: WorkOrderParts = { workOrderId: 'wo-1', requests: [], lines: [], totalFen: 0 }

/** The request's answer, held until the test lets it arrive. */
let answerRequest: () => void = () => undefined
/** What workOrderParts.get answers. */
let jobParts: WorkOrderParts = noParts

beforeEach(() => {
  setActivePinia(createPinia())
  i18n.global.locale.value = 'en'
  useSessionStore().session = {
    user: { id: 'u-1', role: 'technician', displayName: 'Tech' },
    shop: { timeZone: 'Asia/Shanghai' }
  } as SessionInfo
  jobParts = noParts
  api.mockReset()
  api.mockImplementation(async (operation) => {
    if (operation === 'workOrderParts.get') return jobParts
    if (operation === 'parts.search') return { rows: catalogue, total: catalogue.length }
    if (operation === 'workOrderParts.request') {
      await new Promise<void>((resolve) => (answerRequest = resolve))
      return noParts
    }
    throw new Error(`unexpected call ${operation}`)
  })
})

let mounted: { unmount(): void } | null = null
afterEach(() => {
  mounted?.unmount()
  document.body.innerHTML = ''
})

async function mountPanel() {
  const panel = (mounted = mount(WorkOrderPartsPanel, {
    props: { order },
    global: { plugins: [ElementPlus, i18n] },
    attachTo: document.body
  }))
  await flushPromises()
  return panel
}

/** Opens the part drop-down and picks a part, as the technician does with the mouse. */
async function pick(panel: Awaited<ReturnType<typeof mountPanel>>, partNumber: string) {
  await panel.find('[data-test=part-request-select] input').trigger('focus')
  await panel.find('[data-test=part-request-select] .el-select__wrapper').trigger('click')
  await flushPromises()
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find((item) =>
    item.textContent?.includes(partNumber)
  )
  if (!option) throw new Error(`no option ${partNumber}`)
  option.click()
  await flushPromises()
}

const selectedText = (panel: Awaited<ReturnType<typeof mountPanel>>) =>
  panel.find('[data-test=part-request-select]').text()
const noteField = (panel: Awaited<ReturnType<typeof mountPanel>>) =>
  panel.find<HTMLInputElement>('input[name=request-note]')

describe('the job’s part request form', () => {
  it('clears the part and note once their request is answered', async () => {
    const panel = await mountPanel()
    await pick(panel, 'BAT-1')
    await noteField(panel).setValue('电池鼓包')
    expect(selectedText(panel)).toContain('BAT-1')
    await panel.find('form').trigger('submit')
    answerRequest()
    await flushPromises()
    expect(api).toHaveBeenCalledWith('workOrderParts.request', {
      workOrderId: 'wo-1',
      partId: 'part-battery',
      quantity: 1,
      note: '电池鼓包'
    })
    expect(selectedText(panel)).not.toContain('BAT-1')
    expect(noteField(panel).element.value).toBe('')
  })

  it('searches for this job and tags the parts that fit its device', async () => {
    const panel = await mountPanel()
    await pick(panel, 'BAT-1')
    expect(api).toHaveBeenCalledWith('parts.search', expect.objectContaining({ workOrderId: 'wo-1' }))
    await panel.find('[data-test=part-request-select] .el-select__wrapper').trigger('click')
    await flushPromises()
    const items = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')]
    const tagged = items.filter((item) => item.querySelector('[data-test=part-fits]'))
    expect(tagged.map((item) => item.textContent)).toEqual([expect.stringContaining('BAT-1')])
    expect(tagged[0]!.textContent).toContain('Fits this device')
  })

  it('keeps the next part picked while the first request’s answer was on its way', async () => {
    const panel = await mountPanel()
    await pick(panel, 'BAT-1')
    await noteField(panel).setValue('电池鼓包')
    await panel.find('form').trigger('submit')
    await pick(panel, 'LCD-1')
    expect(selectedText(panel)).toContain('LCD-1')
    answerRequest()
    await flushPromises()
    expect(selectedText(panel)).toContain('LCD-1')
    // The note went with the battery: it is cleared, as is what the first request used.
    expect(noteField(panel).element.value).toBe('')
  })
})

describe('the job’s part requests', () => {
  const request = {
    id: 'req-1',
    workOrderId: 'wo-1',
    partId: 'part-battery',
    partNumber: 'BAT-1',
    partName: 'Battery',
    quantity: 1,
    issuedQuantity: 0,
    note: '',
    status: 'cancelled',
    unitPriceFen: 10_000,
    requestedAt: '2026-12-07T02:00:00.000Z',
    requestedByName: 'Tech'
  } as const

  it('say under a cancelled one’s status why and who, and that one was withdrawn as the job closed', async () => {
    jobParts = {
      ...noParts,
      requests: [
        {
          ...request,
          cancellation: { byName: 'Tech', at: null, closedWithJob: null, reason: 'Requested by mistake' }
        },
        {
          ...request,
          id: 'req-2',
          cancellation: { byName: 'Desk', at: null, closedWithJob: 'returned_unrepaired', reason: 'Too dear' }
        },
        { ...request, id: 'req-3', status: 'open', cancellation: null }
      ]
    }
    const panel = await mountPanel()
    const cancellations = panel.findAll('[data-test=request-cancellation]').map((cell) => cell.text())
    expect(cancellations).toEqual([
      'Requested by mistakeTech',
      'Withdrawn with the job (Returned unrepaired)Too dearDesk'
    ])
    expect(panel.findAll('[data-test=request-status]').map((tag) => tag.text())).toEqual([
      'Cancelled',
      'Cancelled',
      'Waiting'
    ])
  })
})
