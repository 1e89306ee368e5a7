// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { h } from 'vue'
import ElementPlus from 'element-plus'
import { i18n } from '../../../../src-renderer/i18n'
import QuoteDecision from '../../../../src-renderer/features/repairs/QuoteDecision.vue'

const t = i18n.global.t
const base = {
  label: '店长审批',
  decided: null,
  approveLabel: 'Approve',
  refuseLabel: 'Reject',
  busy: false,
  test: 'manager-decision',
  approveTest: 'manager-approves'
}

describe('QuoteDecision', () => {
  it('shows a word awaited as a tag, with the yes and the no for whoever may give it', async () => {
    const decision = mount(QuoteDecision, {
      props: { ...base, standing: { message: 'detail.managerPending', tag: 'warning' }, answerable: true },
      slots: { default: () => h('span', { 'data-test': 'channel' }, 'phone') },
      global: { plugins: [ElementPlus, i18n] }
    })
    const line = decision.get('[data-test=manager-decision]')
    expect(line.find('.el-tag').text()).toBe(t('detail.managerPending'))
    // What the slot holds stands before the buttons, on their row, not in the line above.
    expect(line.find('[data-test=channel]').exists()).toBe(false)
    expect(decision.get('.buttons [data-test=channel]').text()).toBe('phone')
    await decision.get('[data-test=manager-approves]').trigger('click')
    expect(decision.emitted('answer')).toEqual([[true]])
  })

  it('shows a word not needed as a plain line, with who gave one and when, and no buttons for others', () => {
    const decision = mount(QuoteDecision, {
      props: {
        ...base,
        standing: { message: 'detail.managerNotRequired' },
        decided: '王芳 · 2026-01-23 10:00',
        answerable: false
      },
      global: { plugins: [ElementPlus, i18n] }
    })
    const line = decision.get('[data-test=manager-decision]')
    expect(line.find('.el-tag').exists()).toBe(false)
    expect(line.text()).toContain(t('detail.managerNotRequired'))
    expect(line.text()).toContain('王芳 · 2026-01-23 10:00')
    expect(decision.find('[data-test=manager-approves]').exists()).toBe(false)
  })
})
