// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import PageActions from '../../../../src-renderer/ui/PageActions.vue'

describe('PageActions', () => {
  it('draws the buttons it is given, in order, leaves out those not shown and runs the one clicked', async () => {
    const ran: string[] = []
    const wrapper = mount(PageActions, {
      props: {
        actions: [
          { label: 'Export', test: 'export', loading: true, run: () => ran.push('export') },
          { label: 'Erase', test: 'erase', shown: false, run: () => ran.push('erase') },
          { label: 'Edit', test: 'edit', type: 'primary', run: () => ran.push('edit') }
        ]
      },
      global: { plugins: [ElementPlus] }
    })
    const buttons = wrapper.findAll('button')
    expect(buttons.map((button) => button.attributes('data-test'))).toEqual(['export', 'edit'])
    expect(buttons.map((button) => button.text())).toEqual(['Export', 'Edit'])
    expect(buttons[0]!.classes()).toContain('is-loading')
    expect(buttons[1]!.classes()).toContain('el-button--primary')
    await buttons[1]!.trigger('click')
    expect(ran).toEqual(['edit'])
  })
})
