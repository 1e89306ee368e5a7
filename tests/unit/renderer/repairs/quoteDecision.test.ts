// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { h } from 'vue'
import ElementPlus from 'element-plus'
import type { Quote } from '../../../../src-shared/contract'

import { i18n } from '../../../../src-renderer/i18n'
import QuoteDecision from '../../../../src-renderer/features/repairs/QuoteDecision.vue'

const t = i18n.global.t
const quote = (changes: Partial<Quote>): Quote => ({
  id: 'q-1',
  labourFen: 60_000,
  partsFen: 80_000,
  discountFen: 0,
  totalFen: 140_000,
  note: '',
  createdAt: '2026-01-23T02:00:00.000Z',
  createdByName: '张伟',
  customerDecision: 'pending',
  decisionChannel: null,
  decidedAt: null,
  decisionRecordedByName: null,
  managerApproval: 'pending',
  managerName: null,
  managerDecidedAt: null,
  ...changes
})
const plugins = () => [ElementPlus, i18n, createPinia()]

describe('QuoteDecision', () => {
  it('shows a word awaited as a tag, with the yes and the no for whoever may give it', async () => {
    const decision = mount(QuoteDecision, {
      props: { party: 'manager', quote: quote({}), answerable: true, busy: false },
      global: { plugins: plugins() }
    })
    const line = decision.get('[data-test=manager-decision]')
    expect(line.text()).toContain(t('detail.managerApproval'))
    expect(line.get('.el-tag').text()).toBe(t('detail.managerPending'))
    await decision.get('[data-test=manager-approves]').trigger('click')
    await decision
      .findAll('button')
      .find((button) => button.text() === t('detail.reject'))!
      .trigger('click')
    expect(decision.emitted('answer')).toEqual([[true], [false]])
  })

  it('shows a manager’s word not needed as a plain line, and no buttons to those who may not give it', () => {
    const decision = mount(QuoteDecision, {
      props: { party: 'manager', quote: quote({ managerApproval: 'not_required' }), answerable: false, busy: false },
      global: { plugins: plugins() }
    })
    const line = decision.get('[data-test=manager-decision]')
    expect(line.find('.el-tag').exists()).toBe(false)
    expect(line.text()).toContain(t('detail.managerNotRequired'))
    expect(decision.find('[data-test=manager-approves]').exists()).toBe(false)
  })

  it('says how the customer answered and who recorded it, with the channel picker before the buttons', () => {
    const decision = mount(QuoteDecision, {
      props: {
        party: 'customer',
        quote: quote({
          customerDecision: 'approved',
          decisionChannel: 'phone',
          decidedAt: '2026-01-23T03:00:00.000Z',
          decisionRecordedByName: '李婷'
        }),
        answerable: true,
        busy: false
      },
      slots: { default: () => h('span', { 'data-test': 'channel' }, 'phone') },
      global: { plugins: plugins() }
    })
    const line = decision.get('[data-test=customer-decision]')
    expect(line.get('.el-tag').text()).toBe(t('detail.customerApproved'))
    expect(line.text()).toContain(`${t('decisionChannel.phone')} · 李婷 · `)
    // The slot stands on the buttons' row, not in the line above.
    expect(line.find('[data-test=channel]').exists()).toBe(false)
    expect(decision.get('.buttons [data-test=channel]').text()).toBe('phone')
    expect(decision.find('[data-test=customer-approves]').exists()).toBe(true)
  })
})
