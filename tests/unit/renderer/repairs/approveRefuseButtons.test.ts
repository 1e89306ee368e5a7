// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ApproveRefuseButtons from '../../../../src-renderer/features/repairs/ApproveRefuseButtons.vue'

describe('ApproveRefuseButtons', () => {
  it('answers yes from the marked button and no from the other', async () => {
    const buttons = mount(ApproveRefuseButtons, {
      props: { approveLabel: 'Approve', refuseLabel: 'Reject', busy: false, approveTest: 'manager-approves' },
      global: { plugins: [ElementPlus] }
    })
    await buttons.get('[data-test=manager-approves]').trigger('click')
    await buttons
      .findAll('button')
      .find((button) => button.text() === 'Reject')!
      .trigger('click')
    expect(buttons.emitted('answer')).toEqual([[true], [false]])
  })
})
