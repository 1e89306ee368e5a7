// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { defineComponent, h, nextTick, ref } from 'vue'
import ElementPlus from 'element-plus'
import type { WorkOrderDetail } from '../../../../src-shared/contract'

vi.mock('../../../../src-renderer/api/client', () => ({
  call: vi.fn(),
  ApiError: class extends Error {},
  onSessionProblem: vi.fn()
}))
const { i18n } = await import('../../../../src-renderer/i18n')
const { default: NotesPanel } = await import('../../../../src-renderer/features/repairs/NotesPanel.vue')
const { default: QuotePanel } = await import('../../../../src-renderer/features/repairs/QuotePanel.vue')

const order = (changes: Partial<WorkOrderDetail>) =>
  ({ id: 'wo-1', status: 'diagnosing', internalNote: '', customerNote: '', ...changes }) as WorkOrderDetail

describe('a work-order panel with typing in it', () => {
  it('keeps the typing when the order is shown again with other changes (another desk’s), and takes saved notes', async () => {
    const shown = ref(order({}))
    const Host = defineComponent(() => () => h(NotesPanel, { order: shown.value, editable: true }))
    const panel = mount(Host, { global: { plugins: [ElementPlus, i18n, createPinia()] } })
    const note = () => panel.get<HTMLTextAreaElement>('textarea[name=internal-note]')
    await note().setValue('客户说电池鼓包')

    shown.value = order({ status: 'repairing' })
    await nextTick()
    expect(note().element.value).toBe('客户说电池鼓包')

    // Another desk saves the customer note: this unsaved internal note stays as typed.
    shown.value = order({ status: 'repairing', customerNote: '明天取机' })
    await nextTick()
    expect(note().element.value).toBe('客户说电池鼓包')
    expect(panel.get<HTMLTextAreaElement>('textarea[name=customer-note]').element.value).toBe('明天取机')

    shown.value = order({ status: 'repairing', customerNote: '明天取机', internalNote: '已更换电池' })
    await nextTick()
    expect(note().element.value).toBe('已更换电池')
  })

  it('starts a new quote from the draft; a drafted field follows its source, what was typed elsewhere stays', async () => {
    const draft = { labourFen: 8_000, partsFen: 45_000, discountFen: 0, note: '屏幕摔裂 · LCD-1 屏幕 ×1' }
    const quotable = (quoteDraft: typeof draft) =>
      order({ serviceType: 'paid_repair', quote: null, quoteDraft, can: { quote: true } as WorkOrderDetail['can'] })
    const shown = ref(quotable(draft))
    const Host = defineComponent(() => () => h(QuotePanel, { order: shown.value }))
    const panel = mount(Host, { global: { plugins: [ElementPlus, i18n, createPinia()] } })
    const value = (name: string) => panel.get<HTMLInputElement>(`input[name=${name}]`).element.value
    expect([value('quote-labour'), value('quote-parts'), value('quote-note')]).toEqual(['80.00', '450.00', draft.note])
    await panel.get('input[name=quote-discount]').setValue('10')
    await panel.get('input[name=quote-discount]').trigger('blur')
    await panel.get('input[name=quote-note]').setValue('含贴膜')

    // A labour line is added: the labour follows; the discount and the note typed stay.
    shown.value = quotable({ ...draft, labourFen: 12_000 })
    await nextTick()
    expect([value('quote-labour'), value('quote-discount'), value('quote-note')]).toEqual(['120.00', '10.00', '含贴膜'])
  })
})
